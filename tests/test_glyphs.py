"""glyphs stage: fake-bold doubling undone in display blocks, nothing lost."""

import pytest
from hypothesis import given, settings, strategies as st

from cleanup.model import DISPLAY, PARAGRAPH, Block, Choice, Line, Page, Text
from cleanup.stages import glyphs


def display_page(text: str, kind: str = DISPLAY) -> Page:
    """A page holding one block made of `text`'s lines, as the lines stage builds it."""
    lines = [Line(n, 0, 0, Text([s])) for n, s in enumerate(text.split("\n"), 10)]
    return Page(blocks=[Block(kind, lines, Text.join((ln.text for ln in lines), "\n"))])


def undouble(text: str) -> Text:
    return glyphs.run(display_page(text)).blocks[0].text


# (printed display block, corrected reading, original kept in the TEI)
CASES = [
    # per-glyph and per-run doubling mixed in one line
    ("““一区一带一区一带NN个小生态个小生态””空间格局空间格局", "“一区一带N个小生态”空间格局",
     "““一区一带一区一带NN个小生态个小生态””空间格局空间格局"),
    ("■■““一区一区””", "■“一区”", "■■““一区一区””"),
    ("大学城中央科创核心区大学城中央科创核心区", "大学城中央科创核心区", "大学城中央科创核心区大学城中央科创核心区"),
    ("●● 重庆师范大学重庆师范大学", "● 重庆师范大学", "●● 重庆师范大学重庆师范大学"),
    # each line of a display block doubled on its own
    ("大学城科创大学城科创\n经济带经济带", "大学城科创\n经济带", "大学城科创大学城科创\n经济带经济带"),
    # a run holding a real reduplication is one run; so is a run with a space in it
    ("谢谢大家谢谢大家", "谢谢大家", "谢谢大家谢谢大家"),
    ("天天向上天天向上", "天天向上", "天天向上天天向上"),
    ("新科学 新技术新科学 新技术", "新科学 新技术", "新科学 新技术新科学 新技术"),
    # a sign printed as two glyphs, doubled
    ("重庆重庆————科学城科学城", "重庆——科学城", "重庆重庆————科学城科学城"),
    # nearly all of the line doubled: the odd character stays as printed
    ("空间格局空间格局。", "空间格局。", "空间格局空间格局。"),
    # a short doubled label is undone when its block is doubled beyond doubt
    ("■■““一带一带””\n解读解读", "■“一带”\n解读", "■■““一带一带””\n解读解读"),
    # must not change: headlines, labels, reduplication, decorations
    ("西部（重庆）科学城将建环大学城创新生态圈", "西部（重庆）科学城将建环大学城创新生态圈",
     "西部（重庆）科学城将建环大学城创新生态圈"),
    ("西部（重庆）科学城将建环大学城创新生态圈\n空间格局空间格局", "西部（重庆）科学城将建环大学城创新生态圈\n空间格局",
     "西部（重庆）科学城将建环大学城创新生态圈\n空间格局空间格局"),
    ("微信公众号 微信公众号", "微信公众号 微信公众号", "微信公众号 微信公众号"),
    ("谢谢大家", "谢谢大家", "谢谢大家"),
    ("研究研究再说", "研究研究再说", "研究研究再说"),
    ("高高兴兴上学去", "高高兴兴上学去", "高高兴兴上学去"),
    ("他常常说：看看再说", "他常常说：看看再说", "他常常说：看看再说"),
    ("人人为我 我为人人", "人人为我 我为人人", "人人为我 我为人人"),
    ("一一对应", "一一对应", "一一对应"),
    ("星星点点", "星星点点", "星星点点"),
    ("解读解读", "解读解读", "解读解读"),
    ("解读解读\n常常", "解读解读\n常常", "解读解读\n常常"),
    ("■■“一带”\n常常", "■■“一带”\n常常", "■■“一带”\n常常"),
    ("常常", "常常", "常常"),
    ("谢谢", "谢谢", "谢谢"),
    ("看看", "看看", "看看"),
    ("天天", "天天", "天天"),
    ("研究研究", "研究研究", "研究研究"),
    ("高高兴兴", "高高兴兴", "高高兴兴"),
    ("清清楚楚", "清清楚楚", "清清楚楚"),
    ("高高兴兴 清清楚楚", "高高兴兴 清清楚楚", "高高兴兴 清清楚楚"),
    ("——", "——", "——"),
    ("————", "————", "————"),
    ("……", "……", "……"),
    ("■■■■■■", "■■■■■■", "■■■■■■"),
    ("哈哈哈哈哈哈", "哈哈哈哈哈哈", "哈哈哈哈哈哈"),
    ("★★★★★", "★★★★★", "★★★★★"),
    ("2022年1100万", "2022年1100万", "2022年1100万"),
    ("", "", ""),
    ("   ", "   ", "   "),
]


