"""Bylines, datelines and photo credits: the people and places around an
article, parsed into `Para` parts (Name, Date) with the printed words kept.

Every Para is cut from its input with `Text.slice`, so the Paras' parts (plus
any remainder) joined give back the input exactly, corrections included.
White space between two pieces ends the first piece.

A byline is read as tokens: role words (data/roles.txt, longest first, a
publisher in front staying with them: 重庆日报记者), names and separators.  A
role word gives its role to the names after it; a photographer word with no
person after it (X 摄, 摄/视觉重庆) makes every person a photographer.  A name
that no space or bracket sets apart from running text (glued to its role
word, 记者唐卫彬) or that no role word vouches for (X 摄, a bare name line)
must start with a known surname (data/surnames.txt).
"""
from __future__ import annotations

from typing import Callable, NamedTuple

import regex

from cleanup.model import Date, Inline, Name, Para, Text
from cleanup.wordlists import alternation, words

PHOTOGRAPHER = "photographer"
AUTHOR = "author"
CLOSES = "-"          # role of a word that ends a byline without naming a role (报道)
LONGEST = 80          # no byline, dateline or credit block is longer than this
NAME_DOTS = "·•・"     # inside transliterated names: 阿依古丽·买买提
BYLINE_MARKS = "□■◇◆"   # a box mark that sets off a byline under a head (□ 周启明)


ROLES: dict[str, str] = dict(e.split() for e in words("roles.txt"))
SINGLE_ROLES = {w for w in ROLES if len(w) == 1}
_SURNAMES = words("surnames.txt")
SURNAMES = {s for s in _SURNAMES if len(s) == 1}
COMPOUND_SURNAMES = {s for s in _SURNAMES if len(s) == 2}
STOPCHARS = frozenset(words("name_stopchars.txt"))
ORGS = {e for e in words("orgs.txt") if not e.startswith("*")}
ORG_ENDINGS = tuple(e[1:] for e in words("orgs.txt") if e.startswith("*"))
NAMELESS_CREDITS = set(words("credits.txt"))
NAMELESS_BYLINES = set(words("nameless_bylines.txt"))
_DATELINE_WORDS: dict[str, list[str]] = {}
for _kind, _word in (e.split() for e in words("datelines.txt")):
    _DATELINE_WORDS.setdefault(_kind, []).append(_word)
OWN_PAPER = set(_DATELINE_WORDS["own"])
UNDATED_SOURCES = OWN_PAPER | set(_DATELINE_WORDS["agency"])
_PER = alternation(_DATELINE_WORDS["per"])
_DISPATCH = alternation(_DATELINE_WORDS["dispatch"])
_REPORTED = alternation(_DATELINE_WORDS["reported"])
# Brackets that may wrap a whole dateline: opener -> closer (【本报讯】).
DATELINE_BRACKETS = {pair[0]: pair[1] for pair in _DATELINE_WORDS["bracket"]}
_OPENERS = regex.escape("".join(DATELINE_BRACKETS))
_CLOSERS = regex.escape("".join(DATELINE_BRACKETS.values()))

_PUBLISHER = (rf"(?:{alternation(UNDATED_SOURCES)}"
              rf"|\p{{Han}}{{1,8}}?(?:{alternation(_DATELINE_WORDS['ending'])}))")
# A publisher (and posting) in front of a role word: 重庆日报记者, 本报驻京记者.
PUBLISHER = regex.compile(rf"{_PUBLISHER}(?:[驻駐]\p{{Han}}{{1,4}})?")
ROLE_IN_RUN = regex.compile(alternation(w for w in ROLES if len(w) > 1))
# A byline that opens with its role word (记者 X, 重庆日报记者 X, 摄/X).
ROLE_AT = regex.compile(rf"(?:{PUBLISHER.pattern})?(?:{ROLE_IN_RUN.pattern})"
                        rf"|(?:{alternation(SINGLE_ROLES)})(?!\p{{Han}})")

