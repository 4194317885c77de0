"""Static HTML review pages: what the converter did to each raw page, for eyes.

One page per converted page puts the raw lines (grouped into the blocks the
`lines` stage made, joins marked, changed lines flagged, text that ended up
unclassified in red) beside the result (an outline of the articles with their
heads and bylines, then every part with each correction shown as the printed
original struck through next to the correction), and a table of every logged
change.  An index page lists the batch with its counts and failures.  The
pages need no server and no network: CSS and JS are inlined.
"""
from __future__ import annotations

import dataclasses
import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from typing import Any, Iterable, Union

import regex

from cleanup.api import Document
from cleanup.model import (DISPLAY, PARAGRAPH, Article, Block, Change, Choice, Date, Division, Figure, Masthead,
                           Name, Note, Page, PageRef, Para, Section, Teasers, Text)
from tei.writer import document_title

DATA = Path(__file__).parent / "data"
FIX_LABELS = {"sic": "doubled glyphs removed", "orig": "regularised"}
SPACE = regex.compile(r"\s+")


@cache
def _asset(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _e(s: str) -> str:
    return escape(s, quote=True)


# ------------------------------------------------------------------ counts

@dataclass
class Counts:
    """What a reviewer wants to know first about a page."""

    articles: int = 0
    sic: int = 0
    orig: int = 0
    joined: int = 0
    unclassified: int = 0
    warnings: int = 0
    changes: int = 0

    @property
    def corrections(self) -> int:
        return self.sic + self.orig

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(a + b for a, b in zip(dataclasses.astuple(self), dataclasses.astuple(other))))


def _texts(obj: Any) -> Iterable[Text]:
    """Every Text below a body item (all model parts are dataclasses or lists)."""
    if isinstance(obj, Text):
        yield obj
    elif isinstance(obj, list):
        for x in obj:
            yield from _texts(x)
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from _texts(getattr(obj, f.name))


def page_counts(page: Page) -> Counts:
    kinds = Counter(c.kind for t in _texts(page.body) for c in t.choices)
    return Counts(
        articles=sum(1 for _ in page.articles()),
        sic=kinds["sic"], orig=kinds["orig"],
        joined=sum(len(b.lines) - 1 for b in page.blocks if b.kind == PARAGRAPH),
        unclassified=sum(len(d.paras) for d in page.body if isinstance(d, Division) and d.type == "unclassified"),
        warnings=len(page.warnings), changes=len(page.changes))


# ------------------------------------------------------------ result column

def text_html(text: Text) -> str:
    """A Text with each correction as <del>printed</del><ins>corrected</ins>."""
    out = []
    for seg in text.segments:
        if isinstance(seg, Choice):
            title = f"{FIX_LABELS[seg.kind]}: printed “{seg.original}”, now “{seg.corrected}”"
            title += f" ({seg.reason})" if seg.reason else ""
            out.append(f'<span class="fix {seg.kind}" title="{_e(title)}"><del>{_lines(seg.original)}</del>'
                       f'<ins>{_lines(seg.corrected)}</ins></span>')
        else:
            out.append(_lines(seg))
    return "".join(out)


def _lines(s: str) -> str:
    return "<br>".join(_e(x) for x in s.split("\n"))


def _part(part: Union[Text, Name, Date, PageRef]) -> str:
    if isinstance(part, Name):
        if part.org:
            return f'<span class="name org" data-role="org" title="orgName">{text_html(part.text)}</span>'
        role = part.role or "?"
        return f'<span class="name person" data-role="{_e(role)}" title="persName role={_e(role)}">' \
               f'{text_html(part.text)}</span>'
    if isinstance(part, Date):
        return f'<time datetime="{_e(part.when)}" title="date when={_e(part.when)}">{text_html(part.text)}</time>'
    if isinstance(part, PageRef):
        return f'<span class="pref" title="ref to page {_e(part.n)}">{text_html(part.text)}</span>'
    return text_html(part)


def para_html(para: Para) -> str:
    body = "".join(_part(p) for p in para.parts)
    if para.kind in ("p", "ab"):
        return f'<p class="{para.kind}">{body}</p>'
    tag = "li" if para.kind == "item" else "div"
    return f'<{tag} class="{para.kind}" data-kind="{para.kind}">{body}</{tag}>'


