"""Invariants over pages recombined from seed lines: any such page converts
without error into valid TEI that holds exactly its printed characters."""
from hypothesis import HealthCheck, given, settings, strategies as st

import cleanup
from tei.schema import errors

from conftest import SEEDS, assert_lossless

SEED_LINES = sorted({ln for p in SEEDS for ln in p.read_text(encoding="utf-8").split("\n")})
pages = st.lists(st.one_of(st.sampled_from(SEED_LINES), st.just("")), max_size=60).map("\n".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages)
def test_recombined_pages_are_valid_and_lossless(tei_all, text):
    xml = cleanup.convert(text.encode("utf-8")).to_tei()
    assert errors(xml, tei_all) == []
    assert_lossless(text, xml)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages)
def test_conversion_is_deterministic(text):
    assert cleanup.convert(text).to_tei() == cleanup.convert(text).to_tei()
