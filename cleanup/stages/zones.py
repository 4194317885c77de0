"""zones: page furniture and pointers: masthead, teasers, continuations,
captions and credits, section banners.

Works in two passes.  First every line is looked at on its own (a masthead
field, a page pointer, a continuation marker, a credit, a column label), and
a block is cut where such a line touches other text, down to a part of a line
for a marker or a credit that shares its line with text (`Text.slice`, so no
character is lost).  Then the parts are read in context: short lines next to
the masthead are its slogans (but a short word in an inside page's running
head is the page banner), the display lines before a pointer are a teaser,
the text before a credit is its caption (for a photo dropped into a
paragraph, only the lines off the column's measure).  Block order stays reading
order; the masthead lines then fill `page.publication`.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import attrgetter
from dataclasses import dataclass, field

import regex

from cleanup import people, publication
from cleanup.model import (CAPTION, CONTINUATION, CREDIT, DISPLAY, MASTHEAD, PAGE_REF, SECTION, TEASER,
                           Block, Line, Name, Page, Para, Text)
from cleanup.wordlists import alternation, words
from cleanup.publication import (KEYS, LABELS, NUM, ORG_ROLES, ROLES, masthead_strength,
                                 page_number, simplified, traditional)

NAME = "zones"

DISPLAY_MAX = 60        # longer text is running text, not a display line
DISPLAY_LINE_MAX = 30   # ... and so is a longer line
CREDIT_BLOCK_MAX = 80   # a whole block read as one credit is short
CAPTION_LINES_MAX = 3   # lines above a credit in its own block that are its caption
# The writer's mark (文/X): a block with it is the article's byline (文/X 图/Y), not a caption.
WRITER_MARK = regex.compile(r"文字?\s*[/／]")
FIELD_LINES_MAX = 3     # lines a masthead field may be broken over (星期四 总第 / 468期)
LONE_CAPTION_MAX = 40   # longest one-line sentence set apart over a credit that is its caption

# --------------------------------------------------------------- patterns

def both_scripts(name: str) -> frozenset[str]:
    """A word list in simplified and traditional characters."""
    return frozenset(w for word in words(name) for w in (word, traditional(word)))


_COLUMN_ENTRIES = both_scripts("masthead_columns.txt")
COLUMNS = frozenset(w for w in _COLUMN_ENTRIES if not w.startswith("*"))
COLUMN_ENDINGS = tuple(w[1:] for w in _COLUMN_ENTRIES if w.startswith("*"))
COLUMN_ENDING_MAX = 6   # a label this short ending in a column word is a column (经济短波)
PAGE_NAMES = both_scripts("masthead_pages.txt")
TEASER_LABELS = both_scripts("masthead_teaser_labels.txt")
COLUMN_MAX = max(map(len, COLUMNS | PAGE_NAMES | TEASER_LABELS)) + 4      # room for decoration (■ 要闻 ■)
BANNER_WORD_MAX = 4     # an unlisted page name in the running head (城事, 国际) is this short
POINTER_WORDS = both_scripts("masthead_pointers.txt")   # split_inline reads the printed line

SENTENCE = regex.compile(r"[。；;]")
SENTENCE_END = regex.compile(r"[。！？!?…”」』]$")
# A slogan or a short label: up to three phrases of 2-8 Han characters.
SLOGAN = regex.compile(r"\p{Han}{2,8}(?:[\s·•・，,]+\p{Han}{2,8}){0,2}")
# The paper's name in capitals (RENMIN RIBAO, CHINA DAILY) under its logo.
LATIN_NAME = regex.compile(r"[A-Z][A-Z .·-]{2,40}")
# A paragraph that says it describes a picture: 图为…, 上图：…
CAPTION_LEAD = regex.compile(r"\s*[上下左右中]?[图圖][为為：:]")
CAPTION_MAX = 200

PAGE_NO = rf"(?:[A-ZＡ-Ｚ]?\s*{NUM}{{1,3}}|[一二三四五六七八九十]{{1,3}})"
PAGE_SPEC = rf"(?:第\s*(?P<n>{PAGE_NO})\s*版|版\s*(?P<n>{PAGE_NO})|(?P<n>{PAGE_NO})\s*版)"
ARROWS = "→▶►➡⇨>＞»"
POINTER = (rf"(?:(?:{alternation(POINTER_WORDS)})\s*[{ARROWS}]?|[{ARROWS}]+\s*(?:{alternation(POINTER_WORDS)})?)"
           rf"\s*{PAGE_SPEC}")
OPEN, CLOSE = r"[（(【\[]", r"[）)】\]]"
POINTER_LINE = regex.compile(rf"\s*{OPEN}?\s*{POINTER}\s*{CLOSE}?\s*")
POINTER_AT_END = regex.compile(rf"(?P<ref>{OPEN}?\s*{POINTER}\s*{CLOSE}?)\s*$")
CONTINUATION_MARK = regex.compile(
    rf"[（(]\s*(?:(?P<to>下[转轉]|[转轉]至?|[续續][见見])|(?P<from>上接|紧接|緊接|接|续|續))\s*(?:第\s*)?(?P<n>{PAGE_NO})\s*版\s*[）)]"
    rf"|^\s*(?:(?P<to>下[转轉])|(?P<from>上接))\s*(?:第\s*)?(?P<n>{PAGE_NO})\s*版\s*$"
)
CREDIT_CUE = regex.compile(r"[摄攝]|[图圖]片|供[图圖]|供稿|[图圖]\s*[/／:：]")
# A credit ends its line: after its cue word only a name or an agency, no
# sentence (摄影爱好者在江边拍摄日出，… is no credit line).
CREDIT_END = regex.compile(rf"(?:{CREDIT_CUE.pattern}|提供)[^，。；！？,;!?]{{0,16}}$")
# Cheap gates (standard `re`, a bitmap scan), in both scripts: a line with
# none of these is no zone line on its own, and the full patterns never run
# on it.  Imprint keys and roles are let through by their colon; fields that
# only count in pairs need a space between them.
GATE = r"版摄：:期图供农星礼周CI"
GATE_CHARS = re.compile(f"[{GATE}{traditional(GATE)}]")
LINE = r"[版摄：:]|[0-9０-９]\s*期|图片|供图|供稿|图\s*[/／]|农历|星期|礼拜|周[一二三四五六日天]|CN|ISSN"
LINE_GATE = re.compile(f"{LINE}|{traditional(LINE)}")
PAIRED = "".join({c for w in KEYS + ROLES + ORG_ROLES + LABELS for c in w} | set("报年日号"))
PAIR_GATE = re.compile(f"[{re.escape(PAIRED + traditional(PAIRED))}]")
INNER_SPACE = re.compile(r"\S[ \t\u3000]+\S")
GATE_SCAN = re.compile(f"[{GATE}{traditional(GATE)} \t\u3000#]")
LINE_START = attrgetter("start")
DECORATIONS = " \u3000■□◆◇●○▲△★☆▼▽【】[]"
# A short word of its own after a box mark (■健康提醒) is a column label; a
# marked item of a list or of news briefs runs on into a sentence, and a
# marked name is a byline (□ 周启明).
COLUMN_MARKS = "■□◆◇"
# A word of two to four characters letter-spaced in a block of its own (致 富 之 路,
# 行 走) is a banner over the articles below it, unless it is a name (向　阳) or
# ends a photo credit (辉 摄); a head is never set so short and so spaced.
SPACED_LABEL = regex.compile(r"\p{Han}(?:[ \u3000]+\p{Han}){1,3}(?<![摄攝])")
MARKED_COLUMN = regex.compile(r"\p{Han}{2,6}")
BANNER_DOT = regex.compile(r"[·•・]")
DOTTED_NAME = regex.compile(r"\p{Han}{2,8}[·•・]\p{Han}{2,8}")      # 云梧新闻·社会
NONSPACE = regex.compile(r"\S")


# ------------------------------------------------------------ line level

@dataclass
class Mark:
    """What one line is on its own.  `inline`: the zone covers only part of
    the line (a marker or a credit sharing it with text)."""

    zone: str | None = None
    facts: dict[str, str] = field(default_factory=dict)
    inline: bool = False
    banner: bool = False
    why: str = ""


NO_MARK = Mark()


def continuation_facts(m: "regex.Match[str]") -> dict[str, str]:
    return {"direction": "to" if m["to"] else "from", "page": page_number(m["n"]) or ""}


def reading(s: str, hant: bool) -> str:
    """The text the patterns read: simplified on a traditional page."""
    return simplified(s) if hant else s


BARE_KEYS = frozenset(KEYS)


def may_be_masthead_line(s: str, hant: bool) -> bool:
    """Masthead strength 1 or 2, a slogan, the paper's name in capitals, a
    bare number, an imprint key whose value the extraction put on the next
    line (国内统一连续出版物号 / CN 48-0001): a line the masthead may absorb."""
    s = s.strip()
    return bool(masthead_strength(reading(s, hant)) or SLOGAN.fullmatch(s) or LATIN_NAME.fullmatch(s)
                or reading(s, hant).rstrip("：: ") in BARE_KEYS
                or (s.isdecimal() and len(s) <= 3)      # a number split off its field (今日 版 … 16)
                or publication.PAGE.fullmatch(reading(s, hant)))     # the page number alone (A12, 第2版)


def may_hold_zone_line(s: str) -> bool:
    if GATE_CHARS.search(s) and LINE_GATE.search(s):
        return True
    return (" " in s or "\u3000" in s) and bool(PAIR_GATE.search(s) and INNER_SPACE.search(s))


def gated_lines(page: Page) -> list[int]:
    """The numbers (sorted) of the lines that may hold a zone line on their
    own or carry a heading marker: the page text is scanned for the gate
    characters, at most one search per line, when the lines point into it;
    else line by line."""
    lines, text = page.lines, page.text
    if not lines or any(not text[ln.start:ln.end].endswith(ln.text.plain) for ln in (lines[0], lines[-1])):
        return sorted(ln.number for block in page.blocks for ln in block.lines
                      if ln.heading_marker or may_hold_zone_line(ln.text.plain))
    numbers = []
    m = GATE_SCAN.search(text)
    while m:
        line = lines[bisect_right(lines, m.start(), key=LINE_START) - 1]
        if line.heading_marker or may_hold_zone_line(line.text.plain):
            numbers.append(line.number)
        m = GATE_SCAN.search(text, max(line.end, m.end()))
    return sorted(numbers)


def touches(block: Block, gated: list[int]) -> bool:
    """Does the block hold a gated line?  (Its lines run from first to last.)"""
    lo, hi = block.lines[0].number, block.lines[-1].number
    if lo > hi:
        lo, hi = hi, lo
    k = bisect_left(gated, lo)
    return k < len(gated) and gated[k] <= hi


def label_mark(line: Line) -> Mark:
    """A column label or the label of a teaser block (a display line or a
    block of its own)."""
    stripped = line.text.plain.strip()
    if len(stripped) > COLUMN_MAX:
        return NO_MARK
    word = "".join(stripped.strip(DECORATIONS).split())   # letter-spaced too: 简  讯
    if word in COLUMNS or (len(word) <= COLUMN_ENDING_MAX and word.endswith(COLUMN_ENDINGS)):
        return Mark(SECTION, {"column": "1"}, why="column label")
    if stripped[0] in COLUMN_MARKS and MARKED_COLUMN.fullmatch(word) and people.closing(line.text, None) is None:
        return Mark(SECTION, {"column": "1", "marked": "1"}, why="column label (a short word after a box mark)")
    if word in PAGE_NAMES:
        return Mark(SECTION, why="page name")
    if DOTTED_NAME.fullmatch(word):
        return Mark(banner=True, why="page banner (a dotted name)")
    if word in TEASER_LABELS:
        return Mark(TEASER, {"label": "1"}, why="label of the teasers")
    return NO_MARK


def mark_line(line: Line, alone: bool, hant: bool) -> Mark:
    """What a line that passed the cheap gate (`gated_lines`) is on its own.
    `alone`: the line is a display line or a block of its own, not a line
    of running text (a label must be, and a pointer at its end then makes it
    a teaser).  `hant`: a traditional page."""
    printed = line.text.plain
    stripped = printed.strip()
    label = label_mark(line) if alone else NO_MARK
    if label is not NO_MARK:
        return label
    if line.heading_marker and BANNER_DOT.search(printed) and len(stripped) <= DISPLAY_MAX:
        return Mark(banner=True, why="page banner")
    s = reading(printed, hant)
    m = CONTINUATION_MARK.search(s)
    if m:
        whole = not (s[:m.start()] + s[m.end():]).strip()
        return Mark(CONTINUATION, continuation_facts(m), inline=not whole, why="continuation marker")
    m = POINTER_LINE.fullmatch(s)
    if m:
        return Mark(PAGE_REF, {"page": page_number(m["n"]) or ""}, why="page pointer")
    if masthead_strength(s) == 2:
        return Mark(MASTHEAD, why="masthead field")
    if CREDIT_END.search(s) and not WRITER_MARK.search(s):    # a credit, or a caption ending in one,
        return Mark(CREDIT, inline=True, why="photo credit")     # if people agrees (split_inline)
    m = POINTER_AT_END.search(s) if alone else None
    if m and display_text(s[:m.start()]):
        return Mark(TEASER, inline=True, why="teaser with its pointer")
    return NO_MARK


def display_text(s: str) -> bool:
    """Short text with no sentence in it: a headline, a label, a teaser."""
    s = s.strip()
    return bool(s) and len(s) <= DISPLAY_MAX and not SENTENCE.search(s) and all(
        len(part) <= DISPLAY_LINE_MAX for part in s.split("\n"))


# ---------------------------------------------------------------- pieces

@dataclass(eq=False, slots=True)
class Piece:
    """A part of a block: `block.text` between plain offsets `a` and `b`."""

    block: Block
    a: int
    b: int
    lines: list[Line]
    zone: str | None = None
    facts: dict[str, str] = field(default_factory=dict)
    banner: bool = False
    credit: Para | None = None
    why: str = ""
    replaced: Text | None = None

    @property
    def text(self) -> Text:
        if self.replaced is not None:
            return self.replaced
        return self.block.text.slice(self.a, self.b).strip()

    @property
    def plain(self) -> str:
        return self.block.text.plain[self.a:self.b].strip()

    def display_like(self) -> bool:
        """Short, no sentence in it, and (unless the lines stage called it a
        display block) no long line: a headline, a label, a teaser."""
        plain = self.plain
        if len(plain) > DISPLAY_MAX or SENTENCE.search(plain):
            return False
        return self.block.kind == DISPLAY or all(len(ln.text.plain.strip()) <= DISPLAY_LINE_MAX for ln in self.lines)

    def candidate(self, hant: bool) -> bool:
        """May the masthead absorb this part?  Only when every line of its
        block is a slogan or a (weak) masthead line."""
        return all(may_be_masthead_line(ln.text.plain, hant) for ln in self.block.lines)

    def running_text(self) -> bool:
        return self.zone is None and not self.display_like()


def printed_length(s: str) -> int:
    """Non-space characters: what a line and its block have in common."""
    return len("".join(s.split()))


def line_starts(block: Block) -> list[int] | None:
    """Where each line of the block starts in `block.text.plain`, found by
    counting printed characters (the lines stage joins lines, normalise
    removes spaces); None when the block's text is not its lines'.  One
    pass over the segments, whatever the number of lines."""
    counts = [printed_length(ln.text.original) for ln in block.lines]
    segments = block.text.segments
    printed_of = [printed_length(seg if isinstance(seg, str) else seg.original) for seg in segments]
    plain_of = [len(seg if isinstance(seg, str) else seg.corrected) for seg in segments]
    if sum(counts) != sum(printed_of):
        return None
    starts: list[int] = []
    k, printed, plain = 0, 0, 0
    target = 0
    nonspace: list[int] | None = None     # offsets of the printed characters in segments[k]
    for count in counts:
        while k < len(segments) and printed + printed_of[k] <= target:
            printed, plain, k = printed + printed_of[k], plain + plain_of[k], k + 1
            nonspace = None
        if k == len(segments):
            starts.append(plain)
        elif isinstance(segments[k], str):
            if nonspace is None:
                nonspace = [m.start() for m in NONSPACE.finditer(segments[k])]
            starts.append(plain + nonspace[target - printed])
        else:       # a correction belongs to the line where it starts
            starts.append(plain if target == printed else plain + plain_of[k])
        target += count
    return starts


def block_pieces(block: Block, hant: bool, gated: list[int], numbers: frozenset[int]) -> list[Piece]:
    """The block cut where a line or part of a line belongs to a zone
    (`gated`: the sorted numbers of the lines that passed the gate, also as
    a set)."""
    lines = block.lines
    plain = block.text.plain
    whole = Piece(block, 0, len(plain), lines)
    alone = block.kind == DISPLAY or len(lines) == 1
    if whole.b <= CAPTION_MAX and CAPTION_LEAD.match(plain) and not CREDIT_CUE.search(plain):
        whole.zone, whole.why = CAPTION, "a caption by its first words"
        return [whole]
    if len(lines) == 1 and SPACED_LABEL.fullmatch(plain.strip()) and people.closing(block.text, None) is None:
        whole.zone, whole.why = SECTION, "a short word letter-spaced on a line of its own"
        return [whole]
    if not lines or not touches(block, gated):
        if not alone:
            return [whole]
        marks = [label_mark(ln) for ln in lines]
        return cut(block, marks, hant) if any(m is not NO_MARK for m in marks) else [whole]
    if 1 < len(lines) <= CAPTION_LINES_MAX and whole.b <= CAPTION_MAX and CREDIT_END.search(plain) \
            and not WRITER_MARK.search(plain):
        para = people.credit(block.text) if whole.b <= CREDIT_BLOCK_MAX else None
        if para:
            whole.zone, whole.credit, whole.why = CREDIT, para, "photo credit"
            return [whole]
        found = people.split_credit(block.text)   # a caption whose credit ends it, over lines: …参觀。（記者黃志\n明攝）
        starts = line_starts(block) if found and found[0].plain.strip() else None
        if found and starts and len(found[0].plain) < starts[-1]:    # a credit on its own line is the lines' business
            at = len(found[0].plain)
            return [Piece(block, 0, at, lines, CAPTION, why="caption ending in its credit"),
                    Piece(block, at, whole.b, lines[-1:], CREDIT, credit=found[1], why="the caption's credit")]
    marks = [mark_line(ln, alone, hant) if ln.number in numbers else label_mark(ln) if alone else NO_MARK
             for ln in lines]
    if 1 < len(lines) <= FIELD_LINES_MAX and any(m.zone != MASTHEAD for m in marks) \
            and masthead_strength(reading(" ".join(ln.text.plain.strip() for ln in lines), hant)) == 2:
        marks = [Mark(MASTHEAD, why="masthead field broken over lines") for _ in lines]
    return cut(block, marks, hant)


def cut(block: Block, marks: list[Mark], hant: bool) -> list[Piece]:
    """The block's parts: a part per zone line (or part of a line), the
    lines between them together."""
    whole = Piece(block, 0, len(block.text.plain), block.lines)
    if any(m.zone == MASTHEAD for m in marks) and all(
            m.zone == MASTHEAD or (m.zone is None and may_be_masthead_line(ln.text.plain, hant))
            for ln, m in zip(block.lines, marks)):
        marks = [Mark(MASTHEAD, why=m.why or "next to a masthead field") for m in marks]
    if all(m is NO_MARK for m in marks):
        return [whole]
    starts = line_starts(block) if len(block.lines) > 1 else [0]
    if starts is None:
        return [whole]
    ends = starts[1:] + [len(block.text.plain)]
    pieces: list[Piece] = []
    for ln, m, a, b in zip(block.lines, marks, starts, ends):
        last = pieces[-1] if pieces else None
        if m is NO_MARK and last is not None and last.zone is None and not last.banner:
            last.b, last.lines = b, last.lines + [ln]
            continue
        piece = Piece(block, a, b, [ln], m.zone, dict(m.facts), m.banner, why=m.why)
        pieces.extend(split_inline(piece) if m.inline else [piece])
    return join_credit_lines(pieces)


def split_inline(piece: Piece) -> list[Piece]:
    """A line that holds a continuation marker or ends in a credit, cut into
    the text before, the zone part, and the text after."""
    plain = piece.block.text.plain
    cuts: list[tuple[int, int, Piece]] = []
    if piece.zone == CONTINUATION:
        for m in CONTINUATION_MARK.finditer(plain, piece.a, piece.b):
            part = Piece(piece.block, m.start(), m.end(), piece.lines, CONTINUATION, continuation_facts(m),
                         why=piece.why)
            cuts.append((m.start(), m.end(), part))
    elif piece.zone == TEASER:      # the teaser's text, then its pointer
        m = POINTER_AT_END.search(plain, piece.a, piece.b)
        if m is None:           # found on the simplified reading only: the line stays one teaser
            return [piece]
        return [Piece(piece.block, piece.a, m.start(), piece.lines, TEASER, why=piece.why),
                Piece(piece.block, m.start(), piece.b, piece.lines, PAGE_REF, {"page": page_number(m["n"]) or ""},
                      why="the teaser's page pointer")]
    else:
        text = piece.block.text.slice(piece.a, piece.b)
        para = people.credit(text)
        if para:
            piece.credit = para
            return [piece]
        found = people.split_credit(text)
        body = text.plain.rstrip()
        tail = found[1].plain.strip() if found else ""
        if found and tail and body.endswith(tail):
            start = piece.a + len(body) - len(tail)
            cuts.append((start, piece.a + len(body), Piece(piece.block, start, piece.b, piece.lines, CREDIT,
                                                           credit=found[1], why="caption and credit on one line")))
    out: list[Piece] = []
    pos = piece.a
    for start, end, part in cuts:
        if plain[pos:start].strip():
            out.append(Piece(piece.block, pos, start, piece.lines))
        out.append(part)
        pos = end
    if plain[pos:piece.b].strip():
        out.append(Piece(piece.block, pos, piece.b, piece.lines))
    return out or [Piece(piece.block, piece.a, piece.b, piece.lines)]


def join_credit_lines(pieces: list[Piece]) -> list[Piece]:
    """A credit printed over two lines (记者 X 见习记者 Y / 摄/视觉重庆):
    the line above joins the credit when together they still read as one."""
    for i in range(len(pieces) - 1, 0, -1):
        cur, prev = pieces[i], pieces[i - 1]
        if cur.zone != CREDIT or prev.zone is not None or cur.a != prev.b or len(prev.lines) != 1 \
                or prev.lines[0] is cur.lines[0]:
            continue
        para = people.credit(cur.block.text.slice(prev.a, cur.b))
        if para:
            cur.a, cur.lines, cur.credit = prev.a, prev.lines + cur.lines, para
            del pieces[i - 1]
    return pieces


# --------------------------------------------------------------- context

def mark(piece: Piece, zone: str, why: str, **facts: str) -> None:
    piece.zone, piece.why = zone, why
    piece.facts.update(facts)


def masthead_of_weak_fields(pieces: list[Piece], hant: bool) -> None:
    """A page whose masthead has no field strong on its own (洛水 / 日報,
    中共洛水省委機關報, 一九五五年十月 / 十二日 星期三, 第2134號): the lines at
    the top of the page, before anything else, that the masthead may absorb,
    are its masthead when they hold two fields or more between them."""
    top = []
    for p in pieces:
        if p.zone is not None or not p.candidate(hant):
            break
        top.append(p)
    if sum(masthead_strength(reading(p.plain, hant)) for p in top) >= 2:
        for p in top:
            mark(p, MASTHEAD, "masthead fields at the page top")


def expand_masthead(pieces: list[Piece], hant: bool) -> None:
    """Slogans, QR labels, a paper name or a lone date next to masthead
    lines are masthead too, also across the page's name in the running head
    (07 / 健康 / 2023年11月16日 星期四).  A short line between the masthead
    and running text is more likely the next article's headline: it is left
    alone."""
    for order in (pieces, pieces[::-1]):
        run: list[Piece] = []
        after_masthead = False
        for p in order + [None]:
            if p is not None and after_masthead and p.zone is None and p.candidate(hant):
                run.append(p)
                continue
            if p is not None and after_masthead and not run and p.zone == SECTION and "column" not in p.facts:
                continue
            if run and p is not None and p.running_text():
                while run and not masthead_strength(reading(run[-1].plain, hant)):
                    run.pop()
            for q in run:
                mark(q, MASTHEAD, "next to the masthead")
            after_masthead, run = p is not None and p.zone == MASTHEAD, []


HAN_WORD = regex.compile(rf"\p{{Han}}{{2,{BANNER_WORD_MAX}}}")


def running_head_banners(pieces: list[Piece], hant: bool) -> None:
    """The running head of an inside page (date, paper, page number,
    editors) names the page: a short word on a line of its own there (城事,
    国际, or a dotted name 云梧新闻·社会) is the page banner, the section of the
    articles below it.  Only where the page number is printed: a front
    page's masthead has slogans."""
    run: list[Piece] = []
    for p in pieces + [None]:
        if p is not None and p.zone == MASTHEAD:
            run.append(p)
            continue
        if any(publication.prints_page_number(reading(q.plain, hant)) for q in run):
            for q in run:
                word = q.plain.strip(DECORATIONS)
                if (HAN_WORD.fullmatch(word) or DOTTED_NAME.fullmatch(word)) \
                        and not masthead_strength(reading(word, hant)):
                    mark(q, SECTION, "page name in the running head")
        run = []