# Dates in Arabic (full-width too) or Chinese numerals: 2021年12月30日,
# ３月４日, 一九八五年三月四日, 十一日 (day only, in older wire datelines).
HAN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
HAN_TENS = {"廿": 20, "卅": 30}
_HAN_DIGIT = f"[{''.join(HAN_DIGITS)}]"
_HAN_UNIT = "[一二三四五六七八九]"
DATE = (rf"(?:(?:(?P<year>\d{{4}}|{_HAN_DIGIT}{{4}})\s?年\s?)?"
        rf"(?P<month>\d{{1,2}}|十[一二]?|{_HAN_UNIT})\s?月\s?)?"
        rf"(?P<day>\d{{1,2}}|[二三]?十{_HAN_UNIT}?|[廿卅]{_HAN_UNIT}?|{_HAN_UNIT})\s?日")
# 本报讯, 本报北京1月8日讯, 本报北京讯, 新华社北京１月８日电, 中央社臺北十一日電,
# 据新华社电: source, place, date, 讯/电.
DATELINE = regex.compile(
    rf"(?:(?P<per>{_PER})\s?)?(?P<source>{_PUBLISHER})"
    rf"(?:(?:\p{{Han}}{{1,12}}?)?\s?(?P<date>{DATE})|(?P<place>\p{{Han}}{{1,5}}?[^\P{{Han}}日月年号號]))?"
    rf"\s?(?:{_DISPATCH}|(?(per)(?:{_REPORTED})|(?!)))"
)
# What may follow an undated agency dateline (新华社电话 is none).
AFTER_DISPATCH = regex.compile(r"[\s（(：:，,]|$")
BRACKETS = regex.compile(r"[（(【]([^（）()【】\n]{1,60})[）)】]")
# A news agency sending the photo: 新华社发（X 摄）.
AGENCY_SENDS = regex.compile(rf"\s*(?P<agency>{alternation(_DATELINE_WORDS['agency'])})[发發]")
SIGNATURE = regex.compile(rf"[（(]?(?P<who>\p{{Han}}{{0,20}}?(?P<signer>{alternation(words('signers.txt'))})?)"
                          rf"[ \u3000]+(?P<name>\p{{Han}}{{2,4}})[）)]?")
# A bracket pair round a possible dateline (its pairing is checked after).
IN_DATELINE_BRACKETS = regex.compile(rf"[{_OPENERS}]([^{_OPENERS}{_CLOSERS}\n]{{1,60}})[{_CLOSERS}]")
COLON = regex.compile(r"[:：]")
SPACE = regex.compile(r"\s*")
SPACE_OR_STOP = regex.compile(r"[。！？；]\s*|\s+")
PROVIDED = regex.compile(r"(?:[图圖]片|照片|[图圖])由(?P<who>\p{Han}{2,20}?)提供|(?P<who>\p{Han}{2,20}?)\s?供[图圖]")
PHOTO_LEAD = regex.compile(rf"(?:{alternation(w for w, r in ROLES.items() if r == PHOTOGRAPHER)})[/／:：]")
# Cheap first tests: may a paragraph open with a dateline or byline, may a
# block be a closing byline or dateline, may it hold a credit?
OPENING_HINT = regex.compile(rf"\s*(?:{_PER}|{_PUBLISHER}|[{_OPENERS}]|{ROLE_AT.pattern})")
CLOSING_HINT = regex.compile(rf"{alternation(ROLES)}|{_DISPATCH}")
CREDIT_HINT = regex.compile(alternation(
    [w for w, r in ROLES.items() if r == PHOTOGRAPHER] + ["提供", "供图", "供圖"] + sorted(NAMELESS_CREDITS)))
