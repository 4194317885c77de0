"""Convert whole archives: find the pages, convert them in worker processes,
write every TEI file atomically, and keep a manifest of what is done, so that
a run killed at any moment resumes where it stopped with the same results.

The parts: `find_pages` (inputs to page files), `plan` (page files to tasks:
one page, or one issue), `process_chunk` (what a worker does: read, hash,
convert, write), `Manifest` (the SQLite record that drives resuming), and
`run_batch`, which ties them together with a runner (in-process, a process
pool, or a Dask cluster from `cleanup.cluster`).
"""
from __future__ import annotations

import gc
import glob
import hashlib
import itertools
import json
import os
import sqlite3
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Callable, Generator, Iterable, Iterator

import regex

from cleanup import issues, pipeline
from cleanup.files import write_atomically
from cleanup.model import Options, Page
from cleanup.version import __version__

PAGE_PATTERN = "*.txt"
HIDDEN = ".cleanup"                      # OUTDIR/.cleanup: manifest, lock, temporaries
MANIFEST_NAME = "manifest.sqlite"
COMMIT_EVERY = 1.0                       # seconds between manifest commits
IN_FLIGHT_PER_WORKER = 4                 # chunks queued per worker: memory stays flat
WORKER_DIED = "the process converting this page died (a crash in a compiled module, or killed for memory)"
SEPARATORS = regex.compile(r"[\\/]+")
DRIVE = regex.compile(r"^[A-Za-z]:$")


class BatchError(Exception):
    """A batch that cannot start (bad input, OUTDIR in use); exit code 2."""


# ------------------------------------------------------------- locations

def is_url(location: str) -> bool:
    """A fsspec URL (`s3://bucket/x`); `file://` URLs count as local paths."""
    return "://" in location and not location.startswith("file://")


def local_path(location: str) -> str:
    return os.path.abspath(location[len("file://"):] if location.startswith("file://") else location)


def _filesystem(url: str):
    try:
        import fsspec
    except ImportError:
        raise BatchError(f"{url}: URLs need fsspec: pip install 'cleanup-tei[dask]'") from None
    return fsspec.core.url_to_fs(url)


def safe_relative(rel: str) -> str | None:
    """The output name below OUTDIR for a page's path below its input root:
    `..`, `.`, drive letters and leading slashes dropped, so no input name can
    reach outside OUTDIR; None when nothing usable is left or the name would
    land in the hidden folder."""
    parts = [p for p in SEPARATORS.split(rel) if p not in ("", ".", "..")]
    if parts and DRIVE.match(parts[0]):
        parts = parts[1:]
    if not parts or parts[0] == HIDDEN:
        return None
    return "/".join(parts)


# ------------------------------------------------------------- discovery

@dataclass(frozen=True)
class Source:
    """A page file: where to read it, and its path below the input root."""

    location: str       # absolute path or URL
    rel: str            # posix path below the input root (mirrored under OUTDIR)
    root_name: str      # the input root folder's name (names an issue of the top folder)

    @property
    def name(self) -> str:
        return self.rel.rpartition("/")[2]

    @property
    def folder(self) -> str:
        return self.rel.rpartition("/")[0]


def find_pages(inputs: Iterable[str], skip: str | None = None) -> Iterator[Source]:
    """Page files in a stable order: a file stands for itself, a folder is
    searched recursively for *.txt, a glob is expanded, a URL is listed with
    fsspec.  Nothing below `skip` (the output folder) is taken."""
    for item in inputs:
        if is_url(item):
            yield from _find_remote(item)
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise BatchError(f"{item}: no file matches")
            root = _glob_root(item)
            for m in matches:
                if not _below(local_path(m), skip):
                    yield Source(local_path(m), os.path.relpath(m, root), _folder_name(root))
        elif os.path.isdir(local_path(item)):
            yield from _walk(local_path(item), skip)
        elif os.path.lexists(local_path(item)):
            path = local_path(item)
            yield Source(path, os.path.basename(path), _folder_name(os.path.dirname(path)))
        else:
            raise BatchError(f"{item}: no such file or folder")


