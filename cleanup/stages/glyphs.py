"""glyphs: undo fake-bold doubling in display lines.

(Skeleton: nothing is changed yet.)
"""
from __future__ import annotations

from cleanup.model import Page

NAME = "glyphs"


def run(page: Page) -> Page:
    page.settings[NAME] = {}
    return page


def looks_doubled(s: str) -> bool:
    """Does this line show fake-bold doubling (空间格局空间格局, ““, ■■)?
    A signal for display lines.  (Interface fixed; rules being written.)"""
    return False