def sections(pieces: list[Piece]) -> None:
    """A `## …·…` banner counts as the page's banner only above all running text."""
    for p in pieces:
        if p.running_text() and not p.banner:
            return
        if p.banner and p.zone is None:
            mark(p, SECTION, "page banner")


def dropped_captions(pieces: list[Piece]) -> None:
    """A credit the extraction set inside a paragraph (running text right
    above and right below it, no blank line: 挖掘 | caption | credit | 机…):
    its caption is the lines right above it that do not run to the text's
    measure, and when the text above breaks off mid-sentence the text below
    resumes that paragraph (fact `resumes`, read by articles)."""
    for i in range(len(pieces) - 2, 0, -1):
        prev, credit, nxt = pieces[i - 1], pieces[i], pieces[i + 1]
        if credit.zone == CREDIT and i > 1 and caption_before_credit(pieces[i - 2], prev, credit, nxt):
            prev.zone, prev.why = CAPTION, "caption dropped into a paragraph, on its credit's line"
            if not SENTENCE_END.search(pieces[i - 2].plain):
                nxt.facts["resumes"] = "1"
            continue
        if credit.zone != CREDIT or prev.zone or nxt.zone or prev.lines[-1] is credit.lines[0] \
                or prev.lines[-1].number + 1 != credit.lines[0].number \
                or credit.lines[-1].number + 1 != nxt.lines[0].number:
            continue
        width = measure(prev.lines + nxt.lines)
        k = len(prev.lines)
        while k and abs(display_width(prev.lines[k - 1].text.plain) - width) > 1:
            k -= 1
        starts = line_starts(prev.block) if k < len(prev.lines) else None
        if not k or starts is None:
            continue
        a = starts[prev.block.lines.index(prev.lines[k])]
        caption = Piece(prev.block, a, prev.b, prev.lines[k:], CAPTION, why="caption dropped into a paragraph")
        prev.b, prev.lines = a, prev.lines[:k]
        pieces[i:i] = [caption]
        if not SENTENCE_END.search(prev.plain):
            nxt.facts["resumes"] = "1"


