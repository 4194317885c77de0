"""The ordered list of stages, and the one place that runs them.

Each stage is a module with a `NAME` and `run(page) -> page`; it logs what it
changed (`Page.changes`) and the settings it ran with (`Page.settings`).

Order matters: glyphs must see the printed spacing, so it runs before
normalise closes letter-spaced runs; zones need the rebuilt blocks; articles
need the zones.
"""
from __future__ import annotations

from types import ModuleType

from cleanup.model import Options, Page
from cleanup.stages import articles, decode, glyphs, lines, normalise, zones

STAGES: tuple[ModuleType, ...] = (
    decode,      # bytes -> NFC text lines; controls removed; mojibake repaired
    lines,       # lines -> paragraph and display blocks
    glyphs,      # fake-bold doubling undone in display blocks
    normalise,   # punctuation width, letter spacing, stray script characters
    zones,       # masthead, teasers, continuations, captions, section banners
    articles,    # blocks -> articles with heads, bylines, datelines
)


def run(data: bytes | str, source: str | None = None, options: Options | None = None) -> Page:
    """Convert one page: bytes (encoding detected) or already decoded text."""
    page = Page(source=source, options=options or Options())
    if isinstance(data, bytes):
        page.raw = data
    else:
        page.text = data
    for stage in STAGES:
        page = stage.run(page)
    return page


def explain(page: Page) -> str:
    """What each stage changed and why, one line per change."""
    lines = [str(c) for c in page.changes]
    lines += [f"warning: {w}" for w in page.warnings]
    return "\n".join(lines)
