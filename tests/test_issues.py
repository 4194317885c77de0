"""Whole issues: which pages make an issue, and continued articles joined
across pages (on models built here, and through `cleanup batch --issues`)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from cleanup.cli import main
from cleanup.issues import combine, issue_of, joins
from cleanup.model import Article, Name, Note, Page, PageBreak, Para, Publication, Section, Subsection, Text
from tei.writer import to_bytes

from conftest import TEI_NS, parse, printed_text

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.mark.parametrize("rel, issue, page", [
    ("cqkjb_2022-04-19_p02.txt", "cqkjb_2022-04-19", "02"),
    ("1990/20220419-3.txt", "1990/20220419", "03"),
    ("2022_04_19_page12.txt", "2022_04_19", "12"),
    ("a/b/2022.04.19.01.txt", "a/b/2022.04.19", "01"),
    ("2022-04-19/01.txt", "2022-04-19", "01"),          # the folder is the issue
    ("2022-04-19/A03.txt", "2022-04-19", "A03"),
    ("2022-04-19/page-2.txt", "2022-04-19", "02"),
    ("2022-04-19/p1.txt", "2022-04-19", "01"),
    ("x/front.txt", "x", None),                            # no number: order decides
    ("20220419.txt", "root", None),                        # a date alone names no page
    ("000_544f60ccda0b8f9a.txt", "root", None),            # hex digits are no page number
    ("2022-13-40_01.txt", "root", "01"),                   # not a date: the folder's issue
])
def test_issue_of(rel, issue, page):
    assert issue_of(rel, "root") == (issue, page)


def t(s: str) -> Text:
    return Text([s])


def article(id_: str, title: str | None, paras: list[str], *notes: Note, names: tuple[str, ...] = ()) -> Article:
    closing = [Para("byline", [t("记者 "), *(Name(t(n), "reporter") for n in names)])] if names else []
    return Article(id_, title=t(title) if title else None, items=[Para("p", [t(p)]) for p in paras] + list(notes),
                   closing=closing)


def to(n: str) -> Note:
    return Note(t(f"（下转{n}版）"), "to", n)


def from_(n: str) -> Note:
    return Note(t(f"（上接{int(n)}版）"), "from", n)


def page(*body, n: str | None = None) -> Page:
    return Page(source=f"p{n}.txt", body=list(body), publication=Publication(title="科技报", page=n),
                settings={"decode": {"encoding": "utf-8" if n != "02" else "gb18030"}})


def two_continued_pages() -> tuple[Page, Page]:
    """Page 01: two articles continued on 02; page 02: their fragments, in the other order."""
    river = article("a1", "长江经济带生态保护取得新进展",
                    ["长江沿岸湿地修复面积扩大，候鸟数量回升。", "渔民上岸转产，禁渔期执法巡查不断。"], to("02"),
                    names=("王海",))
    chips = article("a2", "芯片企业攻关核心技术", ["光通信芯片实现量产，企业研发投入增加。"], to("02"))
    chips_rest = Article("a1", items=[from_("01"), Para("p", [t("芯片研发团队表示，光通信芯片的良品率继续提升。")])])
    river_rest = Article("a2", items=[from_("01"),
                                      Para("p", [t("长江经济带生态保护取得新进展：湿地修复、候鸟回归，渔民转产。")]),
                                      ], closing=[Para("byline", [t("记者 "), Name(t("王海"), "reporter")])])
    return page(river, chips, n="01"), page(Section(t("综合新闻"), [chips_rest, river_rest]), n="02")


def test_each_continued_article_gets_the_fragment_whose_wording_fits():
    one, two = two_continued_pages()
    river, chips = one.body
    chips_rest, river_rest = two.body[0].members
    pairs = {(id(h), id(f), n) for h, f, n in joins([("01", one), ("02", two)])}
    assert pairs == {(id(river), id(river_rest), "02"), (id(chips), id(chips_rest), "02")}


def test_combined_issue_has_pb_per_page_and_joined_article_with_both_notes():
    from tei.schema import check

    one, two = two_continued_pages()
    issue = combine([("01", one), ("02", two)], "p01.txt; p02.txt")
    xml = to_bytes(issue, "0.1.0")
    assert check(xml) == []
    root = parse(xml)
    body = root.find(".//t:body", TEI_NS)
    assert [pb.get("n") for pb in body.findall("t:pb", TEI_NS)] == ["01", "02"]
    river = body.find("t:div[@type='article']", TEI_NS)
    assert river.get(XML_ID) == "p01-a1"
    flow = [(c.tag.split("}")[1], c.get("subtype") or c.get("n")) for c in river]
    assert flow == [("head", None), ("p", None), ("p", None), ("note", "to"), ("pb", "02"), ("note", "from"),
                    ("p", None), ("byline", None), ("byline", None)]
    assert "湿地修复、候鸟回归" in "".join(river.itertext())
    section = body.find("t:div[@type='section']", TEI_NS)
    assert section.findall("t:div[@type='article']", TEI_NS) == []     # both fragments moved
    assert issue.settings == {"decode": {"encoding": "utf-8 | gb18030"}}
    assert sorted(d.get(XML_ID) for d in root.iter(f"{{{TEI_NS['t']}}}div") if d.get(XML_ID)) == ["p01-a1", "p01-a2"]


def test_nothing_is_lost_or_added_when_pages_are_combined():
    one, two = two_continued_pages()
    before = sorted(_text(one) + _text(two))
    after = sorted(_text(combine([("01", one), ("02", two)], "x")))
    assert after == before


def _text(p: Page) -> str:
    return "".join(printed_text(to_bytes(p, "t")).split())


@pytest.mark.parametrize("first, second, joined", [
    ([to("02")], [from_("01")], True),
    ([to("03")], [from_("01")], False),     # points past the fragment's page
    ([to("02")], [from_("03")], False),     # the fragment points back to another page
    ([], [from_("01")], False),             # nothing says the article goes on
    ([to("02")], [], False),                # no fragment waits on page 02
])
def test_pointers_must_agree(first, second, joined):
    one = page(article("a1", "标题一二三四", ["正文内容。"], *first), n="01")
    two = page(article("a1", None, ["后续内容。"], *second), n="02")
    assert bool(joins([("01", one), ("02", two)])) is joined


def test_repeated_title_outweighs_common_terms():
    one = page(article("a1", "乡村振兴产业园开园", ["产业园区建设加快，企业入驻。"], to("02")),
               article("a2", "医疗改革深化", ["医院改革，医疗服务提升。"], to("02")), n="01")
    plain = article("a1", None, ["产业园区建设加快，医院企业入驻。"], from_("01"))
    titled = article("a2", None, ["乡村振兴产业园开园后，首批企业投产。"], from_("01"))
    two = page(plain, titled, n="02")
    pairs = {(h.id, f.id) for h, f, _ in joins([("01", one), ("02", two)])}
    assert ("a1", "a2") in pairs


def test_chain_of_three_pages_lands_in_the_first_article_in_order():
    one = page(article("a1", "三版连载报道标题", ["第一版正文。"], to("02")), n="01")
    two = page(Article("a1", items=[from_("01"), Para("p", [t("第二版正文。")]), to("03")]), n="02")
    three = page(Article("a1", items=[from_("02"), Para("p", [t("第三版正文。")])]), n="03")
    issue = combine([("01", one), ("02", two), ("03", three)], "x")
    host = next(a for a in issue.articles())
    flow = [i.n if isinstance(i, PageBreak) else (i.plain if isinstance(i, Para) else i.direction) for i in host.items]
    assert flow == ["第一版正文。", "to", "02", "from", "第二版正文。", "to", "03", "from", "第三版正文。"]
    assert len(list(issue.articles())) == 1


def test_fragment_heads_and_bylines_become_blocks_and_subsections_follow():
    host = article("a1", "主标题在这里", ["开头。"], to("02"))
    host.subsections = [Subsection(t("小标题一"), [Para("p", [t("小节正文。")])])]
    fragment = Article("a1", title=t("主标题在这里"), opening=[Para("byline", [t("记者 李四")])],
                       items=[from_("01"), Para("p", [t("接续正文。")])],
                       subsections=[Subsection(t("小标题二"), [Para("p", [t("第二小节。")])])])
    issue = combine([(None, page(host, n="01")), (None, page(fragment, n="02"))], "x")
    joined = next(issue.articles())
    last = joined.subsections[0].items
    assert [type(i).__name__ for i in last] == ["Para", "PageBreak", "Para", "Para", "Note", "Para"]
    assert [i.kind for i in last if isinstance(i, Para)] == ["p", "ab", "ab", "p"]
    assert [s.head.plain for s in joined.subsections] == ["小标题一", "小标题二"]


def test_page_numbers_from_names_else_printed_else_order():
    a, b, c = page(n=None), page(n="5"), page(n=None)
    issue = combine([("07", a), (None, b), (None, c)], "x")
    assert [i.n for i in issue.body if isinstance(i, PageBreak)] == ["07", "05", "03"]


def test_batch_issues_groups_folders_and_dated_names(tmp_path):
    src = tmp_path / "in"
    (src / "2022-04-19").mkdir(parents=True)
    for n in ("01", "02"):
        (src / "2022-04-19" / f"{n}.txt").write_text(f"本报讯 第{n}版的消息，今天发布。\n", encoding="utf-8")
        (src / f"cqkjb_20220420_{n}.txt").write_text(f"本报讯 二十日第{n}版。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--issues", "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.xml")) == \
        ["2022-04-19.xml", "cqkjb_20220420.xml"]
    root = parse((out / "2022-04-19.xml").read_bytes())
    assert [pb.get("n") for pb in root.iter(f"{{{TEI_NS['t']}}}pb")] == ["01", "02"]
    text = "".join(root.find(".//t:body", TEI_NS).itertext())
    assert text.index("第01版") < text.index("第02版")


FRONT = """长江经济带生态保护取得新进展