LINE_BREAK = regex.compile(r"\n")
PEN_NAME = regex.compile(r"\s*[（(]\s*(?P<name>\p{Han}{2,3})\s*[）)]\s*")
PEN_NAME_STOPS = frozenset(words("pen_name_stops.txt"))
BARE_NAMES = regex.compile(r"\p{Han}{2,4}(?:[\s、]+\p{Han}{2,4}){0,5}")
BARE_SEP = regex.compile(r"[\s、]+")
PLACE = regex.compile(r"\p{Han}{1,10}[省市县區区乡鄉镇鎮村]")     # 城关镇: where a reader writes from
PADDED_NAME = regex.compile(r"\s*(\p{Han})[ \u3000]+(\p{Han})\s*")

_HAN_RUN = rf"\p{{Han}}{{1,16}}(?:[{NAME_DOTS}]\p{{Han}}{{1,8}}){{0,3}}(?![\p{{Han}}{NAME_DOTS}])"
_LATIN = r"[A-Za-z][A-Za-z.&'\-]{0,30}(?![A-Za-z])"


def _tokenizer(sep: str) -> "regex.Pattern[str]":
    return regex.compile(rf"(?P<sep>{sep})|(?P<han>{_HAN_RUN})|(?P<latin>{_LATIN})")


# Inside brackets or a whole block any punctuation may part names; in running
# text only spaces, 、 / and colons do (a comma already belongs to the text).
IN_BLOCK = _tokenizer(r"[\s、，,；;:：/／]+")
IN_TEXT = _tokenizer(r"[\s、:：/／]+")


class Item(NamedTuple):
    """A byline token: kind "role", "end" (报道), "name", "org" or "sep"."""

    kind: str
    start: int
    end: int
    role: str | None = None
    glued: bool = False     # a name written against its role word


Span = tuple[int, int, "str | None", bool]   # a person or organisation: start, end, role, is_org
Mark = tuple[int, int, Callable[[Text], Inline]]  # start, end, and what the text there becomes


class Piece(NamedTuple):
    """A dateline or byline found at plain[start:end], with its marked spans."""

    kind: str
    start: int
    end: int
    marks: list[Mark]
    photo: bool = False     # a photo credit: every person a photographer


# ------------------------------------------------------------------ names

def _is_name(s: str, strict: bool) -> bool:
    """A Chinese personal name: surname plus one or two characters; without
    `strict` any first character may stand for the surname."""
    surname = s[:2] if s[:2] in COMPOUND_SURNAMES else s[:1] if s[:1] in SURNAMES else ""
    if strict and not surname:
        return False
    given = s[len(surname) or 1:]
    return 1 <= len(given) <= 2 and not STOPCHARS.intersection(s[len(surname):])


def _is_org(s: str) -> bool:
    return s in ORGS or (len(s) >= 3 and s.endswith(ORG_ENDINGS))


def _classify(s: str, strict: bool, agency_ok: bool) -> list[tuple[int, int, bool]] | None:
    """What a name slot holds: spans (start, end, is_org) within `s`, or None.
    Two names run together split where both halves are names; with
    `agency_ok` (after 摄) a four-character non-name is a photo agency (视觉重庆)."""
    if _is_org(s):
        return [(0, len(s), True)]
    if any(d in s for d in NAME_DOTS):
        return None if strict else [(0, len(s), False)]
    if _is_name(s, strict):
        return [(0, len(s), False)]
    cuts = [i for i in range(2, len(s) - 1) if _is_name(s[:i], True) and _is_name(s[i:], True)]
    if len(cuts) == 1:
        return [(0, cuts[0], False), (cuts[0], len(s), False)]
    if len(s) == 4 and agency_ok and not STOPCHARS.intersection(s):
        return [(0, 4, True)]
    return None


