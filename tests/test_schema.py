"""tei/profile.rng: everything the writer emits validates against the profile
and tei_all; what the profile forbids is rejected with a readable error
("FILE: line N: message") by `cleanup validate`."""
import re

import pytest
from click.testing import CliRunner

from cleanup.cli import main
from cleanup.model import (Article, Choice, Date, Division, Figure, Masthead, Name, Note, Page, PageRef,
                           Para, Publication, Section, Subsection, Teasers, Text)
from cleanup.version import __version__
from tei.schema import check, errors, first_error, parse, profile
from tei.writer import to_bytes

from conftest import SEEDS

ROLES = ["reporter", "intern", "trainee", "correspondent", "photographer", "author", "editor"]


def T(*segments) -> Text:
    return Text(segments)


def byline(*people: tuple[str, str | None]) -> Para:
    """A byline naming each (name, role); role None is an organisation."""
    return Para("byline", [Name(T(n), role, org=role is None) for n, role in people])


def rich_page() -> Page:
    """One page holding every structure the writer can emit."""
    fixes = T("今天", Choice(",", "，", "orig", "width"), "重庆",
              Choice("发布发布", "发布", "sic", "doubled"), "了\n新政策。")
    figure = Figure(T("图片说明"), [Para("p", [PageRef(T("详见 版04"), "04")])], [byline(("张三", "photographer"))])
    article = Article(
        "a1", kicker=T("引题"), title=T("主", Choice("题题", "题", "sic", "doubled")), subtitles=[T("副题一"), T("副题二")],
        opening=[Para("dateline", [T("本报北京"), Date(T("1月8日"), "2022-01-08"), T("讯")]),
                 Para("byline", [T("（记者 "), *(Name(T(f"人{i}"), r) for i, r in enumerate(ROLES)),
                                 Name(T("新华社"), org=True), T("）")])],
        items=[Para("p", [fixes]), figure, Note(T("（下转02版）"), "to", "02"), Note(T("（上接1版）"), "from", "01")],
        subsections=[Subsection(T("小标题\n第二行"), [Para("p", [T("正文。")])])],
        closing=[byline(("李四", "reporter")), Para("dateline", [T("（新华社武汉"), Date(T("6月12日"), "--06-12"), T("电）")])])
    return Page(
        source="p.txt", script="zh-Hans",
        publication=Publication("重庆科技报", "2022-04-19", "2022年4月19日", "513", "总第513期", "03", 16, "16版",
                                "CN 50-0033", "重庆科技报社"),
        settings={"decode": {"encoding": "utf-8"}, "lines": {}},
        body=[Masthead([Para("fw", [T("今日16版")])]),
              Teasers([Para("item", [T("导读 "), PageRef(T("详见 版02"), "02")])]),
              Section(T("政务简报"), [Figure(T("栏目图")), Article("a2", title=T("短讯"), items=[Para("p", [T("内容")])])]),
              article,
              Article("a3"),
              Section(T("空栏目")),
              Figure(T("版面图片")),
              Division("advertisement", [Para("p", [T("广告")])]),
              Division("unclassified", [Para("ab", [T("无法归类")]), Para("ab", [PageRef(T("详见 版05"), "05")])])])


RICH = to_bytes(rich_page(), __version__)
PB_ARTICLE = RICH.replace(b"<note type=\"continuation\"", b"<pb n=\"02\"/><note type=\"continuation\"", 1)

# (case, old, new): each edit makes RICH invalid against the profile.
FORBIDDEN = [
    ("unknown byline role", b'role="intern"', b'role="boss"'),
    ("unknown head type", b'type="kicker"', b'type="title"'),
    ("unknown div type", b'type="advertisement"', b'type="chapter"'),
    ("continuation subtype", b'subtype="to"', b'subtype="next"'),
    ("one-digit page number", b'subtype="to" n="02"', b'subtype="to" n="2"'),
    ("note without type", b'<note type="continuation" ', b"<note "),
    ("article without id", b' xml:id="a1"', b""),
    ("header field outside the profile", b"<publisher>", b"<edition>x</edition><publisher>"),
    ("date without a day", b'when="2022-01-08"', b'when="2022-01"'),
    ("pb without number", b'<pb n="02"/>', b"<pb/>"),
    ("p after a subsection", b"</div>\n        <byline>", b"</div>\n        <p>x</p><byline>"),
    ("language outside the profile", b'xml:lang="zh-Hans"', b'xml:lang="en"'),
]
# (case, document): documents the profile must accept.
ALLOWED = [
    ("every structure the writer emits", RICH),
    ("pb inside an article", PB_ARTICLE),
    ("pb in the body", RICH.replace(b"</body>", b'<pb n="03"/></body>')),
    ("traditional script", RICH.replace(b'xml:lang="zh-Hans"', b'xml:lang="zh-Hant"')),
]


