"""Masthead lines: how surely a line is one (`masthead_strength`, for the
zones stage), and what they tell about the paper (`read`): name, date,
issue, page count, page number, CN number and publisher.  One set of field
patterns serves both.  Only what is printed: a field the page does not print
stays None.
"""
from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from itertools import islice
from typing import Iterable

import regex

from cleanup.model import Publication
from cleanup.scripts import converter, stray_pattern
from cleanup.wordlists import alternation, words


def simplified(s: str) -> str:
    """`s` in simplified characters, for matching the (simplified) patterns
    and word lists on a traditional page; `s` itself where the conversion
    would change its length, so that offsets still point into `s`."""
    if not stray_pattern("zh-Hans")[0].search(s):     # no traditional-only character
        return s
    out = converter("t2s").convert(s)
    return out if len(out) == len(s) else s


def traditional(s: str) -> str:
    """The traditional form of a word or of a pattern's literals."""
    return converter("s2t").convert(s)


CN_NUMERALS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}


def chinese_number(s: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 二〇二二 → 2022 (digit by digit); None if not a numeral."""
    if not s or any(c not in CN_NUMERALS and c != "十" for c in s):
        return None
    if "十" in s:
        tens, _, ones = s.partition("十")
        if "十" in ones or len(tens) > 1 or len(ones) > 1:
            return None
        return (CN_NUMERALS[tens] if tens else 1) * 10 + (CN_NUMERALS[ones] if ones else 0)
    value = 0
    for c in s:
        value = value * 10 + CN_NUMERALS[c]
    return value


def number(s: str) -> int | None:
    """A printed number: ASCII or full-width digits, or Chinese numerals."""
    s = s.strip()
    if s.isdecimal():
        return int(s)
    return chinese_number(s)


def page_number(s: str) -> str | None:
    """A printed page number: two digits when it is a number alone (`4` →
    04, `０２` → 02, `二` → 02); with a section letter, as printed (`A3`,
    `Ａ０５` → A05): the profile's two digits are for plain numbers, and
    papers with lettered sections write A3 and A03 alike."""
    s = "".join(s.split())
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s)
    letter = s[:1].upper() if s[:1].isascii() and s[:1].isalpha() else ""
    n = number(s[len(letter):])
    if n is None:
        return None
    return f"{letter}{s[len(letter):]}" if letter and s[len(letter):].isdigit() else f"{letter}{n:02d}"


# ------------------------------------------------------------- field patterns
# A field is a run of text between spaces; masthead fields are matched whole
# (FIELD_START/FIELD_END), so a date or a number inside a sentence is not one.

FIELD_START = r"(?<![^\s：:])"
FIELD_END = r"(?![^\s：:])"
NUM = r"[0-9０-９]"
CN_DIGIT = "〇零一二三四五六七八九"

YEAR = rf"(?:[12１２]{NUM}{{3}}|[{CN_DIGIT}]{{4}})"
MONTH_DAY = rf"(?:{NUM}{{1,2}}|[一二三四五六七八九十]{{1,3}})"
# A year of the Republic era (民国七十四年 = 1985), as Taiwan papers print it.
ROC_YEAR = rf"(?:中华)?民国\s*(?P<roc>{NUM}{{1,3}}|[一二三四五六七八九十〇零]{{1,4}})"
ROC_OFFSET = 1911
WEEKDAY = r"(?:星期|礼拜|周)[一二三四五六日天]"
DATE = rf"(?:(?P<y>{YEAR})|{ROC_YEAR})\s*年\s*(?P<m>{MONTH_DAY})\s*月\s*(?P<d>{MONTH_DAY})\s*日"
DATE_FIELD = regex.compile(rf"{FIELD_START}{DATE}(?:\s*(?P<wd>{WEEKDAY}))?(?!\p{{Han}})")
# The issue number may have a stray number glued on (总第513期16: the page
# count that the extraction split off 今日 版).
# 第24429期, and in older papers 第5123号.
ISSUE = regex.compile(rf"{FIELD_START}(?P<total>总)?第\s*(?P<n>{NUM}+)\s*[期号號](?=\s|{NUM}|$)")
PAGES = regex.compile(rf"{FIELD_START}(?:今日|今天|本期|本报今日|共)\s*(?P<n>{NUM}{{1,3}}|[一二三四五六七八九十]{{1,3}})?"
                      rf"\s*(?:个)?版{FIELD_END}")
PAGE = regex.compile(rf"{FIELD_START}(?:第\s*)?(?P<n>[A-ZＡ-Ｚ]?\s*{NUM}{{1,2}})\s*版{FIELD_END}"
                     rf"|{FIELD_START}第(?P<n>[一二三四五六七八九十]{{1,3}})版{FIELD_END}"
                     rf"|{FIELD_START}(?P<n>[A-HＡ-Ｈ]{NUM}{{1,2}}){FIELD_END}")
CN = regex.compile(rf"CN\s*(?P<a>{NUM}{{2}})\s*[-－—–]\s*(?P<b>{NUM}{{4}})(?:\s*/\s*(?P<c>[A-Z]{{1,2}}))?")
LUNAR = regex.compile(r"农历\s*\p{Han}{2}年|农历\s*[正一二三四五六七八九十冬腊闰]{1,2}月")
NON_TITLES = list(words("masthead_nontitles.txt"))
TITLE = regex.compile(rf"{FIELD_START}(?P<t>\p{{Han}}{{1,10}}报)(?<!{alternation(NON_TITLES)}){FIELD_END}")
PUBLISHER = regex.compile(
    rf"{FIELD_START}(?P<org>\p{{Han}}{{2,16}}?(?:报社|报业集团|报业传媒集团|出版社|杂志社))\s*(?:出版|编辑出版|出版发行){FIELD_END}"
    rf"|(?:出版|出版单位|出版者)\s*[：:]\s*(?P<org>\p{{Han}}{{2,16}}?(?:报社|报业集团|报业传媒集团|出版社|杂志社)){FIELD_END}"
)
# Everything but a stray number: the fields a number may belong to.
NUMBERED_FIELDS = regex.compile("|".join(f"(?:{p.pattern})" for p in (DATE_FIELD, ISSUE, PAGES, CN, PAGE)))
STRAY_NUMBER = regex.compile(rf"(?<!\S){NUM}{{1,3}}(?!\S)")
MAX_PAGES = 400
NAME_PART = regex.compile(r"\p{Han}{1,4}")      # a word of a paper's name set on a line of its own
BARE_PAGE = regex.compile(rf"\s*(?P<n>{NUM}{{1,2}})\s*")


# ------------------------------------------------------------ masthead lines

KEYS = list(words("masthead_keys.txt"))
ROLES = list(words("masthead_roles.txt"))
ORG_ROLES = list(words("masthead_orgroles.txt"))
LABELS = list(words("masthead_labels.txt"))
PAGE_NAMES = list(words("masthead_pages.txt"))      # 第5版　社会新闻: a running head


@dataclass(frozen=True)
class FieldRule:
    """A kind of masthead field, looked for only in lines holding one of its
    cue words.  Strong fields make a masthead line on their own; weak ones
    need a second field, or masthead lines next to them."""

    cues: frozenset[str]
    pattern: "regex.Pattern[str]"
    strong: bool


def field_rule(cues: Iterable[str], pattern: str, strong: bool) -> FieldRule:
    return FieldRule(frozenset(cues), regex.compile(pattern), strong)


WEEKDAY_CUES = ("星期", "礼拜", "周")
FIELD_RULES = (
    field_rule("：:", rf"{FIELD_START}(?:{alternation(KEYS + ROLES)})\s*[：:]", True),
    field_rule(ROLES, rf"{FIELD_START}(?:{alternation(ROLES)})\s+\p{{Han}}{{2,4}}{FIELD_END}", True),
    field_rule(["CN"], CN.pattern, True),
    field_rule(["ISSN"], rf"ISSN\s*{NUM}{{4}}\s*-?\s*{NUM}{{3}}[0-9０-９X]", True),
    field_rule(["总第"], rf"{FIELD_START}总第\s*{NUM}+\s*期", True),
    field_rule(["版"], PAGES.pattern, True),
    field_rule(["农历"], LUNAR.pattern, True),
    field_rule(WEEKDAY_CUES, rf"{FIELD_START}{DATE}\s*{WEEKDAY}{FIELD_END}", True),
    field_rule(KEYS, rf"{FIELD_START}(?:{alternation(KEYS)})\s*(?=[0-9０-９A-Za-z])", False),
    field_rule(ORG_ROLES, rf"{FIELD_START}\p{{Han}}{{2,}}(?:{alternation(ORG_ROLES)}){FIELD_END}", False),
    field_rule(LABELS, rf"{FIELD_START}(?:{alternation(LABELS)}){FIELD_END}", False),
    field_rule(PAGE_NAMES, rf"{FIELD_START}(?:{alternation(PAGE_NAMES)}){FIELD_END}", False),
    field_rule(["年"], rf"{FIELD_START}{DATE}{FIELD_END}", False),
    field_rule(["期", "号", "號"], ISSUE.pattern, False),
    field_rule(["版"], PAGE.pattern, False),
    field_rule(["报"], TITLE.pattern, False),
    field_rule(WEEKDAY_CUES, rf"{FIELD_START}{WEEKDAY}{FIELD_END}", False),
)
# One `re` scan finds a line's cue words; only their rules run.
FIELD_CUES = re.compile("|".join(re.escape(w) for w in sorted(
    {w for rule in FIELD_RULES for w in rule.cues}, key=len, reverse=True)))
RULES_BY_CUE = {w: tuple(k for k, rule in enumerate(FIELD_RULES) if w in rule.cues)
                for rule in FIELD_RULES for w in rule.cues}
PROSE = re.compile(r"[。；;，,“”！？!?]")    # punctuation no masthead field carries


def masthead_strength(s: str) -> int:
    """2: a masthead line (an imprint key or role, CN number, date with
    weekday, 总第N期, 今日N版, or two weaker fields); 1: one weaker field (a
    paper name, a date, …出版, a QR label); 0: none, or prose punctuation."""
    if PROSE.search(s):
        return 0
    found = FIELD_CUES.findall(s)
    if not found:
        return 0
    rules = sorted({k for w in found for k in RULES_BY_CUE[w]})
    weak = 0
    for k in rules:
        rule = FIELD_RULES[k]
        if rule.strong:
            if rule.pattern.search(s):
                return 2
        else:
            weak += sum(1 for _ in islice(rule.pattern.finditer(s), 2 - weak))
            if weak >= 2:
                return 2
    return weak


# ------------------------------------------------------------------ reading

def read(lines: Iterable[str]) -> Publication:
    """The publication facts printed in these masthead lines (simplified or
    traditional characters; the printed forms are kept)."""
    printed = list(lines)
    lines = [simplified(ln) for ln in printed]
    text, shown = "\n".join(lines), "\n".join(printed)

    def as_printed(m: "regex.Match[str]", group: str | int = 0) -> str:
        return shown[m.start(group):m.end(group)].strip()

    pub = Publication()
    for m in DATE_FIELD.finditer(text):
        when = _date(m)
        if when:
            pub.date, pub.date_text = when, as_printed(m)
            break
    m = ISSUE.search(text)
    if m:
        pub.issue, pub.issue_text = str(int(m["n"])), as_printed(m)
    _read_pages(lines, printed, pub)
    m = PAGE.search(_masked(text, (PAGES,)))    # as prints_page_number
    if m:
        pub.page = page_number(m["n"])
    elif not PAGES.search(text):     # a bare number may belong to the page count (今日 版 … 16)
        pub.page = _bare_page_number(lines)
    m = CN.search(text)
    if m:
        pub.idno = f"CN {m['a']}-{m['b']}" + (f"/{m['c']}" if m["c"] else "")
    m = PUBLISHER.search(text)
    if m:
        pub.publisher = as_printed(m, "org")
    m = TITLE.search(text)
    if m:
        pub.title = _split_name(lines, printed, m["t"]) or as_printed(m, "t")
    elif pub.publisher and simplified(pub.publisher).endswith("报社"):
        pub.title = pub.publisher[:-1]      # 重庆科技报社出版 names 重庆科技报
    return pub


def _split_name(lines: list[str], printed: list[str], title: str) -> str | None:
    """The paper's name broken over lines, one word a line (荆江 / 科教 /
    周报): when the name found is only the kind of paper (周报, 日报), the
    short words on the lines right above it, joined to it; None otherwise."""
    if len(title) > 2:
        return None
    rows = [ln.strip() for text in lines for ln in text.split("\n")]
    shown = [ln.strip() for text in printed for ln in text.split("\n")]
    for i, row in enumerate(rows):
        if row != title:
            continue
        k = i
        while k and NAME_PART.fullmatch(rows[k - 1]):
            k -= 1
        return "".join(shown[k:i + 1]) if k < i else None
    return None


def _date(m: "regex.Match[str]") -> str | None:
    year = number(m["y"]) if m["y"] else (number(m["roc"]) or 0) + ROC_OFFSET
    try:
        return datetime.date(year or 0, number(m["m"]) or 0, number(m["d"]) or 0).isoformat()
    except ValueError:
        return None


def _read_pages(lines: list[str], printed: list[str], pub: Publication) -> None:
    """The page count: 今日16版, or 今日 版 plus the number the extraction
    split off (总第513期16), or a count broken over two lines (今日 / 12版)."""
    for i, ln in enumerate(lines):
        m = PAGES.search(ln)
        if not m:
            continue
        shown = regex.sub(r"\s+", "", printed[i][m.start():m.end()])
        n = m["n"]
        if n is None:
            where = stray_page_count(lines)
            if where is None:
                return
            _, _, j, start, end = where
            n = lines[j][start:end]
            shown = shown[:-1] + n + shown[-1]
        pub.pages, pub.pages_text = number(n), shown
        return
    text, shown = "\n".join(lines), "\n".join(printed)
    m = PAGES.search(text)      # a field broken over two lines (今日 / 12版)
    if m and m["n"] is not None:
        pub.pages, pub.pages_text = number(m["n"]), regex.sub(r"\s+", "", shown[m.start():m.end()])


def _bare_page_number(lines: list[str]) -> str | None:
    """The page number printed alone on the running head's first or last
    line (07 / 健康 / 2023年11月16日): a bare number of one or two digits."""
    for ln in (lines[0], lines[-1]) if lines else ():
        m = BARE_PAGE.fullmatch(ln)
        if m:
            return page_number(m["n"])
    return None


def prints_page_number(s: str) -> bool:
    """Does this masthead line print the page's own number (第2版, A12), not
    the page count (今日16版)?"""
    return bool(PAGE.search(_masked(s, (PAGES,))))


def _masked(s: str, patterns: Iterable["regex.Pattern[str]"]) -> str:
    """`s` with every match of these patterns blanked out (offsets kept)."""
    for pattern in patterns:
        s = pattern.sub(lambda m: " " * len(m.group(0)), s)
    return s


def stray_page_count(lines: list[str]) -> tuple[int, int, int, int, int] | None:
    """Where the extraction split a page count off its field: (line of 今日 版,
    offset of its 版, line of the number, number start, number end); None when
    the count is printed in place or no bare number is left."""
    lines = [simplified(ln) for ln in lines]
    found = [(i, m) for i, ln in enumerate(lines) for m in PAGES.finditer(ln)]
    if len(found) != 1 or found[0][1]["n"] is not None:
        return None
    i, m = found[0]
    for j, ln in enumerate(lines):
        stray = STRAY_NUMBER.search(_masked(ln, (NUMBERED_FIELDS,)))
        if stray and 0 < int(stray.group(0)) <= MAX_PAGES:
            return i, m.start() + m.group(0).rindex("版"), j, stray.start(), stray.end()
    return None