本报讯（记者 王海）长江沿岸湿地修复面积扩大，候鸟数量回升。渔民上岸转产，禁渔期执法巡查不断。

（下转02版）

芯片企业攻关核心技术

本报讯（记者 李明）光通信芯片实现量产，企业研发投入增加。

（下转02版）
"""
INSIDE = """（上接1版）
芯片研发团队表示，光通信芯片的良品率继续提升，企业研发投入还将增加。

（上接1版）
长江沿岸的湿地修复继续推进，候鸟回归，渔民上岸转产后生活稳定。
"""


def test_batch_issues_joins_pages_converted_from_text(tmp_path):
    issue = tmp_path / "in" / "2022-04-19"
    issue.mkdir(parents=True)
    (issue / "01.txt").write_text(FRONT, encoding="utf-8")
    (issue / "02.txt").write_text(INSIDE, encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["batch", str(tmp_path / "in"), "-o", str(out), "--issues", "-q"]).exit_code == 0
    root = parse((out / "2022-04-19.xml").read_bytes())
    articles = root.findall(".//t:div[@type='article']", TEI_NS)
    assert len(articles) == 2
    for art, words in zip(articles, ("湿地修复继续推进", "良品率继续提升")):
        flow = [(c.tag.split("}")[1], c.get("subtype") or c.get("n")) for c in art]
        assert flow[-4:] == [("note", "to"), ("pb", "02"), ("note", "from"), ("p", None)]
        assert words in "".join(art.itertext())
