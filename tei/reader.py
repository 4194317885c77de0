"""Read a TEI document of this profile back into the data model.

`read(path)` returns the `Page` the converter would have made (its body,
publication facts, stage settings and script); writing what was read gives
the same document.  Parsing is safe: no external entities, no network.
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from cleanup.model import (Article, Choice, Date, Division, Figure, Masthead, Name, Note, Page,
                           PageBreak, PageRef, Para, Publication, Section, Segment, Subsection, Teasers, Text)
from tei.writer import TEI_NS, XML_NS

NS = {"t": TEI_NS}
PARA_TAGS = ("p", "ab", "byline", "dateline", "fw", "item")
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _chars(s: str | None) -> str:
    """Character data as the converter made it: the writer's pretty-printing
    indents elements that hold only elements, and that layout (white space
    with a newline; page text never holds one, a line break is <lb/>) is
    not text."""
    return "" if not s or (not s.strip() and "\n" in s) else s


def _segments(child: etree._Element) -> list[Segment]:
    """One child of mixed content, without its tail: choice -> Choice,
    lb -> newline, anything else -> its text."""
    name = _local(child)
    if name == "choice":
        parts = {_local(c): read_text(c).plain for c in child}
        if "sic" in parts:
            return [Choice(parts["sic"], parts.get("corr", ""), "sic", "")]
        return [Choice(parts.get("orig", ""), parts.get("reg", ""), "orig", "")]
    if name == "lb":
        return ["\n"]
    return list(read_text(child).segments)


def read_text(el: etree._Element) -> Text:
    """The mixed content of `el` as Text."""
    segments: list[Segment] = [_chars(el.text)]
    for child in el:
        segments += _segments(child) + [_chars(child.tail)]
    return Text(segments)


INLINE = {
    "persName": lambda c: Name(read_text(c), c.get("role")),
    "orgName": lambda c: Name(read_text(c), org=True),
    "date": lambda c: Date(read_text(c), c.get("when", "")),
    "ref": lambda c: PageRef(read_text(c), c.get("n", "")),
}


def read_para(el: etree._Element) -> Para:
    """Mixed content with names, dates and page pointers as model parts;
    neighbouring plain texts merge into one part, as the converter makes them."""
    parts: list = []
    pending: list[Segment] = [_chars(el.text)]
    for child in el:
        inline = INLINE.get(_local(child))
        if inline is None:
            pending += _segments(child)
        else:
            if Text(pending):
                parts.append(Text(pending))
            parts.append(inline(child))
            pending = []
        pending.append(_chars(child.tail))
    if Text(pending):
        parts.append(Text(pending))
    return Para(_local(el), parts)


def read_figure(el: etree._Element) -> Figure:
    fig = Figure()
    for child in el:
        name = _local(child)
        if name == "head":
            fig.head = read_text(child)
        elif name == "byline":
            fig.credits.append(read_para(child))
        elif name in PARA_TAGS:
            fig.paras.append(read_para(child))
    return fig


def read_item(el: etree._Element):
    name = _local(el)
    if name == "figure":
        return read_figure(el)
    if name == "note":
        return Note(read_text(el), el.get("subtype", ""), el.get("n", ""))
    if name == "pb":
        return PageBreak(el.get("n", ""))
    return read_para(el)


def read_article(div: etree._Element) -> Article:
    art = Article(div.get(f"{{{XML_NS}}}id", ""))
    flow: list = []
    for child in div:
        name = _local(child)
        if name == "head":
            kind = child.get("type")
            if kind == "kicker":
                art.kicker = read_text(child)
            elif kind == "sub":
                art.subtitles.append(read_text(child))
            else:
                art.title = read_text(child)
        elif name == "div":
            items = [read_item(c) for c in child if _local(c) != "head"]
            head = child.find("t:head", NS)
            art.subsections.append(Subsection(read_text(head) if head is not None else Text(), items))
        elif art.subsections:
            art.closing.append(read_para(child))
        else:
            flow.append(read_item(child))
    edge = lambda x: isinstance(x, Para) and x.kind in ("byline", "dateline")  # noqa: E731
    start = 0
    while start < len(flow) and edge(flow[start]):
        start += 1
    end = len(flow)
    while end > start and edge(flow[end - 1]):
        end -= 1
    art.opening, art.items = flow[:start], flow[start:end]
    art.closing = flow[end:] + art.closing
    return art


def read_body(body: etree._Element) -> list:
    items: list = []
    for el in body:
        name, kind = _local(el), el.get("type")
        if name == "pb":
            items.append(PageBreak(el.get("n", "")))
        elif name == "fw":
            if not items or not isinstance(items[-1], Masthead):
                items.append(Masthead())
            items[-1].lines.append(read_para(el))
        elif name != "div":
            continue
        elif kind == "teasers":
            items.append(Teasers([read_para(i) for i in el.iterfind("t:list/t:item", NS)]))
        elif kind == "section":
            head = el.find("t:head", NS)
            members = [read_figure(c) if _local(c) == "figure" else read_article(c)
                       for c in el if _local(c) == "figure" or (_local(c) == "div" and c.get("type") == "article")]
            items.append(Section(read_text(head) if head is not None else Text(), members))
        elif kind == "article":
            items.append(read_article(el))
        elif kind == "figure":
            figure = el.find("t:figure", NS)
            items.append(read_figure(figure) if figure is not None else Figure())
        else:
            items.append(Division(kind or "unclassified", [read_para(c) for c in el if _local(c) in PARA_TAGS]))
    return items


def read_publication(bibl: etree._Element | None) -> tuple[Publication, str | None]:
    pub = Publication()
    if bibl is None:
        return pub, None
    text = lambda path: (lambda e: e.text if e is not None else None)(bibl.find(path, NS))  # noqa: E731
    pub.title = text("t:title[@level='j']")
    date = bibl.find("t:date", NS)
    if date is not None:
        pub.date, pub.date_text = date.get("when"), date.text
    for scope in bibl.iterfind("t:biblScope", NS):
        if scope.get("unit") == "issue":
            pub.issue, pub.issue_text = scope.get("n"), scope.text
        elif scope.get("unit") == "page":
            pub.page = scope.get("n")
    measure = bibl.find("t:extent/t:measure[@unit='pages']", NS)
    if measure is not None:
        pub.pages, pub.pages_text = int(measure.get("quantity")), measure.text
    pub.idno = text("t:idno")
    pub.publisher = text("t:publisher")
    return pub, text("t:note[@type='source']")


def from_element(root: etree._Element) -> Page:
    pub, source = read_publication(root.find("t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl", NS))
    page = Page(source=source, publication=pub, script=root.get(f"{{{XML_NS}}}lang", "zh-Hans"))
    for app in root.iterfind("t:teiHeader/t:encodingDesc/t:appInfo/t:application", NS):
        stage = app.get("ident", "").removeprefix("cleanup.")
        page.settings[stage] = dict(d.text.split("=", 1) for d in app.iterfind("t:desc", NS) if d.text and "=" in d.text)
    body = root.find("t:text/t:body", NS)
    page.body = read_body(body) if body is not None else []
    return page


def read(source: str | Path | bytes) -> Page:
    """A TEI file (path) or document (bytes) of this profile as a Page."""
    if isinstance(source, bytes):
        return from_element(etree.fromstring(source, PARSER))
    return from_element(etree.parse(str(source), PARSER).getroot())


def printed_text(source: str | Path | bytes | etree._Element) -> str:
    """The text of <text> as printed: originals (sic, orig) in place of
    their corrections.  What every character check compares with the page."""
    root = source if isinstance(source, etree._Element) else (
        etree.fromstring(source, PARSER) if isinstance(source, bytes) else etree.parse(str(source), PARSER).getroot())
    text = root.find(".//t:text", NS)
    if text is None:
        return ""
    parts: list[str] = []

    def walk(e: etree._Element) -> None:
        if _local(e) not in ("corr", "reg"):
            parts.append(e.text or "")
            for c in e:
                walk(c)
        if e is not text:
            parts.append(e.tail or "")

    walk(text)
    return "".join(parts)
