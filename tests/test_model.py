"""Text: corrections keep their originals through slicing and joining."""
import pytest
import regex
from hypothesis import given, strategies as st

from cleanup.model import Choice, Text

T = Text(["甲", Choice("AA", "A", "sic", "doubled"), "乙丙", Choice(",", "，", "orig", "width")])


def test_plain_and_original():
    assert T.plain == "甲A乙丙，"
    assert T.original == "甲AA乙丙,"


@pytest.mark.parametrize("start, end, plain, original", [
    (0, 1, "甲", "甲"),
    (1, 2, "A", "AA"),
    (0, 3, "甲A乙", "甲AA乙"),
    (2, None, "乙丙，", "乙丙,"),
    (3, 3, "", ""),
])
def test_slice(start, end, plain, original):
    part = T.slice(start, end)
    assert (part.plain, part.original) == (plain, original)


def test_adjacent_strings_merge_and_empties_vanish():
    assert Text(["a", "", "b"]).segments == ("ab",)


def test_replace_records_character_changes_but_not_spacing():
    text, n = Text(["甲 乙,丙"]).replace(regex.compile(r" |,"), lambda m: "" if m.group() == " " else "，")
    assert n == 2
    assert text.plain == "甲乙，丙"
    assert text.choices == [Choice(",", "，", "orig", "")]


D = Choice("AA", "A", "sic", "doubled")


@pytest.mark.parametrize("segments, pattern, new, changes, expected", [
    (["甲,乙,丙"], ",", "，", 2, ["甲", Choice(",", "，", "orig", "why"), "乙", Choice(",", "，", "orig", "why"), "丙"]),
    (["甲", D, "乙"], "A", "Ａ", 1, ["甲", Choice("AA", "Ａ", "sic", "doubled; why"), "乙"]),  # inside a correction
    (["ab,c"], "b,", "b，", 1, ["ab", Choice(",", "，", "orig", "why"), "c"]),  # only the changed character
    (["a...b"], r"\.\.\.", "…", 1, ["a", Choice("...", "…", "orig", "why"), "b"]),
    (["甲 乙"], " ", "", 1, ["甲乙"]),  # spacing: no correction
    # must not change
    (["甲a", D, "c"], "aA", "XY", 0, ["甲a", D, "c"]),  # across the edge of a correction
    (["甲,乙"], "乙", "乙", 0, ["甲,乙"]),
])
def test_replace(segments, pattern, new, changes, expected):
    text, n = Text(segments).replace(regex.compile(pattern), lambda m: new, "orig", "why")
    assert (n, list(text.segments)) == (changes, expected)


def test_strip_keeps_corrections():
    assert Text(["  ", Choice("AA", "A", "sic", ""), " "]).strip().segments == (Choice("AA", "A", "sic", ""),)


pieces = st.lists(st.one_of(st.text(max_size=5), st.builds(
    lambda a, b: Choice(a, b, "sic", ""), st.text(min_size=1, max_size=3), st.text(max_size=3))))


@pytest.mark.parametrize("segments", [["abc", Choice("x", "", "sic", "")], [Choice("x", "", "sic", "")],
                                      [Choice("x", "", "sic", ""), "abc"]])
def test_deletions_survive_slicing(segments):
    text = Text(segments)
    for cut in range(len(text) + 1):
        assert (text.slice(0, cut) + text.slice(cut)).original == text.original


@given(pieces, st.integers(0, 20))
def test_slices_add_up_to_the_whole(segments, cut):
    text = Text(segments)
    cut = min(cut, len(text))
    left, right = text.slice(0, cut), text.slice(cut)
    assert (left + right).original == text.original
