"""tei.reader: what the writer wrote reads back into the same model, and
writing it again gives the same bytes."""
import dataclasses

import pytest

import cleanup
from cleanup.model import Text
from cleanup.version import __version__
from tei.reader import read
from tei.writer import to_bytes

from conftest import SEEDS

HANDMADE = [
    "",
    "本报讯（记者 张三）今天,重庆发布了新政策。",
    "## 要闻·科技\n\n科技创新 引领未来  \n重庆加快发展\n\n（下转02版）",
]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_round_trip(seed, seed_docs):
    xml = seed_docs[seed.stem].to_tei()
    page = read(xml)
    assert to_bytes(page, __version__) == xml


@pytest.mark.parametrize("text", HANDMADE)
def test_handmade_round_trip(text, tmp_path):
    xml = cleanup.convert(text).to_tei()
    path = tmp_path / "page.xml"
    path.write_bytes(xml)
    assert to_bytes(read(path), __version__) == xml


def test_reading_keeps_corrections_and_facts():
    doc = cleanup.convert("日,位".encode(), source="p.txt")
    page = read(doc.to_tei())
    assert page.source == "p.txt"
    assert page.settings["decode"] == {"encoding": "utf-8"}
    assert [(c.original, c.corrected, c.kind) for c in choices(page.body)] == [(",", "，", "orig")]


def choices(node) -> list:
    """Every correction anywhere in a model tree."""
    if isinstance(node, Text):
        return node.choices
    if isinstance(node, list):
        return [c for x in node for c in choices(x)]
    if dataclasses.is_dataclass(node):
        return [c for f in dataclasses.fields(node) for c in choices(getattr(node, f.name))]
    return []


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    xml = f"""<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="unclassified"><ab>&x;</ab></div></body></text></TEI>"""
    page = read(xml.encode())
    assert "SECRET" not in page.body[0].paras[0].plain
