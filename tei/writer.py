"""Write a `Page` as one TEI document (see TEI-PROFILE.md), with lxml.

Deterministic: the same page gives the same bytes (no dates, no ids that
depend on anything but the page).
"""
from __future__ import annotations

from lxml import etree

from cleanup.model import (Article, Choice, Date, Division, Figure, Masthead, Name, Note, Page,
                           PageBreak, PageRef, Para, Publication, Section, Subsection, Teasers, Text)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
CHOICE_TAGS = {"sic": ("sic", "corr"), "orig": ("orig", "reg")}


_QNAMES: dict[str, str] = {}


def _qname(tag: str) -> str:
    q = _QNAMES.get(tag)
    if q is None:
        q = _QNAMES[tag] = f"{{{TEI_NS}}}{tag}"
    return q


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str | None) -> etree._Element:
    """A TEI child element; `xml__id` stands for xml:id, `type_` for type."""
    attrib = {(f"{{{XML_NS}}}id" if k == "xml__id" else k.rstrip("_")): v for k, v in attrs.items() if v is not None} \
        if attrs else None
    el = etree.SubElement(parent, _qname(tag), attrib)
    if text is not None:
        el.text = text
    return el


def _append_string(el: etree._Element, s: str) -> None:
    """Add character data at the end of `el`'s content; newlines become <lb/>."""
    if "\n" in s:
        for i, piece in enumerate(s.split("\n")):
            if i:
                etree.SubElement(el, _qname("lb"))
            if piece:
                _append_string(el, piece)
    elif s:
        if len(el):
            last = el[-1]
            last.tail = (last.tail or "") + s
        else:
            el.text = (el.text or "") + s


def write_text(el: etree._Element, text: Text) -> None:
    for seg in text.segments:
        if type(seg) is str:
            _append_string(el, seg)
        else:
            first, second = CHOICE_TAGS[seg.kind]
            choice = etree.SubElement(el, _qname("choice"))
            _append_string(etree.SubElement(choice, _qname(first)), seg.original)
            _append_string(etree.SubElement(choice, _qname(second)), seg.corrected)


def write_para(parent: etree._Element, para: Para) -> etree._Element:
    el = _el(parent, para.kind, **({"type": "masthead"} if para.kind == "fw" else {}))
    for part in para.parts:
        if isinstance(part, Text):
            write_text(el, part)
        elif isinstance(part, Name):
            if part.org:
                write_text(_el(el, "orgName"), part.text)
            else:
                write_text(_el(el, "persName", role=part.role), part.text)
        elif isinstance(part, Date):
            write_text(_el(el, "date", when=part.when), part.text)
        elif isinstance(part, PageRef):
            write_text(_el(el, "ref", type="page", n=part.n), part.text)
    return el


def write_head(parent: etree._Element, text: Text, type_: str | None = None) -> None:
    write_text(_el(parent, "head", type=type_), text)


def write_figure(parent: etree._Element, fig: Figure) -> None:
    el = _el(parent, "figure")
    if fig.head:
        write_head(el, fig.head)
    for para in fig.paras + fig.credits:
        write_para(el, para)


def write_note(parent: etree._Element, note: Note) -> None:
    write_text(_el(parent, "note", type="continuation", subtype=note.direction, n=note.page), note.text)


def write_items(parent: etree._Element, items: list) -> None:
    for item in items:
        if isinstance(item, Para):
            write_para(parent, item)
        elif isinstance(item, Figure):
            write_figure(parent, item)
        elif isinstance(item, Note):
            write_note(parent, item)
        elif isinstance(item, PageBreak):
            _el(parent, "pb", n=item.n)


def write_article(parent: etree._Element, art: Article) -> None:
    div = _el(parent, "div", type="article", **{"xml__id": art.id})
    if art.kicker:
        write_head(div, art.kicker, "kicker")
    if art.title:
        write_head(div, art.title, "main")
    for sub in art.subtitles:
        write_head(div, sub, "sub")
    write_items(div, art.opening)
    write_items(div, art.items)
    for sub in art.subsections:
        write_subsection(div, sub)
    write_items(div, art.closing)
    if len(div) == 0:
        _el(div, "ab")


