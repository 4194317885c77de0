"""Exports: JSON Lines (one article a line, with its page and publication)
and Markdown."""
import json

import pytest
from click.testing import CliRunner

import cleanup
from cleanup.cli import main
from cleanup.exports import article_rows, jsonl, markdown
from cleanup.invariants import check_text_fixed_point
from cleanup.model import Article, Choice, Name, Page, Para, Publication, Section, Subsection, Text

from cleanup.record import page_text

from conftest import ROOT, SEEDS


def T(*segments) -> Text:
    return Text(segments)


def page_of(*body, source="p.txt", publication=None) -> Page:
    return Page(source=source, publication=publication or Publication(), body=list(body))


ARTICLE = Article("a1", kicker=T("引题"), title=T("主", Choice("题题", "题", "sic", "")), subtitles=[T("副题")],
                  opening=[Para("byline", [T("记者 "), Name(T("张三"), "reporter")])],
                  items=[Para("p", [T("第一段", Choice(",", "，", "orig", ""), "正文。")])],
                  subsections=[Subsection(T("小标题"), [Para("p", [T("第二段。")])])])


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_jsonl_has_one_line_per_article(seed, seed_docs):
    page = seed_docs[seed.stem].page
    lines = jsonl([page]).splitlines()
    assert len(lines) == sum(1 for _ in page.articles())
    rows = [json.loads(line) for line in lines]
    assert len({r["id"] for r in rows}) == len(rows)
    record = seed_docs[seed.stem].to_record()
    for row, article in zip(rows, record["articles"]):
        assert row["source"] == seed.name
        assert row["publication"] == record["publication"]
        assert row["page"] == record["publication"]["page"]
        assert row["title"] == article["title"]
        assert all(p in row["text"] for p in article["body"] if isinstance(p, str))


def test_jsonl_row_fields():
    pub = Publication(title="重庆科技报", date="2022-04-19", page="03")
    (row,) = article_rows(page_of(Section(T("要闻"), [ARTICLE]), publication=pub))
    assert row["id"] == "p.txt#a1"
    assert (row["page"], row["publication"]["title"], row["publication"]["date"]) == ("03", "重庆科技报", "2022-04-19")
    assert (row["section"], row["kicker"], row["title"], row["subtitles"]) == ("要闻", "引题", "主题", ["副题"])
    assert row["bylines"] == [["张三", "reporter"]]
    assert row["text"] == "第一段，正文。\n小标题\n第二段。"   # corrected reading, subheads kept


def test_jsonl_of_a_batch_is_every_page_in_order():
    pages = [page_of(Article("a1", title=T("甲")), source="1.txt"), page_of(source="2.txt"),
             page_of(Article("a1", title=T("乙")), Article("a2", title=T("丙")), source="3.txt")]
    assert [json.loads(line)["id"] for line in jsonl(pages).splitlines()] == ["1.txt#a1", "3.txt#a1", "3.txt#a2"]


@pytest.mark.parametrize("body, expected", [
    ([ARTICLE], ["*引题*", "### 主题", "**副题**", "*记者 张三*", "第一段，正文。", "#### 小标题", "第二段。"]),
    ([Section(T("政务简报"), [Article("a1", title=T("标题"))])], ["## 政务简报", "### 标题"]),
    ([Article("a1", items=[Para("p", [T("无题文章。")])])], ["* * *", "无题文章。"]),
    # markup characters in page text are escaped, not interpreted
    ([Article("a1", title=T("#1 *重点* [链接](x)"))], [r"### \#1 \*重点\* \[链接\](x)"]),
    ([Article("a1", items=[Para("p", [T("1. 第一条")])])], ["* * *", r"1\. 第一条"]),
    ([Article("a1", items=[Para("p", [T("- 条目 <b>")])])], ["* * *", r"\- 条目 \<b\>"]),
    # must not change: plain Chinese text
    ([Article("a1", items=[Para("p", [T("重庆发布了新政策（2022年）。")])])], ["* * *", "重庆发布了新政策（2022年）。"]),
    # a line break in a head stays inside the heading
    ([Article("a1", title=T("第一行\n第二行"))], ["### 第一行 第二行"]),
])
def test_markdown(body, expected):
    blocks = markdown(page_of(*body)).rstrip("\n").split("\n\n")
    assert blocks[0] == "# p.txt"
    assert blocks[1:] == expected


@pytest.mark.parametrize("fmt, check", [
    ("jsonl", lambda out: [json.loads(line)["source"] for line in out.splitlines()] == ["page.txt"]),
    ("markdown", lambda out: out.startswith("# page.txt\n") and "今天，重庆" in out),
    ("text", lambda out: "今天，重庆" in out),
])
def test_cli_formats(fmt, check, tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes("本报讯 今天,重庆发布了新政策。\n".encode())
    result = CliRunner().invoke(main, [str(page), "--format", fmt])
    assert result.exit_code == 0 and check(result.output), result.output


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_markdown_of_a_seed_heads_each_article(seed, seed_docs):
    page = seed_docs[seed.stem].page
    md = markdown(page)
    titled = [a for a in page.articles() if a.title]
    assert md.count("\n### ") == len(titled)
    assert md.count("\n* * *\n") == sum(1 for _ in page.articles()) - len(titled)


def test_empty_page_exports():
    doc = cleanup.convert(b"")
    assert jsonl([doc.page]) == ""
    assert markdown(doc.page).startswith("# ")


def test_export_command_reads_a_batch_back_as_jsonl(tmp_path):
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["batch", *map(str, SEEDS), "-o", str(out), "-q"]).exit_code == 0
    result = CliRunner().invoke(main, ["export", str(out)])
    assert result.exit_code == 0
    direct = jsonl(cleanup.convert(p.read_bytes(), source=p.name).page for p in SEEDS)
    assert [json.loads(x) for x in result.stdout.splitlines()] == [json.loads(x) for x in direct.splitlines()]
    assert len(result.stdout.splitlines()) >= len(SEEDS)


def test_export_refuses_what_is_not_tei(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("not xml")
    result = CliRunner().invoke(main, ["export", str(bad)])
    assert result.exit_code == 2 and result.stderr.startswith(f"cleanup: error: {bad}: not a readable TEI file")


def test_text_marks_heads_and_indents_every_other_unit():
    page = page_of(Section(T("专栏"), [ARTICLE]))
    assert page_text(page) == "\n\n".join([
        "## 专栏", "## 引题", "## 主题", "## 副题", "\u3000\u3000记者 张三", "\u3000\u3000第一段，正文。",
        "## 小标题", "\u3000\u3000第二段。"])


PAGES = sorted(SEEDS + [p for d in ("unseen", "heldout") for p in (ROOT / "tests" / d).glob("*.txt")])


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem[:12])
def test_text_is_a_fixed_point(path):
    """Converting the clean text again gives the same text."""
    check_text_fixed_point(cleanup.convert(path.read_bytes(), source=path.name))


@pytest.mark.parametrize("text", [
    "\u3000\u3000鯦 见 版02",              # letter spacing is closed up only on extracted pages (fuzz find)
    "## 空间格局空间格局\n\n\u3000\u3000正文,没有改动。",   # nor doubling undone, nor punctuation widened
])
def test_clean_text_is_read_as_it_stands(text):
    assert cleanup.convert(text).to_text() == text