def _walk(root: str, skip: str | None) -> Iterator[Source]:
    """Files (and folders) named *.txt below root, folder by folder, sorted;
    a folder named like a page is a page that will fail, not a silent gap."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not _below(os.path.join(folder, d), skip))
        for name in sorted(n for n in files + dirs if fnmatch(n, PAGE_PATTERN)):
            path = os.path.join(folder, name)
            yield Source(path, os.path.relpath(path, root).replace(os.sep, "/"), _folder_name(root))


def _find_remote(url: str) -> Iterator[Source]:
    fs, path = _filesystem(url)
    if glob.has_magic(path):
        root, found = _glob_root(path), sorted(fs.glob(path))
    elif fs.isdir(path):
        root, found = path, sorted(p for p in fs.find(path) if fnmatch(p.rpartition("/")[2], PAGE_PATTERN))
    elif fs.exists(path):
        root, found = path.rpartition("/")[0], [path]
    else:
        raise BatchError(f"{url}: no such file or folder")
    for p in found:
        yield Source(fs.unstrip_protocol(p), p[len(root):].lstrip("/"), _folder_name(root))


def _glob_root(pattern: str) -> str:
    """The folder part of a glob before its first wildcard."""
    parts = pattern.split("/")
    fixed = list(itertools.takewhile(lambda p: not glob.has_magic(p), parts[:-1]))
    return "/".join(fixed) or "."


def _folder_name(folder: str) -> str:
    return os.path.basename(os.path.abspath(folder).rstrip(os.sep)) or "issue"


def _below(path: str, folder: str | None) -> bool:
    return folder is not None and (path == folder or path.startswith(folder.rstrip(os.sep) + os.sep))


# ---------------------------------------------------------------- tasks

@dataclass(frozen=True)
class Task:
    """One output file to make: from one page, or from the pages of an issue."""

    pages: tuple[Source, ...]
    output: str | None               # posix path below OUTDIR; None: unusable name
    issue: bool = False
    numbers: tuple[str | None, ...] = ()   # page numbers file names carry (issues)
    known: str | None = None         # digest recorded when the output was made


def plan(sources: Iterable[Source], whole_issues: bool) -> Iterator[Task]:
    """Tasks in input order; with whole issues, the pages of each issue
    (see `cleanup.issues`) in page-number order."""
    if not whole_issues:
        for src in sources:
            rel = safe_relative(src.rel)
            yield Task((src,), rel and _xml_name(rel))
        return
    for _, folder in itertools.groupby(sources, key=lambda s: (s.root_name, s.folder)):
        grouped: dict[str, list[tuple[str | None, Source]]] = {}
        for src in folder:
            name, number = issues.issue_of(src.rel, src.root_name)
            grouped.setdefault(name, []).append((number, src))
        for name, members in grouped.items():
            members.sort(key=lambda m: (m[0] is None, int(m[0]) if m[0] else 0, m[1].rel))
            rel = safe_relative(name)
            yield Task(tuple(s for _, s in members), rel and rel + ".xml", True, tuple(n for n, _ in members))


def _xml_name(rel: str) -> str:
    folder, _, name = rel.rpartition("/")
    stem = name[:-len(".txt")] if name.lower().endswith(".txt") and len(name) > 4 else name
    return f"{folder}/{stem}.xml" if folder else f"{stem}.xml"


# --------------------------------------------------------------- workers

@dataclass(frozen=True)
class Context:
    """What every worker needs to know about the run (small; sent with each chunk)."""

    outdir: str             # absolute local path (real path) or URL
    version: str            # tool version with a fingerprint of its code
    options: Options = Options()
    force: bool = False

    @property
    def settings(self) -> str:
        return json.dumps({"encoding": self.options.encoding, "script": self.options.script}, sort_keys=True)

    @property
    def tmpdir(self) -> str:
        return os.path.join(self.outdir, HIDDEN, "tmp")


@dataclass
class PageOutcome:
    location: str
    sha256: str | None = None
    articles: int = 0
    warnings: int = 0
    error: str | None = None


@dataclass
class Outcome:
    """What became of one task: status "ok" (written), "current" (the output
    was already up to date) or "failed"."""

    task: Task
    status: str
    digest: str | None = None
    pages: list[PageOutcome] = field(default_factory=list)


def process_chunk(tasks: list[Task], ctx: Context) -> list[Outcome]:
    return [process(task, ctx) for task in tasks]


def process(task: Task, ctx: Context) -> Outcome:
    """Read, hash, convert and write one task; every error is caught and
    recorded, so one bad page never stops the batch."""
    outcomes = [PageOutcome(src.location) for src in task.pages]
    data = [_read(src, out) for src, out in zip(task.pages, outcomes)]
    digest = _digest(ctx, task, outcomes)
    if task.known == digest and _guard(None, output_exists, ctx, task.output):
        return Outcome(task, "current", digest, outcomes)
    numbers = task.numbers or (None,) * len(task.pages)
    converted = [(n, page) for n, src, out, blob in zip(numbers, task.pages, outcomes, data)
                 if blob is not None and (page := _convert(src, out, blob, ctx)) is not None]
    if not converted:
        _guard(None, remove_output, ctx, task.output)
        return Outcome(task, "failed", digest, outcomes)
    problem = PageOutcome(task.output or "")
    tei = _guard(problem, _render, task, converted)
    if tei is None or _guard(problem, write_output, ctx, task.output, tei) is None:
        for out in outcomes:
            out.error = out.error or problem.error
    return Outcome(task, "ok" if all(o.error is None for o in outcomes) else "failed", digest, outcomes)


def _read(src: Source, out: PageOutcome) -> bytes | None:
    blob = _guard(out, read_bytes, src.location)
    if blob is not None:
        out.sha256 = hashlib.sha256(blob).hexdigest()
    return blob


def _convert(src: Source, out: PageOutcome, blob: bytes, ctx: Context) -> Page | None:
    page = _guard(out, pipeline.run, blob, src.name, ctx.options)
    if page is not None:
        out.articles, out.warnings = sum(1 for _ in page.articles()), len(page.warnings)
    return page


def _guard(out: PageOutcome | None, fn: Callable, *args):
    """fn(*args), or None with the error noted on `out`."""
    try:
        return fn(*args)
    except Exception as e:  # noqa: BLE001 - any failure is the page's, recorded in the manifest
        if out is not None:
            out.error = _describe(e)
        return None


def _describe(e: Exception) -> str:
    if isinstance(e, OSError) and e.strerror:
        return f"cannot read or write: {e.strerror}"
    return str(e) or type(e).__name__


def _render(task: Task, converted: list[tuple[str | None, Page]]) -> bytes:
    from tei.writer import to_bytes

    if not task.issue:
        return to_bytes(converted[0][1], __version__)
    source = "; ".join(p.source or "" for _, p in converted)
    return to_bytes(issues.combine(converted, source), __version__)


def _digest(ctx: Context, task: Task, outcomes: list[PageOutcome]) -> str:
    """What the output depends on: tool, settings, mode, and each page's name and bytes."""
    h = hashlib.sha256(f"{ctx.version}\n{ctx.settings}\n{task.issue}\n".encode())
    for src, out in zip(task.pages, outcomes):
        h.update(f"{src.name}\n{out.sha256}\n".encode())
    return h.hexdigest()