@pytest.fixture(scope="module")
def fresh_out(tmp_path_factory, seed_docs):
    """The seeds converted now (never a stored copy: the stages keep changing)."""
    out = tmp_path_factory.mktemp("out")
    for stem, doc in seed_docs.items():
        (out / f"{stem}.xml").write_bytes(doc.to_tei())
    return out


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_output_is_valid_against_both_schemas(seed, fresh_out):
    assert first_error(fresh_out / f"{seed.stem}.xml") is None


def test_validate_command_accepts_the_seeds(fresh_out):
    files = sorted(map(str, fresh_out.glob("*.xml")))
    result = CliRunner().invoke(main, ["validate", *files])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [f"{f}: valid" for f in files]


@pytest.mark.parametrize("case, xml", ALLOWED, ids=[c for c, _ in ALLOWED])
def test_profile_allows(case, xml, tei_all):
    assert check(xml) == []


@pytest.mark.parametrize("case, old, new", FORBIDDEN, ids=[c for c, *_ in FORBIDDEN])
def test_profile_forbids(case, old, new):
    source = PB_ARTICLE
    assert source.count(old) >= 1, "the case no longer applies to the rich page"
    assert errors(source.replace(old, new, 1), profile())


@pytest.mark.parametrize("case, old, new", [FORBIDDEN[0], FORBIDDEN[1], FORBIDDEN[3]], ids=lambda x: str(x)[:30])
def test_profile_is_tighter_than_tei_all(case, old, new, tei_all):
    """Valid TEI that is not this profile: only the profile catches it."""
    xml = RICH.replace(old, new, 1)
    assert errors(xml, tei_all) == [] and errors(xml, profile())


def _line_of(xml: bytes, marker: bytes) -> int:
    return xml[:xml.index(marker)].count(b"\n") + 1


@pytest.mark.parametrize("case, old, new", FORBIDDEN, ids=[c for c, *_ in FORBIDDEN])
def test_invalid_file_gives_file_line_and_message(case, old, new, tmp_path):
    path = tmp_path / "bad.xml"
    bad = PB_ARTICLE.replace(old, new, 1)
    path.write_bytes(bad)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    m = re.fullmatch(rf"{re.escape(str(path))}: line (\d+): (.+)\n", result.output)
    assert m, result.output
    assert "Traceback" not in result.output
    # the line named is where the edit is (or the line before: the element holding it)
    edit_line = _line_of(PB_ARTICLE, old)
    assert edit_line - 1 <= int(m.group(1)) <= edit_line + old.count(b"\n"), result.output


@pytest.mark.parametrize("text, expected", [
    (b"<TEI><teiHeader></TEI>", r"line 1: not well-formed XML: .*mismatch"),
    (b"<?xml version='1.0'?>\n<TEI\n", r"line 3: not well-formed XML: "),
])
def test_broken_xml_is_reported_not_raised(text, expected, tmp_path):
    path = tmp_path / "broken.xml"
    path.write_bytes(text)
    error = first_error(path)
    assert error is not None and re.match(expected, error), error


def test_external_entities_are_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    doctype = f'<!DOCTYPE TEI [<!ENTITY e SYSTEM "{secret.as_uri()}">]>\n<TEI '.encode()
    xml = RICH.replace(b"<TEI ", doctype, 1).replace("<p>内容</p>".encode(), b"<p>&e;</p>")
    assert b"&e;" in xml
    path = tmp_path / "entity.xml"
    path.write_bytes(xml)
    assert "SECRET" not in "".join(parse(path).getroot().itertext())
    assert "SECRET" not in (first_error(path) or "")
