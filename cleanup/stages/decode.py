"""decode: bytes to clean Unicode lines.

UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (which also reads
GBK and GB2312); line endings unified; NFC; characters XML cannot hold
removed and counted.  ftfy runs only where a cheap regex suspects mojibake:
a whole-page ftfy pass costs more than the whole speed budget, and its
defaults would turn full-width punctuation into ASCII and straighten quotes.
"""
from __future__ import annotations

import codecs
import unicodedata

import ftfy
import regex

from cleanup.model import Line, Page, Text

NAME = "decode"

# C0 and C1 controls other than tab and newline, DEL, non-characters, lone
# surrogates: XML 1.0 cannot carry them, or they are never page text.
XML_UNSAFE = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]+")
LINE_ENDINGS = regex.compile(r"\r\n?|[\u2028\u2029\x85]")
# UTF-8 read as Latin-1 or cp1252: a lead byte shown as À-ï followed by
# continuation bytes shown as Latin-1 or cp1252 symbols.
MOJIBAKE_HINT = regex.compile(
    r"[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,2}"
)
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
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class DecodeError(ValueError):
    """The input is not text in any encoding we read."""


def detect_encoding(raw: bytes) -> str:
    """The encoding to read `raw` with: a BOM wins, then strict UTF-8, then GB18030."""
    for bom, name in BOMS:
        if raw.startswith(bom):
            return name
    for name in ("utf-8", "gb18030"):
        try:
            raw.decode(name)
        except UnicodeDecodeError:
            continue
        return name
    raise DecodeError("not UTF-8, UTF-16 or GB18030 text")


def bytes_to_text(raw: bytes, encoding: str | None) -> tuple[str, str]:
    if encoding is None:
        encoding = detect_encoding(raw)
    try:
        return raw.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError) as e:
        raise DecodeError(f"cannot decode as {encoding}: {e}") from e


def repair_mojibake(page: Page, text: str) -> str:
    if not MOJIBAKE_HINT.search(text):
        return text
    fixed, steps = ftfy.fix_and_explain(text, config=FTFY_CONFIG)
    if fixed != text:
        names = ", ".join(f"{a} {b}" for a, b in steps or [])
        page.log(NAME, None, "mojibake", "repaired", f"ftfy: {names}")
        page.warnings.append("mojibake repaired")
    return fixed


def split_lines(text: str) -> list[Line]:
    lines, start = [], 0
    for number, content in enumerate(text.split("\n"), 1):
        lines.append(Line(number, start, start + len(content), Text([content])))
        start += len(content) + 1
    return lines


def run(page: Page) -> Page:
    if page.raw or not page.text:
        text, page.encoding = bytes_to_text(page.raw, page.options.encoding)
    else:
        text, page.encoding = page.text, page.encoding or "unicode"
    if text.startswith("\ufeff"):
        text = text[1:]
        page.log(NAME, 1, "\ufeff", "", "byte-order mark removed")
    text = LINE_ENDINGS.sub("\n", text)
    text = repair_mojibake(page, text)
    removed = XML_UNSAFE.findall(text)
    if removed:
        text = XML_UNSAFE.sub("", text)
        count = sum(map(len, removed))
        page.log(NAME, None, "".join(removed)[:20], "", f"{count} control or non-XML characters removed")
        page.warnings.append(f"{count} control characters removed")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        page.log(NAME, None, "", "", "normalised to NFC")
    if not text.strip():
        page.warnings.append("empty page")
    page.text = text
    page.lines = split_lines(text)
    page.settings[NAME] = {"encoding": page.encoding}
    return page
