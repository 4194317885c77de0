"""lines: rebuild paragraphs from hard-wrapped column lines and tell display
lines from running text.

(Skeleton: a run of non-blank lines becomes one paragraph block.)
"""
from __future__ import annotations

import regex

from cleanup.model import PARAGRAPH, Block, Line, Page, Text

NAME = "lines"

HEADING_MARKER = regex.compile(r"^[ \t]*#{1,6}[ \t]+")
LATIN_END = regex.compile(r"[A-Za-z]$")
LATIN_START = regex.compile(r"^[A-Za-z]")


def strip_markup(line: Line) -> None:
    """Take off Markdown an extractor added: a leading `## ` and a trailing
    two-space hard break.  Neither is page text."""
    plain = line.text.plain
    m = HEADING_MARKER.match(plain)
    if m:
        line.heading_marker = True
        line.text = line.text.slice(m.end())
    if plain.endswith("  ") and plain.strip():
        line.hard_break = True


def join_lines(lines: list[Line], sep: str = "") -> Text:
    """One text from wrapped lines: no space where a line was cut, except
    between two Latin words."""
    texts = [ln.text.strip() for ln in lines]
    out: list[Text] = []
    for i, t in enumerate(texts):
        if i and out and sep:
            out.append(Text([sep]))
        elif i and LATIN_END.search(texts[i - 1].plain) and LATIN_START.search(t.plain):
            out.append(Text([" "]))
        out.append(t)
    return Text.join(out)


def run(page: Page) -> Page:
    for line in page.lines:
        strip_markup(line)
    group: list[Line] = []
    for line in page.lines + [Line(0, 0, 0, Text())]:
        if not line.blank:
            group.append(line)
        elif group:
            page.blocks.append(Block(PARAGRAPH, group, join_lines(group)))
            group = []
    page.settings[NAME] = {}
    return page
