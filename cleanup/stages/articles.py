"""articles: split the page into articles with heads, bylines and datelines.

The zoned blocks are first read as a flat list of tokens (a head group, a
paragraph, an opening dateline/byline, a closing byline, a continuation note,
a figure piece, a section banner, page furniture).  Then one decision is made
for the whole page: are heads printed BEFORE their body (the usual layout) or
AFTER it (common in column extractions, where the headline block comes out
last)?  Only the page's ends tell (`heads_after`).  Then one pass builds the
body: articles start at an opening dateline, a （上接…） note or (heads
before) a title group, and end at a closing byline, a （下转…） note or (heads
after) their title group.  Conventions of layout it relies on, each a rule:
a news report that opens with a dateline has no subheads; a name line under
heads is their article's byline; a column label over a complete head, or a
box label over a title, labels the articles it heads; a display group of
figures between paragraphs is a graphic; a continued fragment takes no title
from this page.  Last, figures extracted between two articles go to the one
their caption shares words with, and one-line "subheads" among two-line ones
on a page of credited photos are captions.  Every block's text lands
somewhere exactly once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from cleanup import people
from cleanup import wordlists
from cleanup.model import (CAPTION, CONTINUATION, CREDIT, DISPLAY, MASTHEAD, PAGE_REF, SECTION,
                           TEASER, Article, Block, BodyItem, Division, Figure, Masthead, Name, Note, Page,
                           PageRef, Para, Section, Subsection, Teasers, Text)

NAME = "articles"
DATA = Path(__file__).resolve().parent.parent / "data"

# token kinds
HEAD, LABEL, OPEN, TEXT, CLOSE, NOTE, FIG, BANNER, FURNITURE, BYLINE = (
    "head", "label", "open", "text", "close", "note", "fig", "banner", "furniture", "byline")
CONTENT = (HEAD, LABEL, OPEN, TEXT, CLOSE, NOTE)   # what the layout vote and look-ahead read
WRITERS = ("reporter", "author", "correspondent", "intern", "trainee")   # roles that sign an article

SHORT_BLOCK = 60        # longest block that may be a whole closing byline
LONGEST_LABEL = 12      # longest box label with its brackets
LABEL_EDGES = regex.compile(r"^[\s【\[〔（(■●▲◆]*|[\s】\]〕）):：]*$")
CONTINUATION_MARK = regex.compile(r"[（(][^（()）\n]{1,12}[)）]")
SPACE = regex.compile(r"\s+")
WORDS = regex.compile(r"\p{L}")
# Every opening dateline ends in a dispatch word and every byline holds a
# role word; each of those ends in one of these characters.
OPENING_CUE = re.compile("[%s]" % re.escape("".join(sorted({w[-1] for w in people.ROLES} | set("讯电訊電")))))
OPENING_REACH = 40      # an opening dateline/byline shows its cue this near the start
BRACKETED = re.compile(r"\s*[（(【\[]")
PROSE = re.compile(r"[。；;！!？?]")      # sentence ends no closing byline carries
QUOTE = regex.compile(r"[“”「」『』]")
KICKER_RATIO = 1.3      # a kicker is this much longer than the main title under it
CLAUSE_MIN = 6          # characters of a full clause in a head couplet
SHARED_TITLE_WORDS = 0.4   # share of a title's character pairs its first paragraph repeats
LEAD_PAIRS = 3          # fewest character pairs of a headline its lead repeats (年轻人 is too few)
TOPIC_PAIRS = 1         # a subhead shares a word pair with its article's topic
LABEL_MAX = 8           # longest column label over a title with its dash subtitle
ROUND = regex.compile(r"\p{Han}{2}第[0-9０-９一二三四五六七八九十百]+[轮輪场場站]$")   # 联赛第十轮: an occasion
SUBJECT_MAX = 9         # longest organisation name set alone over its predicate
# How the name of an organisation ends (華埠長者服務中心, 灣區華僑協進會; not an
# occasion: 秋季运动会): such a name alone on a head line is the subject of the line below.
ORG_SUBJECT_ENDS = tuple(people.ORG_ENDINGS) + tuple(wordlists.words("articles_org_ends.txt"))
STUB_MAX = 4            # a head line this short is a stub of the next one (重庆首个 / 儿童友好馆开馆)
# A head line that stops short: a number and its measure word wanting their
# noun (新增三处 / 公共停车场; but not a quantity reached: 增至120个), a
# numeral wanting its unit (超过去年同期一 / 倍以上), a
# particle or conjunction (…的 / …和), a comma, a preposition wanting its
# object (高标准农田建设让 / “望天田”变成“丰产田”), but not a word ending in
# such a character (参与, 普及, 转让, 名将), a measured quantity wanting what it
# did (集装箱吞吐量 / 提前两个月突破十万标箱), a subject with the time from
# which it does something (维城马拉松明年起 / 改于清晨起跑).
UNFINISHED_END = regex.compile(r"(?<![至到达達超逾0-9０-９一二两三四五六七八九十百千万几首每])"
                               r"(?:[0-9０-９]+|[一二两三四五六七八九十百千万几首每]+)[个座处家条项所名位台辆件批类种户只]$"
                               r"|(?:[的，、,把被向对對给給为為从從]|(?<![转轉出礼禮忍谦謙退])[让讓]"
                               r"|(?<![大天特公])使|(?<![大名老主干猛])[将將]|(?<![温平缓饱共总调谐柔祥暖])和"
                               r"|(?<![参參给給授])[与與]|(?<![普涉危波以来來])及|(?<![合兼吞归歸])[并並])$"
                               r"|(?<![第\d一二两三四五六七八九十])[一二两三四五六七八九十]$"
                               r"|(?<=\p{Han}{2})(?:[明今]年|[本下]月|下[周週]|[即今明]日|[今明]天"
                               r"|[0-9０-９一二三四五六七八九十]{1,2}[月日号號])起$"
                               r"|(?:(?:吞吐|总|产|销|客流|货运|成交|交易|发电|用电|降水|存|增)量|面积|总额|总值|产值|人数|比重)$")
# A line that cannot open a head: a preposition or an adverb wanting the
# subject on the line above (全区第一座小型水力发电站 / 在白沙河上建成发电).
# Not 把, 向, 对, 给: they open a call to action (把发展实体经济放在更加突出位置).
DEPENDENT_START = regex.compile(r"[在于於从從被将將已正仍]")
CAPTION_LINE_MAX = 30   # longest caption line set on its own
SENTENCE_STOPS = "。！？!?…"
SENTENCE_END = regex.compile(f"[{SENTENCE_STOPS}]$")
LABEL_PUNCT = regex.compile(r"[。，,；;：:！!？?、]")
OPENERS, CLOSERS = "“‘《（(「『【", "”’》）)」』】"
ITEM_MARKS = "△▲■□◆◇●○★☆▽▼◎"   # marks that open a list item or a news brief
BRIEF_CHARS = 160       # longest text of a news brief (titled or not) in a column of briefs
BRIEF_PARAS = 2
# A run-in head: a short phrase with no punctuation set off from the item's
# text by an ideographic space (暑期学生安全教育启动　日前，…); under a column
# label, also by a plain space (农技专家田间授课 4月7日，…, “桐川村超”开赛 4月9日，…).
RUN_IN_HEAD = regex.compile(r"[^\s，。；：！？、,.;:!?（）()]{4,24}(?=\u3000+\S)")
SPACED_RUN_IN_HEAD = regex.compile(r"[\p{Han}“‘《][^\s，。；：！？、,.;:!?（）()]{3,23}(?= +\S)")


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    return frozenset(wordlists.words(name))


KICKER_STARTS = tuple(wordlists.words("articles_kicker_starts.txt"))
_SUBJECTS = wordlists.words("articles_place_subjects.txt")
PLACE_SUBJECT = regex.compile(
    r"(?:%s|\p{Han}{2,3}?(?:%s))" % (wordlists.alternation(w for w in _SUBJECTS if not w.startswith("*")),
                                   wordlists.alternation(w[1:] for w in _SUBJECTS if w.startswith("*"))))


def is_box_label(text: str) -> bool:
    return len(text) <= LONGEST_LABEL and LABEL_EDGES.sub("", text) in word_list("articles_box_labels.txt")


# ------------------------------------------------------------------ tokens

@dataclass(slots=True)
class Token:
    kind: str
    block: Block
    text: Text = field(default_factory=Text)
    lines: list[list[Text]] = field(default_factory=list)   # HEAD: printed lines per block
    paras: list[Para] = field(default_factory=list)         # OPEN / CLOSE
    note: Note | None = None


def display_lines(text: Text) -> list[Text]:
    """The printed lines of a display block (its text joins them with "\\n"),
    cut in one pass over its segments; a correction stays on its line."""
    if "\n" not in text.plain:
        return [text] if text else []
    lines: list[list] = [[]]
    for seg in text.segments:
        if not isinstance(seg, str):
            lines[-1].append(seg)
            continue
        parts = seg.split("\n")
        lines[-1].append(parts[0])
        lines.extend([part] for part in parts[1:])
    out = []
    for segments in lines:
        line = Text(segments).strip()
        if line:
            out.append(line)
    return out


def continuation_tokens(block: Block, text: Text) -> list[Token]:
    """A continuation block: the note, and any running text the block also holds."""
    mark = CONTINUATION_MARK.search(text.plain)
    a, b = mark.span() if mark else (0, len(text))
    note = Note(text.slice(a, b), block.facts.get("direction", "to"), block.facts.get("page", ""))
    out = [Token(NOTE, block, note.text, note=note)]
    before, after = text.slice(0, a).strip(), text.slice(b).strip()
    if before:
        out.insert(0, Token(TEXT, block, before))
    if after:
        out.append(Token(TEXT, block, after))
    return out


def paragraph_tokens(block: Block, text: Text, today: str | None) -> list[Token]:
    """Running text: an opening dateline/byline, a whole closing byline, or a
    paragraph (perhaps ending in a bracketed closing byline)."""
    if len(text) <= SHORT_BLOCK and may_close(text.plain):
        closing = people.closing(text, today)
        if closing:
            return [Token(CLOSE, block, text, paras=closing)]
    opening, rest = people.split_opening(text, today) if may_open(text.plain) else ([], text)
    if opening:
        return [Token(OPEN, block, rest.strip(), paras=opening)]
    start = trailing_bracket(text.plain)
    if start > 0:
        tail = text.slice(start).strip()
        closing = people.closing(tail, today) or (
            people.pen_name(tail) if text.plain[:start].rstrip()[-1:] in SENTENCE_STOPS else None)
        if closing:
            return [Token(TEXT, block, text.slice(0, start).strip()), Token(CLOSE, block, tail, paras=closing)]
    return [Token(TEXT, block, text)]


def may_open(plain: str) -> bool:
    """Cheap test before `people.split_opening`: an opening dateline ends in
    a dispatch word (讯, 电) and a byline holds a role word (记者, 摄/) near
    the start, or the paragraph opens with a bracket."""
    return bool(BRACKETED.match(plain) or OPENING_CUE.search(plain, 0, OPENING_REACH))


def may_close(plain: str) -> bool:
    """Cheap test before `people.closing`: a closing byline or dateline is
    bracketed, or has no sentence punctuation (记者 钱伟, 王静 王柯岚)."""
    return bool(BRACKETED.match(plain)) or not PROSE.search(plain)


def trailing_bracket(plain: str) -> int:
    """Where a bracketed group that ends the text starts (-1 if none): the
    place of a closing byline run into the last paragraph."""
    end = len(plain.rstrip())
    if not end or plain[end - 1] not in "）)":
        return -1
    return max(plain.rfind("（", 0, end), plain.rfind("(", 0, end))


def tokens_of(block: Block, today: str | None) -> list[Token]:
    text = block.text.strip()
    if not text:
        return []
    zone = block.zone
    if zone in (MASTHEAD, TEASER, PAGE_REF):
        return [Token(FURNITURE, block, text)]
    if zone in (CAPTION, CREDIT):
        return [Token(FIG, block, text)]
    if zone == SECTION:
        return [Token(BANNER, block, text)]
    if zone == CONTINUATION:
        return continuation_tokens(block, text)
    if is_box_label(text.plain):
        return [Token(LABEL, block, text)]
    if block.kind == DISPLAY and WORDS.search(text.plain) and not introduces(text.plain):
        lines = display_lines(text)
        # a closing byline, perhaps broken over lines ((实习生 汪 / 洁), 柳河乡 / 陈光远)
        closing = None
        if len(lines) <= 2 and len(text.plain) <= SHORT_BLOCK and may_close(text.plain):
            closing = people.closing(text, today) if len(lines) == 1 else people.closing(Text.join(lines), today)
            if closing is None and len(lines) == 2 and not SPACE.search(lines[1].plain):   # who / name
                closing = people.closing(Text.join(lines, " "), today)
        if closing:
            return [Token(CLOSE, block, text, paras=closing)]
        heads, byline = byline_under_heads(block, lines, today)
        if byline is not None:
            return [Token(HEAD, block, text, lines=[heads]), byline]
        return [Token(HEAD, block, text, lines=[lines])]
    return paragraph_tokens(block, text, today)


def byline_under_heads(block: Block, lines: list[Text], today: str | None) -> tuple[list[Text], Token | None]:
    """An opening byline set with the heads, as their last line, broken over
    the last two lines (本报记者 孔令仪 通讯 / 员 范晓东), or after a space at the
    end of the last head (专家解答市民关心的几个问题 本报记者 邵晨阳), or a
    name set off by a box mark (□ 周启明): the heads without it, and its
    token."""
    if len(lines) < 2:
        return lines, None
    last = lines[-1]
    tries = [(lines[:-1], last)]
    if len(lines) > 2:
        tries.append((lines[:-2], Text.join(lines[-2:])))
    tries += [(lines[:-1] + [last.slice(0, m.start())], last.slice(m.end()))
              for m in SPACE.finditer(last.plain) if m.start() > 0]
    for heads, tail in tries:
        byline, rest = people.split_opening(tail, today)
        if byline and not rest:
            return heads, Token(BYLINE, block, tail, paras=byline)
        marked = people.closing(tail, today) if tail.plain.lstrip()[:1] in people.BYLINE_MARKS else None
        if marked:
            return heads, Token(BYLINE, block, tail, paras=marked)
    return lines, None


def introduces(plain: str) -> bool:
    """A display line ending in a colon introduces the text under it (the
    salutation 编辑同志：): it is text, not a head (box labels such as 解读：
    are read before this is asked)."""
    return "\n" not in plain and plain.rstrip()[-1:] in "：:"


def tokenize(page: Page, today: str | None) -> list[Token]:
    """Tokens in printed order; adjacent display blocks form one head group,
    and a box label right over heads joins them (it names their column:
    see `column_label`)."""
    out: list[Token] = []
    for block in page.blocks:
        for tok in tokens_of(block, today):
            if tok.kind == HEAD and out and out[-1].kind == HEAD:
                out[-1].lines += tok.lines
            elif tok.kind == HEAD and out and out[-1].kind == LABEL:
                label = out[-1]
                out[-1] = Token(HEAD, label.block, label.text, lines=[[label.text]] + tok.lines)
            else:
                out.append(tok)
    return out


# ------------------------------------------------------------ head layout

def heads_after(tokens: list[Token]) -> bool:
    """Does this page print heads after their body?  Only the page's two
    ends tell: inside the page every article boundary reads the same either
    way (…text | heads | dateline text…).  Running text at the top (no
    continuation note over it) has its heads after it; a head at the very
    end has no body under it.  The top weighs more: a box at the foot of the
    page is easily taken for a head."""
    content = [t.kind for t in tokens if t.kind in CONTENT and t.kind != LABEL]
    if HEAD not in content:
        return False
    first, last = content[0], content[-1]
    before = 3 * (first == HEAD) + 2 * (last in (TEXT, OPEN, CLOSE))
    after = 3 * (first in (TEXT, OPEN)) + 2 * (last == HEAD)
    return after > before


def kicker_like(first: Text, second: Text) -> bool:
    """Is `first` a kicker over `second` (else `second` is a subtitle)?
    A dash opens a subtitle; a verb of reporting (…时强调) ends a kicker, a
    time, occasion or purpose opens one (and a line after the title opening
    so is a subtitle).
    The main title states the news of a place or unit (东岭乡推广杂交水稻获丰收):
    a line over it that names none sets the scene (科学种田见成效).
    The main title carries the quoted figure of speech (“老房子”穿上“新外衣”),
    so quotes in the second line only make the first its kicker; so does a
    couplet of full clauses over a single phrase.  Otherwise the main title
    is the line in the largest type, the shortest: a first line markedly
    longer than the second is a kicker, two lines of about one length are
    title and subtitle."""
    a, b = first.plain.strip(), second.plain.strip()
    if b.startswith("——"):
        return False
    if kicker_ending(a) or kicker_opening(a) or a.endswith(("？", "?")):    # or a question
        return True
    if kicker_opening(b):
        return False
    if PLACE_SUBJECT.match(b) and not PLACE_SUBJECT.match(a):
        return True
    if QUOTE.search(b) and not QUOTE.search(a):
        return True
    if is_couplet(a) and not SPACE.search(b):
        return True
    return len(SPACE.sub("", a)) >= KICKER_RATIO * len(SPACE.sub("", b))


def kicker_opening(s: str) -> bool:
    """Does the line open like a kicker, with a time, an occasion or a
    purpose (即日起…, 春耕时节…, 方便…)?"""
    return s.lstrip().startswith(KICKER_STARTS)


def kicker_ending(s: str) -> bool:
    """Does the line end like a kicker, with a verb of reporting (…时强调),
    or the round or leg of an event (全国女排联赛第十轮)?"""
    words = s.strip().rstrip("：:，,。 ")
    return any(words.endswith(w) for w in word_list("articles_kicker_ends.txt")) or ROUND.search(words) is not None


def is_couplet(s: str) -> bool:
    """Two or more phrases set apart by spaces, each a full clause
    (科技政策扎实落地 持续厚植创新优势), not a topic before its statement
    (臺北市公車 新闢五條路線)."""
    phrases = SPACE.split(s)
    return len(phrases) > 1 and min(map(len, phrases)) >= CLAUSE_MIN


def one_phrase(first: Text, second: Text) -> bool:
    """Two printed lines that are one head broken in two: a quote or bracket
    left open, a first line that stops short of its noun or its clause (县城区
    新增三处 / 公共停车场, …的 / …), a second that cannot open a head (在白沙河上
    建成发电), a first line that is only the name of an organisation, the
    subject of the second (華埠長者服務中心 / 徵求中英雙語義工), or
    a stub too short to stand as a head (but a short time or occasion is a
    kicker: 春运首日, 三夏时节)."""
    a, b = first.plain.strip(), second.plain.strip()
    if sum(a.count(c) for c in OPENERS) > sum(a.count(c) for c in CLOSERS):
        return True
    if UNFINISHED_END.search(a) or DEPENDENT_START.match(b):
        return True
    if 3 <= len(a) <= SUBJECT_MAX and a.endswith(ORG_SUBJECT_ENDS) and not SPACE.search(a):
        return True     # an organisation alone: the subject of the line below
    return len(SPACE.sub("", b)) <= STUB_MAX


def head_units(lines: list[list[Text]]) -> list[Text]:
    """The heads of a group: lines of one block that form one phrase joined by "\\n"."""
    units: list[Text] = []
    for block_lines in lines:
        run: list[Text] = []
        for line in block_lines:
            if run and not one_phrase(run[-1], line):
                units.append(Text.join(run, "\n"))
                run = []
            run.append(line)
        if run:
            units.append(Text.join(run, "\n"))
    return units


def split_title(lines: list[list[Text]]) -> tuple[list[list[Text]], list[list[Text]]]:
    """The blocks of a display group that make the title: the first block,
    with the next ones while the block before was a single line (a kicker
    set apart) and the heads number three at most.  The blocks after it
    are subheads."""
    n = units = 0
    for block_lines in lines:
        k = len(head_units([block_lines]))
        if n and (units + k > 3 or len(lines[n - 1]) > 1):
            break
        n, units = n + 1, units + k
    return lines[:n], lines[n:]


def column_label(lines: list[list[Text]]) -> tuple[Text | None, list[list[Text]]]:
    """A column label printed as the first line of a title group, and the
    group's other lines.  Either a box label (短评, 编者按) with heads under
    it: over text it would be a box, over a title it names the column.  Or
    a short line set apart (a block of its own) over heads that are complete
    without it, a title with its dash subtitle or kicker, title and
    subtitle: a head has one kicker, so the line above it is the column's."""
    first_block, first = lines[0], lines[0][0]
    rest = ([first_block[1:]] if len(first_block) > 1 else []) + lines[1:]
    if not rest:
        return None, lines
    if is_box_label(first.plain) or rubric(first, rest[0][0]):
        return first, rest
    if len(first_block) > 1 or LABEL_PUNCT.search(first.plain):
        return None, lines
    units = head_units(split_title(rest)[0])
    short = len(SPACE.sub("", first.plain)) <= LABEL_MAX
    if len(units) >= 3 or (short and len(units) == 2 and units[1].plain.lstrip().startswith("——")
                           and not kicker_ending(first.plain)):
        return first, rest
    return None, lines