def figure_html(fig: Figure) -> str:
    head = f'<div class="caption">{text_html(fig.head)}</div>' if fig.head else ""
    rest = "".join(para_html(p) for p in fig.paras + fig.credits)
    return f"<figure><span class=\"tag\">figure</span>{head}{rest}</figure>"


def _items(items: list) -> str:
    out = []
    for item in items:
        if isinstance(item, Para):
            out.append(para_html(item))
        elif isinstance(item, Figure):
            out.append(figure_html(item))
        elif isinstance(item, Note):
            out.append(f'<div class="note" data-kind="continued {item.direction} {_e(item.page)}">'
                       f'{text_html(item.text)}</div>')
    return "".join(out)


def _head(text: Text | None, kind: str, tag: str = "div") -> str:
    if not text:
        return ""
    return f'<{tag} class="head {kind}"><span class="tag">{kind}</span>{text_html(text)}</{tag}>'


def article_html(art: Article) -> str:
    parts = [f'<article class="box" id="{_e(art.id)}"><span class="tag">article {_e(art.id)}</span>',
             _head(art.kicker, "kicker"), _head(art.title, "main", "h3"),
             *(_head(s, "sub") for s in art.subtitles),
             _items(art.opening), _items(art.items)]
    for sub in art.subsections:
        parts.append(f'<section class="subsection"><h4><span class="tag">subsection</span>'
                     f'{text_html(sub.head)}</h4>{_items(sub.items)}</section>')
    parts += [_items(art.closing), "</article>"]
    return "".join(parts)


DIVISION_TITLES = {"unclassified": "Unclassified: text no rule could place",
                   "advertisement": "Advertisement"}


def body_item_html(item: Any) -> str:
    if isinstance(item, Masthead):
        return f'<section class="box masthead"><span class="tag">masthead</span>' \
               f'{"".join(para_html(p) for p in item.lines)}</section>'
    if isinstance(item, Teasers):
        return f'<section class="box teasers"><span class="tag">teasers</span>' \
               f'<ul>{"".join(para_html(p) for p in item.items)}</ul></section>'
    if isinstance(item, Section):
        members = "".join(body_item_html(m) for m in item.members)
        return f'<section class="box section"><span class="tag">section</span>' \
               f'<h2>{text_html(item.head)}</h2>{members}</section>'
    if isinstance(item, Article):
        return article_html(item)
    if isinstance(item, Figure):
        return figure_html(item)
    if isinstance(item, Division):
        title = DIVISION_TITLES.get(item.type, item.type)
        return f'<section class="box {_e(item.type)}"><h3>{_e(title)}</h3>' \
               f'{"".join(para_html(p) for p in item.paras)}</section>'
    return ""


def outline_html(page: Page) -> str:
    """The articles at a glance: heads and the people in their bylines."""
    rows = []
    for art in page.articles():
        heads = [("kicker", art.kicker), ("main", art.title), *(("sub", s) for s in art.subtitles)]
        heads_html = "<br>".join(f'<span class="{k}">{_e(t.plain)}</span>' for k, t in heads if t)
        bylines = [p for p in art.opening + art.items + art.closing if isinstance(p, Para) and p.kind == "byline"]
        people = [f"{n.text.plain} ({'org' if n.org else n.role})"
                  for b in bylines for n in b.parts if isinstance(n, Name)]
        rows.append(f'<li><a href="#{_e(art.id)}" class="heads">{heads_html or "(no head)"}</a>'
                    f'<div class="muted">{_e(", ".join(people)) or "no byline"}</div></li>')
    if not rows:
        return '<nav class="outline"><b>Outline</b>: no articles</nav>'
    return f'<nav class="outline"><b>Outline</b><ol>{"".join(rows)}</ol></nav>'


# --------------------------------------------------------------- raw column

def _squeezed(s: str) -> str:
    return SPACE.sub("", s)


