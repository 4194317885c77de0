"""The one data model every stage, the TEI writer and the TEI reader share.

A `Page` starts as raw bytes, gains decoded `lines` (each with its source
offsets), is regrouped into `blocks` (paragraphs and display lines), and ends
as `body`: masthead lines, teasers, sections, articles, figures and
unclassified text.  All text lives in `Text` values, which keep every
correction next to its original so that nothing is ever lost.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Iterator, Union

import regex


# --------------------------------------------------------------------- text

@dataclass(frozen=True, slots=True)
class Choice:
    """A correction that remembers what was printed.

    kind "sic": the printed text was an error (doubled fake-bold glyphs);
    kind "orig": the printed text was a variant form (half-width punctuation,
    a character of the other script).  TEI: sic/corr or orig/reg.
    """

    original: str
    corrected: str
    kind: str
    reason: str

    def __reduce__(self) -> tuple[type[Choice], tuple[str, str, str, str]]:
        # Pickled by its fields: compiled, a frozen class cannot have them set one by one.
        return Choice, (self.original, self.corrected, self.kind, self.reason)


Segment = Union[str, Choice]


class Text:
    """An immutable run of text whose corrections keep their originals.

    `plain` is the corrected reading, `original` what the page printed.
    Offsets used by `slice` are offsets into `plain`; a correction is never
    cut in two.  A newline in `plain` is a line break inside a display line
    (written as <lb/>).
    """

    __slots__ = ("segments", "plain", "_offsets")
    segments: tuple[Segment, ...]
    plain: str
    _offsets: list[int] | None  # see `_starts`

    def __init__(self, segments: Iterable[Segment] = (), plain: str | None = None):
        """`plain`, when given, is the plain reading of `segments`, which are
        then kept as they are: already merged (see `of`)."""
        self._offsets = None
        if plain is not None:
            self.segments = tuple(segments)
            self.plain = plain
            return
        # One pass merges neighbouring strings, drops empty ones and collects
        # the plain reading: stages build thousands of texts a page.
        merged: list[Segment] = []
        plains: list[str] = []
        run = ""  # strings since the last correction
        for seg in segments:
            if isinstance(seg, str):
                run += seg
                continue
            if run:
                merged.append(run)
                plains.append(run)
                run = ""
            merged.append(seg)
            plains.append(seg.corrected)
        if run:
            merged.append(run)
            plains.append(run)
        self.segments = tuple(merged)
        self.plain = "".join(plains)

    @classmethod
    def of(cls, s: str) -> "Text":
        """A text with no corrections (the fast way: pages have many lines)."""
        return cls((s,) if s else (), s)

    @property
    def original(self) -> str:
        return "".join(s if isinstance(s, str) else s.original for s in self.segments)

    @property
    def choices(self) -> list[Choice]:
        return [s for s in self.segments if isinstance(s, Choice)]

    def __len__(self) -> int:
        return len(self.plain)

    def __bool__(self) -> bool:
        return bool(self.segments)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and self.segments == other.segments

    def __hash__(self) -> int:
        return hash(self.segments)

    def __repr__(self) -> str:
        return f"Text({self.plain!r})" if not self.choices else f"Text({list(self.segments)!r})"

    def __add__(self, other: "Text") -> "Text":
        return Text(self.segments + other.segments)

    @classmethod
    def join(cls, texts: Iterable["Text"], sep: str = "") -> "Text":
        segments: list[Segment] = []
        for i, t in enumerate(texts):
            if i and sep:
                segments.append(sep)
            segments.extend(t.segments)
        return cls(segments)

    def _spans(self) -> Iterator[tuple[int, int, Segment]]:
        pos = 0
        for seg in self.segments:
            n = len(seg) if isinstance(seg, str) else len(seg.corrected)
            yield pos, pos + n, seg
            pos += n

    def slice(self, start: int, end: int | None = None) -> "Text":
        """The part of this text between two offsets of `plain`; a correction
        belongs to the side where it starts."""
        total = len(self.plain)
        # A deletion at the very end goes with the part that starts before
        # the end (or, in a text that is all deletions, with `slice(0)`).
        keeps_end = start < total or (total == 0 and end is None)
        end = total if end is None else end
        if start <= 0 and end >= total and keeps_end:
            return self
        if len(self.segments) == 1 and isinstance(self.segments[0], str):  # no corrections: the usual case
            lo, hi = max(0, start), min(total, end)
            return Text.of(self.plain[lo:hi] if lo < hi else "")
        starts = self._starts()
        first = max(0, bisect_left(starts, start) - 1)  # no walk from the start: slicing stays linear
        out: list[Segment] = []
        for a, seg in zip(starts[first:], self.segments[first:]):
            if a > end:
                break
            if isinstance(seg, str):
                lo, hi = max(a, start), min(a + len(seg), end)
                if lo < hi:
                    out.append(seg[lo - a:hi - a])
            elif start <= a < end or (a == total and end >= total and keeps_end):
                out.append(seg)
        return Text(out)

    def _starts(self) -> list[int]:
        """Where each segment starts in `plain` (computed once)."""
        if self._offsets is None:
            self._offsets = [a for a, _, _ in self._spans()]
        return self._offsets

    def strip(self) -> "Text":
        """Without white space at either end (white space is never page text)."""
        plain = self.plain
        if not plain or not (plain[0].isspace() or plain[-1].isspace()):  # nothing to strip: the usual case
            return self
        start = len(plain) - len(plain.lstrip())
        end = len(plain.rstrip())
        if start == 0 and end == len(plain):
            return self
        return self.slice(start, end)

    def replace(self, pattern: "regex.Pattern[str]", repl: Callable[["regex.Match[str]"], str],
                kind: str = "orig", reason: str = "") -> tuple["Text", int]:
        """Apply `repl` to every match of `pattern` in `plain`, so that
        look-arounds see across corrections.  A match inside a correction
        changes its corrected reading (the printed original stays); a match
        across the edge of a correction is left alone.

        A replacement that changes only white space is applied as is (spaces
        are layout, not text); one that changes printed characters becomes a
        `Choice` of the given kind, one per changed character when the
        replacement is as long as the match.  Returns the new text and the
        number of changes.
        """
        edits = [(m.start(), m.end(), old, new) for m in pattern.finditer(self.plain)
                 if (new := repl(m)) != (old := m.group())]
        if not edits:
            return self, 0
        out: list[Segment] = []
        count, i, n = 0, 0, len(edits)
        b = 0  # where the current segment ends in `plain`
        for seg in self.segments:
            a = b
            b += len(seg) if isinstance(seg, str) else len(seg.corrected)
            while i < n and edits[i][0] < a:  # across an edge: left alone
                i += 1
            j = i
            while j < n and edits[j][1] <= b and edits[j][0] < b:
                j += 1
            if j == i:
                out.append(seg)
                continue
            inside = edits[i:j]
            i = j
            count += len(inside)
            if isinstance(seg, Choice):
                corrected = _apply(seg.corrected, a, inside)
                out.append(Choice(seg.original, corrected, seg.kind, f"{seg.reason}; {reason}" if reason else seg.reason))
                continue
            last = a
            for start, end, old, new in inside:
                out.append(seg[last - a:start - a])
                if _without_space(new) == _without_space(old):
                    out.append(new)
                elif len(new) == len(old) > 1:  # keep each correction as small as the change
                    out += [x if x == y else _choice(x, y, kind, reason) for x, y in zip(old, new)]
                else:
                    out.append(_choice(old, new, kind, reason))
                last = end
            out.append(seg[last - a:])
        return (Text(out), count) if count else (self, 0)


def _apply(s: str, offset: int, edits: list[tuple[int, int, str, str]]) -> str:
    """`s` (which starts at `offset`) with the edits made."""
    parts, last = [], 0
    for start, end, _, new in edits:
        parts += [s[last:start - offset], new]
        last = end - offset
    return "".join(parts) + s[last:]


_SPACE = regex.compile(r"\s+")


# Corrections repeat (the same few marks widened all over a page), and a
# frozen dataclass is slow to build: equal corrections share one Choice.
_choice = lru_cache(maxsize=4096)(Choice)


@lru_cache(maxsize=4096)  # replacements repeat (the same few marks widened a page)
def _without_space(s: str) -> str:
    return _SPACE.sub("", s)


# -------------------------------------------------------------- page parts

@dataclass(slots=True)
class Line:
    """One line of the decoded page, with where it came from.

    `start`/`end` are offsets into `Page.text`; `number` is 1-based.
    `heading_marker` and `hard_break` remember Markdown markup (`## `,
    a trailing two-space break) that an extractor added and that is not
    page text.
    """

    number: int
    start: int
    end: int
    text: Text
    heading_marker: bool = False
    hard_break: bool = False

    @property
    def blank(self) -> bool:
        return not self.text.plain.strip()


# Block kinds: what the lines stage makes of the page's lines.
PARAGRAPH = "paragraph"   # running text, lines rejoined
DISPLAY = "display"       # headline-like lines (heads, labels, banners); text joined by "\n"

# Block zones: what the zones stage recognises; None is article material.
MASTHEAD = "masthead"           # imprint, slogans, QR labels, date and issue lines
TEASER = "teaser"               # a 导读 item pointing to another page
PAGE_REF = "page-ref"           # a pointer such as 详见 版04; facts["page"] = "04"
CONTINUATION = "continuation"   # （下转02版）; facts["direction"] = "to"|"from", facts["page"] = "02"
CAPTION = "caption"             # a photo caption
CREDIT = "credit"               # a photo credit line
SECTION = "section"             # a printed column name or page banner


@dataclass
class Block:
    """A paragraph or a display line, built from one or more page lines.

    `zone` is set by the zones stage (masthead, teaser, continuation,
    caption, credit, section, ...); `facts` carries what a zone rule read
    from the block (a page pointer, a continuation direction).
    """

    kind: str
    lines: list[Line]
    text: Text
    zone: str | None = None
    facts: dict[str, str] = field(default_factory=dict)

    @property
    def first_line(self) -> int:
        return self.lines[0].number if self.lines else 0


# ------------------------------------------------------------- structure

@dataclass
class Name:
    """A person (`persName`, with a role) or an organisation (`orgName`)."""

    text: Text
    role: str | None = None
    org: bool = False


@dataclass
class Date:
    text: Text
    when: str


@dataclass
class PageRef:
    """A pointer to another page, kept as printed (`详见 版04`)."""

    text: Text
    n: str


Inline = Union[Text, Name, Date, PageRef]


@dataclass
class Para:
    """Mixed content: a paragraph (`p`), an anonymous block (`ab`), a
    `byline`, a `dateline`, a masthead line (`fw`) or a list `item`."""

    kind: str
    parts: list[Inline]

    @property
    def plain(self) -> str:
        return "".join(_plain(p) for p in self.parts)

    @classmethod
    def of(cls, kind: str, text: Text) -> "Para":
        return cls(kind, [text])


def _plain(part: Inline) -> str:
    return part.plain if isinstance(part, Text) else part.text.plain


@dataclass
class Note:
    """A continuation marker: `（下转02版）` (to) or `（上接1版）` (from)."""

    text: Text
    direction: str
    page: str


@dataclass
class Figure:
    head: Text | None = None
    paras: list[Para] = field(default_factory=list)
    credits: list[Para] = field(default_factory=list)


@dataclass
class Subsection:
    head: Text
    items: list["ArticleItem"] = field(default_factory=list)


@dataclass
class PageBreak:
    """Where the text moves on to page `n` of an issue (`<pb n="02"/>`)."""

    n: str


ArticleItem = Union[Para, Figure, Note, PageBreak]


@dataclass
class Article:
    id: str
    kicker: Text | None = None
    title: Text | None = None
    subtitles: list[Text] = field(default_factory=list)
    opening: list[Para] = field(default_factory=list)
    items: list[ArticleItem] = field(default_factory=list)
    subsections: list[Subsection] = field(default_factory=list)
    closing: list[Para] = field(default_factory=list)

    @property
    def running_items(self) -> list[ArticleItem]:
        """Where the article's text goes on: its last subsection's items, or its own."""
        return self.subsections[-1].items if self.subsections else self.items


@dataclass
class Section:
    """A printed column or page banner over the articles it heads."""

    head: Text
    members: list[Union[Article, Figure]] = field(default_factory=list)


@dataclass
class Masthead:
    lines: list[Para] = field(default_factory=list)


@dataclass
class Teasers:
    items: list[Para] = field(default_factory=list)


@dataclass
class Division:
    """A `div` of plain blocks: `unclassified` or `advertisement`."""

    type: str
    paras: list[Para] = field(default_factory=list)


BodyItem = Union[Masthead, Teasers, Section, Article, Figure, Division, PageBreak]


@dataclass
class Publication:
    """What the page itself tells about its paper; None where it is silent."""

    title: str | None = None
    date: str | None = None
    date_text: str | None = None
    issue: str | None = None
    issue_text: str | None = None
    page: str | None = None
    pages: int | None = None
    pages_text: str | None = None
    idno: str | None = None
    publisher: str | None = None


@dataclass
class Change:
    """One thing a stage did, for `--explain`: where, what, and why."""

    stage: str
    line: int | None
    before: str
    after: str
    why: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "page"
        return f"{self.stage}: {where}: {self.before!r} -> {self.after!r} ({self.why})"


@dataclass(frozen=True)
class Options:
    """What a user may set for a conversion (recorded in the TEI header)."""

    encoding: str | None = None      # force this input encoding
    script: str | None = None        # "simplified" / "traditional": convert the whole page

    def __reduce__(self) -> tuple[type[Options], tuple[str | None, str | None]]:
        # Pickled by its fields: compiled, a frozen class cannot have them set one by one.
        return Options, (self.encoding, self.script)


@dataclass
class Page:
    """One page on its way through the pipeline."""

    source: str | None = None
    options: Options = field(default_factory=Options)
    raw: bytes = b""
    text: str = ""
    encoding: str | None = None
    script: str = "zh-Hans"
    # "extracted" (hard-wrapped page text) or "clean" (this tool's own text
    # format, one unit per line: see `cleanup.stages.lines.clean_form`)
    form: str = "extracted"
    lines: list[Line] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    body: list[BodyItem] = field(default_factory=list)
    publication: Publication = field(default_factory=Publication)
    settings: dict[str, dict[str, str]] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def log(self, stage: str, line: int | None, before: str, after: str, why: str) -> None:
        self.changes.append(Change(stage, line, before, after, why))

    def articles(self) -> Iterator[Article]:
        for item in self.body:
            if isinstance(item, Article):
                yield item
            elif isinstance(item, Section):
                yield from (m for m in item.members if isinstance(m, Article))
