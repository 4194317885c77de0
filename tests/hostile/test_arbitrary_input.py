"""Properties of `cleanup.convert` over arbitrary Unicode and arbitrary bytes:
no exception but DecodeError, always valid TEI, nothing lost or added beyond
what decode removes and reports, and the clean text a fixed point
(`cleanup.invariants`)."""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings, strategies as st

import cleanup
from cleanup.invariants import check_document, check_text_fixed_point

from conftest import SEEDS

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text shaped like pages: seed fragments, Chinese and Latin letters, punctuation
# of both widths, spaces, newlines, markup, controls, anything else.
seed_lines = sorted({ln for p in SEEDS for ln in p.read_text(encoding="utf-8").split("\n") if ln})
pieces = st.one_of(
    st.sampled_from(seed_lines),
    st.text(alphabet="重庆科技日报记者摄本讯（）()，,。.：:！?“”■●#  \u3000\n\tAN1２", max_size=30),
    st.text(max_size=20),
)
page_text = st.lists(pieces, max_size=25).map("".join)


@SETTINGS
@given(page_text)
@example("## \n##  ##")
@example("a\u0301\n\n\u0301")
def test_any_text_converts_losslessly(text):
    check_document(cleanup.convert(text))


@SETTINGS
@given(page_text)
def test_clean_text_is_a_fixed_point(text):
    check_text_fixed_point(cleanup.convert(text))


@SETTINGS
@given(st.binary(max_size=400) | page_text.map(lambda t: t.encode("gb18030", errors="ignore")))
def test_any_bytes_convert_or_raise_decode_error(data):
    try:
        doc = cleanup.convert(data)
    except cleanup.DecodeError:
        return
    check_document(doc)
