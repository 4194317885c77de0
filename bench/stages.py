"""Per-stage timing (not a test): CPU milliseconds per page for each stage.

    python bench/stages.py [-n 500] [--repeat 3] [--profile FILE]

Runs every page of seeds/*.txt and tests/unseen/*.txt, plus N pages made
like bench/throughput.py's, through the pipeline one stage at a time and
times each stage's `run` and the TEI writer with `time.process_time` (CPU
time: the figures hold when other work shares the machine).  Prints ms per
page per stage and pages per CPU-second; with --profile, also writes a
cProfile of the whole conversion to FILE and prints its top functions.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))   # after site-packages: an installed (compiled) build is the one measured

from bench.throughput import make_pages  # noqa: E402
from cleanup import pipeline  # noqa: E402
from cleanup.model import Options, Page  # noqa: E402
from cleanup.version import __version__  # noqa: E402
from tei.writer import to_bytes  # noqa: E402


def load_pages(n: int) -> list[tuple[str, bytes]]:
    """The real pages, then N made ones."""
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "unseen").glob("*.txt"))
    pages = [(f.name, f.read_bytes()) for f in files]
    pages += [(f"made{i:05d}.txt", raw) for i, raw in enumerate(make_pages(n))]
    return pages


def time_stages(pages: list[tuple[str, bytes]]) -> dict[str, float]:
    """CPU seconds spent in each stage (and the writer) over all pages."""
    spent = {stage.NAME: 0.0 for stage in pipeline.STAGES}
    spent["tei"] = 0.0
    clock = time.process_time
    for name, raw in pages:
        page = Page(source=name, options=Options(), raw=raw)
        for stage in pipeline.STAGES:
            t = clock()
            page = stage.run(page)
            spent[stage.NAME] += clock() - t
        t = clock()
        to_bytes(page, __version__)
        spent["tei"] += clock() - t
    return spent


def convert_all(pages: list[tuple[str, bytes]]) -> None:
    for name, raw in pages:
        to_bytes(pipeline.run(raw, name), __version__)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=500, help="made pages besides the real ones (default 500)")
    ap.add_argument("--repeat", type=int, default=3, help="runs; the fastest counts (default 3)")
    ap.add_argument("--profile", metavar="FILE", help="also profile one run into FILE")
    args = ap.parse_args()
    pages = load_pages(args.n)
    kb = sum(len(raw) for _, raw in pages) / len(pages) / 1000
    convert_all(pages[:20])  # warm up: data files, compiled patterns
    runs = [time_stages(pages) for _ in range(args.repeat)]
    best = {name: min(r[name] for r in runs) for name in runs[0]}
    total = sum(best.values())
    print(f"{len(pages)} pages, {kb:.1f} KB a page; CPU ms per page (best of {args.repeat}):")
    for name, seconds in best.items():
        print(f"  {name:10s} {1000 * seconds / len(pages):6.3f}")
    print(f"  {'total':10s} {1000 * total / len(pages):6.3f}  ({len(pages) / total:.0f} pages per CPU-second)")
    if args.profile:
        profiler = cProfile.Profile(time.process_time)
        profiler.runcall(convert_all, pages)
        profiler.dump_stats(args.profile)
        pstats.Stats(args.profile).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
