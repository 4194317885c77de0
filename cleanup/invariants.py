"""The promises every conversion keeps, checked in one place (tests and
`bench/fuzz.py` both use it):

- the TEI is well formed and valid against tei_all;
- nothing is lost or added: the TEI text, read with the printed originals,
  holds exactly the non-space characters of the decoded page (what decode
  removes and reports, and Markdown heading markers, aside);
- the clean text (`--format text`) is a fixed point: converting it again
  gives the same text.
"""
from __future__ import annotations

from collections import Counter

import regex
from cleanup.api import Document
from cleanup.stages.lines import HEADING_MARKER
from tei.reader import printed_text

SPACE = regex.compile(r"\s+")


class Broken(AssertionError):
    """A conversion broke one of its promises."""


def non_space(s: str) -> Counter:
    return Counter(SPACE.sub("", s))


def check_document(doc: Document) -> None:
    from tei.schema import errors

    xml = doc.to_tei()
    problems = errors(xml)
    if problems:
        raise Broken(f"invalid TEI: {problems[0]}")
    decoded = "\n".join(HEADING_MARKER.sub("", line) for line in doc.page.text.split("\n"))
    want, got = non_space(decoded), non_space(printed_text(xml))
    if want != got:
        raise Broken(f"lost {''.join((want - got).elements())[:40]!r}, added {''.join((got - want).elements())[:40]!r}")


def check_text_fixed_point(doc: Document) -> None:
    from cleanup.api import convert

    text = doc.to_text()
    again = convert(text).to_text()
    if again != text:
        first = next(k for k, (a, b) in enumerate(zip(text + "\0", again + "\0")) if a != b)
        raise Broken(f"text changes on a second conversion at {first}: "
                     f"{text[first - 20:first + 20]!r} -> {again[first - 20:first + 20]!r}")