def _split_run(run: str, at: int) -> list[Item]:
    """A run of Han characters cut into role words and names (黄光红实习生,
    记者唐卫彬, 重庆日报记者, 张三摄)."""
    items: list[Item] = []
    i = 0
    for m in ROLE_IN_RUN.finditer(run):
        role = ROLES[m.group()]
        kind = "end" if role == CLOSES else "role"
        piece = run[i:m.start()]
        start = at + m.start()
        if piece and not items and kind == "role" and PUBLISHER.fullmatch(piece):
            start, piece = at + i, ""
        if piece:
            items.append(Item("name", at + i, at + m.start(), glued=bool(items)))
        items.append(Item(kind, start, at + m.end(), None if kind == "end" else role))
        i = m.end()
    rest = run[i:]
    if rest in SINGLE_ROLES:
        items.append(Item("role", at + i, at + len(run), ROLES[rest]))
    elif len(rest) >= 3 and rest[-1] in SINGLE_ROLES and ROLES[rest[-1]] == PHOTOGRAPHER:
        items.append(Item("name", at + i, at + len(run) - 1, glued=bool(items)))
        items.append(Item("role", at + len(run) - 1, at + len(run), PHOTOGRAPHER))
    elif rest:
        items.append(Item("name", at + i, at + len(run), glued=bool(items)))
    return items


def _tokens(plain: str, start: int, end: int, pattern: "regex.Pattern[str]") -> tuple[list[Item], int]:
    """Byline tokens from `start` on, and where they stop."""
    items: list[Item] = []
    pos = start
    while pos < end and len(items) < 32:
        m = pattern.match(plain, pos, end)
        if not m:
            break
        if m.lastgroup == "sep":
            items.append(Item("sep", pos, m.end()))
        elif m.lastgroup == "latin":
            items.append(Item("org", pos, m.end()))
        else:
            items.extend(_split_run(m.group(), pos))
        pos = m.end()
    return items, pos


def _read(plain: str, items: list[Item], loose: bool) -> list[Span] | None:
    """The people and organisations of a byline's tokens as (start, end, role,
    is_org), or None when the tokens are no byline.  `loose`: the byline is
    set apart (brackets, a block of its own), so a spaced name needs no surname."""
    content = [it for it in items if it.kind != "sep"]
    if not content or any(it.kind == "end" for it in content[:-1]):
        return None
    spans: list[Span] = []
    role: str | None = None
    photo_from: int | None = None
    for it in content:
        if it.kind == "role":
            role = it.role
            if role == PHOTOGRAPHER:
                photo_from = len(spans)
        elif it.kind == "org":
            spans.append((it.start, it.end, None, True))
        elif it.kind == "name":
            strict = not loose or it.glued or role is None
            found = _classify(plain[it.start:it.end], strict, role == PHOTOGRAPHER)
            if found is None:
                return None
            spans.extend((it.start + a, it.start + b, None if org else role, org) for a, b, org in found)
    if role is None or not spans:
        return None
    if photo_from is not None and all(org for *_, org in spans[photo_from:]):
        spans = [(a, b, None if org else PHOTOGRAPHER, org) for a, b, _, org in spans]
    if any(r is None and not org for _, _, r, org in spans):
        return None
    return spans


def _name_marks(spans: list[Span]) -> list[Mark]:
    return [(a, b, _name_of(None if org else role, org)) for a, b, role, org in spans]


def _name_of(role: str | None, org: bool) -> Callable[[Text], Inline]:
    return lambda text: Name(text, role, org)


def _byline_piece(start: int, end: int, spans: list[Span]) -> Piece:
    photo = all(org or role == PHOTOGRAPHER for _, _, role, org in spans)
    return Piece("byline", start, end, _name_marks(spans), photo)


def _byline(plain: str, start: int, end: int) -> Piece | None:
    """plain[start:end] read whole as a byline."""
    items, stop = _tokens(plain, start, end, IN_BLOCK)
    spans = _read(plain, items, loose=True) if stop == end else None
    return _byline_piece(start, end, spans) if spans else None


def _bracketed_byline(plain: str, pos: int, end: int) -> Piece | None:
    m = BRACKETS.match(plain, pos, end)
    inner = m and _byline(plain, m.start(1), m.end(1))
    return inner._replace(start=m.start(), end=m.end()) if inner else None


