"""decode: bytes to clean NFC lines, on inputs written here."""
import codecs

import pytest

import cleanup
from cleanup.model import Page
from cleanup.stages import decode

PAGE = "本报讯（记者 张三）今天，重庆发布了新政策。\n第二行文字。"


def run(raw: bytes, **kw) -> Page:
    from cleanup.model import Options

    return decode.run(Page(raw=raw, options=Options(**kw)))


@pytest.mark.parametrize("raw, encoding", [
    (PAGE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + PAGE.encode("utf-8"), "utf-8-sig"),
    (PAGE.encode("gb18030"), "gb18030"),
    (PAGE.encode("gbk"), "gb18030"),
    (codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"), "utf-16"),
])
def test_encodings_are_detected(raw, encoding):
    page = run(raw)
    assert page.encoding == encoding
    assert page.text == PAGE


def test_gb18030_only_characters():
    text = "㐀䶵 𠀀 重庆"  # outside GBK: four-byte GB18030 sequences
    assert run(text.encode("gb18030")).text == text


def test_forced_encoding_wins():
    assert run("重庆".encode("gbk"), encoding="gbk").encoding == "gbk"


def test_forced_wrong_encoding_is_a_decode_error():
    with pytest.raises(cleanup.DecodeError, match="cannot decode as utf-8"):
        run("重庆".encode("gbk"), encoding="utf-8")


@pytest.mark.parametrize("raw, expected", [
    ("一\r\n二\r三\n四", "一\n二\n三\n四"),
    ("一\u2028二", "一\n二"),
])
def test_line_endings_are_unified(raw, expected):
    assert run(raw.encode("utf-8")).text == expected


def test_bom_inside_text_input_is_removed_and_reported():
    page = decode.run(Page(text="\ufeff重庆"))
    assert page.text == "重庆"
    assert any("byte-order mark" in c.why for c in page.changes)


def test_control_characters_are_removed_and_counted():
    page = run("重\x00庆\x07日\x1b报\x85\tok".encode("utf-8"))
    assert page.text == "重庆日报\n\tok"
    assert "3 control characters removed" in page.warnings


def test_nfc():
    page = run("Cafe\u0301 重庆".encode("utf-8"))
    assert page.text == "Caf\u00e9 重庆"


def test_lines_keep_source_offsets():
    page = run("甲乙\n\n丙丁戊".encode("utf-8"))
    assert [(ln.number, ln.start, ln.end, ln.text.plain) for ln in page.lines] == [
        (1, 0, 2, "甲乙"), (2, 3, 3, ""), (3, 4, 7, "丙丁戊")]
    assert all(page.text[ln.start:ln.end] == ln.text.plain for ln in page.lines)


def test_mojibake_is_repaired_and_reported():
    clean = "重庆日报：科技创新，“双城记”。"
    garbled = clean.encode("utf-8").decode("latin-1")  # UTF-8 read as Latin-1
    page = run(garbled.encode("utf-8"))
    assert page.text == clean
    assert "mojibake repaired" in page.warnings


def test_mojibake_cut_by_a_control_is_repaired_once_the_control_is_gone():
    garbled = "啊啊".encode("gbk").decode("latin-1")  # GBK read as Latin-1: °¡°¡
    page = run(("\x81" + garbled).encode("utf-8"))
    assert page.text == "啊啊"
    assert "mojibake repaired" in page.warnings


def test_clean_text_is_not_repaired_again():
    """A page in the tool's own text format was repaired when it was made:
    a run that only looks like mojibake once lines are joined stays."""
    page = run("\u3000\u3000龙岩°¡°¡".encode("utf-8"))
    assert page.form == "clean" and page.text == "\u3000\u3000龙岩°¡°¡"


@pytest.mark.parametrize("text", [
    "“引号”保持弯的，（全角）标点不变：！？",
    "Ｆｕｌｌ-width ＡＢＣ stays",
    "Ã is a letter in Português names like João",
])
def test_ftfy_never_touches_clean_text(text):
    page = run(text.encode("utf-8"))
    assert page.text == text
    assert not page.warnings


def test_empty_page_warns():
    assert run(b"").warnings == ["empty page"]