def write_subsection(parent: etree._Element, sub: Subsection) -> None:
    div = _el(parent, "div", type="subsection")
    write_head(div, sub.head)
    write_items(div, sub.items)


def write_section(parent: etree._Element, section: Section) -> None:
    div = _el(parent, "div", type="section")
    write_head(div, section.head)
    # TEI allows no figure after a nested div: a section's own figures go first.
    for fig in (m for m in section.members if isinstance(m, Figure)):
        write_figure(div, fig)
    for art in (m for m in section.members if isinstance(m, Article)):
        write_article(div, art)
    if len(div) == 1:
        _el(div, "ab")


def write_body(body: etree._Element, page: Page) -> None:
    for item in page.body:
        if isinstance(item, Masthead):
            for line in item.lines:
                write_para(body, line)
        elif isinstance(item, Teasers):
            lst = _el(_el(body, "div", type="teasers"), "list")
            for it in item.items:
                write_para(lst, it)
        elif isinstance(item, Section):
            write_section(body, item)
        elif isinstance(item, Article):
            write_article(body, item)
        elif isinstance(item, Figure):
            write_figure(_el(body, "div", type="figure"), item)
        elif isinstance(item, Division):
            div = _el(body, "div", type=item.type)
            for para in item.paras:
                write_para(div, para)
            if not item.paras:
                _el(div, "ab")
        elif isinstance(item, PageBreak):
            _el(body, "pb", n=item.n)
    if not len(body):
        _el(_el(body, "div", type="unclassified"), "ab")


def write_bibl(parent: etree._Element, pub: Publication, source: str | None) -> None:
    bibl = _el(parent, "bibl", type="newspaper")
    if pub.title:
        _el(bibl, "title", pub.title, level="j")
    if pub.date:
        _el(bibl, "date", pub.date_text or pub.date, when=pub.date)
    if pub.issue:
        _el(bibl, "biblScope", pub.issue_text, unit="issue", n=pub.issue)
    if pub.page:
        _el(bibl, "biblScope", unit="page", n=pub.page)
    if pub.pages:
        _el(_el(bibl, "extent"), "measure", pub.pages_text or f"{pub.pages}版", unit="pages", quantity=str(pub.pages))
    if pub.idno:
        _el(bibl, "idno", pub.idno, type="CN")
    if pub.publisher:
        _el(bibl, "publisher", pub.publisher)
    if source:
        _el(bibl, "note", source, type="source")


def document_title(page: Page) -> str:
    pub = page.publication
    if pub.title or pub.date:
        return " ".join(x for x in (pub.title, pub.date) if x)
    return page.source or "untitled page"


def write_header(root: etree._Element, page: Page, version: str) -> None:
    header = _el(root, "teiHeader")
    file_desc = _el(header, "fileDesc")
    _el(_el(file_desc, "titleStmt"), "title", document_title(page))
    _el(_el(file_desc, "publicationStmt"), "p", f"Converted from raw page text by cleanup {version}.")
    write_bibl(_el(file_desc, "sourceDesc"), page.publication, page.source)
    app_info = _el(_el(header, "encodingDesc"), "appInfo")
    for stage, settings in page.settings.items():
        app = _el(app_info, "application", ident=f"cleanup.{stage}", version=version)
        _el(app, "label", stage)
        for key, value in settings.items():
            _el(app, "desc", f"{key}={value}")


def to_element(page: Page, version: str) -> etree._Element:
    root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
    root.set(f"{{{XML_NS}}}lang", page.script)
    write_header(root, page, version)
    write_body(_el(_el(root, "text"), "body"), page)
    return root


def to_bytes(page: Page, version: str) -> bytes:
    return etree.tostring(to_element(page, version), xml_declaration=True, encoding="UTF-8", pretty_print=True)
