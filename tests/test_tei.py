"""The TEI writer: valid against tei_all, lossless, deterministic."""
import pytest

import cleanup
from tei.schema import errors

from conftest import SEEDS, TEI_NS, assert_lossless, parse


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_is_valid_tei(seed, seed_docs, tei_all):
    assert errors(seed_docs[seed.stem].to_tei(), tei_all) == []


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_is_lossless(seed, seed_docs):
    assert_lossless(seed.read_text(encoding="utf-8"), seed_docs[seed.stem].to_tei())


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_same_page_same_bytes(seed, seed_docs):
    again = cleanup.convert(seed.read_bytes(), source=seed.name).to_tei()
    assert again == seed_docs[seed.stem].to_tei()


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_out_is_current(seed, seed_docs):
    """out/ holds what the current code makes from seeds/ (README's first command)."""
    out = seed.parent.parent / "out" / f"{seed.stem}.xml"
    assert out.read_bytes() == seed_docs[seed.stem].to_tei(), "run README's first command to refresh out/"


def test_empty_page_is_a_valid_document(tei_all):
    xml = cleanup.convert(b"").to_tei()
    assert errors(xml, tei_all) == []
    div = parse(xml).find(".//t:body/t:div", TEI_NS)
    assert div.get("type") == "unclassified" and len(div) == 1 and div[0].tag.endswith("ab")


def test_corrections_keep_originals():
    xml = cleanup.convert("7月12日,位于南川区".encode()).to_tei()
    choice = parse(xml).find(".//t:choice", TEI_NS)
    assert [(c.tag.split("}")[1], c.text) for c in choice] == [("orig", ","), ("reg", "，")]


def test_header_records_stages_and_source():
    root = parse(cleanup.convert("重庆".encode("gb18030"), source="p.txt").to_tei())
    apps = root.findall(".//t:encodingDesc/t:appInfo/t:application", TEI_NS)
    assert [a.get("ident") for a in apps] == [f"cleanup.{s.NAME}" for s in cleanup.pipeline.STAGES]
    assert "encoding=gb18030" in [d.text for d in apps[0].findall("t:desc", TEI_NS)]
    assert root.find(".//t:sourceDesc/t:bibl/t:note[@type='source']", TEI_NS).text == "p.txt"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"