def rubric(first: Text, second: Text) -> bool:
    """A first line too short to be a head of its own (科学种田 over
    早稻要注意防治稻飞虱), not a stub wanting the next line (重庆首个 /
    儿童友好馆开馆) nor a time or occasion (春运首日): the column's rubric."""
    a = SPACE.sub("", first.plain)
    return (len(a) <= STUB_MAX and not LABEL_PUNCT.search(a) and not one_phrase(first, second)
            and not kicker_ending(a) and not kicker_opening(a))


def split_heads(units: list[Text]) -> tuple[Text | None, Text | None, list[Text]]:
    """kicker, main title, subtitles from a title group's heads."""
    if len(units) == 1:
        return None, units[0], []
    if len(units) == 2:
        return (units[0], units[1], []) if kicker_like(*units) else (None, units[0], [units[1]])
    if len(units) == 3 or kicker_like(units[0], units[1]):
        return units[0], units[1], units[2:]
    return None, units[0], units[1:]


def has_doubling(text: Text) -> bool:
    return any(c.kind == "sic" for c in text.choices)


def split_graphic(lines: list[list[Text]]) -> tuple[list[list[Text]], list[Text]]:
    """An infographic set right under a clean headline: three or more lines
    with doubled (fake-bold) glyphs after a first line without.  Returns the
    head lines and the graphic's lines."""
    flat = [(i, j, ln) for i, bl in enumerate(lines) for j, ln in enumerate(bl)]
    doubled = [k for k, (_, _, ln) in enumerate(flat) if has_doubling(ln)]
    if len(doubled) < 3 or doubled[0] == 0:
        return lines, []
    i, j, _ = flat[doubled[0]]
    head = [bl for bl in lines[:i]] + ([lines[i][:j]] if j else [])
    return head, [ln for _, _, ln in flat[doubled[0]:]]