def caption_before_credit(above: Piece, prev: Piece, credit: Piece, nxt: Piece) -> bool:
    """Is `prev` a caption set on its credit's line (…经验。　韦光 摄) inside
    a paragraph: running text of one block right above and right below it,
    the caption a whole line of its own up to the credit?"""
    line = credit.lines[0]
    return (prev.zone is None and above.zone is None and nxt.zone is None and prev.lines == [line]
            and above.block is prev.block is nxt.block and above.lines[-1] is not line
            and above.lines[-1].number + 1 == line.number and nxt.lines[0].number == credit.lines[-1].number + 1
            and bool(SENTENCE_END.search(prev.plain)))


def display_width(s: str) -> int:
    """Printed width in half-width units: ASCII counts one, the rest two."""
    s = "".join(s.split())
    return 2 * len(s) - len(s.encode("ascii", "ignore"))


def measure(lines: list[Line]) -> int:
    """The text's line width: the most common one (the wider on a tie)."""
    counts: dict[int, int] = {}
    for ln in lines:
        n = display_width(ln.text.plain)
        counts[n] = counts.get(n, 0) + 1
    return max(counts, key=lambda n: (counts[n], n))


def figures(pieces: list[Piece]) -> None:
    """Each credit with its caption and the pointer after it, and each
    caption known by its first words, numbered."""
    n = 0
    for i, p in enumerate(pieces):
        prev = pieces[i - 1] if i else None
        if p.zone == CAPTION and "figure" not in p.facts:
            n += 1
            p.facts["figure"] = str(n)
        if p.zone != CREDIT:
            continue
        if prev is None or prev.zone not in (CREDIT, CAPTION):
            n += 1
            for q in caption_of(pieces, i):
                mark(q, CAPTION, "text above its credit", figure=str(n))
        p.facts["figure"] = str(n)
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if nxt is not None and nxt.zone == PAGE_REF:
            nxt.facts["figure"] = str(n)