def _byline_in_text(plain: str, pos: int, after_dateline: bool) -> Piece | None:
    """A byline without brackets at `pos`: the whole rest of the paragraph
    (重庆日报记者 李星婷 张亦筑), one ending in 报道：, or after a dateline
    one that a space parts from the text (本报讯 记者 X 近日…)."""
    if not ROLE_AT.match(plain, pos):
        return None
    end = _trim_end(plain, pos, len(plain))
    if end - pos <= LONGEST and (whole := _byline(plain, pos, end)):
        return whole
    items, _ = _tokens(plain, pos, len(plain), IN_TEXT)
    for k in range(len(items), 0, -1):
        last = items[k - 1]
        if last.kind == "sep":
            continue
        if last.kind == "end":
            stop = COLON.match(plain, last.end)
            stop = stop.end() if stop else last.end
        elif after_dateline and last.end < len(plain) and plain[last.end].isspace():
            stop = last.end
        else:
            continue
        spans = _read(plain, items[:k], loose=False)
        if spans:
            return _byline_piece(pos, stop, spans)
    return None


# -------------------------------------------------------------- datelines

def _number(s: str) -> int:
    """A printed number: Arabic digits (full-width too), 一九八五, 十一, 二十, 廿三."""
    if s.isdecimal():
        return int(s)
    tens, ten, units = s.partition("十")
    if ten:
        return (HAN_DIGITS[tens] if tens else 1) * 10 + (HAN_DIGITS[units] if units else 0)
    if s[0] in HAN_TENS:
        return HAN_TENS[s[0]] + (HAN_DIGITS[s[1:]] if s[1:] else 0)
    return int("".join(str(HAN_DIGITS[c]) for c in s))


def _when(m: "regex.Match[str]", today: str | None) -> str | None:
    """The date's TEI @when; None when it is no date.  The year comes from
    the page's date (`today`, ISO) when the dateline omits it (--MM-DD when
    the page has none); a day alone (本报12日讯, 十一日電) takes the month
    of the page's date, or of the month before when the day is later than
    the page's day, and stays plain text when the page has no full date."""
    day = _number(m.group("day"))
    printed = m.group("year")
    year = _number(printed) if printed else int(today[:4]) if today and today[:4].isdigit() else None
    if m.group("month") is not None:
        month = _number(m.group("month"))
    elif today and len(today) == 10 and today[:4].isdigit():
        year, month = int(today[:4]), int(today[5:7])
        if day > int(today[8:]):
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _dateline(plain: str, pos: int, end: int, today: str | None) -> Piece | None:
    """A dateline starting at `pos`: an own-paper or agency one needs no date,
    any other publisher does (so 情报通讯 is none)."""
    m = DATELINE.match(plain, pos, end)
    if not m:
        return None
    if m.group("place") is not None:        # a place without a date: 本报北京讯, 新华社北京电
        if m.group("source") not in UNDATED_SOURCES or not AFTER_DISPATCH.match(plain, m.end(), end):
            return None
    elif m.group("date") is None:
        if m.group("source") not in UNDATED_SOURCES:
            return None
        if m.group("source") not in OWN_PAPER and not AFTER_DISPATCH.match(plain, m.end(), end):
            return None
    marks: list[Mark] = []
    when = m.group("date") and _when(m, today)
    if when:
        marks.append((m.start("date"), m.end("date"), _date_of(when)))
    return Piece("dateline", m.start(), m.end(), marks)


def _date_of(when: str) -> Callable[[Text], Inline]:
    return lambda text: Date(text, when)


def _bracketed_dateline(plain: str, pos: int, end: int, today: str | None) -> Piece | None:
    """A dateline filling a pair of brackets (【本报讯】, （新华社武汉6月12日电）);
    the brackets stay in the Piece."""
    m = IN_DATELINE_BRACKETS.match(plain, pos, end)
    if not m or DATELINE_BRACKETS[plain[m.start()]] != plain[m.end() - 1]:
        return None
    inner_start = SPACE.match(plain, m.start(1)).end()
    dl = _dateline(plain, inner_start, m.end(1), today)
    if not dl or plain[dl.end:m.end(1)].strip():
        return None
    return Piece("dateline", m.start(), m.end(), dl.marks)