# ------------------------------------------------------- graphics, captions

BULLETS = ITEM_MARKS + "•·"
DATA_LINE = regex.compile(rf"[{BULLETS}]|[0-9０-９.．%％+＋\-~～—]+\p{{Han}}{{0,3}}$")
GRAPHIC_LINES = 3       # fewest lines of an infographic; subheads have one or two


def is_data(line: Text) -> bool:
    """A line of a graphic: a bullet item, a bare figure (96.4%, 1.2万), or
    set in fake bold."""
    return bool(DATA_LINE.match(line.plain.strip())) or has_doubling(line)


def is_graphic(lines: list[Text]) -> bool:
    """A display group set between paragraphs that is an infographic, not a
    subhead: three or more lines, at least two of them data, one at least a
    bullet item or a bare figure (fake bold alone also sets a whole head group)."""
    return (len(lines) >= GRAPHIC_LINES and sum(map(is_data, lines)) >= 2
            and any(DATA_LINE.match(line.plain.strip()) for line in lines))


def odd_heads_to_captions(art: Article) -> None:
    """The subheads of one article are set alike.  When two or more are
    two-line heads, a one-line display line among them (a box label aside)
    is a photo caption the extraction set between paragraphs (only on a page
    with credited photos): a figure at the end of the part before it."""
    multi = sum(1 for s in art.subsections if "\n" in s.head.plain)
    if multi < 2:
        return
    kept: list[Subsection] = []
    for sub in art.subsections:
        if "\n" in sub.head.plain or is_box_label(sub.head.plain):
            kept.append(sub)
            continue
        items = kept[-1].items if kept else art.items
        items.append(Figure(head=sub.head))
        items.extend(sub.items)
    art.subsections = kept


