"""The word lists in cleanup/data/*.txt (roles, masthead keys, dateline
forms, surnames, ...): one entry a line, `#` starts a comment."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Iterable

import regex

DATA = Path(__file__).resolve().parent / "data"


@cache
def words(name: str) -> tuple[str, ...]:
    """The entries of one word list, in file order."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return tuple(s for s in (ln.split("#", 1)[0].strip() for ln in lines) if s)


def alternation(entries: Iterable[str]) -> str:
    """A regex alternation of the entries, longest first, so that the
    longest word wins (本报记者 before 记者)."""
    return "|".join(regex.escape(w) for w in sorted(set(entries), key=lambda w: (-len(w), w)))
