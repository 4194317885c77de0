"""Shared fixtures: the seed pages, their gold records, and TEI checks."""
from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import regex
from lxml import etree

from tei.reader import printed_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLD_DIR = ROOT / "tests" / "gold"
TEI_NS = {"t": "http://www.tei-c.org/ns/1.0"}
MARKDOWN_HEADING = regex.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")
SPACE = regex.compile(r"\s+")


def gold(stem: str) -> dict:
    return json.loads((GOLD_DIR / f"{stem}.json").read_text(encoding="utf-8"))


def parse(xml: bytes) -> etree._Element:
    return etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))


def char_counts(s: str) -> Counter:
    """Non-space characters, as the profile counts them (NFKC, white space out)."""
    return Counter(SPACE.sub("", unicodedata.normalize("NFKC", s)))


def assert_lossless(raw: str, xml: bytes) -> None:
    """Every printed non-space character of the page is in the TEI once."""
    expected = char_counts(MARKDOWN_HEADING.sub("", raw))
    got = char_counts(printed_text(xml))
    assert got - expected == Counter(), "added"
    assert expected - got == Counter(), "lost"


@pytest.fixture(scope="session")
def tei_all():
    from tei.schema import tei_all

    return tei_all()


@pytest.fixture(scope="session")
def seed_docs():
    import cleanup

    return {p.stem: cleanup.convert(p.read_bytes(), source=p.name) for p in SEEDS}