def raw_html(page: Page) -> str:
    """Every source line, tagged with its block (zone, lines joined), its
    logged changes, and whether its text ended up unclassified."""
    changes: dict[int, list[Change]] = defaultdict(list)
    for c in page.changes:
        if c.line:
            changes[c.line].append(c)
    unplaced = "\0".join(_squeezed(p.plain) for d in page.body
                          if isinstance(d, Division) and d.type == "unclassified" for p in d.paras)
    where: dict[int, tuple[int, Block]] = {}
    for block in page.blocks:
        for k, line in enumerate(block.lines):
            where[line.number] = (k, block)
    rows = []
    for line in page.lines:
        rows.append(_raw_line(page.text[line.start:line.end], line.number, where.get(line.number),
                              changes.get(line.number, []), unplaced))
    return "".join(rows)


def _raw_line(src: str, number: int, place: tuple[int, Block] | None, changes: list[Change],
              unplaced: str) -> str:
    """One source line; `unplaced` holds the unclassified text, NUL-separated."""
    classes, tag, join = ["ln"], "", ""
    if place is None:
        classes.append("blank" if not src.strip() else "loose")
    else:
        k, block = place
        classes.append(block.kind)
        if (squeezed := _squeezed(block.text.plain)) and squeezed in unplaced:
            classes.append("lost")
        if k == 0:
            labels = [block.zone or ("text" if block.kind == PARAGRAPH else "display")]
            if block.kind == PARAGRAPH and len(block.lines) > 1:
                labels.append(f"{len(block.lines)} lines joined")
            if block.text.choices:
                labels.append(f"{len(block.text.choices)} corrections")
            if "lost" in classes:
                labels.append("→ unclassified")
            tag = f'<div class="bhead"><span class="tag">{_e(" · ".join(labels))}</span></div>'
        if block.kind == PARAGRAPH and k < len(block.lines) - 1:
            join = '<span class="joinmark" title="joined to the next line">⏎</span>'
        elif block.kind == DISPLAY and k < len(block.lines) - 1:
            join = '<span class="muted" title="kept as a line break in one display block">↵</span>'
    badges = ""
    if changes:
        classes.append("changed")
        title = "\n".join(f"{c.stage}: {c.before} → {c.after} ({c.why})" for c in changes)
        stages = ", ".join(sorted({c.stage for c in changes}))
        badges = f'<span class="badges" title="{_e(title)}">✎ {_e(stages)}</span>'
    return (f'{tag}<div class="{" ".join(classes)}" id="L{number}">'
            f'<a class="no" href="#L{number}">{number}</a><span class="src">{_e(src)}{join}</span>{badges}</div>')


def changes_html(page: Page) -> str:
    rows = "".join(
        f'<tr><td>{_e(c.stage)}</td><td class="num">'
        f'{f"<a href=#L{c.line}>{c.line}</a>" if c.line else "page"}</td>'
        f'<td class="txt">{_e(c.before)}</td><td class="txt">{_e(c.after)}</td><td>{_e(c.why)}</td></tr>'
        for c in page.changes)
    return (f'<section class="changes" id="changes"><h2>Changes logged by the stages ({len(page.changes)})</h2>'
            f'<table><thead><tr><th>stage</th><th>line</th><th>before</th><th>after</th><th>why</th></tr></thead>'
            f'<tbody>{rows}</tbody></table></section>')


# ------------------------------------------------------------------ pages

