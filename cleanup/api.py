"""The Python API: `convert` a page, get a `Document` back."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cleanup import pipeline
from cleanup.model import Options, Page
from cleanup.record import page_record, page_text
from cleanup.version import __version__


@dataclass
class Document:
    """A converted page: its model, and the views of it users ask for."""

    page: Page

    def to_tei(self) -> bytes:
        from tei.writer import to_bytes

        return to_bytes(self.page, __version__)

    def to_record(self) -> dict[str, Any]:
        return page_record(self.page)

    def to_text(self) -> str:
        return page_text(self.page)

    def explain(self) -> str:
        return pipeline.explain(self.page)


def convert(data: bytes | str, source: str | None = None, *, encoding: str | None = None,
            script: str | None = None) -> Document:
    """Convert one raw page (bytes of any supported encoding, or text).

    Raises `cleanup.DecodeError` when bytes are not text we can read.
    """
    return Document(pipeline.run(data, source, Options(encoding=encoding, script=script)))
