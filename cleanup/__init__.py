"""cleanup: raw text of scanned Chinese newspaper pages to clean TEI articles.

    >>> import cleanup
    >>> doc = cleanup.convert(open("page.txt", "rb").read(), source="page.txt")
    >>> doc.to_tei()      # bytes of one TEI document
    >>> doc.to_record()   # the page as a gold-format record
"""
from cleanup.api import Document, convert
from cleanup.stages.decode import DecodeError
from cleanup.version import __version__

__all__ = ["Document", "DecodeError", "convert", "__version__"]
