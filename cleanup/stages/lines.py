"""lines: rebuild paragraphs from hard-wrapped column lines and tell display
lines from running text.

Extracted newspaper text keeps the printed line breaks of narrow columns,
loses the paragraph indents, and puts blank lines wherever the layout had a
gap: between paragraphs, at column breaks (often mid-sentence), around heads
and captions, and after every line of a double-spaced block.  This stage
reads the shape of the lines to undo that:

- a line's width is measured in ems and compared with the usual width of
  the running text around it (the column it sits in);
- a blank line after a line that stops mid-sentence is a column break: the
  text goes on in the next running-text line;
- inside running text, a paragraph starts at a printed indent or item mark,
  or after a sentence end when the next line is short at its start (the
  dropped indent) or the line itself ends short (a paragraph's last line);
- blank lines that alternate with single lines of one width are line
  spacing;
- display lines (heads, labels, banners, credits) carry no sentence
  punctuation and stand apart, or show Markdown markup or fake-bold
  doubling, or sit at the top or bottom of running text with a width of
  their own.  What they are is for later stages to decide.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from operator import sub
from typing import Callable

import regex

from cleanup import people
from cleanup.model import DISPLAY, PARAGRAPH, Block, Line, Page, Segment, Text
from cleanup.stages.glyphs import looks_doubled

NAME = "lines"

HEADING_MARKER = regex.compile(r"^[ \t]*#{1,6}[ \t]+")
ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
DIGITS = frozenset("0123456789０１２３４５６７８９")
DECIMAL_POINTS = ".．"  # a full stop after a digit is a decimal point

# Widths: ASCII characters take half an em; so does the CJK punctuation a
# justified column may compress (、。《》（），：；？！), unless the page shows
# that it does not (`punctuation_em`); quotation marks keep a whole em.
CJK_PUNCT_MARKS = "、。〈〉《》「」『』【】〔〕〖〗〘〙〚〛・！（），：；？"
NOT_CAPITALS = bytes(b for b in range(256) if b not in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ\n")
# A sentence ends in 。！？… (any width; a full stop not after a digit),
# perhaps inside closing quotes or brackets, or with a bracketed note that
# opens the line or follows a sentence end (（记者 张三）, （下转2版）); a
# bracket inside a sentence (若干（N个）) and a bare closing quote (a quoted
# phrase) leave the sentence open.
SENTENCE_ENDS = frozenset("。｡！!？?…")
CLOSING_QUOTES = "”’」』\"'"
CLOSERS = CLOSING_QUOTES + "）)]】〕"
CLOSING_BRACKETS = frozenset("）)】〕]")
# The last characters of a line that may end a sentence: a cheap test before
# `ends_sentence` (most lines stop on a Han character).
SENTENCE_LAST = SENTENCE_ENDS | frozenset(DECIMAL_POINTS) | frozenset(CLOSERS)
OPENING_BRACKETS = "（(【〔["
# Punctuation inside running text that heads and labels hardly ever carry.
SENTENCE_PUNCT = regex.compile(r"[，。；！？]|[,;!?.](?![0-9A-Za-z])")
# A line that is wholly a bracketed note: （上接1版） （记者 张三）.
NOTE = regex.compile(r"[（(][^（()）]*[）)]")
SPACES = " \t\u3000"
# A space between Han words, as in credits and name lists (记者 张三 摄);
# letter-spaced running text (突 破 万 亿) spaces single characters.
WORD_GAP = regex.compile(r"\p{Han}{2}[ \u3000]+\p{Han}|\p{Han}[ \u3000]+\p{Han}{2}")

# A photo credit that ends a caption's line (…赏桂花。 本报记者 严冬 摄, …摄/曾诚):
# the caption is finished, as after a sentence end.
CREDIT_TAIL = regex.compile(r"[。！？!?][^。！？!?]{0,16}(?:[摄攝]|[摄攝][/／]\p{Han}{2,4})$")

WINDOW = 5            # text lines on each side that give a line's usual width
SAME_COLUMN = 1.15    # usual widths before and after within this ratio: one column
FEW = 3               # fewer lines than this on one side do not tell its width
INDENT = 2.0          # the paragraph indent (ems) the extraction dropped
INDENT_DEFICIT = 1.5  # a line this much shorter than usual does not fill its column: indented
SHORT_DEFICIT = 3.0   # a line this much shorter than usual (beyond an indent) ends short
NEW_PARAGRAPH = 2.0   # evidence needed for a paragraph break after a sentence end
WIDER, WIDER_SHARE = 3.0, 0.2  # a line this much wider than its column is not wrapped to it
UNWRAPPED = 60.0      # lines this wide were never wrapped to a column
OVERHANG = 1.5       # a wrapped line passes its column by a hanging mark at most
SHORT_HEAD_MAX = 24   # longest head line set apart that may carry a comma
SHORT_HEAD_LINES = 4  # kicker, title and a dash subtitle over two lines
QUESTION_KICKER_MAX = 12  # longest question set as a kicker (主帥去留？)
ENOUGH_PAIRS = 100    # pairs of wrapped lines that tell how wide punctuation is


def strip_markup(line: Line) -> None:
    """Take off Markdown an extractor added: a leading `## ` and a trailing
    two-space hard break.  Neither is page text."""
    plain = line.text.plain
    if plain.lstrip(" \t")[:1] == "#":
        m = HEADING_MARKER.match(plain)
        if m:
            line.heading_marker = True
            line.text = line.text.slice(m.end())
    if plain.endswith("  ") and plain.strip():
        line.hard_break = True


def join_lines(lines: list[Line], sep: str = "") -> Text:
    """One text from wrapped lines: no space where a line was cut, except
    between two Latin words."""
    plains: list[str] = []
    for ln in lines:
        segments = ln.text.segments
        if len(segments) > 1 or (segments and not isinstance(segments[0], str)):
            return _join_corrected(lines, sep)
        plains.append(ln.text.plain.strip())
    # No corrections (the usual case): join the strings.
    if sep:
        return Text.of(sep.join(plains))
    joined = plains[:1]
    for last, plain in zip(plains, plains[1:]):
        if last[-1:] in ASCII_LETTERS and plain[:1] in ASCII_LETTERS:
            joined.append(" ")
        joined.append(plain)
    return Text.of("".join(joined))


def _join_corrected(lines: list[Line], sep: str) -> Text:
    """`join_lines` for lines that carry corrections."""
    segments: list[Segment] = []
    plain_run: list[str] = []  # strings since the last correction
    last = ""
    for i, ln in enumerate(lines):
        text = ln.text
        if len(text.segments) == 1 and isinstance(text.segments[0], str):
            plain = text.segments[0].strip()  # plain text, the usual case: strip the string
            parts: tuple[Segment, ...] = (plain,)
        else:
            stripped = text.strip()
            plain, parts = stripped.plain, stripped.segments
        if i and sep:
            plain_run.append(sep)
        elif i and last[-1:] in ASCII_LETTERS and plain[:1] in ASCII_LETTERS:
            plain_run.append(" ")
        for part in parts:
            if isinstance(part, str):
                plain_run.append(part)
            else:
                segments += ["".join(plain_run), part]
                plain_run = []
        last = plain
    if not segments:
        return Text.of("".join(plain_run))
    segments.append("".join(plain_run))
    return Text(segments)


def display_widths(texts: list[str]) -> tuple[list[float], list[int]]:
    """Printed widths in ems of stripped lines, with CJK punctuation at half
    width: 1 for a Han character or a full-width sign, 1/2 for an ASCII one
    (7/10 for a capital letter); and how many CJK punctuation marks each line
    has.  No loop over characters: UTF-8 takes 1 byte for an ASCII character
    and 3 for a Han one, so byte and character counts give the number of
    half-width characters; deleting all bytes but capitals counts those, and
    deleting the marks (one `str.replace` per mark the page holds: faster
    than a regex class over CJK text) counts the marks."""
    page = "\n".join(texts)
    data = page.encode()
    unmarked = page
    for mark in CJK_PUNCT_MARKS:
        if mark in unmarked:
            unmarked = unmarked.replace(mark, "")
    chars = list(map(len, texts))
    marks = list(map(sub, chars, map(len, unmarked.split("\n"))))
    capitals = map(len, data.translate(None, NOT_CAPITALS).split(b"\n"))
    sizes = map(len, data.split(b"\n"))
    # chars - (3 * chars - size) / 4 - mark / 2 (ASCII characters and
    # punctuation at half an em) in whole quarters: the same exact float.
    widths = [(c + size - 2 * m) / 4 + 0.2 * k for c, size, m, k in zip(chars, sizes, marks, capitals)]
    return widths, marks


def punctuation_em(texts: list[str], widths: list[float], marks: list[int], stops: list[bool]) -> float:
    """The width of a CJK punctuation mark on this page: 1/2 where columns
    are justified by compressing punctuation, 1 where every character takes
    an em.  The one that gives wrapped lines in a row the same width."""
    half = full = 0.0  # width differences of wrapped lines in a row, either way
    pairs = 0
    prev = -1  # the last wrapped line, at most one blank line above
    blanks = 0
    for i, t in enumerate(texts):
        if not t:
            blanks += 1
            continue
        if not stops[i] and prev >= 0 and blanks <= 1:
            half += abs(widths[i] - widths[prev])
            full += abs(widths[i] + 0.5 * marks[i] - widths[prev] - 0.5 * marks[prev])
            pairs += 1
            if pairs == ENOUGH_PAIRS:
                break
        prev = -1 if stops[i] else i
        blanks = 0
    return 1.0 if full < half else 0.5


def ends_sentence(s: str) -> bool:
    """Does this (stripped) line end a sentence?"""
    last = s[-1:]
    if last in SENTENCE_ENDS or (last in DECIMAL_POINTS and s[-2:-1] not in DIGITS):
        return True
    if last not in CLOSERS:
        return False
    before = s.rstrip(CLOSERS)
    if before[-1:] in SENTENCE_ENDS or (before[-1:] in DECIMAL_POINTS and before[-2:-1] not in DIGITS):
        return True
    if last not in CLOSING_BRACKETS:
        return False
    # a note that opens the line or follows a sentence end, not one inside a sentence
    opening = max(s.rfind(c) for c in OPENING_BRACKETS)
    return opening == 0 or (opening > 0 and s[:opening].rstrip(CLOSERS)[-1:] in SENTENCE_ENDS)


def is_note(s: str) -> bool:
    """Is this (stripped) line wholly a bracketed note?"""
    return s[:1] in "（(" and s[-1:] in "）)" and NOTE.fullmatch(s) is not None


@dataclass(slots=True)
class Shape:
    """What the stage reads off one non-blank line."""

    line: Line
    text: str                # the line without surrounding white space
    gap: int                 # blank lines before it (0 once read as line spacing)
    width: float
    stop: bool               # ends a sentence
    indent: bool             # printed with a leading space: starts a block of any kind
    note: bool               # wholly a bracketed note
    apart: bool              # a note, an item mark or an indent: starts a paragraph
    marked: bool             # Markdown heading or hard break
    display: bool = False
    spaced: bool = False     # in a double-spaced block
    wrapped: bool = False    # in a run of lines wrapped to a column (not one paragraph per line)
    usual: float = 0.0       # the usual width of the running text around it
    _punct: bool | None = None
    _doubled: bool | None = None

    @property
    def punct(self) -> bool:
        """Carries sentence punctuation (looked up on demand: most lines never ask)."""
        if self._punct is None:  # a full-width comma or full stop answers without the regex
            text = self.text
            self._punct = "，" in text or "。" in text or SENTENCE_PUNCT.search(text) is not None
        return self._punct

    @property
    def runs_on(self) -> bool:
        """Running text: sentence punctuation, a bracket left open for the
        next line (新华社…电（记者 X / Y）记者…), or a colon that introduces
        what follows (编辑同志：)."""
        text = self.text
        return self.punct or text[-1:] in "：:" or text.count("（") > text.count("）")

    @property
    def strong(self) -> bool:
        """Surely display: Markdown markup or fake-bold doubling."""
        if self._doubled is None:
            self._doubled = looks_doubled(self.text)
        return self.marked or self._doubled


def read_shapes(lines: list[Line]) -> tuple[list[Shape], float]:
    """The shapes of the non-blank lines, and the width of a CJK punctuation
    mark on this page."""
    texts = [ln.text.plain for ln in lines]
    stripped = [t.strip() for t in texts]
    stops = [bool(s) and s[-1] in SENTENCE_LAST and ends_sentence(s) for s in stripped]
    widths, marks = display_widths(stripped)
    em = punctuation_em(stripped, widths, marks, stops)
    shapes: list[Shape] = []
    gap = 0
    mark_extra = em - 0.5  # what a punctuation mark adds to the width measured at half an em
    for line, plain, s, width, mark, stop in zip(lines, texts, stripped, widths, marks, stops):
        if not s:
            gap += 1
            continue
        indent = plain[:1] in SPACES
        note = s[0] in "（(" and is_note(s)  # the call only for lines that may be notes
        item = not "\u4e00" <= s[0] <= "\u9fff" and unicodedata.category(s[0]) == "So"
        # line, text, gap, width, stop, indent, note, apart, marked
        shapes.append(Shape(line, s, gap, width + mark_extra * mark, stop, indent, note, indent or note or item,
                            line.heading_marker or line.hard_break))
        gap = 0
    return shapes, em


def runs(shapes: list[Shape]) -> list[list[Shape]]:
    """Lines with no blank line between them."""
    out: list[list[Shape]] = []
    for s in shapes:
        if s.gap or not out:
            out.append([s])
        else:
            out[-1].append(s)
    return out


def typical(widths: list[float]) -> float:
    """The width most full lines reach: high in the range, which leaves out
    short last lines, but below the top, which leaves out an odd wide line."""
    if not widths:
        return 0.0
    ordered = sorted(widths)
    return ordered[(2 * len(ordered)) // 3] if len(ordered) > 2 else ordered[-1]


# ------------------------------------------------------------ double spacing

def mark_double_spacing(page: Page, shapes: list[Shape]) -> None:
    """Blank lines that alternate with single lines of one width are line
    spacing: each such stretch is read as one run."""
    chain: list[Shape] = []  # single lines, one blank line apart
    for group in runs(shapes) + [[]]:
        if len(group) == 1 and chain and group[0].gap == 1:
            chain.append(group[0])
            continue
        for stretch in double_spaced(chain):
            for s in stretch:
                s.spaced = True
            for s in stretch[1:]:
                s.gap = 0
            page.log(NAME, stretch[0].line.number, f"{len(stretch)} lines", "one run",
                     "blank lines alternate with single lines of one width: line spacing")
        chain = group[:] if len(group) == 1 else []


def double_spaced(chain: list[Shape]) -> list[list[Shape]]:
    """The stretches of a chain of single lines that are double-spaced
    running text: lines of the chain's usual width (a paragraph's last line
    may be shorter), most of them stopping mid-sentence and carrying
    sentence punctuation (unlike a stack of labels or one paragraph per
    line).  A stretch does not open with an unpunctuated line followed by
    another: that is a head above the text."""
    wrapped = [s.width for s in chain if not s.stop]
    if len(chain) < 3 or len(wrapped) < 2:
        return []
    usual = typical(wrapped)
    if usual >= UNWRAPPED:
        return []
    tolerance = max(1.5, 0.12 * usual)
    stretches: list[list[Shape]] = []
    stretch: list[Shape] = []
    for s in chain + [None]:
        if s and not s.marked and s.width <= usual + tolerance and (s.stop or s.width >= usual - SHORT_DEFICIT):
            stretch.append(s)
            continue
        while len(stretch) > 1 and not stretch[0].punct and not stretch[1].punct:
            stretch.pop(0)
        if len(stretch) >= 3 and running_text(stretch):
            stretches.append(stretch)
        stretch = []
    return stretches


def running_text(lines: list[Shape]) -> bool:
    """Do most lines stop mid-sentence and carry sentence punctuation?"""
    wrapped = sum(not s.stop for s in lines)
    return wrapped >= 2 and 2 * wrapped >= len(lines) and 2 * sum(s.punct for s in lines) >= len(lines)


def mark_wrapped(groups: list[list[Shape]]) -> None:
    """Lines wrapped to a column: in runs of more than one line, but not in
    runs of paragraphs printed one per line (nearly every line of those ends
    a sentence), and not wider than any column."""
    for run in groups:
        stops = sum(s.stop for s in run)
        if len(run) > 1 and (stops < 3 or 4 * stops < 3 * len(run)):
            for s in run:
                s.wrapped = s.width < UNWRAPPED


# ------------------------------------------------------------ display lines

def mark_unpunctuated_runs(groups: list[list[Shape]]) -> None:
    """Runs of lines with no sentence punctuation at all are display lines."""
    for run in groups:
        if not run[0].spaced and not any(s.punct or s.note for s in run):
            for s in run:
                s.display = True


def mark_edges(groups: list[list[Shape]], bounds: list[tuple[int, int]],
               head: Callable[[Shape, Shape | None], bool]) -> None:
    """Display lines at the edges of runs of running text (see `edges`):
    above the top, a head and the lines above it (and the one below a hard
    break); below the bottom, where no line carries punctuation, all the
    lines once one of them is a head (a kicker over a title, heads after
    their text).  `head` sees a line and the one after it (perhaps across a
    blank line)."""
    for g, (run, (top, bottom)) in enumerate(zip(groups, bounds)):
        if not top and bottom == len(run):
            continue
        nxt = groups[g + 1][0] if g + 1 < len(groups) else None
        heads = [k for k in range(top) if head(run[k], run[k + 1])]
        if heads:
            last = heads[-1] + (run[heads[-1]].line.hard_break and heads[-1] + 1 < top)
            for s in run[:last + 1]:
                s.display = True
        heads = [k for k in range(bottom, len(run)) if head(run[k], run[k + 1] if k + 1 < len(run) else nxt)]
        for s in run[bottom:] if heads else ():
            s.display = True


def edges(run: list[Shape]) -> tuple[int, int]:
    """Where display lines may sit in a run of running text: above `top`
    (its first line of running text), and from `bottom` on, when a sentence
    or a caption with its credit ends on the line before.  A run of display
    lines, or of double-spaced text, has no such edges."""
    if run[0].spaced or (run[0].runs_on and run[-1].punct):
        return 0, len(run)
    top = next((k for k, s in enumerate(run) if s.runs_on), len(run))
    if top == len(run):
        return 0, len(run)
    last = next((k for k in range(len(run) - 1, top - 1, -1) if run[k].punct), top)
    return top, last + 1 if run[last].stop or CREDIT_TAIL.search(run[last].text) else len(run)


def marked_head(s: Shape, nxt: Shape | None) -> bool:
    """Markdown, a line cut off by an indented one below it, a credit or a
    name line (记者 张三 摄) that closes a run."""
    if s.note:
        return False
    if s.marked:
        return True
    if nxt is None or nxt.gap:
        return s.gap == 0 and WORD_GAP.search(s.text) is not None
    return nxt.indent


def shaped_head(s: Shape) -> bool:
    """A line far shorter than its column (not an indented first line), or
    wider than it (a head across columns)."""
    return s.usual - s.width >= INDENT + SHORT_DEFICIT or s.width - s.usual >= max(WIDER, WIDER_SHARE * s.usual)


def head_before_text(s: Shape, nxt: Shape | None) -> bool:
    """A line of its own width, or one followed by a line short by a whole
    indent (a head over a paragraph's first line, not a first line itself,
    which a full line would follow, nor one a column break cut off), or
    doubled glyphs (looked for only off the column's width: the test is
    dear)."""
    if s.note or not s.usual:
        return False
    if shaped_head(s) or (nxt is not None and not nxt.display and not nxt.note and not nxt.stop
                          and nxt.usual - nxt.width >= INDENT):
        return True
    return abs(s.usual - s.width) > INDENT_DEFICIT and s.strong


def measure(shapes: list[Shape]) -> None:
    """The usual width of the running text around each line, from the
    wrapped lines before and after it: running-text lines that do not end a
    sentence, so reached the column's end (display lines have widths of
    their own, a paragraph's last line is short).  When the two sides
    differ, one of them is another column: the side nearer the line's own
    width counts, unless only the other side has lines enough to tell."""
    full = [not s.display and not s.stop for s in shapes]
    widths = [s.width for s, f in zip(shapes, full) if f]
    n = len(widths)
    # before[k]: the typical width of the WINDOW wrapped lines before the k-th one
    before = [typical(widths[:k]) for k in range(min(n, WINDOW) + 1)]
    windows = zip(*(widths[i:] for i in range(1, WINDOW + 1)))  # widths[k - WINDOW:k] for each k > WINDOW
    before += [w[(2 * WINDOW) // 3] for w in map(sorted, windows)]
    k = 0  # wrapped lines before the current line
    for s, f in zip(shapes, full):
        after = k + f
        b = before[k]
        a = before[after + WINDOW] if after + WINDOW <= n else typical(widths[after:])
        wider, narrower = (a, b) if a >= b else (b, a)
        if not (a and b) or wider <= SAME_COLUMN * narrower:
            s.usual = wider
        elif (k >= FEW) != (n - after >= FEW):
            s.usual = b if k >= FEW else a
        else:
            w = max(s.width, 0.5)
            s.usual = b if max(b, w) / min(b, w) <= max(a, w) / min(a, w) else a
        k = after


def keep_continuations(groups: list[list[Shape]]) -> None:
    """A run of lines without punctuation is running text that a column
    break cut off when its lines fill their column (the first may be
    indented) and the text before it stops mid-sentence, or when running
    text goes on after it with a full line (not one that opens with a
    bracketed note: （接1版）… starts a text) and the run begins as a
    paragraph does, short by its indent, when a finished text stands before
    it (else it is a head group as wide as a narrow column), or when it
    closes a bracket the text before it left open (（记者 孟瑶 / 通讯员 沈乐）).
    A run with a dash subtitle is a head group whatever its width.  Read
    from the end, so that a chain of such runs comes back whole."""
    for g in range(len(groups) - 1, -1, -1):
        run = groups[g]
        if not all(s.display and s.usual for s in run):
            continue
        prev = groups[g - 1][-1] if g else None
        deficits = [s.usual - s.width for s in run]
        closes_bracket = prev is not None and not prev.display and left_open(prev.text) > 0 > left_open(run[0].text)
        if not closes_bracket and (any(abs(d) > INDENT_DEFICIT for d in deficits[1:])
                                   or not -INDENT_DEFICIT <= deficits[0] <= INDENT + INDENT_DEFICIT):
            continue
        nxt = groups[g + 1][0] if g + 1 < len(groups) else None
        goes_on = nxt and not nxt.display and not nxt.apart and nxt.usual - nxt.width < INDENT_DEFICIT \
            and nxt.text[:1] not in "（(" \
            and (prev is None or not prev.stop or deficits[0] >= INDENT_DEFICIT)
        if ((prev and not prev.display and not prev.stop and abs(deficits[0]) <= INDENT_DEFICIT) or goes_on
                or closes_bracket) and not any(s.strong for s in run) and not dash_subtitled(run):
            for s in run:
                s.display = False


def left_open(text: str) -> int:
    """Brackets the line opens and does not close (below 0: closes more
    than it opens, the end of a bracket an earlier line opened)."""
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


def dash_subtitled(run: list[Shape]) -> bool:
    """A line after the first opens with a dash: a title and its subtitle
    (今冬煤球供应不成问题 / ——全市储煤比去年多四万吨)."""
    return any(s.text.startswith("——") for s in run[1:])


def question_head(run: list[Shape]) -> bool:
    """A head that asks (流感高发季 / 接种流感疫苗， / 现在还来得及吗？): a line
    ends in a question mark, and every line with punctuation stops far short
    of its column, as no wrapped sentence does."""
    return any(s.text[-1:] in "？?" for s in run) and all(
        s.usual and s.usual - s.width >= SHORT_DEFICIT for s in run if s.punct or s.stop)


def mark_short_heads(groups: list[list[Shape]]) -> None:
    """Heads that carry sentence punctuation, set apart by blank lines after
    a finished text or a head:
    - a few short lines, one after the first opening a dash subtitle, none
      ending a sentence (精耕细作　多打粮食 / 青崖专区春播进度超过往年 /
      ——已播早稻秧田十二万亩， / 比去年同期多三成);
    - a question kicker over its title (主帥去留？ / 東區班主：季後再作檢討),
      or a head that asks (see `question_head`);
    - a single line with a comma, far shorter than the running text after it
      (早作准备，迎接夏收), or wider than its column (天冷了，心脑血管病患者要注意保暖
      over a column of 14);
    - lines over a news report's opening dateline (暴雨过后，老城区32条背街小巷 /
      积水点全部完成排查整治 / 本报讯…)."""
    for g, run in enumerate(groups):
        if len(run) > SHORT_HEAD_LINES or run[0].spaced or all(s.display for s in run):
            continue
        prev = groups[g - 1][-1] if g else None
        if prev is not None and not (prev.stop or prev.display):      # a head follows a finished text
            continue
        nxt = groups[g + 1][0] if g + 1 < len(groups) else None
        asks = len(run) == 2 and run[0].text[-1:] in "？?" and len(run[0].text) <= QUESTION_KICKER_MAX
        questions = asks or question_head(run)
        if any(s.note or "。" in s.text or s.stop and not (questions and s.text[-1:] in "？?")
               for s in (run[1:] if asks else run)):
            continue
        if any(len(s.text) > SHORT_HEAD_MAX and (len(s.text) > 2 * SHORT_HEAD_MAX or not s.strong)
               for s in run):     # a line in fake bold may be twice as long
            continue
        dashed = dash_subtitled(run)
        # one line far shorter than the text after it (one as wide as the text may be a caption),
        # or, below other matter (at the page top it may caption a photo), wider than its
        # column by more than a hanging mark: no line wrapped to it
        alone = len(run) == 1 and nxt is not None and not nxt.display \
            and (max(nxt.usual, nxt.width) - run[0].width >= INDENT + SHORT_DEFICIT
                 or prev is not None and run[0].usual > 0 and run[0].width - run[0].usual >= OVERHANG)
        # a few lines set apart over a news report's opening dateline are its heads
        over_report = nxt is not None and not nxt.display and people.opens_with_dateline(nxt.text)
        if dashed or questions or alone or over_report:
            for s in run:
                s.display = True


# ------------------------------------------------------------ paragraphs

def shortfall(s: Shape, first: bool) -> float:
    """How much shorter than its column a line ends, beyond the indent of a
    paragraph's first line."""
    return s.usual - s.width - (INDENT if first else 0.0)