def read_bytes(location: str) -> bytes:
    if is_url(location):
        fs, path = _filesystem(location)
        return fs.cat_file(path)
    with open(local_path(location), "rb") as f:
        return f.read()


def output_exists(ctx: Context, rel: str) -> bool:
    if is_url(ctx.outdir):
        fs, path = _filesystem(f"{ctx.outdir}/{rel}")
        return fs.exists(path)
    return os.path.isfile(os.path.join(ctx.outdir, *rel.split("/")))


def write_output(ctx: Context, rel: str, data: bytes) -> str:
    """Atomic: a temporary in OUTDIR/.cleanup/tmp renamed over the output
    (one write on an object store), so no half-written file is ever seen
    under an output name; refuses any path that resolves outside OUTDIR.
    Returns where the file went."""
    if is_url(ctx.outdir):
        url = f"{ctx.outdir}/{rel}"
        fs, path = _filesystem(url)
        fs.pipe_file(path, data)
        return url
    final = os.path.join(ctx.outdir, *rel.split("/"))
    folder = os.path.dirname(final)
    os.makedirs(folder, exist_ok=True)
    if not _below(os.path.realpath(folder), ctx.outdir) and os.path.realpath(folder) != ctx.outdir:
        raise ValueError(f"{rel}: would be written outside the output folder")
    write_atomically(final, data, ctx.tmpdir)
    return final


