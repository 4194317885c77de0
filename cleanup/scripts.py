"""Which Han characters belong to which script, from OpenCC and the national
character sets.

OpenCC's t2s alone is too eager: 乾 (乾坤, and the name 牛中乾) is also a
simplified character, yet t2s turns it into 干.  A character is taken as
*traditional only* when t2s changes it and it is either missing from GB2312
(the simplified national set) or is the very form s2t makes from its
simplification (後 -> 后 -> 後).  A character is *simplified only* when s2t
changes it and Big5 (the traditional national set) lacks it: 干 and 后 are
good traditional characters too.
"""
from __future__ import annotations

import re
from functools import cache
from itertools import islice

import opencc

HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


@cache
def converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def in_charset(char: str, charset: str) -> bool:
    """Can `charset` (gb2312, big5) encode this character?"""
    try:
        char.encode(charset)
    except UnicodeEncodeError:
        return False
    return True


def _convert_each(chars: list[str], config: str) -> list[str]:
    """Convert characters one by one (joined by newlines so that OpenCC's
    phrase tables cannot join neighbours), in one call for speed."""
    out = converter(config).convert("\n".join(chars)).split("\n")
    return out if len(out) == len(chars) else [converter(config).convert(c) for c in chars]


@cache
def script_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(traditional-only char -> simplified, simplified-only char -> traditional)."""
    chars = [chr(i) for lo, hi in HAN_RANGES for i in range(lo, hi + 1)]
    to_simp = _convert_each(chars, "t2s")
    to_trad = _convert_each(chars, "s2t")
    back = dict(zip(chars, to_trad))
    trad_only, simp_only = {}, {}
    for char, simp, trad in zip(chars, to_simp, to_trad):
        if simp != char and len(simp) == 1 and (not in_charset(char, "gb2312") or back.get(simp) == char):
            trad_only[char] = simp
        if trad != char and len(trad) == 1 and not in_charset(char, "big5"):
            simp_only[char] = trad
    return trad_only, simp_only


@cache
def stray_pattern(page_script: str) -> tuple["re.Pattern[str]", dict[str, str]]:
    """The characters that cannot belong to a page of this script, and what
    each becomes.  Standard `re`: it compiles a large class into a bitmap,
    hundreds of times faster here than `regex`."""
    trad_only, simp_only = script_tables()
    table = trad_only if page_script == "zh-Hans" else simp_only
    return re.compile("[" + "".join(re.escape(c) for c in sorted(table)) + "]"), table


def detect_script(text: str) -> str:
    """zh-Hant when traditional-only characters outnumber simplified-only
    ones, else zh-Hans (the default when nothing tells them apart)."""
    trad, _ = stray_pattern("zh-Hans")
    simp, _ = stray_pattern("zh-Hant")
    traditional = len(trad.findall(text))
    # Simplified-only characters are counted only as far as that number: a
    # simplified page holds thousands, and listing them all is slow.
    simplified = sum(1 for _ in islice(simp.finditer(text), traditional))
    return "zh-Hant" if traditional > simplified else "zh-Hans"
