"""Write a `Page` as one TEI document (see TEI-PROFILE.md).

Deterministic: the same page gives the same bytes (no dates, no ids that
depend on anything but the page).

The document is built as a light tree of `_Element`s and written out here,
byte for byte as lxml's `tostring(pretty_print=True)` writes the same tree
(libxml2's layout: an element whose content holds character data is written
as is, with no white space added inside it; one with only child elements
puts each on a line of its own, indented two spaces a level).  Building
the tree with lxml cost a millisecond a page, a third of the time budget
of the whole conversion.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Union, cast

from cleanup.model import (Article, Choice, Date, Division, Figure, Masthead, Name, Note, Page,
                           PageBreak, PageRef, Para, Publication, Section, Subsection, Teasers, Text)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
CHOICE_TAGS = {"sic": ("sic", "corr"), "orig": ("orig", "reg")}
XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n"
# Characters XML 1.0 cannot carry are refused with lxml's message (lone
# surrogates fail when the document is encoded, as they do in lxml).  Control
# characters are found in the UTF-8 bytes: deleting every byte XML allows
# leaves them (a regex scan of the text costs five times more).  U+FFFE and
# U+FFFF are looked for in the text, where the search is eight times faster
# than for their three-byte UTF-8 forms.
XML_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in b"\t\n\r")
NOT_XML = ("\ufffe", "\uffff")
NOT_XML_MESSAGE = "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters"
MAX_INDENT_LEVELS = 30  # libxml2 indents at most 60 characters


class _Element:
    """A TEI element: its tag, its attributes as written in the start tag,
    and its content: strings (character data), elements and corrections
    (a `Choice` becomes a choice element when written).  `has_text` tells
    whether the content holds character data, which decides the layout."""

    __slots__ = ("tag", "attrs", "content", "has_text")

    def __init__(self, tag: str, attrs: str = ""):
        self.tag = tag
        self.attrs = attrs
        self.content: list[Union[str, _Element, Choice]] = []
        self.has_text = False


def _escape_text(s: str) -> str:
    """Character data as libxml2 writes it (most strings need nothing)."""
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    if "\r" in s:
        s = s.replace("\r", "&#13;")
    return s


def _escape_attr(s: str) -> str:
    """An attribute value as libxml2 writes it: white space other than the
    space kept as character references."""
    s = _escape_text(s)
    for char, ref in (('"', "&quot;"), ("\n", "&#10;"), ("\t", "&#9;")):
        if char in s:
            s = s.replace(char, ref)
    return s


def _el(parent: _Element, tag: str, text: str | None = None, **attrs: str | None) -> _Element:
    """A TEI child element; `xml__id` stands for xml:id, `type_` for type."""
    el = _Element(tag, _start_tag_attributes(tuple(attrs.items())) if attrs else "")
    parent.content.append(el)
    if text is not None:
        el.content.append(text)
        el.has_text = True
    return el


@lru_cache(maxsize=4096)
def _start_tag_attributes(attrs: tuple[tuple[str, str | None], ...]) -> str:
    """Attributes as written in a start tag (the same few repeat on every page)."""
    return "".join(f' {"xml:id" if k == "xml__id" else k.rstrip("_")}="{_escape_attr(v)}"'
                   for k, v in attrs if v is not None)


def _append_string(el: _Element, s: str) -> None:
    """Add character data at the end of `el`'s content; newlines become <lb/>."""
    if "\n" in s:
        for i, piece in enumerate(s.split("\n")):
            if i:
                el.content.append(_Element("lb"))
            if piece:
                el.content.append(piece)
                el.has_text = True
    elif s:
        el.content.append(s)
        el.has_text = True


def write_text(el: _Element, text: Text) -> None:
    for seg in text.segments:
        if type(seg) is str:
            _append_string(el, seg)
        else:
            el.content.append(seg)


def _choice_element(original: str, corrected: str, kind: str) -> _Element:
    first, second = CHOICE_TAGS[kind]
    choice = _Element("choice")
    for tag, s in ((first, original), (second, corrected)):
        child = _Element(tag)
        _append_string(child, s)
        choice.content.append(child)
    return choice


# ------------------------------------------------------------------ output

