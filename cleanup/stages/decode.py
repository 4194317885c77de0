"""decode: bytes to clean Unicode lines.

A BOM (UTF-8, UTF-16, UTF-32) wins; then strict UTF-8; then the reading
with more common characters among the Chinese legacy encodings (GB18030,
which also reads GBK and GB2312, and Big5).  Binary files are refused.  Line
endings are unified, text put in NFC, and characters XML cannot hold removed
and counted.  Mojibake is
repaired only where a cheap regex suspects it: UTF-8 read as Latin-1/cp1252
by ftfy (a whole-page ftfy pass costs more than the whole speed budget, and
its defaults would turn full-width punctuation into ASCII and straighten
quotes), GBK read as Latin-1/cp1252 by re-decoding the run.
"""
from __future__ import annotations

import codecs
import unicodedata
from itertools import accumulate, count
from operator import add

import ftfy
import regex

from cleanup.model import Line, Page, Text
from cleanup.scripts import in_charset
from cleanup.textformat import is_clean_text

NAME = "decode"

# C0 and C1 controls other than tab and newline, DEL, non-characters, lone
# surrogates: XML 1.0 cannot carry them, or they are never page text.
XML_UNSAFE = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]+")
LINE_ENDINGS = regex.compile(r"\r\n?|[\u2028\u2029\x85]")
# UTF-8 of Chinese text read as Latin-1 or cp1252: the lead byte of a
# three-byte sequence shown as à-ï followed by two continuation bytes shown
# as Latin-1 or cp1252 symbols.
MOJIBAKE_HINT = regex.compile(
    r"[\u00e0-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2}"
)
C0_CONTROLS = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+")  # never part of mojibake
# A page with none of these characters needs none of the passes above
# (controls, line endings, non-XML characters): most pages.  Checked as
# single ranges and single characters, which regex finds about twenty times
# faster than one class of many ranges.
UNCLEAN_RANGES = tuple(regex.compile(r) for r in (r"[\x00-\x08]", r"[\x0b-\x1f]", r"[\x7f-\x9f]", r"[\ud800-\udfff]"))
UNCLEAN_CHARS = ("\u2028", "\u2029", "\ufffe", "\uffff")
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=True,
)
# GBK bytes read as Latin-1 or cp1252: pairs of a lead byte (0x81-0xFE) and
# a trail byte (0x40-0xFE), each shown as a Latin-1 or cp1252 character.
CP1252_HIGH = (r"\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
               r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u2122")
GBK_MOJIBAKE_RUN = regex.compile(
    rf"(?:[\u0081-\u00fe{CP1252_HIGH}][\x40-\x7e\u0080-\u00fe\u20ac{CP1252_HIGH}]){{2,}}")
# A run re-reads as common characters (GB2312) only if some of its pairs
# has a lead byte B0-F7: without such a pair (cheap to find: it opens with
# one range), no run is repaired and the costly run search is skipped.
GB2312_PAIR = regex.compile(rf"[\u00b0-\u00f7][\x40-\x7e\u0080-\u00fe\u20ac{CP1252_HIGH}]")
HAN = regex.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")  # ideographs, not Hangzhou numerals
HAN_OR_CJK_PUNCT = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d]")
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
LEGACY_CHINESE = ["gb18030", "big5"]
# Signatures of files that are certainly not text.
BINARY_MAGIC = ((b"%PDF", "PDF document"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
                (b"GIF8", "GIF image"), (b"PK\x03\x04", "ZIP archive"), (b"\x7fELF", "executable"),
                (b"\x1f\x8b", "gzip archive"), (b"II*\x00", "TIFF image"), (b"MM\x00*", "TIFF image"),
                (b"\xd0\xcf\x11\xe0", "Office document"))
# More control characters than this share (and at least MIN_BINARY_CONTROLS):
# a binary file, not a page with stray controls.
MAX_CONTROL_SHARE = 0.1
MIN_BINARY_CONTROLS = 16


class DecodeError(ValueError):
    """The input is not text in any encoding we read."""


def detect_encoding(raw: bytes) -> str:
    """The encoding to read `raw` with: a BOM wins, then strict UTF-8, then
    whichever of GB18030 and Big5 reads the bytes as more common characters
    (ties go to GB18030)."""
    for bom, name in BOMS:
        if raw.startswith(bom):
            return name
    readings = {}
    for name in ("utf-8", *LEGACY_CHINESE):
        try:
            readings[name] = raw.decode(name)
        except UnicodeDecodeError:
            continue
        if name == "utf-8":
            return name
    if not readings:
        raise DecodeError("not text: no UTF-8, UTF-16, GB18030 or Big5 reading")
    return max(readings, key=lambda name: (common_share(readings[name], name), name == "gb18030"))


def common_share(text: str, encoding: str) -> float:
    """Share of the Han characters of `text` in the common (level-1) block of
    the encoding's national set: GB2312 B0A1-D7F9 (3,755 characters), Big5
    A440-C67E (5,401).  Bytes of one read as the other give rare characters.
    Charset detectors guess wrong on short Chinese pages; this does not."""
    han = HAN.findall(text[:20_000])
    if not han:
        return 0.0
    lo, hi, charset = (0xB0A1, 0xD7F9, "gb2312") if encoding == "gb18030" else (0xA440, 0xC67E, "big5")
    common = 0
    for char in han:
        try:
            code = int.from_bytes(char.encode(charset), "big")
        except UnicodeEncodeError:
            continue
        common += lo <= code <= hi
    return common / len(han)


def refuse_binary(raw: bytes) -> None:
    for magic, kind in BINARY_MAGIC:
        if raw.startswith(magic):
            raise DecodeError(f"not text: a binary file ({kind})")


def bytes_to_text(raw: bytes, encoding: str | None) -> tuple[str, str]:
    if encoding is None:
        refuse_binary(raw)
        encoding = detect_encoding(raw)
    try:
        return raw.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError) as e:
        raise DecodeError(f"cannot decode as {encoding}: {e}") from e


