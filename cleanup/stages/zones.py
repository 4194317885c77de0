"""zones: page furniture and pointers: masthead, teasers, continuations,
captions and credits, section banners.

(Skeleton: nothing is marked yet.)
"""
from __future__ import annotations

from cleanup.model import Page

NAME = "zones"


def run(page: Page) -> Page:
    page.settings[NAME] = {}
    return page