# ------------------------------------------------------------ building

def _skip_space(plain: str, pos: int) -> int:
    # Regex's \s is a subset of str.isspace: at a character that is no
    # space, the usual case, the regex call is saved.
    if pos < len(plain) and not plain[pos].isspace():
        return pos
    return SPACE.match(plain, pos).end()


def _paras(text: Text, pieces: list[Piece], start: int, stop: int) -> list[Para]:
    """Paras for consecutive pieces: each runs on to where the next starts, the
    first from `start`, the last to `stop`."""
    paras = []
    bounds = [start] + [p.start for p in pieces[1:]] + [stop]
    for piece, a, b in zip(pieces, bounds, bounds[1:]):
        parts: list[Inline] = []
        pos = a
        for ma, mb, make in piece.marks:
            if ma > pos:
                parts.append(text.slice(pos, ma))
            parts.append(make(text.slice(ma, mb)))
            pos = mb
        if b > pos:
            parts.append(text.slice(pos, b))
        paras.append(Para(piece.kind, [p for p in parts if not isinstance(p, Text) or p]))
    return paras


def _trim_end(plain: str, start: int, end: int) -> int:
    while end > start and plain[end - 1].isspace():
        end -= 1
    return end


def _bounds(plain: str) -> tuple[int, int]:
    start = _skip_space(plain, 0)
    return start, _trim_end(plain, start, len(plain))


# ------------------------------------------------------------------ API

def split_opening(text: Text, today: str | None) -> tuple[list[Para], Text]:
    """The opening dateline/byline at the start of a paragraph
    (本报讯（记者 X 实习生 Y）…, 本报北京1月8日讯记者X报道：, 新华社北京１月８日电（记者 X）,
    据新华社…电, 【中央社臺北十一日電】): the dateline/byline Paras in printed order and the rest of
    the paragraph; ([], text) when the paragraph opens with neither."""
    plain = text.plain
    if _nameless_byline(plain):
        return [Para.of("byline", text.strip())], Text()
    if not OPENING_HINT.match(plain):
        return [], text
    pos = _skip_space(plain, 0)
    pieces = []
    dateline = _dateline(plain, pos, len(plain), today) or _bracketed_dateline(plain, pos, len(plain), today)
    if dateline:
        pieces.append(dateline)
        pos = _skip_space(plain, dateline.end)
    byline = (_bracketed_byline(plain, pos, len(plain))
              or _byline_in_text(plain, pos, after_dateline=bool(dateline)))
    if byline and (dateline or not byline.photo):
        pieces.append(byline)
        pos = _skip_space(plain, byline.end)
    if not pieces:
        return [], text
    return _paras(text, pieces, 0, pos), text.slice(pos) if pos < len(plain) else Text()


def opens_with_dateline(plain: str) -> bool:
    """Does the text open with a dateline (本报讯, 新华社北京10日电)?"""
    if not OPENING_HINT.match(plain):
        return False
    pos, end = _skip_space(plain, 0), len(plain)
    return (_dateline(plain, pos, end, None) or _bracketed_dateline(plain, pos, end, None)) is not None


def _nameless_byline(plain: str) -> bool:
    """A byline that names no person (本报评论员, （本报编辑部））."""
    return plain.strip().strip("（）()【】 \u3000") in NAMELESS_BYLINES


def _bracketed_source(plain: str, start: int, end: int) -> Piece | None:
    """An organisation alone in brackets, closing a news item: its source
    ((县卫生局), (新华社)), a byline without a person."""
    m = BRACKETS.fullmatch(plain, start, end)
    if not m:
        return None
    inner = plain[m.start(1):m.end(1)].strip()
    if not _is_org(inner):
        return None
    a = plain.index(inner, m.start(1))
    return Piece("byline", start, end, _name_marks([(a, a + len(inner), None, True)]))


