"""Writing outputs safely: never a half-written file under an output name."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

# The permissions an ordinary file would get (mkstemp makes 0600 files).
_UMASK = os.umask(0)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK


def write_atomically(path: str | Path, data: bytes, tmpdir: str | Path | None = None) -> None:
    """Write `data` to a temporary file (in `tmpdir`, on the same file system,
    or beside `path`), then rename it over `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=tmpdir or path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
