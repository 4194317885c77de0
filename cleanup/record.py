"""A page as a record in the gold format (`tests/gold/README.md`): what
`--format json` prints and what `cleanup eval` compares."""
from __future__ import annotations

from typing import Any

from cleanup import textformat
from cleanup.model import (Article, Division, Figure, Masthead, Name, Note, Page, Para, Section,
                           Teasers, Text)


def _persons(paras: list[Para]) -> list[list[str]]:
    return [[p.text.plain, p.role or ""] for para in paras for p in para.parts
            if isinstance(p, Name) and not p.org]


def _plain(text: Text | None) -> str | None:
    return text.plain.replace("\n", " ") if text else None


def figure_record(fig: Figure) -> dict[str, Any]:
    caption = "".join(x for x in [_plain(fig.head) or ""] + [p.plain for p in fig.paras])
    return {"caption": caption or None, "credits": _persons(fig.credits)}


def article_record(art: Article, section: Text | None) -> dict[str, Any]:
    body: list[Any] = []
    figures: list[dict[str, Any]] = []
    notes: dict[str, str | None] = {"to": None, "from": None}
    bylines = [para for para in art.opening + art.closing if para.kind == "byline"]
    groups = [(None, art.items)] + [(sub.head, sub.items) for sub in art.subsections]
    for head, items in groups:
        if head is not None:
            body.append({"head": _plain(head)})
        for item in items:
            if isinstance(item, Para) and item.kind in ("p", "ab"):
                body.append(item.plain)
            elif isinstance(item, Para) and item.kind == "byline":
                bylines.append(item)
            elif isinstance(item, Figure):
                figures.append(figure_record(item))
            elif isinstance(item, Note):
                notes[item.direction] = item.page
    datelines = [p.plain for p in art.opening + art.closing if p.kind == "dateline"]
    return {
        "section": _plain(section),
        "kicker": _plain(art.kicker),
        "title": _plain(art.title),
        "subtitles": [_plain(s) for s in art.subtitles],
        "dateline": datelines[0] if datelines else None,
        "bylines": _persons(bylines),
        "body": body,
        "continued_to": notes["to"],
        "continued_from": notes["from"],
        "closing": [p.plain for p in art.closing],
        "figures": figures,
    }


def page_record(page: Page) -> dict[str, Any]:
    pub = page.publication
    rec: dict[str, Any] = {
        "source": page.source,
        "publication": {"title": pub.title, "date": pub.date, "issue": pub.issue, "page": pub.page,
                        "pages": pub.pages, "idno": pub.idno},
        "articles": [], "teasers": [], "figures": [], "masthead": [], "other": [],
    }
    for item in page.body:
        members = item.members if isinstance(item, Section) else [item]
        section = item.head if isinstance(item, Section) else None
        for m in members:
            if isinstance(m, Article):
                rec["articles"].append(article_record(m, section))
            elif isinstance(m, Figure):
                rec["figures"].append(figure_record(m))
        if isinstance(item, Masthead):
            rec["masthead"].extend(line.plain for line in item.lines)
        elif isinstance(item, Teasers):
            for it in item.items:
                refs = [p.n for p in it.parts if hasattr(p, "n")]
                text = "".join(p.plain for p in it.parts if isinstance(p, Text)).strip()
                rec["teasers"].append({"text": text, "page": refs[0] if refs else None})
        elif isinstance(item, Division):
            rec["other"].extend(p.plain for p in item.paras)
    return rec


def _units(item: Any) -> list[tuple[bool, str]]:
    """The clean text of one body item, in reading order, one string per
    head, paragraph, byline or caption, each marked whether it is a head."""
    if isinstance(item, (Masthead, Teasers)):
        return [(False, p.plain) for p in (item.lines if isinstance(item, Masthead) else item.items)]
    if isinstance(item, Division):
        return [(False, p.plain) for p in item.paras]
    if isinstance(item, Note):
        return [(False, item.text.plain)]
    if isinstance(item, Para):
        return [(False, item.plain)]
    if isinstance(item, Figure):
        return ([(False, item.head.plain)] if item.head else []) + [(False, p.plain) for p in item.paras + item.credits]
    if isinstance(item, Section):
        return [(True, item.head.plain)] + [u for m in item.members for u in _units(m)]
    if isinstance(item, Article):
        heads = [(True, h.plain) for h in (item.kicker, item.title, *item.subtitles) if h]
        out = heads + [u for x in item.opening + item.items for u in _units(x)]
        for sub in item.subsections:
            out += [(True, sub.head.plain)] + [u for x in sub.items for u in _units(x)]
        return out + [u for x in item.closing for u in _units(x)]
    return []


def page_text(page: Page) -> str:
    """The page in the clean text format (`cleanup.textformat`)."""
    return textformat.render([u for item in page.body for u in _units(item)])