def closing(text: Text, today: str | None) -> list[Para] | None:
    """A whole block that is a closing byline or dateline ((记者 X),
    (新华社武汉6月12日电), a bare name line 王静 王柯岚, an organisation in
    brackets (县卫生局)), perhaps set off by a box mark (□ 周启明); None
    otherwise.  A photo credit is `credit`'s, not a closing byline."""
    plain = text.plain
    start, end = _bounds(plain)
    if plain[start:start + 1] in BYLINE_MARKS:
        start = _skip_space(plain, start + 1)
    if start == end or end - start > LONGEST:
        return None
    if _nameless_byline(plain):
        return [Para.of("byline", text.strip())]
    hinted = bool(CLOSING_HINT.search(plain, start, end))
    pieces = _bracket_groups(plain, start, end, today) if hinted else []
    if pieces is None:
        return None
    if not pieces:
        piece = ((hinted and _byline(plain, start, end)) or _bare_names(plain, start, end)
                 or _bracketed_source(plain, start, end) or _signature(plain, start, end))
        if piece is None:
            return None
        pieces = [piece]
    if any(p.photo for p in pieces):
        return None
    return _paras(text, pieces, 0, len(plain))


def pen_name(text: Text) -> list[Para] | None:
    """A writer's pen name in brackets ((晓文)), which needs no known surname;
    the caller knows it closes a paragraph right after its last sentence.
    None for a note on the text ((待续), (下同))."""
    m = PEN_NAME.fullmatch(text.plain)
    if not m or m["name"] in PEN_NAME_STOPS:
        return None
    marks: list[Mark] = [(m.start("name"), m.end("name"), _name_of(AUTHOR, False))]
    return _paras(text, [Piece("byline", 0, len(text.plain), marks)], 0, len(text.plain))


def _bracket_groups(plain: str, start: int, end: int, today: str | None) -> list[Piece] | None:
    """Bracketed datelines and bylines filling plain[start:end]; [] when it
    opens with none, None when something else follows them."""
    pieces: list[Piece] = []
    pos = start
    while pos < end:
        piece = _bracketed_dateline(plain, pos, end, today) or _bracketed_byline(plain, pos, end)
        if not piece:
            return None if pieces else []
        pieces.append(piece)
        pos = _skip_space(plain, piece.end)
    return pieces


def _signature(plain: str, start: int, end: int) -> Piece | None:
    """A reader's signature: a place or an organisation, perhaps who the
    writer is, and a name (沅西县石桥乡农业社社员 冉茂林, 城关公社 何桂英, in
    brackets or not): the name is the author."""
    m = SIGNATURE.fullmatch(plain, start, end)
    if not m or not _is_name(m["name"], strict=True):
        return None
    if m["signer"] is None and not (_is_org(m["who"]) or PLACE.fullmatch(m["who"])):
        return None
    return Piece("byline", start, end, [(m.start("name"), m.end("name"), lambda t: Name(t, AUTHOR))])


def _bare_names(plain: str, start: int, end: int) -> Piece | None:
    """A line of nothing but one to six names, each with a known surname
    (王静 王柯岚): the authors signing the article."""
    inner = BRACKETS.fullmatch(plain, start, end)      # (向　阳): a name alone in brackets
    if inner:
        start, end = inner.start(1), inner.end(1)
    padded = PADDED_NAME.fullmatch(plain, start, end)
    if padded:          # a two-character name set in the width of three
        return Piece("byline", start, end, [(start, end, lambda t: Name(t, AUTHOR))]) \
            if _is_name(padded[1] + padded[2], strict=True) else None
    if not BARE_NAMES.fullmatch(plain, start, end):
        return None
    marks: list[Mark] = []
    pos = start
    for sep in [*BARE_SEP.finditer(plain, start, end), None]:
        stop = sep.start() if sep else end
        if not _is_name(plain[pos:stop], strict=True):
            return None
        marks.append((pos, stop, lambda t: Name(t, AUTHOR)))
        pos = sep.end() if sep else end
    return Piece("byline", start, end, marks)


