"""Bylines, datelines and photo credits: the people and places around an
article, parsed into `Para` parts (Name, Date) with the printed words kept.

(Interface fixed; the parsing rules are being written.)
"""
from __future__ import annotations

from cleanup.model import Para, Text


def split_opening(text: Text, year: int | None) -> tuple[list[Para], Text]:
    """The opening dateline/byline at the start of a paragraph
    (本报讯（记者 X 实习生 Y）…, 本报北京1月8日讯记者X报道：, 新华社北京１月８日电（记者 X）,
    据新华社…电): the dateline/byline Paras in printed order and the rest of
    the paragraph; ([], text) when the paragraph opens with neither."""
    return [], text


def closing(text: Text, year: int | None) -> list[Para] | None:
    """A whole block that is a closing byline or dateline ((记者 X),
    (新华社武汉6月12日电), a bare name line 王静 王柯岚); None otherwise."""
    return None


def credit(text: Text) -> Para | None:
    """A whole block that is a photo credit (重庆日报记者 X 摄, 摄/X,
    记者 X 见习记者 Y 摄/视觉重庆, 图片由…提供) as a byline Para; None otherwise."""
    return None


def split_credit(text: Text) -> tuple[Text, Para] | None:
    """A caption that ends with its credit (朝气蓬勃的西部(重庆)科学城 摄/曾诚):
    (caption, credit byline); None when no credit ends the text."""
    return None