def indented(s: Shape) -> bool:
    """Is s a paragraph's first line, short by the dropped indent (and not a
    short last line)?"""
    deficit = s.usual - s.width
    return deficit >= INDENT_DEFICIT and (deficit < SHORT_DEFICIT or not s.stop)


def starts_paragraph(a: Shape, b: Shape, a_first: bool) -> str | None:
    """Why running-text line b starts a new paragraph after line a, or None."""
    if b.apart or a.note:
        return "indent, item mark or note"
    if b.gap:
        if a.stop:
            return "blank line after a sentence end"
        if a.wrapped and shortfall(a, a_first) >= SHORT_DEFICIT:
            return "blank line after a short line"
        if not a.wrapped and b.wrapped and indented(b):
            return "blank line between a lone line and an indented line"
        return None
    if a.stop and not (a.wrapped and b.wrapped):
        return "sentence end in one-paragraph-per-line text"
    if a.stop:
        # b short at its start (the dropped indent) and a short at its end;
        # but a short sentence after a closed quotation is its attribution
        # (…。”\n张福建说。), short because it ends the paragraph
        indent = b.usual - b.width
        if b.stop and indent >= SHORT_DEFICIT and a.text[-1:] in CLOSING_QUOTES:
            indent = 0.0
        evidence = indent + 0.5 * max(0.0, shortfall(a, a_first))
        return "sentence end, then a short or indented line" if evidence >= NEW_PARAGRAPH else None
    if shortfall(a, a_first) >= SHORT_DEFICIT and indented(b):
        return "short line before an indented line"
    return None