def _write_inline(el: _Element, out: list[str]) -> None:
    """`el` inside character data: no layout white space at any depth."""
    if not el.content:
        out.append(f"<{el.tag}{el.attrs}/>")
        return
    out.append(f"<{el.tag}{el.attrs}>")
    for node in el.content:
        if isinstance(node, str):
            out.append(_escape_text(node))
        elif isinstance(node, _Element):
            _write_inline(node, out)
        else:
            out.append(_inline_choice(node.original, node.corrected, node.kind))
    out.append(f"</{el.tag}>")


@lru_cache(maxsize=4096)
def _inline_choice(original: str, corrected: str, kind: str) -> str:
    """A correction written inline (pages repeat the same few corrections)."""
    out: list[str] = []
    _write_inline(_choice_element(original, corrected, kind), out)
    return "".join(out)


def _write_formatted(el: _Element, out: list[str], level: int) -> None:
    """`el` at `level` of the layout (its indent is already written)."""
    if el.has_text or not el.content:
        _write_inline(el, out)
        return
    out.append(f"<{el.tag}{el.attrs}>\n")
    indent = "  " * min(level + 1, MAX_INDENT_LEVELS)
    for node in cast("list[_Element | Choice]", el.content):  # no character data: has_text is False
        out.append(indent)
        if isinstance(node, Choice):
            node = _choice_element(node.original, node.corrected, node.kind)
        _write_formatted(node, out, level + 1)
        out.append("\n")
    out.append(f"{'  ' * min(level, MAX_INDENT_LEVELS)}</{el.tag}>")


def write_para(parent: _Element, para: Para) -> _Element:
    el = _Element(para.kind, ' type="masthead"' if para.kind == "fw" else "")
    parent.content.append(el)
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


def write_head(parent: _Element, text: Text, type_: str | None = None) -> None:
    write_text(_el(parent, "head", type=type_), text)


def write_figure(parent: _Element, fig: Figure) -> None:
    el = _el(parent, "figure")
    if fig.head:
        write_head(el, fig.head)
    for para in fig.paras + fig.credits:
        write_para(el, para)


def write_note(parent: _Element, note: Note) -> None:
    write_text(_el(parent, "note", type="continuation", subtype=note.direction, n=note.page), note.text)


def write_items(parent: _Element, items: list) -> None:
    for item in items:
        if isinstance(item, Para):
            write_para(parent, item)
        elif isinstance(item, Figure):
            write_figure(parent, item)
        elif isinstance(item, Note):
            write_note(parent, item)
        elif isinstance(item, PageBreak):
            _el(parent, "pb", n=item.n)


def write_article(parent: _Element, art: Article) -> None:
    div = _el(parent, "div", type="article", **{"xml__id": art.id})
    if art.kicker:
        write_head(div, art.kicker, "kicker")
    if art.title:
        write_head(div, art.title, "main")
    for subtitle in art.subtitles:
        write_head(div, subtitle, "sub")
    write_items(div, art.opening)
    write_items(div, art.items)
    for sub in art.subsections:
        write_subsection(div, sub)
    write_items(div, art.closing)
    if not div.content:
        _el(div, "ab")


def write_subsection(parent: _Element, sub: Subsection) -> None:
    div = _el(parent, "div", type="subsection")
    write_head(div, sub.head)
    write_items(div, sub.items)


def write_section(parent: _Element, section: Section) -> None:
    div = _el(parent, "div", type="section")
    write_head(div, section.head)
    # TEI allows no figure after a nested div: a section's own figures go first.
    for fig in (m for m in section.members if isinstance(m, Figure)):
        write_figure(div, fig)
    for art in (m for m in section.members if isinstance(m, Article)):
        write_article(div, art)
    if len(div.content) == 1:
        _el(div, "ab")


def write_body(body: _Element, page: Page) -> None:
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
    if not body.content:
        _el(_el(body, "div", type="unclassified"), "ab")


def write_bibl(parent: _Element, pub: Publication, source: str | None) -> None:
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


def write_header(root: _Element, page: Page, version: str) -> None:
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


def to_bytes(page: Page, version: str) -> bytes:
    root = _Element("TEI", f' xmlns="{TEI_NS}" xml:lang="{_escape_attr(page.script)}"')
    write_header(root, page, version)
    write_body(_el(_el(root, "text"), "body"), page)
    out = [XML_DECLARATION]
    _write_formatted(root, out, 0)
    out.append("\n")
    text = "".join(out)
    data = text.encode("utf-8")
    if data.translate(None, XML_BYTES) or any(c in text for c in NOT_XML):
        raise ValueError(NOT_XML_MESSAGE)
    return data
