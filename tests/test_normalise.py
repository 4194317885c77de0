"""normalise: punctuation width, letter spacing, stray script characters.

Each case: (input, corrected text, printed text).  The printed text must
always equal the input's non-space characters: nothing lost.
"""
import pytest
import regex

from cleanup.model import Block, Options, Page, PARAGRAPH, Text
from cleanup.stages import normalise


def normalised(s: str, script: str | None = None) -> Text:
    page = Page(text=s, options=Options(script=script))
    page.blocks = [Block(PARAGRAPH, [], Text([s]))]
    return normalise.run(page).blocks[0].text


def squeeze(s: str) -> str:
    return regex.sub(r"\s+", "", s)


CASES = [
    # half-width punctuation between Han characters
    ("7月12日,位于南川区", "7月12日，位于南川区"),
    ("他说:好吗?好!", "他说：好吗？好！"),
    ("甲;乙", "甲；乙"),
    ("增长16.9%,带动", "增长16.9%，带动"),
    ("西部(重庆)科学城", "西部（重庆）科学城"),
    ("利率(LPR)不上浮", "利率（LPR）不上浮"),
    ("(以下简称“超群工业”)生产", "（以下简称“超群工业”）生产"),
    # must not change: no Han neighbour, numbers, Latin
    ("f(x) = 1, 2", "f(x) = 1, 2"),
    ("10:30 到 1,000 元", "10:30 到 1,000 元"),
    ("hello,世界", "hello,世界"),
    ("9.32亿元", "9.32亿元"),
    ("www.cqkjcx.com", "www.cqkjcx.com"),
    ("“引号”和（括号）", "“引号”和（括号）"),
    # letter-spaced runs closed up; spaces around digits and phrases stay
    ("突 破 万 亿 元 ，比 2017 年 增 长", "突破万亿元，比 2017 年增长"),
    ("1 部 用 到 黄 石 的 印 刷 电 路 板", "1 部用到黄石的印刷电路板"),
    ("西\u3000部\u3000科\u3000学\u3000城", "西部科学城"),
    ("微信公众号 微信公众号", "微信公众号 微信公众号"),
    ("科技改变生活 创新引领未来", "科技改变生活 创新引领未来"),
    ("今年 1-8 月，企业 57 家", "今年 1-8 月，企业 57 家"),
    ("两 字", "两 字"),
    # real reduplication is not spacing
    ("常常 谢谢 看看", "常常 谢谢 看看"),
]


@pytest.mark.parametrize("raw, expected", CASES)
def test_normalise(raw, expected):
    text = normalised(raw)
    assert text.plain == expected
    assert squeeze(text.original) == squeeze(raw)


def test_widened_punctuation_is_recorded_as_orig_reg():
    text = normalised("日,位")
    assert [(c.original, c.corrected, c.kind) for c in text.choices] == [(",", "，", "orig")]


@pytest.mark.parametrize("raw, expected, script", [
    # a simplified page with a stray traditional character
    ("我们的发展规划已经出台，各项工作顺利推进。後来情况很好。", "我们的发展规划已经出台，各项工作顺利推进。后来情况很好。", "zh-Hans"),
    # 乾 is also a simplified character: the name 牛中乾 stays
    ("技术负责人牛中乾说，目前正在推进研发工作。", "技术负责人牛中乾说，目前正在推进研发工作。", "zh-Hans"),
    # a traditional page stays traditional; 干 and 后 are traditional characters too
    ("我們的發展規劃已經出臺，皇后干涉各項工作。", "我們的發展規劃已經出臺，皇后干涉各項工作。", "zh-Hant"),
    # a traditional page with a stray simplified character
    ("我們的發展規劃已經出臺，各項工作顺利推進。", "我們的發展規劃已經出臺，各項工作順利推進。", "zh-Hant"),
])
def test_stray_script_characters(raw, expected, script):
    page = Page(text=raw)
    page.blocks = [Block(PARAGRAPH, [], Text([raw]))]
    page = normalise.run(page)
    assert page.script == script
    assert page.blocks[0].text.plain == expected
    assert page.blocks[0].text.original == raw


def test_script_conversion_on_request():
    text = normalised("我們的發展", script="simplified")
    assert text.plain == "我们的发展"
    assert text.original == "我們的發展"


def test_changes_are_explained():
    page = Page(text="日,位")
    page.blocks = [Block(PARAGRAPH, [], Text(["日,位"]))]
    page = normalise.run(page)
    assert [c.why for c in page.changes] == ["punctuation widened (1)"]


def test_idempotent():
    once = normalised("7月12日,位于 突 破 万 亿 元 (重庆)").plain
    assert normalised(once).plain == once