def build_blocks(page: Page, shapes: list[Shape]) -> list[Block]:
    """Display lines in a row (no blank line, no indent between them) make
    one display block; running text is cut into paragraphs."""
    blocks: list[Block] = []
    group: list[Shape] = []

    def close() -> None:
        lines = [s.line for s in group]
        if group[0].display:
            blocks.append(Block(DISPLAY, lines, join_lines(lines, "\n")))
        else:
            blocks.append(Block(PARAGRAPH, lines, join_lines(lines)))
        group.clear()

    for s in shapes:
        if group:
            a = group[-1]
            if a.display or s.display:
                same = a.display and s.display and not s.gap and not s.indent
            else:
                why = starts_paragraph(a, s, len(group) == 1)
                same = why is None
                if same and s.gap:
                    page.log(NAME, s.line.number, "blank line", "joined",
                             "the text before stops mid-sentence: column break")
                elif why is not None and not s.gap:
                    page.log(NAME, s.line.number, "", "new paragraph", why)
            if not same:
                close()
        group.append(s)
    if group:
        close()
    return blocks


def read_page(page: Page) -> list[Shape]:
    """The shapes of the page's non-blank lines, with line spacing, display
    lines and usual widths worked out (Markdown already taken off)."""
    shapes, em = read_shapes(page.lines)
    page.settings[NAME] = {"punctuation_em": str(em)}
    mark_double_spacing(page, shapes)
    groups = runs(shapes)
    mark_wrapped(groups)
    mark_unpunctuated_runs(groups)
    bounds = [edges(run) for run in groups]
    mark_edges(groups, bounds, marked_head)
    measure(shapes)
    mark_edges(groups, bounds, head_before_text)
    mark_short_heads(groups)
    keep_continuations(groups)
    return shapes