def article_text(art: Article) -> str:
    """The title and paragraphs of an article, for word overlap."""
    parts = [art.title.plain] if art.title else []
    for item in art.items + [x for sub in art.subsections for x in sub.items]:
        if isinstance(item, Para):
            parts.append(item.plain)
    return "".join(parts)


def restates(text: str, heads: Token, share: float = SHARED_TITLE_WORDS, least: int = LEAD_PAIRS) -> bool:
    """Does the text repeat this share, and at least `least`, of one head
    line's character pairs, as a news lead restates its headline
    (县图书馆开设少儿阅览室 / 县图书馆少儿阅览室日前正式开放…)?"""
    for block_lines in heads.lines:
        for line in block_lines:
            words = SPACE.sub("", line.plain)
            if shared_words(words, text) >= max(least, share * (len(words) - 1)):
                return True
    return False


def shared_words(caption: str, text: str) -> int:
    """How many character pairs of the caption the text also has."""
    return sum(1 for k in range(len(caption) - 1) if caption[k:k + 2] in text)


def place_between(figures: list[Figure], before: Article, after: Article) -> None:
    """Figures extracted between two articles went to the later one; one
    whose caption shares more words with the earlier article is its."""
    text_before, text_after = article_text(before), article_text(after)
    for fig in figures:
        caption = SPACE.sub("", fig.head.plain) if fig.head else ""
        if caption and shared_words(caption, text_before) > shared_words(caption, text_after):
            after.items[:] = [x for x in after.items if x is not fig]
            before.running_items.append(fig)