def caption_of(pieces: list[Piece], i: int) -> list[Piece]:
    """The caption of the credit at i.  A paragraph that ends in the credit
    is its caption; so are a few lines right above it with no blank line
    between.  Above a credit set apart: a one-line caption, or, when a page
    pointer follows (photo news continued elsewhere), all the untitled
    paragraphs back to the page top or the previous furniture."""
    credit, prev = pieces[i], pieces[i - 1] if i else None
    if prev is None or prev.zone is not None:
        return []
    if prev.block is credit.block and prev.lines[-1] is credit.lines[0]:      # caption 摄/X on one line
        run = [prev]
        while i - len(run) > 0 and pieces[i - len(run) - 1].block is credit.block \
                and pieces[i - len(run) - 1].zone is None:
            run.append(pieces[i - len(run) - 1])
        return run[::-1]
    touching = prev.block is credit.block or prev.lines[-1].number + 1 >= credit.lines[0].number
    if touching:
        return [prev] if len(prev.lines) <= CAPTION_LINES_MAX and not is_byline(prev) else []
    nxt = pieces[i + 1] if i + 1 < len(pieces) else None
    if nxt is not None and nxt.zone == PAGE_REF:
        run = []
        for q in reversed(pieces[:i]):
            if q.zone is not None:
                break
            if not q.running_text():
                return []
            run.append(q)
        return run[::-1]
    names_person = credit.credit is not None and any(
        isinstance(part, Name) and not part.org for part in credit.credit.parts)
    if names_person and not is_byline(prev) and (
            len(prev.lines) == 1 and not prev.running_text() or lone_sentence(pieces, i - 1)):
        return [prev]
    return []


