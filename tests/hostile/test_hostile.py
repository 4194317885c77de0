"""Hostile input: every file gets a correct conversion or a clear one-line
error with exit code 2, never a traceback, a hang or invalid XML.  The files
are generated here; each case asserts the exact outcome."""
from __future__ import annotations

import codecs

import pytest
from click.testing import CliRunner

import cleanup
from cleanup.cli import main
from tei.schema import errors

from conftest import TEI_NS, parse

PAGE = "本报讯（记者 张三）重庆发布新政策，推动科技创新。\n\n第二段：各项工作顺利推进。"
TRAD = "本報訊（記者 張三）重慶發佈新政策，推動科技創新。\n\n第二段：各項工作順利推進。"


def cli(tmp_path, data: bytes | None, *args: str, name: str = "page.txt"):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    return CliRunner().invoke(main, [str(path), *args])


def text_of(xml: str | bytes) -> str:
    root = parse(xml.encode() if isinstance(xml, str) else xml)
    return "".join(root.find(".//t:text", TEI_NS).itertext()).replace("\n", "").replace(" ", "")


def header_desc(xml: str, stage: str) -> list[str]:
    app = parse(xml.encode()).find(f".//t:application[@ident='cleanup.{stage}']", TEI_NS)
    return [d.text for d in app.findall("t:desc", TEI_NS)]


@pytest.mark.parametrize("data, encoding", [
    (PAGE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + PAGE.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"), "utf-16"),
    (PAGE.encode("gb18030"), "gb18030"),
    (PAGE.encode("gbk"), "gb18030"),
    (TRAD.encode("big5"), "big5"),
])
def test_encodings_convert_and_are_recorded(tmp_path, data, encoding):
    result = cli(tmp_path, data)
    assert result.exit_code == 0, result.output
    assert f"encoding={encoding}" in header_desc(result.stdout, "decode")
    expected = TRAD if encoding == "big5" else PAGE
    assert "重庆发布新政策" in text_of(result.stdout) or "重慶發佈新政策" in text_of(result.stdout)
    assert text_of(result.stdout).count("，") == expected.count("，")


def test_encoding_option_overrides_detection(tmp_path):
    result = cli(tmp_path, PAGE.encode("gbk"), "--encoding", "gbk")
    assert result.exit_code == 0
    assert "encoding=gbk" in header_desc(result.stdout, "decode")


def test_wrong_encoding_option_is_a_clear_error(tmp_path):
    result = cli(tmp_path, PAGE.encode("gbk"), "--encoding", "utf-8")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"cleanup: error: {tmp_path / 'page.txt'}: cannot decode as utf-8")
    assert "Traceback" not in result.output


def test_unknown_encoding_option(tmp_path):
    result = cli(tmp_path, PAGE.encode(), "--encoding", "no-such-codec")
    assert result.exit_code == 2
    assert "cannot decode as no-such-codec" in result.stderr


@pytest.mark.parametrize("misread", ["latin-1", "cp1252"])
@pytest.mark.parametrize("source", ["utf-8", "gbk"])
def test_mojibake_is_repaired_and_reported(tmp_path, source, misread):
    clean = "重庆日报：科技创新，“双城记”。"
    try:
        garbled = clean.encode(source).decode(misread)
    except UnicodeDecodeError:
        pytest.skip(f"{source} bytes of this text are not all defined in {misread}")
    result = cli(tmp_path, garbled.encode("utf-8"), "-f", "text")
    assert result.exit_code == 0
    assert result.stdout.strip() == clean
    assert "cleanup: warning: page.txt: mojibake repaired" in result.stderr


def test_traditional_page_stays_traditional(tmp_path):
    result = cli(tmp_path, TRAD.encode("utf-8"))
    assert "重慶發佈新政策" in text_of(result.stdout)
    assert parse(result.stdout.encode()).get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hant"


def test_stray_character_regularised_as_orig_reg(tmp_path):
    result = cli(tmp_path, (PAGE + "後來如此。").encode("utf-8"))
    assert "<orig>後</orig><reg>后</reg>" in result.stdout


def test_script_conversion_on_request(tmp_path):
    result = cli(tmp_path, TRAD.encode("utf-8"), "--script", "simplified")
    assert "<orig>慶</orig><reg>庆</reg>" in result.stdout
    assert "convert=simplified" in header_desc(result.stdout, "normalise")
    assert parse(result.stdout.encode()).get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"


def test_control_characters_removed_and_counted(tmp_path):
    result = cli(tmp_path, "重庆\x00发布\x07新\x1b政策\x7f。".encode("utf-8"), "--explain")
    assert result.exit_code == 0
    assert "重庆发布新政策。" in text_of(result.stdout)
    assert "4 control or non-XML characters removed" in result.stderr
    assert errors(result.stdout.encode()) == []


@pytest.mark.parametrize("data, kind", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "a binary file (PNG image)"),
    (b"%PDF-1.7\n" + bytes(range(256)), "a binary file (PDF document)"),
    (b"PK\x03\x04" + bytes(200), "a binary file (ZIP archive)"),
    (bytes(200), "200 control characters in 200"),
    (bytes(range(128, 256)) * 8 + b"\x00\x01\x02" * 50, "no UTF-8, UTF-16, GB18030 or Big5 reading"),
])
def test_binary_file_is_refused(tmp_path, data, kind):
    result = cli(tmp_path, data)
    assert result.exit_code == 2
    assert result.stderr == f"cleanup: error: {tmp_path / 'page.txt'}: not text: {kind}\n"


def test_directory_and_missing_file(tmp_path):
    (tmp_path / "dir.txt").mkdir()
    result = CliRunner().invoke(main, [str(tmp_path / "dir.txt")])
    assert result.exit_code == 2 and "is a directory" in result.stderr
    result = CliRunner().invoke(main, [str(tmp_path / "none.txt")])
    assert result.exit_code == 2 and result.stderr == f"cleanup: error: {tmp_path / 'none.txt'}: no such file\n"


@pytest.mark.parametrize("data", [b"", b"\n\n  \n", codecs.BOM_UTF8, "\u3000\n".encode()])
def test_empty_page_is_valid_with_a_warning(tmp_path, data):
    result = cli(tmp_path, data)
    assert result.exit_code == 0
    assert errors(result.stdout.encode()) == []
    body = parse(result.stdout.encode()).find(".//t:body", TEI_NS)
    assert [(c.tag.split("}")[1], c.get("type"), len(c)) for c in body] == [("div", "unclassified", 1)]
    assert "cleanup: warning: page.txt: empty page" in result.stderr


def test_one_million_character_line_is_lossless():
    line = ("科技创新推动高质量发展，" * 90_000)[:1_000_000]
    doc = cleanup.convert(line.encode("utf-8"))
    assert text_of(doc.to_tei()).count("科") == line.count("科")


def test_large_page_is_lossless():
    block = "重庆发布新政策\n推动科技创新，\n各项工作顺利\n推进。\n\n"
    page = block * 40_000  # about 2.5 MB
    doc = cleanup.convert(page.encode("utf-8"))
    assert text_of(doc.to_tei()).count("推") == page.count("推")