# ------------------------------------------------------------ news briefs

def item_start(x: object, column: bool) -> bool:
    """A paragraph that opens a news brief: an item mark (△ ■ ◆) or a run-in
    head (see `run_in_head`)."""
    if not isinstance(x, Para) or x.kind != "p":
        return False
    plain = x.plain.lstrip()
    return plain[:1] in ITEM_MARKS or run_in_head(plain, column) is not None


def run_in_head(plain: str, column: bool) -> "regex.Match[str] | None":
    """The run-in head that opens an item: set off by an ideographic space,
    or in a column (`column`), by a plain one."""
    return RUN_IN_HEAD.match(plain) or (SPACED_RUN_IN_HEAD.match(plain) if column else None)


def opens_with_item(x: object, column: bool) -> bool:
    """An untitled article that opens with a news brief."""
    return (isinstance(x, Article) and x.title is None and not x.subsections
            and bool(x.items) and item_start(x.items[0], column))


def split_briefs(container: list, column: bool = False) -> None:
    """A column of news briefs (简讯) prints short untitled items, each
    opened by a mark or a run-in head: every item is an article of its own,
    titled by its run-in head.  An untitled article is read so when it holds
    two items or more, or when an untitled item article stands beside it.
    `column`: the container is a section's."""
    out: list = []
    flags = [opens_with_item(x, column) for x in container]
    for k, x in enumerate(container):
        if isinstance(x, Section):
            split_briefs(x.members, column=True)
        beside = (k and flags[k - 1]) or (k + 1 < len(flags) and flags[k + 1])
        if flags[k] and (beside or sum(item_start(p, column) for p in x.items) > 1):
            out += brief_articles(x, column)
        else:
            out.append(x)
    container[:] = out


def brief_articles(art: Article, column: bool) -> list[Article]:
    """One article per item of `art`; the opening stays with the first, the
    closing with the last; a run-in head becomes its item's title."""
    out: list[Article] = []
    for x in art.items:
        if not out or item_start(x, column):
            out.append(Article(id=art.id, opening=[] if out else art.opening))
            head = run_in_head(x.plain.lstrip(), column) if isinstance(x, Para) else None
            texts = [p for p in x.parts if isinstance(p, Text)] if isinstance(x, Para) else []
            if head and isinstance(x, Para) and len(texts) == len(x.parts):
                text = Text.join(texts, "").strip()
                out[-1].title = text.slice(0, head.end())
                x = Para.of("p", text.slice(head.end()).strip())
        out[-1].items.append(x)
    out[-1].closing = art.closing
    return out


def brief(x: object) -> bool:
    """A news brief: an article without kicker or subtitle, of a paragraph
    or two of short text."""
    if not isinstance(x, Article) or x.kicker or x.subtitles or x.subsections:
        return False
    paras = [p for p in x.items if isinstance(p, Para)]
    return len(paras) <= BRIEF_PARAS and sum(len(p.plain) for p in paras) <= BRIEF_CHARS


def close_column(body: list, column: Section) -> None:
    """A column label heads one article, or a run of news briefs: a column
    whose first article is a full one ends after it, a column of briefs at
    its first article that is no brief.  What follows leaves the column."""
    articles = [k for k, m in enumerate(column.members) if isinstance(m, Article)]
    if not articles:
        return
    first = articles[0]
    end = first + 1
    if brief(column.members[first]):
        while end < len(column.members) and (brief(column.members[end])
                                             or not isinstance(column.members[end], Article)):
            end += 1
    rest = column.members[end:]
    if rest and column in body:
        del column.members[end:]
        at = body.index(column) + 1
        body[at:at] = rest


# ---------------------------------------------------------------- builder

def direction(tok: Token) -> str | None:
    """Where a continuation note points (to / from), None for other tokens."""
    return tok.note.direction if tok.kind == NOTE and tok.note is not None else None


def following(tokens: list[Token], kinds: tuple[str, ...]) -> list[Token | None]:
    """For each token, the first later token of one of `kinds`."""
    out: list[Token | None] = [None] * len(tokens)
    seen = None
    for i in range(len(tokens) - 1, -1, -1):
        out[i] = seen
        if tokens[i].kind in kinds:
            seen = tokens[i]
    return out


def kind_of(tok: Token | None) -> str | None:
    return tok.kind if tok else None