def lone_sentence(pieces: list[Piece], i: int) -> bool:
    """A short block set apart from the text above it too, of one line or
    of a few lines each ending a sentence (not text wrapped to a column): a
    caption written in sentences (昨日，…展览中心，…丝绸服装。)."""
    p = pieces[i]
    above = pieces[i - 1] if i else None
    lines = p.block.lines
    if above is not None and above.lines[-1].number + 1 >= p.lines[0].number:
        return False
    if len(lines) == 1:
        return len(p.plain) <= LONE_CAPTION_MAX
    return (above is not None and len(lines) <= CAPTION_LINES_MAX and len(p.plain) <= CAPTION_LINES_MAX * LONE_CAPTION_MAX
            and all(SENTENCE_END.search(ln.text.plain.strip()) for ln in lines))


def is_byline(piece: Piece) -> bool:
    """A name line (王静 王柯岚, 记者 X) is a byline, never a caption."""
    return people.closing(piece.text, None) is not None


def pointed_teasers(pieces: list[Piece]) -> None:
    """The display lines before a page pointer are one teaser (or after it,
    when nothing stands before the first pointer of a cluster)."""
    n = 0
    for i, p in enumerate(pieces):
        if p.zone == TEASER and "teaser" not in p.facts and "label" not in p.facts:
            n += 1
            p.facts["teaser"] = str(n)
        if p.zone != PAGE_REF or "figure" in p.facts:
            continue
        before = pieces[i - 1] if i else None
        if before is not None and before.block is p.block and before.zone == TEASER and "teaser" in before.facts:
            p.facts["teaser"] = before.facts["teaser"]     # the pointer that ends its teaser's line
            continue
        item = display_run(pieces, i, -1)
        if not item and (i == 0 or pieces[i - 1].zone is not None):
            item = display_run(pieces, i, 1)
        if item:
            n += 1
            for q in item:
                mark(q, TEASER, "display line next to a page pointer", teaser=str(n))
            p.facts["teaser"] = str(n)


