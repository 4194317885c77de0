"""Exports for downstream tools: JSON Lines for search indexes (one article
a line, each carrying its page and publication) and Markdown for reading.
Plain text is `record.page_text`."""
from __future__ import annotations

import json
from typing import Any, Iterable

import regex

from cleanup.model import (Article, Division, Figure, Masthead, Note, Page, Para, Section, Teasers,
                           Text)
from cleanup.record import page_record
from tei.writer import document_title


# ------------------------------------------------------------------ jsonl

def article_rows(page: Page) -> list[dict[str, Any]]:
    """One self-contained record per article: where it comes from (source,
    page, publication), its gold-format fields, and its text for full-text
    search."""
    rec = page_record(page)
    rows = []
    for art, fields in zip(page.articles(), rec["articles"]):
        rows.append({
            "id": f"{page.source}#{art.id}" if page.source else art.id,
            "source": page.source,
            "page": page.publication.page,
            "publication": rec["publication"],
            **fields,
            "text": "\n".join(x if isinstance(x, str) else x["head"] for x in fields["body"]),
        })
    return rows


def jsonl(pages: Iterable[Page]) -> str:
    """The articles of a page or a batch of pages, one JSON object a line."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for page in pages for row in article_rows(page))


# --------------------------------------------------------------- markdown

_SPECIAL = regex.compile(r"[\\`*_\[\]<>#|~]")
_LIST_MARK = regex.compile(r"^(\d*)([-+=.)])")   # would start a list or underline a heading


def _md(text: Text | str) -> str:
    """Text safe to put in a Markdown paragraph or heading: one line, no markup."""
    s = text if isinstance(text, str) else text.plain
    s = _SPECIAL.sub(r"\\\g<0>", " ".join(s.split("\n")).strip())
    return _LIST_MARK.sub(r"\1\\\2", s)


def _para(para: Para) -> str:
    s = _md(para.plain)
    return f"*{s}*" if para.kind in ("byline", "dateline") and s else s


def _items(items: list) -> list[str]:
    out = []
    for item in items:
        if isinstance(item, Para):
            out.append(_para(item))
        elif isinstance(item, Figure):
            out.append(_figure(item))
        elif isinstance(item, Note):
            out.append(f"*{_md(item.text)}*")
    return out


def _figure(fig: Figure) -> str:
    lines = ([f"**{_md(fig.head)}**"] if fig.head else []) + [_para(p) for p in fig.paras + fig.credits]
    return "\n>\n".join(f"> {line}" for line in lines if line) or "> (figure)"


def _article(art: Article) -> list[str]:
    out = [f"*{_md(art.kicker)}*"] if art.kicker else []
    out.append(f"### {_md(art.title)}" if art.title else "* * *")
    out += [f"**{_md(sub)}**" for sub in art.subtitles]
    out += _items(art.opening) + _items(art.items)
    for sub in art.subsections:
        out += [f"#### {_md(sub.head)}"] + _items(sub.items)
    return out + _items(art.closing)


def _body_item(item: Any) -> list[str]:
    if isinstance(item, Masthead):
        return ["\n".join(f"> {_md(p.plain)}  " for p in item.lines)]
    if isinstance(item, Teasers):
        return ["## Teasers", "\n".join(f"- {_md(p.plain)}" for p in item.items)]
    if isinstance(item, Section):
        return [f"## {_md(item.head)}"] + [b for m in item.members for b in _body_item(m)]
    if isinstance(item, Article):
        return _article(item)
    if isinstance(item, Figure):
        return [_figure(item)]
    if isinstance(item, Division):
        return [f"## {item.type.capitalize()}"] + [_para(p) for p in item.paras]
    return []


def markdown(page: Page) -> str:
    """The page as Markdown: sections `##`, article titles `###`, subheads
    `####`, kickers and bylines in italics, figures as quotes."""
    blocks = [f"# {_md(document_title(page))}"] + [b for item in page.body for b in _body_item(item)]
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"