class Builder:
    """One pass over the tokens, keeping the article being filled."""

    def __init__(self, page: Page, tokens: list[Token], after: bool):
        self.page, self.tokens, self.after = page, tokens, after
        self.body = page.body
        self.container: list[BodyItem] | list[Article | Figure] = self.body   # body, or the members of a Section
        self.columns: list[Section] = []          # sections opened by a column label, not a page banner
        self.article: Article | None = None
        self.ended = False                        # the current article took its end
        self.fragment = False                     # the current article opened with （上接…）
        self.signed = False                       # the current article ended with its closing
        self.texted = False                       # the current article has a paragraph
        self.figure: Figure | None = None         # the figure the last FIG token fed
        self.pending: list[Figure] = []           # figures waiting for the next article
        self.between: list[tuple[list[Figure], Article, Article]] = []   # figures set between two articles
        self.teaser_run = 0                       # first teaser item no pointer has closed yet
        self.unclassified = Division("unclassified")
        self.count = 0
        self.last_matter = max((k for k, t in enumerate(tokens) if t.kind not in (FURNITURE, BANNER)), default=-1)
        self.next_stop = following(tokens, (OPEN, CLOSE, NOTE, BANNER, BYLINE))
        self.next_mark = following(tokens, (HEAD, OPEN, CLOSE, NOTE, BANNER))

    # -- helpers
    def new_article(self) -> Article:
        self.count += 1
        before, self.article = self.article, Article(id=f"a{self.count}")
        self.container.append(self.article)
        self.ended = self.fragment = self.signed = self.texted = False
        self.article.items.extend(self.pending)
        if self.pending and before is not None:
            self.between.append((self.pending, before, self.article))
        self.pending = []
        return self.article

    def open_article(self) -> Article:
        if self.article is None or self.ended:
            return self.new_article()
        return self.article

    def opened(self) -> Article:
        """The open article, where a rule has made sure one is open."""
        if self.article is None:
            raise LookupError("no article is open")
        return self.article

    def target(self) -> list:
        return self.open_article().running_items

    def has_body(self) -> bool:
        art = self.article
        return bool(art and (art.opening or art.subsections or self.texted))

    def paragraph(self, text: Text, resumes: bool = False) -> None:
        """A paragraph; one that `resumes` after a figure dropped into it
        (zones) goes on the paragraph before that figure."""
        items = self.target()
        self.texted = True
        if resumes:
            k = len(items)
            while k and isinstance(items[k - 1], Figure):
                k -= 1
            if k < len(items) and isinstance(items[k - 1], Para) and items[k - 1].kind == "p":
                items[k - 1].parts.append(text)
                return
        items.append(Para.of("p", text))

    def open_section(self, head: Text, column: bool = False) -> None:
        """A column or page banner: the articles after it are its members
        (a column's only while they fit it: see `close_column`)."""
        self.flush_pending()
        section = Section(head)
        self.body.append(section)
        if column:
            self.columns.append(section)
        self.container = section.members
        self.article = None

    def banner(self, head: Text, column: bool) -> None:
        """A column or page banner.  Heads before, or at the top of the page:
        it heads the articles after it.  Heads after, below articles: like
        the heads it is extracted after what it heads: the untitled articles
        right before it (briefs under a column label have no titles), else
        the nearest untitled one.  Below titled articles only, it heads the
        articles after it, as it was printed over them."""
        articles = [x for x in self.container if isinstance(x, Article)] if self.after else []
        untitled = [x for x in articles if not x.title]
        if not untitled:
            self.open_section(head, column)
            return
        briefs: list[Article] = []
        for x in reversed(self.container):
            if not isinstance(x, Article) or x.title:
                break
            briefs.insert(0, x)
        self.wrap_in_section(head, briefs or [untitled[-1]])

    def wrap_in_section(self, head: Text, arts: list[Article]) -> None:
        """Heads after: a column label over the heads that close `arts` (in
        a row) is their column.  Inside a page banner's section (sections do
        not nest) the column, the more specific, takes the articles out.
        An article that already has its column keeps it (the label is left
        unclassified)."""
        at = next((k for k, x in enumerate(self.container) if x is arts[0]), None)
        if at is None:
            self.unclassified.paras.append(Para.of("ab", head))
        elif self.container is self.body:
            self.body[at:at + len(arts)] = [Section(head, list[Article | Figure](arts))]
        else:
            del self.container[at:at + len(arts)]
            self.body.append(Section(head, list[Article | Figure](arts)))

    def flush_pending(self) -> None:
        self.container.extend(self.pending)
        self.pending = []

    def neighbour(self, i: int, step: int) -> Token | None:
        """The nearest content token before (-1) or after (+1) token i."""
        i += step
        while 0 <= i < len(self.tokens):
            if self.tokens[i].kind in CONTENT:
                return self.tokens[i]
            i += step
        return None

    # -- heads
    def head_is_title(self, i: int) -> bool:
        """Title group or subheads?  Heads before: a title when no article is
        open, or when a dateline/continuation (or another signature) starts
        under it, or when the paragraph under it restates it, as a news lead
        restates its headline (see `new_topic`).  Heads after: a title when
        it follows an article's end, stands before an article start or the
        page end, closes a news report (set without subheads) or a story
        (see `closes_section`), or when the text under it runs to an article
        boundary rather than to another head (never inside a continued
        fragment, whose title is on another page)."""
        nxt = self.neighbour(i, 1)
        heads = self.tokens[i]
        if not self.after:
            if self.article is None or self.ended:
                return True
            starts = nxt is not None and (nxt.kind == OPEN or direction(nxt) == "from")
            if starts and (self.has_body() or not self.article.title):
                return True
            if self.has_body() and nxt is not None and nxt.kind == TEXT and self.new_topic(heads, nxt.text.plain):
                return True
            return self.has_body() and (self.news_item() or self.signed_under(i)) or self.signed_elsewhere(i)
        if self.article is None or self.ended and self.article.title:
            return True
        prev = self.neighbour(i, -1)
        if prev and (prev.kind == CLOSE or direction(prev) == "to"):
            return True
        if nxt is None or nxt.kind == OPEN or nxt.kind == NOTE or self.news_item():
            return True
        if self.closes_section(i, heads):
            return True
        return not self.fragment and kind_of(self.next_mark[i]) != HEAD

    def closes_section(self, i: int, heads: Token) -> bool:
        """Heads after: the text since the last head shares word pairs with
        these heads (two at least), and the text under them, up to the next
        head, shares none, as a subhead's own section would: the heads close
        a story, and a new one begins under them."""
        before = "".join(x.plain for x in self.opened().running_items if isinstance(x, Para))
        if not restates(before, heads, 0.0, TOPIC_PAIRS + 1):
            return False
        after = []
        for tok in self.tokens[i + 1:]:
            if tok.kind in (HEAD, LABEL, BANNER):
                break
            if tok.kind in (TEXT, OPEN):
                after.append(tok.text.plain)
        return not restates("".join(after), heads, 0.0, TOPIC_PAIRS)

    def new_topic(self, heads: Token, lead: str) -> bool:
        """Heads before: the heads open a story of their own: `lead` restates
        them, and the open article's text has none of their word pairs, as
        it would have some of a subhead's."""
        return restates(lead, heads) and not restates(article_text(self.opened()), heads, 0.0, TOPIC_PAIRS)

    def heads(self, i: int, tok: Token) -> None:
        """A head group: a box heading nothing, a misplaced section, an
        infographic, a title group or subheads."""
        lines = [ln for bl in tok.lines for ln in bl]
        if not self.after and self.heads_over_nothing(i):
            self.unclassified.paras.append(Para.of("ab", Text.join(lines, "\n")))
        elif self.misplaced_section(i, tok):
            self.reopen(tok)
        else:
            title = self.head_is_title(i)
            # a graphic under a clean headline is the title group's (split_graphic)
            if self.has_body() and is_graphic(lines) and not (title and not is_data(lines[0])):
                self.target().append(Figure(head=Text.join(lines, "\n")))
            elif title:
                self.title_group(tok)
            else:
                self.subsection(lines)

    def leftover_caption(self, i: int, tok: Token) -> bool:
        """A short line with no sentence end, after an article's closing and
        with no text after it on the page: it starts nothing; it is a
        caption of that article's photos."""
        plain = tok.text.plain
        return (self.signed and self.ended and self.neighbour(i, 1) is None and len(plain) <= CAPTION_LINE_MAX
                and "\n" not in plain and not SENTENCE_END.search(plain) and not BRACKETED.match(plain))

    def heads_over_nothing(self, i: int) -> bool:
        """Heads before: a display group with no text, note or figure after
        it on the page heads nothing; it is a box (weather, a notice)."""
        return i >= self.last_matter

    def news_item(self) -> bool:
        """The open article opened with a dateline (本报讯, 新华社…电): a news
        report, which is set without subheads, so heads after its text
        begin the next article."""
        return any(p.kind == "dateline" for p in self.opened().opening)

    def signed_under(self, i: int) -> bool:
        """A name line right under the heads is the opening byline of the
        article they head (a subhead is never signed)."""
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        return nxt is not None and nxt.kind in (CLOSE, BYLINE)

    def signed_elsewhere(self, i: int) -> bool:
        """Heads before: the text under this group ends in a closing byline,
        but the open article already opened with its byline: that text is
        another article, and the group its title."""
        close = self.next_stop[i]
        if close is None or close.kind != CLOSE or not any(p.kind == "byline" for p in self.opened().opening):
            return False
        return any(isinstance(part, Name) and part.role in WRITERS for p in close.paras for part in p.parts)

    def misplaced_section(self, i: int, tok: Token) -> bool:
        """Heads before: after the closing of an article with subheads, a
        group shaped like those subheads, over text that runs to the end of
        the page (or banner) with no dateline, byline or note of its own, is a
        section of that article printed out of order (a jumbled multi-column
        feature), not an unsigned article."""
        art = self.article
        if self.after or art is None or not self.signed:
            return False
        shapes = {s.head.plain.count("\n") + 1 for s in art.subsections if not is_box_label(s.head.plain)}
        return sum(len(bl) for bl in tok.lines) in shapes and kind_of(self.next_stop[i]) in (None, BANNER)

    def reopen(self, tok: Token) -> None:
        """Put a misplaced section back, with the figures waiting before it."""
        self.ended = False
        self.subsection([ln for bl in tok.lines for ln in bl])
        self.target().extend(self.pending)
        self.pending = []

    def title_group(self, tok: Token) -> None:
        """Heads after: the heads close the untitled article before them (but
        not a continued fragment, whose title is on another page: see
        `split_fragment`).  Otherwise (heads before, or heads after with no
        body before them) they open a new article, or title the open one
        while it has no text."""
        art = self.article
        closes = self.after and art is not None and not art.title and bool(art.items or self.has_body())
        label, lines = column_label(tok.lines)
        lines, graphic = split_graphic(lines)
        lines, later = split_title(lines)
        kicker, title, subtitles = split_heads(head_units(lines))
        if closes and self.fragment and title is not None:
            art = self.split_fragment(title) or art
        if label is not None and not closes:
            self.open_section(label, column=is_box_label(label.plain))
        if closes and art is not None:      # (closes: an untitled article is open)
            if label is not None:
                self.wrap_in_section(label, [art])
        elif self.article is None or self.ended or self.article.title or self.has_body():
            art = self.new_article()
        else:
            art = self.article
        art.kicker, art.title, art.subtitles = kicker, title, subtitles
        if graphic:
            art.running_items.append(Figure(head=Text.join(graphic, "\n")))
        for block_lines in later:
            self.subsection(block_lines, art)
        self.ended = closes

    def split_fragment(self, title: Text) -> Article | None:
        """Heads after, closing a continued fragment (no heads on this page):
        the article they head starts at the first paragraph that shares the
        title's words (近日，…儿童友好馆开馆… under 重庆首个儿童友好馆开馆);
        that paragraph and the rest leave the fragment.  None if none does."""
        items = self.opened().running_items
        words = SPACE.sub("", title.plain)
        need = max(2, round(SHARED_TITLE_WORDS * (len(words) - 1)))
        for k, item in enumerate(items):
            if k and isinstance(item, Para) and shared_words(words, item.plain) >= need:
                moved, items[k:] = items[k:], []
                art = self.new_article()
                art.items.extend(moved)
                return art
        return None

    def subsection(self, lines: list[Text], art: Article | None = None) -> None:
        """Subheads; a box label line inside the group is a head of its own."""
        art = art or self.open_article()
        run: list[Text] = []
        for line in lines:
            if is_box_label(line.plain):
                if run:
                    art.subsections.append(Subsection(Text.join(run, "\n")))
                    run = []
                art.subsections.append(Subsection(line))
            else:
                run.append(line)
        if run:
            art.subsections.append(Subsection(Text.join(run, "\n")))

    # -- figures and furniture
    def figure_piece(self, i: int, tok: Token) -> None:
        credit_only = tok.block.zone == CREDIT
        prev = self.tokens[i - 1] if i else None
        if credit_only and prev is not None and prev.kind == CLOSE and self.article is not None:
            self.article.closing.append(people.credit(tok.text) or Para.of("byline", tok.text))
            return
        key = tok.block.facts.get("figure")
        fig = self.figure if prev is not None and prev.kind == FIG else None
        before = prev.block.facts.get("figure") if prev is not None else None
        same = key == before if key and fig else not (fig and not credit_only and fig.credits)
        if fig is None or not same:
            fig = self.figure = Figure()
            if self.article is not None and not self.ended:
                self.target().append(fig)
            else:
                self.pending.append(fig)
        if credit_only:
            fig.credits.append(people.credit(tok.text) or Para.of("byline", tok.text))
            return
        split = people.split_credit(tok.text)
        caption, credit = split if split else (tok.text, None)
        if fig.head is None:
            fig.head = caption
        else:
            fig.paras.append(Para.of("p", caption))
        if credit:
            fig.credits.append(credit)

    def furniture(self, i: int, tok: Token) -> None:
        zone = tok.block.zone
        prev = self.tokens[i - 1] if i else None
        last = self.body[-1] if self.body else None
        if zone == PAGE_REF:
            ref = PageRef(tok.text, tok.block.facts.get("page", ""))
            if prev and prev.block.zone == TEASER and isinstance(last, Teasers):
                # the pointer closes every teaser block since the last pointer
                run = last.items[self.teaser_run:]
                text = Text.join([t for item in run for t in item.parts if isinstance(t, Text)], "\n")
                last.items[self.teaser_run:] = [Para("item", [text, Text([" "]), ref])]
                self.teaser_run = len(last.items)
            elif prev and prev.kind == FIG and self.figure is not None:
                self.figure.paras.append(Para("p", [ref]))
            else:
                self.unclassified.paras.append(Para("ab", [ref]))
            return
        self.flush_pending()
        if "label" in tok.block.facts:      # the teasers' label: no item, and the model has no teaser head
            self.unclassified.paras.append(Para.of("ab", tok.text))
        elif zone == MASTHEAD:
            if not isinstance(last, Masthead):
                last = Masthead()
                self.body.append(last)
            last.lines.append(Para.of("fw", tok.text))
        else:
            if not isinstance(last, Teasers):
                last = Teasers()
                self.body.append(last)
                self.teaser_run = 0
            last.items.append(Para.of("item", tok.text))

    # -- the pass
    def run(self) -> None:
        for i, tok in enumerate(self.tokens):
            kind = tok.kind
            if kind != FIG and not (kind == FURNITURE and tok.block.zone == PAGE_REF):
                self.figure = None
            if kind == FURNITURE:
                self.furniture(i, tok)
            elif kind == FIG:
                self.figure_piece(i, tok)
            elif kind == BANNER:
                self.banner(tok.text, "column" in tok.block.facts)
            elif kind == HEAD:
                self.heads(i, tok)
            elif kind == LABEL:
                self.subsection([tok.text])
            elif kind == OPEN:
                art = self.new_article() if self.has_body() or self.ended or self.article is None \
                    else self.article
                art.opening += tok.paras
                if tok.text:
                    self.paragraph(tok.text)
            elif kind == CLOSE:
                self.close(tok)
            elif kind == BYLINE:       # a byline set under the heads belongs to their article
                (self.article or self.new_article()).opening += tok.paras
            elif kind == NOTE and tok.note is not None:
                if tok.note.direction == "from":
                    self.new_article()
                    self.fragment = True
                self.target().append(tok.note)
                self.ended = tok.note.direction == "to"
            elif self.leftover_caption(i, tok):
                self.opened().running_items.append(Figure(head=tok.text))
            else:
                self.paragraph(tok.text, "resumes" in tok.block.facts)
        self.flush_pending()
        split_briefs(self.body)
        for section in self.columns:
            close_column(self.body, section)
        for figures, before, after in self.between:
            place_between(figures, before, after)
        if any(t.kind == FIG for t in self.tokens):
            for art in self.page.articles():
                odd_heads_to_captions(art)
        # TEI wants some division in a body: masthead lines alone are not one
        if self.unclassified.paras or all(isinstance(x, Masthead) for x in self.body) and self.body:
            self.body.append(self.unclassified)

    def close(self, tok: Token) -> None:
        art = self.article
        if art is None:
            self.unclassified.paras.append(Para.of("ab", tok.text))
        elif not self.ended and not self.has_body() and art.title:
            art.opening += tok.paras        # a byline line right under the heads
        else:
            art.closing += tok.paras
            self.ended = self.signed = True


