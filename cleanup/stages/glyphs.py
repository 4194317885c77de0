"""glyphs: undo fake-bold doubling in display lines.

(Skeleton: nothing is changed yet.)
"""
from __future__ import annotations

from cleanup.model import Page

NAME = "glyphs"


def run(page: Page) -> Page:
    page.settings[NAME] = {}
    return page
