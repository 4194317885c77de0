"""glyphs: undo fake-bold doubling in display lines.

A headline set in a fake-bold font is drawn twice, slightly offset, and some
extractors then print it twice: glyph by glyph (““, NN, ■■) or run by run
(空间格局空间格局), both mixed in one line.  Real text repeats too (常常,
研究研究, 高高兴兴, two labels side by side), so a display line is de-doubled
only when doubling explains nearly all of it and what remains is more than a
reduplicated word.  Each removed copy is kept as a sic/corr correction.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from cleanup.wordlists import words
from cleanup.model import DISPLAY, Block, Choice, Page, Segment, Text

NAME = "glyphs"

MAX_RUN = 40        # longest run looked for as printed twice
MAX_LINE = 100      # a doubled headline of up to 50 characters; longer lines are running text
COVERAGE = 0.85     # share of a line's printed characters its doubling must explain
MIN_RESULT = 3      # a shorter de-doubled line may be a reduplicated word (常常, 研究研究)
MIN_RESULT_AA = 5   # ... and one made of doubled single Han characters may be AABB words (高高兴兴)
REASON = "printed twice by a fake-bold font"

# A run printed twice in a row.  Greedy: the longest run at a position wins,
# so 谢谢大家谢谢大家 is one run, not 谢谢 + 大家 + ...  Bounded, so linear.
TWICE = regex.compile(rf"(\S(?:[^\n]{{0,{MAX_RUN - 2}}}\S)?)\1")
HAN = regex.compile(r"\p{Han}")


# Signs printed as two glyphs (—— ……): their pair is one sign, not a doubling.
PAIRED = frozenset(words("glyphs_paired.txt"))


def _printed(s: str) -> int:
    """Number of non-space characters (spaces are layout, never doubled text)."""
    return len("".join(s.split()))


def _may_be_doubled(plain: str) -> bool:
    """A cheap necessary condition.  Each explained character occurs at least
    twice, so a doubled line has at most printed * (1 - COVERAGE / 2)
    distinct characters."""
    if len(plain) > MAX_LINE:
        return False
    printed = "".join(plain.split())
    return bool(printed) and len(set(printed)) <= len(printed) * (1 - COVERAGE / 2)


@dataclass(frozen=True)
class Doubling:
    """The doubled units found in one line: (segment index, match) pairs."""

    units: tuple[tuple[int, "regex.Match[str]"], ...]
    printed: int
    removed: int

    @property
    def explains_line(self) -> bool:
        return bool(self.units) and 2 * self.removed >= COVERAGE * self.printed

    @property
    def complete(self) -> bool:
        return bool(self.units) and 2 * self.removed == self.printed

    @property
    def stands_alone(self) -> bool:
        """Doubled beyond doubt: not just a reduplicated word."""
        single_han = all(len(m.group(1)) == 1 and HAN.match(m.group(1)) for _, m in self.units)
        minimum = MIN_RESULT_AA if single_han else MIN_RESULT
        return self.explains_line and self.printed - self.removed >= minimum


def _is_unit(seg: str, m: "regex.Match[str]") -> bool:
    """A run of one repeated sign (■■■■■■, 人人人人, ——) is a doubling only
    when it is exactly that sign twice: a lone ■■, or ———— for ——."""
    run = m.group(1)
    sign = run[0]
    if run.strip(sign):
        return True
    if len(run) != (2 if sign in PAIRED else 1):
        return False
    start, end = m.span()
    return (start == 0 or seg[start - 1] != sign) and (end == len(seg) or seg[end] != sign)


def find_doubling(line: Text) -> Doubling | None:
    """The doubling of one line (no "\\n" in it), or None where there can be
    none: too long, already corrected, or too few repeated characters."""
    if not _may_be_doubled(line.plain) or any(isinstance(s, Choice) and s.kind == "sic"
                                              for s in line.segments):
        return None
    units = tuple(
        (i, m)
        for i, seg in enumerate(line.segments) if isinstance(seg, str)
        for m in TWICE.finditer(seg) if _is_unit(seg, m)
    )
    return Doubling(units, _printed(line.plain), sum(_printed(m.group(1)) for _, m in units))


def undo(line: Text, doubling: Doubling) -> Text:
    """The line with each doubled unit read once, the printed pair kept as sic."""
    by_segment: dict[int, list[regex.Match[str]]] = {}
    for i, m in doubling.units:
        by_segment.setdefault(i, []).append(m)
    out: list[Segment] = []
    for i, seg in enumerate(line.segments):
        if i not in by_segment or not isinstance(seg, str):  # units lie in strings only
            out.append(seg)
            continue
        last = 0
        for m in by_segment[i]:
            out += [seg[last:m.start()], Choice(m.group(0), m.group(1), "sic", REASON)]
            last = m.end()
        out.append(seg[last:])
    return Text(out)


def split_lines(text: Text) -> list[Text]:
    plain, lines, start = text.plain, [], 0
    if "\n" not in plain:
        return [text]
    while (end := plain.find("\n", start)) >= 0:
        lines.append(text.slice(start, end))
        start = end + 1
    lines.append(text.slice(start))
    return lines


def undouble_lines(lines: list[Text]) -> list[Text]:
    """De-double the lines of one display block.  A line that could be a
    reduplicated word is de-doubled only when fully doubled and when another
    line of the block is doubled beyond doubt."""
    found = [find_doubling(t) for t in lines]
    block_doubled = any(d and d.stands_alone for d in found)
    return [_stable_undo(t, d) if d and (d.stands_alone or (block_doubled and d.complete)) else t
            for t, d in zip(lines, found)]


def _stable_undo(line: Text, doubling: Doubling) -> Text:
    """The de-doubled line, unless it would still look doubled (a run printed
    four times is a pattern, not fake bold): a correction must be final, so
    that converting the clean text again changes nothing."""
    fixed = undo(line, doubling)
    return line if looks_doubled(fixed.plain) else fixed


def looks_doubled(s: str) -> bool:
    """Does this line show fake-bold doubling (空间格局空间格局, ““, ■■) across
    nearly all of it?  A signal for display lines; False for running text."""
    if not _may_be_doubled(s):
        return False
    d = find_doubling(Text([s]))
    return bool(d and d.stands_alone)


def undouble_block(page: Page, block: Block) -> None:
    if not any(map(_may_be_doubled, block.text.plain.split("\n"))):
        return
    lines = split_lines(block.text)
    new = undouble_lines(lines)
    if new == lines:
        return
    numbers = {ln.text.plain.strip(): ln.number for ln in block.lines}
    for old, fixed in zip(lines, new):
        if fixed is not old:
            n = len(fixed.choices) - len(old.choices)
            page.log(NAME, numbers.get(old.plain.strip(), block.first_line), old.plain, fixed.plain,
                     f"fake-bold doubling undone ({n} doubled run{'s' * (n > 1)})")
    block.text = Text.join(new, "\n")


def run(page: Page) -> Page:
    if page.form != "clean":      # the clean text format was undoubled when it was made
        for block in page.blocks:
            if block.kind == DISPLAY:
                undouble_block(page, block)
    page.settings[NAME] = {"coverage": str(COVERAGE), "max_run": str(MAX_RUN), "max_line": str(MAX_LINE),
                           "min_result": f"{MIN_RESULT} ({MIN_RESULT_AA} for doubled single Han)"}
    return page