def _credit(plain: str, start: int, end: int) -> Piece | None:
    """plain[start:end] read whole as a photo credit, brackets allowed, and
    an agency that sends the photo before it (新华社发（齐远帆 摄）); it names
    photographers and organisations only (文/X 图/Y also names the writer)."""
    if not CREDIT_HINT.search(plain, start, end):
        return None
    sent = AGENCY_SENDS.match(plain, start, end)
    if sent:
        inner = _credit(plain, _skip_space(plain, sent.end()), end)
        if inner is None:
            return None
        a, b = sent.span("agency")
        return inner._replace(start=start, marks=_name_marks([(a, b, None, True)]) + inner.marks)
    m = BRACKETS.fullmatch(plain, start, end)
    lo, hi = (m.start(1), m.end(1)) if m else (start, end)
    lo, hi = _skip_space(plain, lo), _trim_end(plain, lo, hi)
    if plain[lo:hi] in NAMELESS_CREDITS:
        return Piece("byline", start, end, [])
    provided = PROVIDED.fullmatch(plain, lo, hi)
    if provided:
        a, b = provided.span("who")
        person = _is_name(plain[a:b], strict=True)
        return _byline_piece(start, end, [(a, b, PHOTOGRAPHER, not person)])
    items, stop = _tokens(plain, lo, hi, IN_BLOCK)
    if stop < hi or not any(it.kind == "role" and it.role == PHOTOGRAPHER for it in items):
        return None
    spans = _read(plain, items, loose=True)
    piece = _byline_piece(start, end, spans) if spans else None
    return piece if piece is not None and piece.photo else None     # 文/X 图/Y is the article's byline


def credit(text: Text) -> Para | None:
    """A whole block that is a photo credit (重庆日报记者 X 摄, 摄/X,
    记者 X 见习记者 Y 摄/视觉重庆, 图片由…提供) as a byline Para, perhaps
    with a name broken over its lines (记者 黎明 / 辉 摄); None otherwise."""
    plain = text.plain
    start, end = _bounds(plain)
    piece = _credit(plain, start, end) if 0 < end - start <= LONGEST else None
    if piece is None and "\n" in plain.strip():
        return credit(text.replace(LINE_BREAK, lambda m: "")[0])
    return _paras(text, [piece], 0, len(plain))[0] if piece else None


def _credit_starts(plain: str, lo: int, end: int) -> list[int]:
    """Where a credit ending a caption may begin: after a space or a full
    stop, at a photographer word with / or ：, or at the bracket that closes
    the text."""
    starts = {m.end() for m in SPACE_OR_STOP.finditer(plain, lo, end)}
    starts.update(m.start() for m in PHOTO_LEAD.finditer(plain, lo, end))
    if plain[end - 1:end] in ("）", ")"):
        bracket = max(plain.rfind("（", lo, end), plain.rfind("(", lo, end))
        if bracket >= 0:
            starts.add(bracket)
    return sorted(starts)


def split_credit(text: Text) -> tuple[Text, Para] | None:
    """A caption that ends with its credit (朝气蓬勃的西部(重庆)科学城 摄/曾诚):
    (caption, credit byline); None when no credit ends the text, or when the
    whole text is a credit (that is `credit`'s)."""
    plain = text.plain
    caption_from, end = _bounds(plain)
    if end - caption_from <= LONGEST and _credit(plain, caption_from, end):
        return None
    lo = max(0, end - LONGEST)
    if not CREDIT_HINT.search(plain, lo, end):
        return None
    for start in _credit_starts(plain, lo, end):
        if start <= caption_from:
            continue
        piece = _credit(plain, start, end)
        if piece:
            return text.slice(0, start), _paras(text, [piece], start, len(plain))[0]
    return None
