"""The clean text format: what it writes, and which pages it recognises."""
import pytest

from cleanup.textformat import is_clean_text, render

I2 = "\u3000\u3000"


def test_render_marks_heads_and_indents_the_rest():
    units = [(True, "引题"), (True, "主题\n第二行"), (False, "第一段。"), (False, " "), (False, "图表\n100%")]
    assert render(units) == f"## 引题\n\n## 主题\n## 第二行\n\n{I2}第一段。\n\n{I2}图表\n{I2}100%"


@pytest.mark.parametrize("text, clean", [
    (f"## 标题\n\n{I2}正文。", True),
    (f"{I2}图表\n{I2}100%\n\n## 标题", True),
    (f"\n\n## 标题\n\n\n{I2}正文。\n", True),
    ("", False),                                  # nothing at all
    (f"## 标题\n{I2}正文。", False),              # a head and a paragraph in one unit
    (f"{I2}第一段写到一半\n接着写完。", False),   # wrapped text
    (f"{I2}\u3000三个空格的缩进", False),         # not the format's indent
    ("##标题", False),                            # no space after the mark
    ("标题\n\n正文。", False),
])
def test_is_clean_text(text, clean):
    assert is_clean_text(text) == clean