# ------------------------------------------------------------ clean text

def clean_blocks(lines: list[Line]) -> list[Block]:
    """The units of a clean-form page: heads as display blocks, the rest as
    paragraphs, the lines of one unit kept apart by "\n"."""
    blocks: list[Block] = []
    unit: list[Line] = []
    for line in lines + [Line(0, 0, 0, Text.of(""))]:
        if not line.blank:
            unit.append(line)
            continue
        if unit:
            kind = DISPLAY if unit[0].heading_marker else PARAGRAPH
            blocks.append(Block(kind, unit, join_lines(unit, "\n" if len(unit) > 1 else "")))
            unit = []
    return blocks


def run(page: Page) -> Page:
    text = "\n".join([line.text.plain for line in page.lines]) + "\n"
    if "#" in text or "  \n" in text:  # most pages carry no markup: one look at the page first
        for line in page.lines:
            plain = line.text.plain
            if "#" in plain or plain.endswith("  "):  # the call only for lines that may carry markup
                strip_markup(line)
    if page.form == "clean":      # the tool's own text format (decode tells)
        page.blocks = clean_blocks(page.lines)
        page.settings[NAME] = {"form": "clean"}
        page.log(NAME, None, "", "clean text",
                 "every unit stands alone, heads marked ## and the rest indented: nothing to rejoin")
        return page
    page.blocks = build_blocks(page, read_page(page))
    page.settings[NAME] |= {
        "form": "extracted",
        "window": str(WINDOW),
        "indent": str(INDENT),
        "indent_deficit": str(INDENT_DEFICIT),
        "short_deficit": str(SHORT_DEFICIT),
        "new_paragraph": str(NEW_PARAGRAPH),
    }
    return page