def unpointed_teasers(pieces: list[Piece]) -> None:
    """Display lines left between a teaser and other furniture are one more
    teaser item, without a page."""
    n = max((int(p.facts["teaser"]) for p in pieces if "teaser" in p.facts), default=0)
    for i, p in enumerate(pieces):
        if p.zone not in (PAGE_REF, TEASER) or "teaser" not in p.facts:
            continue
        item = display_run(pieces, i, 1)
        end = i + len(item) + 1
        if item and (end == len(pieces) or pieces[end].zone in (MASTHEAD, SECTION, PAGE_REF, TEASER)):
            n += 1
            for q in item:
                mark(q, TEASER, "display lines among teasers", teaser=str(n))


def display_run(pieces: list[Piece], i: int, step: int) -> list[Piece]:
    """The unzoned display-like pieces next to i, going back (-1) or on (1)."""
    run = []
    j = i + step
    while 0 <= j < len(pieces) and pieces[j].zone is None and pieces[j].display_like():
        run.append(pieces[j])
        j += step
    return run[::step]


MERGING = (None, CAPTION, TEASER)     # zones whose neighbouring parts of one block are one text


def merge(pieces: list[Piece]) -> list[Piece]:
    """Neighbouring parts of one block back together: unzoned text, and the
    parts of one caption or one teaser (masthead lines stay one a line)."""
    out: list[Piece] = []
    for p in pieces:
        last = out[-1] if out else None
        if last is not None and last.block is p.block and last.zone == p.zone and p.zone in MERGING \
                and last.facts == p.facts and last.b <= p.a:
            last.b = p.b
            last.lines = last.lines + [ln for ln in p.lines if ln is not last.lines[-1]]
        else:
            out.append(p)
    return out