def read_clean(page: Page, today: str | None) -> None:
    """A page in the clean text format: nothing to infer about layout.
    Each run of heads opens an article; the units under it are its
    paragraphs, an opening dateline or byline before the first of them
    (or right under the heads), a closing one ending it.  Units are never
    merged, split or moved, so the text reads back the same."""
    art: Article | None = None
    ended = False
    heads: list[Text] = []
    for block in page.blocks + [None]:
        if block is not None and block.kind == DISPLAY:
            heads.append(block.text)
            continue
        if heads:
            art = Article(id=f"a{len(page.body) + 1}")
            art.kicker, art.title, art.subtitles = split_heads(heads)
            page.body.append(art)
            heads, ended = [], False
        if block is None:
            break
        text = block.text.strip()
        tokens = paragraph_tokens(block, text, today)
        whole = len(tokens) == 1 and len(tokens[0].paras) <= 1 and not (tokens[0].kind == OPEN and tokens[0].text)
        tok = tokens[0] if whole else Token(TEXT, block, text)  # a unit is never split: it must read back the same
        if art is None or ended:
            art, ended = Article(id=f"a{len(page.body) + 1}"), False
            page.body.append(art)
        if tok.kind in (OPEN, CLOSE) and not art.items and (art.title or art.opening or tok.kind == OPEN):
            art.opening += tok.paras      # datelines and bylines under the heads
        elif tok.kind == CLOSE:
            art.closing += tok.paras
            ended = True
        else:
            art.items.append(Para.of("p", text))
    if not page.body:
        page.body.append(Division("unclassified"))


def run(page: Page) -> Page:
    today = page.publication.date
    page.body = []
    if page.form == "clean":
        read_clean(page, today)
        page.log(NAME, None, "", "heads before body", "the clean text format prints heads first")
        page.settings[NAME] = {"heads": "before"}
        return page
    tokens = tokenize(page, today)
    after = heads_after(tokens)
    Builder(page, tokens, after).run()
    for k, art in enumerate(page.articles(), 1):
        art.id = f"a{k}"
    page.log(NAME, None, "", "heads after body" if after else "heads before body",
             "layout vote: where head groups stand relative to running text")
    page.settings[NAME] = {"heads": "after" if after else "before"}
    return page