def repair_mojibake(page: Page, text: str) -> str:
    """UTF-8 read as Latin-1/cp1252, through ftfy; kept only where it gives
    back Chinese characters, so that a stray accented pair stays as printed."""
    if not MOJIBAKE_HINT.search(text):
        return text
    fixed, steps = ftfy.fix_and_explain(text, config=FTFY_CONFIG)
    if len(HAN.findall(fixed)) >= len(HAN.findall(text)) + 2:  # a repair gives back Chinese text
        names = ", ".join(f"{a} {b}" for a, b in steps or [])
        page.log(NAME, None, "mojibake", "repaired", f"UTF-8 read as Latin-1/cp1252 (ftfy: {names})")
        page.warnings.append("mojibake repaired")
        return fixed
    return text


def _reads_as_chinese(s: str) -> bool:
    """Mostly common characters (GB2312) and Chinese punctuation: random
    Latin-1 pairs re-read as GBK give rare characters instead."""
    han = HAN.findall(s)
    common = sum(1 for c in han if in_charset(c, "gb2312"))
    return len(han) >= 2 and common >= 0.8 * len(han) and len(HAN_OR_CJK_PUNCT.findall(s)) >= 0.9 * len(s)


def _regbk(run: str) -> str | None:
    """The run re-read as GBK bytes, if that gives Chinese text (and the
    bytes are not UTF-8, cut at most at an edge: that is ftfy's case)."""
    for misread in ("latin-1", "cp1252"):
        try:
            data = run.encode(misread)
            fixed = data.decode("gb18030")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if data.decode("utf-8", errors="replace").count("\ufffd") <= 1:
            return None
        if _reads_as_chinese(fixed):
            return fixed
    return None


def repair_gbk_mojibake(page: Page, text: str) -> str:
    """GBK read as Latin-1/cp1252: each long run of high Latin-1 characters
    that re-reads as Chinese text is re-decoded."""
    if not GB2312_PAIR.search(text):
        return text
    count = 0

    def fix(m: "regex.Match[str]") -> str:
        nonlocal count
        fixed = _regbk(m.group(0))
        if fixed is None:
            return m.group(0)
        count += 1
        return fixed

    fixed = GBK_MOJIBAKE_RUN.sub(fix, text)
    if not count:
        return text
    page.log(NAME, None, "mojibake", "repaired", f"GBK read as Latin-1/cp1252: {count} runs re-decoded")
    page.warnings.append("mojibake repaired")
    return fixed


def repair(page: Page, text: str) -> str:
    """Both mojibake repairs: GBK, then UTF-8, read as Latin-1/cp1252."""
    return repair_mojibake(page, repair_gbk_mojibake(page, text))


def may_be_unclean(text: str) -> bool:
    """Might the text hold controls, line endings other than LF, or
    characters XML cannot carry?"""
    return any(p.search(text) for p in UNCLEAN_RANGES) or any(c in text for c in UNCLEAN_CHARS)


def split_lines(text: str) -> list[Line]:
    """The lines of the page with their offsets (built with `map`: a page has
    hundreds of lines)."""
    contents = text.split("\n")
    sizes = list(map(len, contents))
    starts = list(accumulate((size + 1 for size in sizes), initial=0))
    return list(map(Line, count(1), starts, map(add, starts, sizes), map(Text.of, contents)))


def run(page: Page) -> Page:
    if page.raw or not page.text:
        text, page.encoding = bytes_to_text(page.raw, page.options.encoding)
    else:
        text, page.encoding = page.text, page.encoding or "unicode"
    if text.startswith("\ufeff"):
        text = text[1:]
        page.log(NAME, 1, "\ufeff", "", "byte-order mark removed")
    size = len(text)
    unclean = may_be_unclean(text)
    removed = C0_CONTROLS.findall(text) if unclean else []
    if removed:
        text = C0_CONTROLS.sub("", text)
    clean = is_clean_text(text)   # the tool's own text format was repaired when it was made
    repaired = text if clean else repair(page, text)  # before NEL (0x85) becomes a newline
    if repaired is not text:
        text, unclean = repaired, may_be_unclean(repaired)
    if unclean:
        text = LINE_ENDINGS.sub("\n", text)
        removed += XML_UNSAFE.findall(text)
    if removed:
        count = sum(map(len, removed))
        if page.raw and count >= MIN_BINARY_CONTROLS and count > MAX_CONTROL_SHARE * size:
            raise DecodeError(f"not text: {count} control characters in {size}")
        text = XML_UNSAFE.sub("", text)
        rejoined = text if clean else repair(page, text)  # a control may have cut a mojibake run
        if rejoined is not text:
            text = XML_UNSAFE.sub("", LINE_ENDINGS.sub("\n", rejoined))
        page.log(NAME, None, "".join(removed)[:20], "", f"{count} control or non-XML characters removed")
        page.warnings.append(f"{count} control characters removed")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        page.log(NAME, None, "", "", "normalised to NFC")
    if not text.strip():
        page.warnings.append("empty page")
    page.text = text
    page.form = "clean" if clean else "extracted"
    page.lines = split_lines(text)
    page.settings[NAME] = {"encoding": page.encoding}
    return page