def _document(title: str, body: str, lang: str = "zh", body_class: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{_e(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<link rel="icon" href="data:,"><title>{_e(title)}</title>'
            f'<style>{_asset("review_style.css")}</style></head>'
            f'<body class="{body_class}">{body}<script>{_asset("review_script.js")}</script></body></html>\n')


def _counts_html(c: Counts) -> str:
    items = [(c.articles, "articles", False),
             (c.corrections, f"corrections ({c.sic} doubled glyphs, {c.orig} regularised)", False),
             (c.joined, "lines joined", False), (c.unclassified, "unclassified", c.unclassified > 0),
             (c.warnings, "warnings", c.warnings > 0), (c.changes, "changes logged", False)]
    return '<ul class="counts">' + "".join(
        f'<li{" class=bad" if bad else ""}><b>{n}</b>{_e(label)}</li>' for n, label, bad in items) + "</ul>"


LEGEND = ('<div class="legend">'
          '<span><span class="fix sic"><del>格局格局</del><ins>格局</ins></span> doubled glyphs removed</span>'
          '<span><span class="fix orig"><del>,</del><ins>，</ins></span> regularised</span>'
          '<span><span class="joinmark">⏎</span> line joined to the next</span>'
          '<span><span class="sample unclassified">red</span> unclassified</span>'
          '<span><span class="name person" data-role="role">name</span> person</span>'
          '<span><span class="name org" data-role="org">name</span> organisation</span></div>')


def page_html(doc: Document, name: str, index_href: str = "index.html") -> str:
    """The review page of one converted page."""
    page = doc.page
    pub = page.publication
    facts = [f"source {name}", f"encoding {page.encoding or '?'}", f"script {page.script}"]
    facts += [f"{k} {v}" for k, v in (("issue", pub.issue), ("page", pub.page), ("pages", pub.pages),
                                      ("CN", pub.idno), ("publisher", pub.publisher)) if v]
    warnings = "".join(f"<li>{_e(w)}</li>" for w in page.warnings)
    header = (f'<header class="top"><nav><a href="{_e(index_href)}">← all pages</a></nav>'
              f'<h1>{_e(document_title(page))}</h1><p class="meta">{_e(" · ".join(facts))}</p>'
              f'{_counts_html(page_counts(page))}'
              f'{f"<ul class=warnings>{warnings}</ul>" if warnings else ""}'
              '<div class="controls">'
              '<label><input type="checkbox" data-toggle="no-printed" checked> show printed originals</label>'
              '<label><input type="checkbox" data-toggle="no-raw" checked> show raw text</label>'
              '<a href="#changes">changes table</a></div>'
              f'{LEGEND}</header>')
    result = outline_html(page) + "".join(body_item_html(item) for item in page.body)
    main = (f'<main class="cols"><section class="col raw"><h2>Raw text</h2>{raw_html(page)}</section>'
            f'<section class="col result"><h2>Result</h2>{result}</section></main>')
    return _document(f"Review: {name}", header + main + changes_html(page), page.script)


Outcome = Union[Document, str]   # a converted page, or why it failed


def index_html(entries: list[tuple[str, str, Outcome]]) -> str:
    """The batch: (name, href, outcome) rows with counts, failures listed apart."""
    total = Counts()
    rows = []
    failures = []
    for name, href, outcome in entries:
        if isinstance(outcome, str):
            failures.append(f"<li><b>{_e(name)}</b>: {_e(outcome)}</li>")
            rows.append(f'<tr class="fail"><td>{_e(name)}</td><td colspan="6">failed: {_e(outcome)}</td></tr>')
            continue
        c = page_counts(outcome.page)
        total += c
        cells = (c.articles, c.corrections, c.joined, c.unclassified, c.warnings)
        rows.append(f'<tr><td><a href="{_e(href)}">{_e(name)}</a></td><td>{_e(document_title(outcome.page))}</td>'
                    + "".join(f'<td class="num">{n}</td>' for n in cells) + "</tr>")
    pages = len(entries) - len(failures)
    failed = f"<ul>{''.join(failures)}</ul>" if failures else "<p>none</p>"
    body = (f'<header class="top"><h1>Review of {len(entries)} pages</h1>'
            f'<p class="meta">{pages} converted, {len(failures)} failed</p>{_counts_html(total)}</header>'
            '<main><table><thead><tr><th>page</th><th>title</th><th>articles</th><th>corrections</th>'
            '<th>lines joined</th><th>unclassified</th><th>warnings</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>'
            f'<h2>Failures ({len(failures)})</h2>{failed}'
            '</main>')
    return _document("Review", body, body_class="index")


def review_files(results: list[tuple[Path, Outcome]]) -> dict[str, str]:
    """The review site as {relative path: HTML}: one page per converted input
    (its path relative to its root, with .html) and `index.html`.  `results`
    pairs each input's relative path with its Document, or with the error
    that stopped it."""
    files = {}
    entries = []
    for rel, outcome in results:
        href = rel.with_suffix(".html").as_posix()
        if not isinstance(outcome, str):
            to_index = os.path.relpath("index.html", start=Path(href).parent.as_posix())
            files[href] = page_html(outcome, rel.as_posix(), to_index)
        entries.append((rel.as_posix(), href, outcome))
    files["index.html"] = index_html(entries)
    return files
