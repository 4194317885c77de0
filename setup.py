"""Build: an installed copy compiles the modules every page runs through with
mypyc (mypy is a build requirement), which makes a conversion about a third
cheaper; an editable (development) install keeps them pure Python, so that an
edited module is the one that runs.

    pip install .                      # compiled where a C compiler is at hand
    pip install -e .                   # pure Python, for development
    CLEANUP_PURE=1 pip install .       # pure Python

A module that runs compiled is a shared library: `cleanup.model.__file__`
ends in .so (`cleanup --version` says which build runs).  Where the C
compiler fails, the build warns and the modules stay pure Python.
"""
from __future__ import annotations

import os
import sys

from setuptools import Extension, setup

# The modules a page goes through, hottest first (see bench/stages.py).
COMPILED = [
    "cleanup/model.py",
    "cleanup/stages/lines.py",
    "cleanup/stages/zones.py",
    "cleanup/stages/articles.py",
    "cleanup/people.py",
    "cleanup/stages/normalise.py",
    "cleanup/stages/decode.py",
    "cleanup/stages/glyphs.py",
    "cleanup/publication.py",
    "cleanup/scripts.py",
    "cleanup/textformat.py",
    "tei/writer.py",
]


def compiled_extensions() -> list[Extension]:
    """The mypyc extensions, or none (pure Python): when asked, for an
    editable install, or when mypyc is missing."""
    if os.environ.get("CLEANUP_PURE", "") not in ("", "0") or "editable_wheel" in sys.argv:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    extensions = mypycify(COMPILED, opt_level="3")
    for ext in extensions:
        ext.optional = True  # no C compiler: warn and stay pure Python
    return extensions


setup(ext_modules=compiled_extensions())