def remove_output(ctx: Context, rel: str) -> None:
    """A page that now fails leaves no stale TEI behind."""
    if output_exists(ctx, rel):
        if is_url(ctx.outdir):
            fs, path = _filesystem(f"{ctx.outdir}/{rel}")
            fs.rm_file(path)
        else:
            os.unlink(os.path.join(ctx.outdir, *rel.split("/")))


def tool_version() -> str:
    """The release plus a fingerprint of the code and word lists, so that
    any change to the converter makes earlier outputs out of date."""
    h = hashlib.sha256()
    for package in ("cleanup", "tei"):
        root = Path(__import__(package).__file__).parent
        for f in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".txt", ".rng")):
            h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"


# --------------------------------------------------------------- manifest

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    input    TEXT PRIMARY KEY,  -- the page file: absolute path or URL
    sha256   TEXT,              -- of its bytes
    output   TEXT,              -- the TEI file, below OUTDIR
    version  TEXT,              -- cleanup's version + code fingerprint
    settings TEXT,              -- conversion options (JSON)
    status   TEXT,              -- ok | failed | pending (claimed by a run that did not finish it)
    articles INTEGER,
    warnings INTEGER,
    error    TEXT,
    digest   TEXT,              -- hash of all the output depends on (resume check)
    run      INTEGER,           -- the last run that took this page
    updated  TEXT
);
CREATE INDEX IF NOT EXISTS pages_output ON pages(output);
CREATE INDEX IF NOT EXISTS pages_status ON pages(status);
CREATE TABLE IF NOT EXISTS runs (
    run INTEGER PRIMARY KEY, started TEXT, finished TEXT, version TEXT, settings TEXT,
    pages INTEGER, converted INTEGER, current INTEGER, failed INTEGER, articles INTEGER, warnings INTEGER
);
"""


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


class Manifest:
    """One row per page; only the main process writes it.  Rows are written
    after their output is in place and committed every second, so a killed
    run loses at most the record of outputs that the next run redoes."""

    def __init__(self, path: str):
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self.last_commit = time.monotonic()

    def start(self, ctx: Context) -> int:
        cur = self.db.execute("INSERT INTO runs (started, version, settings) VALUES (?, ?, ?)",
                              (_now(), ctx.version, ctx.settings))
        self.db.commit()
        return int(cur.lastrowid)

    def claim(self, task: Task, run: int, force: bool) -> tuple[Task | None, str | None]:
        """The task with the digest its output was made from (None when it
        must be made), or why it is not done: a page this run already took,
        or an output name another input of this run already has."""
        locations = [s.location for s in task.pages]
        marks = ",".join("?" * len(locations))
        rows = self.db.execute(f"SELECT input, output, status, digest, run FROM pages WHERE input IN ({marks})",
                               locations).fetchall()
        if any(r[4] == run for r in rows):
            return None, None
        taken = self.db.execute(f"SELECT input FROM pages WHERE output = ? AND run = ? AND input NOT IN ({marks})",
                                [task.output, run, *locations]).fetchone()
        if taken:
            return None, f"same output name {task.output} as {taken[0]}"
        digests = {r[3] for r in rows if r[1] == task.output and r[2] == "ok"}
        known = digests.pop() if len(rows) == len(locations) and len(digests) == 1 and not force else None
        self.db.executemany(
            "INSERT INTO pages (input, output, status, run, updated) VALUES (?, ?, 'pending', ?, ?) "
            "ON CONFLICT(input) DO UPDATE SET output = excluded.output, run = excluded.run",
            [(loc, task.output, run, _now()) for loc in locations])
        return Task(task.pages, task.output, task.issue, task.numbers, known), None

    def record(self, outcome: Outcome, ctx: Context, run: int) -> tuple[int, int]:
        """Write the rows of a finished task; the counts of articles and warnings."""
        if outcome.status == "current":
            marks = ",".join("?" * len(outcome.pages))
            self.db.execute(f"UPDATE pages SET run = ? WHERE input IN ({marks})",
                            [run, *(p.location for p in outcome.pages)])
            row = self.db.execute(f"SELECT SUM(articles), SUM(warnings) FROM pages WHERE input IN ({marks})",
                                  [p.location for p in outcome.pages]).fetchone()
            return row[0] or 0, row[1] or 0
        self.db.executemany(
            "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(p.location, p.sha256, outcome.task.output, ctx.version, ctx.settings,
              "failed" if p.error else "ok", p.articles, p.warnings, p.error,
              outcome.digest if outcome.status == "ok" else None, run, _now()) for p in outcome.pages])
        return sum(p.articles for p in outcome.pages), sum(p.warnings for p in outcome.pages)

    def commit_if_due(self) -> None:
        if time.monotonic() - self.last_commit >= COMMIT_EVERY:
            self.db.commit()
            self.last_commit = time.monotonic()

    def finish(self, run: int, summary: "Summary") -> None:
        self.db.execute("UPDATE runs SET finished = ?, pages = ?, converted = ?, current = ?, failed = ?, "
                        "articles = ?, warnings = ? WHERE run = ?",
                        (_now(), summary.pages, summary.converted, summary.current, summary.failed,
                         summary.articles, summary.warnings, run))
        self.db.commit()

    def close(self) -> None:
        self.db.commit()
        self.db.close()


# ---------------------------------------------------------------- runners

Runner = Callable[[Iterator[list[Task]], Context], Iterator[list[Outcome]]]


# A conversion makes many short-lived objects and hardly any cycles: the
# young generation collected every 10,000 allocations instead of 700 makes
# a batch about 4% faster (bench/throughput.py), at no cost in memory.
GC_THRESHOLDS = (10_000, 50, 100)


@contextmanager
def batch_gc() -> Iterator[None]:
    """The batch's collector settings while it runs, then the caller's."""
    before = gc.get_threshold()
    gc.freeze()         # what is loaded by now lives as long as the process
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def serial_runner(chunks: Iterator[list[Task]], ctx: Context) -> Iterator[list[Outcome]]:
    with batch_gc():
        for chunk in chunks:
            yield process_chunk(chunk, ctx)


def pool_runner(workers: int) -> Runner:
    """Worker processes with a bounded number of chunks in flight, results
    as they come: neither tasks nor results pile up in memory.  A worker
    that dies (a crash, the kernel's OOM killer) takes down the pool: the
    chunks in flight are redone one page at a time, each in a process of
    its own, so that the page that kills its process is recorded as failed
    and every other page is converted; then the batch goes on."""
    def run(chunks: Iterator[list[Task]], ctx: Context) -> Iterator[list[Outcome]]:
        pool = _pool(workers)
        in_flight: dict[Future, list[Task]] = {}
        try:
            for chunk in chunks:
                in_flight[pool.submit(process_chunk, chunk, ctx)] = chunk
                if len(in_flight) >= workers * IN_FLIGHT_PER_WORKER:
                    pool = yield from _harvest(pool, in_flight, ctx, workers)
            while in_flight:
                pool = yield from _harvest(pool, in_flight, ctx, workers)
        finally:
            pool.shutdown(cancel_futures=True)
    return run


def _pool(workers: int) -> ProcessPoolExecutor:
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                               initializer=_leave_with_parent, initargs=(os.getpid(),))


def _harvest(pool: ProcessPoolExecutor, in_flight: dict[Future, list[Task]], ctx: Context,
             workers: int) -> Generator[list[Outcome], None, ProcessPoolExecutor]:
    """Yield the results of the chunks done; after a worker died, redo the
    chunks the broken pool held, alone, and return a new pool."""
    done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
    lost: list[list[Task]] = []
    for future in done:
        chunk = in_flight.pop(future)
        try:
            yield future.result()
        except BrokenProcessPool:
            lost.append(chunk)
    if not lost:
        return pool
    lost += in_flight.values()
    in_flight.clear()
    pool.shutdown(cancel_futures=True)
    for chunk in lost:
        yield [_alone(task, ctx) for task in chunk]
    return _pool(workers)


def _alone(task: Task, ctx: Context) -> Outcome:
    """One task in a process of its own: the outcome, or a failure when the
    process dies."""
    with _pool(1) as solo:
        try:
            return solo.submit(process, task, ctx).result()
        except BrokenProcessPool:
            return Outcome(task, "failed", None, [PageOutcome(src.location, error=WORKER_DIED) for src in task.pages])


def _leave_with_parent(parent: int) -> None:
    """A worker whose batch was killed (kill -9 leaves it waiting forever)
    exits within a second instead of lingering.  Workers collect garbage as
    a batch does (`batch_gc`) for their whole life."""
    import threading

    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def chunked(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    while chunk := list(itertools.islice(tasks, size)):
        yield chunk


# ----------------------------------------------------------------- the run

@dataclass
class Summary:
    pages: int = 0
    converted: int = 0
    current: int = 0
    failed: int = 0
    articles: int = 0
    warnings: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        rate = f", {self.pages / self.seconds:.0f} pages/s" if self.seconds else ""
        return (f"{self.pages} pages: {self.converted} converted, {self.current} already current, "
                f"{self.failed} failed; {self.articles} articles, {self.warnings} warnings; "
                f"{self.seconds:.1f} s{rate}")


class Reporter:
    """Where progress and failures go; the CLI gives one that draws a bar."""

    def start(self, total: int) -> None: ...
    def advance(self, pages: int) -> None: ...
    def failure(self, location: str, error: str) -> None: ...
    def close(self) -> None: ...


@dataclass
class Outdir:
    """The output folder: a local folder (with the manifest, lock and
    temporaries in its hidden folder) or a URL (manifest given apart)."""

    location: str
    manifest: str

    @classmethod
    def open(cls, outdir: str, manifest: str | None) -> "Outdir":
        if is_url(outdir):
            if not manifest:
                raise BatchError(f"{outdir}: a remote output folder needs --manifest PATH (a local file)")
            return cls(outdir.rstrip("/"), os.path.abspath(manifest))
        root = os.path.realpath(local_path(outdir))
        if os.path.exists(root) and not os.path.isdir(root):
            raise BatchError(f"{outdir}: not a folder")
        os.makedirs(os.path.join(root, HIDDEN, "tmp"), exist_ok=True)
        return cls(root, os.path.abspath(manifest) if manifest else os.path.join(root, HIDDEN, MANIFEST_NAME))

    @contextmanager
    def locked(self) -> Iterator[None]:
        """One batch at a time per output folder; leftovers of a killed run
        are removed once the lock is ours."""
        os.makedirs(os.path.dirname(self.manifest), exist_ok=True)
        with open(self.manifest + ".lock", "a+b") as lock:
            try:
                import fcntl

                fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a POSIX lock: workers do not inherit it
            except ImportError:
                pass
            except OSError:
                raise BatchError(f"{self.location}: another `cleanup batch` is writing there") from None
            self._clear_temporaries()
            yield
            self._clear_temporaries()
            if not is_url(self.location):
                os.rmdir(os.path.join(self.location, HIDDEN, "tmp"))

    def _clear_temporaries(self) -> None:
        if is_url(self.location):
            return
        tmp = os.path.join(self.location, HIDDEN, "tmp")
        os.makedirs(tmp, exist_ok=True)
        for name in os.listdir(tmp):
            os.unlink(os.path.join(tmp, name))


def run_batch(inputs: Iterable[str], outdir: str, *, options: Options = Options(), whole_issues: bool = False,
              force: bool = False, manifest: str | None = None, runner: Runner = serial_runner,
              workers: int = 1, reporter: Reporter | None = None) -> Summary:
    """Convert every page of `inputs` into `outdir`; see the module doc."""
    inputs = list(inputs)
    reporter = reporter or Reporter()
    skip = None if is_url(outdir) else os.path.realpath(local_path(outdir))
    total = sum(1 for _ in find_pages(inputs, skip))
    out = Outdir.open(outdir, manifest)
    ctx = Context(out.location, tool_version(), options, force)
    summary, started = Summary(), time.perf_counter()
    with out.locked():
        book = Manifest(out.manifest)
        try:
            run = book.start(ctx)
            reporter.start(total)

            def settle(outcome: Outcome) -> None:
                articles, warnings = book.record(outcome, ctx, run)
                summary.pages += len(outcome.pages)
                summary.articles += articles
                summary.warnings += warnings
                for p in outcome.pages:
                    if p.error:
                        summary.failed += 1
                        reporter.failure(p.location, p.error)
                    elif outcome.status == "current":
                        summary.current += 1
                    else:
                        summary.converted += 1
                reporter.advance(len(outcome.pages))
                book.commit_if_due()

            def claimed() -> Iterator[Task]:
                for task in plan(find_pages(inputs, skip), whole_issues):
                    ready, problem = book.claim(task, run, force) if task.output else (None, "unusable file name")
                    if ready is not None:
                        yield ready
                    elif problem:
                        settle(Outcome(task, "failed", None,
                                       [PageOutcome(s.location, error=problem) for s in task.pages]))
                    else:
                        reporter.advance(len(task.pages))   # listed twice: done once

            size = 1 if whole_issues else max(1, min(32, total // (workers * 16)))
            for outcomes in runner(chunked(claimed(), size), ctx):
                for outcome in outcomes:
                    settle(outcome)
            summary.seconds = time.perf_counter() - started
            book.finish(run, summary)
        finally:
            reporter.close()
            book.close()
    return summary


class ConsoleReporter(Reporter):
    """Progress on standard error: a bar with pages/s and time left on a
    terminal, else a plain line every `every` seconds; nothing when quiet.
    Failures are always told, one line each."""

    def __init__(self, stream, quiet: bool = False, every: float = 10.0):
        self.stream, self.quiet, self.every = stream, quiet, every
        self.bar = None
        self.done = self.total = 0
        self.started = self.last = time.monotonic()

    def start(self, total: int) -> None:
        self.total = total
        self.started = self.last = time.monotonic()
        if not self.quiet and self.stream.isatty():
            import tqdm

            tqdm.tqdm.monitor_interval = 0   # no helper thread: worker processes fork cleanly
            self.bar = tqdm.tqdm(total=total, unit="page", file=self.stream, dynamic_ncols=True, smoothing=0.05)

    def advance(self, pages: int) -> None:
        self.done += pages
        if self.bar is not None:
            self.bar.update(pages)
        elif not self.quiet and time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            self._say(self.line())

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        left = f", about {_clock((self.total - self.done) / rate)} left" if rate else ""
        share = f" ({100 * self.done / self.total:.0f}%)" if self.total else ""
        return f"cleanup: {self.done}/{self.total} pages{share}, {rate:.0f} pages/s{left}"

    def failure(self, location: str, error: str) -> None:
        self._say(f"cleanup: error: {location}: {error}")

    def _say(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