@pytest.mark.parametrize("printed, corrected, original", CASES)
def test_undouble(printed, corrected, original):
    text = undouble(printed)
    assert text.plain == corrected
    assert text.original == original


@pytest.mark.parametrize("printed", [c[0] for c in CASES])
def test_nothing_lost_and_idempotent(printed):
    page = glyphs.run(display_page(printed))
    first = page.blocks[0].text
    assert first.original == printed
    assert glyphs.run(page).blocks[0].text == first


def test_removed_runs_are_sic_choices():
    text = undouble("““一区一带一区一带NN个小生态个小生态””空间格局空间格局")
    assert text.choices[-1] == Choice("空间格局空间格局", "空间格局", "sic", glyphs.REASON)
    assert [c.original for c in text.choices] == ["““", "一区一带一区一带", "NN", "个小生态个小生态", "””", "空间格局空间格局"]
    assert all(c.kind == "sic" for c in text.choices)


def test_each_change_logged_with_its_line():
    page = glyphs.run(display_page("标题\n大学城科创大学城科创\n经济带经济带"))
    assert [(c.line, c.before, c.after) for c in page.changes] == [
        (11, "大学城科创大学城科创", "大学城科创"), (12, "经济带经济带", "经济带")]
    assert all(c.stage == glyphs.NAME for c in page.changes)
    assert page.settings[glyphs.NAME]["coverage"] == str(glyphs.COVERAGE)


def test_running_text_untouched():
    page = glyphs.run(display_page("空间格局空间格局", kind=PARAGRAPH))
    assert page.blocks[0].text.plain == "空间格局空间格局"
    assert not page.changes


def test_other_corrections_kept():
    line = Text(["经济带经济带", Choice(":", "：", "orig", "half-width punctuation")])
    fixed = glyphs.undouble_lines([line])[0]
    assert fixed.plain == "经济带："
    assert fixed.original == "经济带经济带:"
    assert [c.kind for c in fixed.choices] == ["sic", "orig"]


@pytest.mark.parametrize("line, expected", [
    ("““一区一带一区一带NN个小生态个小生态””空间格局空间格局", True),
    ("■■““一区一区””", True),
    ("●● 重庆城市管理职业学院重庆城市管理职业学院", True),
    ("经济带经济带", True),
    ("重重庆庆科科技技报报", True),
    ("西部（重庆）科学城将建环大学城创新生态圈", False),
    ("微信公众号 微信公众号", False),
    ("未来几年，你将看到一个不一样的大学城。近日，记者了", False),
    ("他常常说，谢谢大家，我们研究研究再说，大家高高兴兴地走了。", False),
    ("常常", False),
    ("高高兴兴", False),
    ("清清楚楚明明白白", False),
    ("————", False),
    ("", False),
])
def test_looks_doubled(line, expected):
    assert glyphs.looks_doubled(line) is expected


@pytest.mark.parametrize("line", ["空间格局" * 250_000, "““" * 500_000, "a" * 1_000_000])
def test_long_lines_are_left_alone(line):
    """(Their speed is measured in bench/linear.py, not here.)"""
    assert glyphs.looks_doubled(line) is False
    assert glyphs.undouble_lines([Text([line])])[0].plain == line


TEXT = st.text(st.sampled_from("空间格局一区带常谢“”■●N— \n"), max_size=60) | st.text(max_size=60)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_property_original_kept_and_idempotent(printed):
    page = glyphs.run(display_page(printed))
    first = page.blocks[0].text
    assert first.original == printed
    assert first.plain.count("\n") == printed.count("\n")
    assert all(c.original == 2 * c.corrected for c in first.choices)
    assert glyphs.run(page).blocks[0].text == first
