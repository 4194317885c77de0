"""normalise: punctuation width, letter spacing and stray script characters.

Runs after glyphs, which must see the printed spacing.  Every character it
changes is kept as orig/reg; spaces it removes are layout, not text.
"""
from __future__ import annotations

import re
from typing import Callable

import regex

from cleanup.model import Block, Page, Text
from cleanup.scripts import converter, detect_script, stray_pattern

NAME = "normalise"

HAN = r"\p{Han}"
# Full-width punctuation that may stand next to half-width punctuation we widen.
CJK_PUNCT = "，。、；：？！…—“”‘’（）《》〈〉「」『』【】"
WIDE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# A half-width , ; : ? ! after a Han character or CJK punctuation, or before
# one unless a Latin letter precedes it (1,000, 10:30 and "A, B" stay).
HALF_PUNCT = regex.compile(
    rf"(?<=[{HAN}{CJK_PUNCT}])[,;:?!]|(?<![A-Za-z])[,;:?!](?=[{HAN}{CJK_PUNCT}])"
)
# Half-width brackets around a phrase next to or holding Han text: only the
# bracket characters change.  Look-arounds are bounded to keep matching linear.
NEAR_HAN = f"[{HAN}{CJK_PUNCT}]"
INNER = r"[^()\n]{0,60}"
HALF_BRACKETS = regex.compile(
    rf"(?<={NEAR_HAN})\((?={INNER}\))|\((?={INNER}\){NEAR_HAN})|\((?={INNER}{HAN}{INNER}\))"
    rf"|(?<={NEAR_HAN}\({INNER})\)|(?<=\({INNER})\)(?={NEAR_HAN})|(?<=\({INNER}{HAN}{INNER})\)"
)
# Three or more single Han characters set apart by single spaces: 突 破 万 亿 元.
LETTER_SPACED = regex.compile(rf"(?<!{HAN}){HAN}(?:[ \u3000]{HAN}){{2,}}(?!{HAN})")
HAN_RUN = regex.compile(rf"{HAN}+")
SPACE_BEFORE_CJK_PUNCT = regex.compile(rf"(?<={HAN})[ \u3000]+(?=[，。、；：？！])")


def widen_punctuation(text: Text) -> tuple[Text, int]:
    """Widen until nothing more changes: a widened mark is Chinese
    punctuation next to its neighbours (`(a),中` widens the comma, and then
    the bracket), and converting the clean text again must change nothing."""
    total = 0
    while True:
        n1 = n2 = 0
        if BRACKET.search(text.plain):  # the bracket pattern's look-arounds are the costly part
            text, n1 = text.replace(HALF_BRACKETS, lambda m: WIDE[m.group(0)], "orig", "half-width bracket in Chinese text")
        if MARK.search(text.plain):
            text, n2 = text.replace(HALF_PUNCT, lambda m: WIDE[m.group(0)], "orig", "half-width punctuation in Chinese text")
        total += n1 + n2
        if not n1 + n2 or not HALF_WIDTH.search(text.plain):  # nothing left to widen
            return text, total


def close_letter_spacing(text: Text) -> tuple[Text, int]:
    text, n = text.replace(LETTER_SPACED, lambda m: regex.sub(r"[ \u3000]", "", m.group(0)))
    if n:
        text, _ = text.replace(SPACE_BEFORE_CJK_PUNCT, lambda m: "")
    return text, n


def regularise_script(text: Text, page_script: str) -> tuple[Text, int]:
    pattern, table = stray_pattern(page_script)
    reason = f"character of the other script on a {page_script} page"
    return text.replace(pattern, lambda m: table[m.group(0)], "orig", reason)


def convert_script(text: Text, target: str) -> tuple[Text, int]:
    """Whole-text conversion on request (`--script`), phrase-aware through
    OpenCC, each changed character kept as orig/reg."""
    config = "t2s" if target == "zh-Hans" else "s2t"

    def convert(m: "regex.Match[str]") -> str:
        out = converter(config).convert(m.group(0))
        return out if len(out) == len(m.group(0)) else m.group(0)

    changed, n = text.replace(HAN_RUN, convert, "orig", f"converted to {target} on request")
    return changed, n


# Cheap tests (stdlib re, one scan) that tell whether a step can change a
# block at all; most blocks need none of them.
# Letter spacing needs a single character between two spaces somewhere: a
# tighter gate than "any space", which credits and Latin text pass in vain.
LETTER_GAP = re.compile(r"[ \u3000]\S[ \u3000]")
HALF_WIDTH = re.compile(r"[,;:?!()]")
BRACKET = re.compile(r"[()]")
MARK = re.compile(r"[,;:?!]")
Step = tuple[str, "re.Pattern[str]", Callable[[Text], tuple[Text, int]]]


def steps_for(page: Page, target: str | None) -> list[Step]:
    if target:
        script: Step = (f"converted to {target}", HAN_RUN, lambda t: convert_script(t, target))
    else:
        stray, _ = stray_pattern(page.script)
        script = ("stray character of the other script", stray, lambda t: regularise_script(t, page.script))
    if page.form == "clean":      # normalised when it was made: only a conversion asked for applies
        return [script] if target else []
    return [
        ("letter spacing closed up", LETTER_GAP, close_letter_spacing),
        ("punctuation widened", HALF_WIDTH, widen_punctuation),
        script,
    ]


def normalise_block(page: Page, block: Block, steps: list[Step]) -> None:
    text = block.text
    for why, trigger, step in steps:
        if not trigger.search(text.plain):
            continue
        new, n = step(text)
        if n:
            page.log(NAME, block.first_line, text.plain, new.plain, f"{why} ({n})")
            text = new
    block.text = text


def run(page: Page) -> Page:
    requested = page.options.script
    target = {"simplified": "zh-Hans", "traditional": "zh-Hant"}.get(requested or "")
    page.script = target or detect_script(page.text)
    steps = steps_for(page, target)
    for block in page.blocks:
        normalise_block(page, block, steps)
    page.settings[NAME] = {"script": page.script, "convert": requested or "no"}
    return page
