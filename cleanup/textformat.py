"""The clean text format (`cleanup PAGE --format text`): the page's units
(heads, paragraphs, bylines, captions, masthead lines) in reading order, one
blank line apart; every line of a head marked `## `, every line of any other
unit indented by two ideographic spaces.  Nothing in it is wrapped, so a page
in this form is read as written (`is_clean_text`): converting the text again
gives the same text."""
from __future__ import annotations

import regex

HEAD_MARK = "## "
INDENT = "\u3000\u3000"
# A line of the format: a marked head line, or an indented line of text.
UNIT_LINE = regex.compile(r"## \S.*|\u3000\u3000[^\s\u3000].*")


def is_clean_text(text: str) -> bool:
    """Is the page in the clean text format?  Every non-blank line is a head
    line or an indented line, and the lines of one unit (no blank line
    between them) are all of one kind."""
    head: bool | None = None      # the kind of the unit being read
    seen = False
    for line in text.split("\n"):
        if not line.strip():
            head = None
            continue
        if not UNIT_LINE.fullmatch(line):
            return False
        marked = line.startswith(HEAD_MARK)
        if head is not None and head != marked:
            return False
        head, seen = marked, True
    return seen


def render(units: list[tuple[bool, str]]) -> str:
    """The clean text of (is a head, text) units; a unit's own line breaks
    stay, each line marked."""
    out = []
    for head, unit in units:
        lines = [ln.strip() for ln in unit.split("\n") if ln.strip()]
        if lines:
            mark = HEAD_MARK if head else INDENT
            out.append("\n".join(mark + ln for ln in lines))
    return "\n\n".join(out)