def repair_page_count(page: Page, pieces: list[Piece]) -> None:
    """今日 版 … 总第513期16: the extraction split the page count off its
    field; the number goes back between 今日 and 版."""
    masthead = [p for p in pieces if p.zone == MASTHEAD]
    where = publication.stray_page_count([p.plain for p in masthead])
    if where is None:
        return
    i, gap, j, start, end = where
    if i == j:
        return
    into, source = masthead[i], masthead[j]
    text = source.text
    number = text.slice(start, end)
    source.replaced = Text.join([text.slice(0, start), text.slice(end)]).strip()
    target = into.text
    into.replaced = Text.join([target.slice(0, gap), number, target.slice(gap)])
    page.log(NAME, into.lines[0].number, target.plain, into.replaced.plain, "page count split off by the extraction")


def marked_lists(pieces: list[Piece]) -> None:
    """A short marked word next to another marked line is an item of a
    list (■加强巡查 / ■落实值班。), not a column label."""
    for i, p in enumerate(pieces):
        if p.zone == SECTION and p.facts.pop("marked", ""):
            near = [q.plain.lstrip()[:1] for q in pieces[max(0, i - 1):i + 2] if q is not p]
            if any(c and c in COLUMN_MARKS for c in near):
                p.zone, p.why = None, ""
                p.facts.clear()


