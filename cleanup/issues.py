"""Whole issues: the pages of one issue in one document, continued articles joined.

Which pages make one issue (the rule `cleanup batch --issues` follows):

- a page whose file name carries a date and then a page number
  (`cqkjb_2022-04-19_p02.txt`, `20220419-3.txt`: a date written YYYY-MM-DD,
  YYYY_MM_DD, YYYY.MM.DD or YYYYMMDD, then the page number ending the name)
  belongs to the issue of that name up to the date, in its folder;
- any other page belongs to the issue of its folder (the folder is the issue).

A page's number is the number ending its file name (`p02`, `page-2`, `A03`),
else the page number the page prints, else its place in the issue.  The
document holds every page's body after a `<pb n="NN"/>`; an article that ends
in `（下转02版）` gets the `（上接1版）` fragment on page 02 whose wording fits it
best (its title repeated there, names and terms shared), after a
`<pb n="02"/>`, with both notes kept.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, fields
from typing import Iterable, Iterator

import regex

from cleanup.model import Article, Name, Note, Page, PageBreak, Para, Publication, Section

DATED_NAME = regex.compile(
    r"^(?P<issue>.*?(?:18|19|20)\d\d(?P<sep>[-_.]?)(?:0[1-9]|1[0-2])(?P=sep)(?:0[1-9]|[12]\d|3[01]))"
    r"\D*?(?P<page>[A-Z]?\d{1,3})$")
# A page number ends the name: 02, page-2, A03 (a capital is the section letter).
ENDING_NUMBER = regex.compile(r"(?<![A-Za-z\d])([A-Z]?\d{1,3})$|(?<!\d)(\d{1,3})$")
HAN_PAIR = regex.compile(r"(?=(\p{Han}{2}))")
SPACE = regex.compile(r"\s+")
TITLE_REPEATED = 10.0   # a fragment that repeats the article's title is its continuation
SHARED_NAME = 2.0


# ----------------------------------------------------------------- grouping

def issue_of(rel: str, folder_name: str) -> tuple[str, str | None]:
    """The issue a page file belongs to (its output name without `.xml`, a
    posix path) and the page number its name carries, if any.
    `folder_name` names the issue of the top folder, whose own path is empty."""
    folder, _, name = rel.rpartition("/")
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    dated = DATED_NAME.match(stem)
    if dated:
        issue = dated["issue"].rstrip("-_. ") or stem
        return (f"{folder}/{issue}" if folder else issue), two_digits(dated["page"])
    number = ENDING_NUMBER.search(stem)
    return (folder or folder_name), (two_digits(number[0]) if number else None)


def two_digits(n: str) -> str:
    return f"{int(n):02d}" if n.isdigit() else n


def same_page(n: str) -> str:
    """What two spellings of one page number share: A3, A03 and a03 are
    one page, 3 and 03 another."""
    letter = n[:1].upper() if n[:1].isalpha() else ""
    digits = n[len(letter):]
    return letter + (str(int(digits)) if digits.isdigit() else digits)


# ------------------------------------------------------------------ joining

@dataclass
class _Piece:
    """An article that carries a continuation note, where it is printed."""

    page: str
    article: Article
    notes: list[Note]

    def points(self, direction: str) -> set[str]:
        return {same_page(n.page) for n in self.notes if n.direction == direction}


def combine(pages: list[tuple[str | None, Page]], source: str) -> Page:
    """One Page for the issue: each page's body after a PageBreak, article
    ids made unique, continued articles joined.  `pages` are in printed order,
    each with the page number its file name carries (or None)."""
    numbered = [(_number(n, page, i), page) for i, (n, page) in enumerate(pages, 1)]
    for n, page in numbered:
        for article in page.articles():
            article.id = f"p{n}-{article.id}"
    for host, fragment, n in joins(numbered):
        _remove(fragment, dict(numbered)[n])
        _absorb(host, fragment, n)
    body = [item for n, page in numbered for item in (PageBreak(n), *page.body)]
    first = [page for _, page in numbered]
    return Page(source=source, body=body, publication=_publication(first),
                settings=_settings(first), script=_script(first),
                warnings=[f"page {n}: {w}" for n, page in numbered for w in page.warnings])


def joins(numbered: list[tuple[str, Page]]) -> list[tuple[Article, Article, str]]:
    """(host, fragment, fragment's page) in the order to apply them: every
    `to` note matched once with a `from` fragment on the page it names that
    points back, best-fitting pairs first.  A fragment continued again moves
    on with its host, so the host receives the later fragment too."""
    pieces = [_Piece(n, a, notes) for n, page in numbered for a in page.articles()
              if (notes := continuation_notes(a))]
    sources = [p for p in pieces if p.points("to")]
    targets = [p for p in pieces if p.points("from")]
    weights = _weights(pieces)
    pairs = sorted(((-fit(a, b, weights), i, j) for i, a in enumerate(sources) for j, b in enumerate(targets)
                    if same_page(b.page) in a.points("to") and same_page(a.page) in b.points("from")
                    and a is not b))
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen = []
    for _, i, j in pairs:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            chosen.append((sources[i], targets[j]))
    order = {n: k for k, (n, _) in enumerate(numbered)}
    chosen.sort(key=lambda ab: (order[ab[1].page], order[ab[0].page]))
    owner: dict[int, Article] = {}
    out = []
    for a, b in chosen:
        host = owner.get(id(a.article), a.article)
        owner[id(b.article)] = host
        out.append((host, b.article, b.page))
    return out


def continuation_notes(article: Article) -> list[Note]:
    items = [*article.opening, *article.items, *article.closing,
             *(i for sub in article.subsections for i in sub.items)]
    return [i for i in items if isinstance(i, Note)]


def fit(a: _Piece, b: _Piece, weights: dict[str, float]) -> float:
    """How well fragment b continues article a: its title repeated in b,
    names both mention, and the weighted share of two-character terms."""
    title = _squeeze(a.article.title.plain) if a.article.title else ""
    text_b = _squeeze(article_text(b.article))
    score = TITLE_REPEATED if len(title) >= 4 and title in text_b else 0.0
    score += SHARED_NAME * len(_names(a.article) & _names(b.article))
    terms_a, terms_b = _terms(article_text(a.article)), _terms(article_text(b.article))
    shared = sum(weights.get(t, 0.0) for t in terms_a & terms_b)
    norm = math.sqrt(sum(weights.get(t, 0.0) for t in terms_a) * sum(weights.get(t, 0.0) for t in terms_b))
    return score + (shared / norm if norm else 0.0)


def article_text(article: Article) -> str:
    heads = [h.plain for h in (article.kicker, article.title, *article.subtitles) if h]
    paras = [i.plain for i in _paras(article)]
    return "\n".join(heads + [s.head.plain for s in article.subsections] + paras)


def _paras(article: Article) -> Iterator[Para]:
    for item in (*article.opening, *article.items, *article.closing,
                 *(i for sub in article.subsections for i in sub.items)):
        if isinstance(item, Para):
            yield item


def _names(article: Article) -> set[str]:
    return {part.text.plain for p in _paras(article) for part in p.parts if isinstance(part, Name)}


def _terms(text: str) -> set[str]:
    return set(HAN_PAIR.findall(text))


def _weights(pieces: list[_Piece]) -> dict[str, float]:
    """Rarer terms weigh more: a term every candidate shares tells nothing."""
    df = Counter(t for p in pieces for t in _terms(article_text(p.article)))
    return {t: math.log(1 + len(pieces) / d) for t, d in df.items()}


def _squeeze(s: str) -> str:
    return SPACE.sub("", s)


def _absorb(host: Article, fragment: Article, n: str) -> None:
    """Move the fragment's content into its host after a page break; the
    fragment's heads and opening lines become plain blocks (TEI allows heads
    and bylines only at the edges of a div)."""
    heads = [Para.of("ab", h) for h in (fragment.kicker, fragment.title, *fragment.subtitles) if h]
    opening = [Para("ab", p.parts) if p.kind in ("byline", "dateline") else p for p in fragment.opening]
    flow = [PageBreak(n), *heads, *opening, *fragment.items]
    host.running_items.extend(flow)
    host.subsections.extend(fragment.subsections)
    host.closing.extend(fragment.closing)


def _remove(article: Article, page: Page) -> None:
    for container in (page.body, *(s.members for s in page.body if isinstance(s, Section))):
        for k, item in enumerate(container):
            if item is article:
                del container[k]
                return


# ------------------------------------------------------------ the header

def _number(from_name: str | None, page: Page, position: int) -> str:
    return from_name or two_digits(page.publication.page or str(position))


def _publication(pages: list[Page]) -> Publication:
    """What any page tells about the paper (the first that tells wins); no page number."""
    values = {f.name: next((v for p in pages if (v := getattr(p.publication, f.name)) is not None), None)
              for f in fields(Publication)}
    return Publication(**{**values, "page": None})


def _settings(pages: list[Page]) -> dict[str, dict[str, str]]:
    """Each stage's settings; a value that differs between pages lists them all."""
    merged: dict[str, dict[str, list[str]]] = {}
    for page in pages:
        for stage, settings in page.settings.items():
            for key, value in settings.items():
                seen = merged.setdefault(stage, {}).setdefault(key, [])
                if value not in seen:
                    seen.append(value)
    return {stage: {k: " | ".join(v) for k, v in s.items()} for stage, s in merged.items()}


def _script(pages: Iterable[Page]) -> str:
    counts = Counter(p.script for p in pages)
    return counts.most_common(1)[0][0] if counts else "zh-Hans"

