"""articles: split the page into articles with heads, bylines and datelines.

(Skeleton: every block goes to the unclassified division.)
"""
from __future__ import annotations

from cleanup.model import Division, Page, Para

NAME = "articles"


def run(page: Page) -> Page:
    page.body = [Division("unclassified", [Para.of("ab", b.text) for b in page.blocks])]
    page.settings[NAME] = {}
    return page