# ------------------------------------------------------------------- run

def run(page: Page) -> Page:
    if page.form == "clean":  # the clean text format holds no furniture to find
        page.settings[NAME] = {"form": "clean"}
        return page
    hant = page.script == "zh-Hant"
    gated = gated_lines(page)
    numbers = frozenset(gated)
    pieces = [p for block in page.blocks for p in block_pieces(block, hant, gated, numbers)]
    dropped_captions(pieces)
    figures(pieces)
    pointed_teasers(pieces)
    masthead_of_weak_fields(pieces, hant)
    expand_masthead(pieces, hant)
    running_head_banners(pieces, hant)
    unpointed_teasers(pieces)
    sections(pieces)
    marked_lists(pieces)
    pieces = merge(pieces)
    repair_page_count(page, pieces)
    page.publication = publication.read(p.text.plain for p in pieces if p.zone == MASTHEAD)
    blocks = []
    for p in pieces:
        block = p.block
        if p.a != 0 or p.b != len(block.text.plain) or p.replaced is not None:
            block = Block(block.kind, p.lines, p.text)
            if not block.text.plain.strip():
                continue        # its only text moved (repair_page_count)
        if p.zone:
            block.zone, block.facts = p.zone, p.facts
            page.log(NAME, block.first_line, block.text.plain[:40], p.zone, p.why)
        elif p.facts:
            block.facts = p.facts
        blocks.append(block)
    page.blocks = blocks
    page.settings[NAME] = {"display_max": str(DISPLAY_MAX), "caption_lines_max": str(CAPTION_LINES_MAX)}
    return page
