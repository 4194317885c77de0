"""Throughput benchmark (not a test): pages/s, MB/s and peak RSS.

    python bench/throughput.py [-n 10000] [--jobs 1 2] [--dir /dev/shm]

Builds N seed-sized pages by recombining and re-wrapping the lines of
seeds/*.txt (deterministically) in a temporary folder, converts them with
`cleanup batch`'s engine (reading, hashing, converting, atomic writes, the
manifest) with each number of worker processes, each run in a fresh process,
and prints the figures: pages/s, MB/s, and the peak RSS of the main process
and of the largest worker.  Pages per CPU-second is the per-core rate, which
holds even when other work shares the machine.  Run it with -n 1000 and -n 10000 to see that
memory does not grow with the batch.  It measures the installed build: the
compiled one after `pip install .`, pure Python after `pip install -e .`.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def make_pages(n: int, seed: int = 1) -> Iterator[bytes]:
    """N pages about the size of a seed page, from shuffled seed paragraphs
    re-wrapped at a random column width (one at a time: nothing piles up)."""
    rng = random.Random(seed)
    seeds = sorted(SEEDS.glob("*.txt"))
    paragraphs = [p for f in seeds for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    target = sum(f.stat().st_size for f in seeds) // len(seeds)
    for _ in range(n):
        width, out, size = rng.choice([12, 14, 17, 22, 200]), [], 0
        while size < target:
            text = rng.choice(paragraphs).replace("\n", "")
            block = "\n".join(text[i:i + width] for i in range(0, len(text), width))
            out.append(block)
            size += len(block.encode("utf-8"))
        yield "\n\n".join(out).encode("utf-8")


def write_pages(n: int, folder: Path) -> int:
    """The pages as files, 100 to a folder, as an archive would hold them; their bytes."""
    total = 0
    for i, page in enumerate(make_pages(n)):
        path = folder / f"{i // 100:04d}" / f"page{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page)
        total += len(page)
    return total


def measure(jobs: int, src: str, out: str) -> None:
    """One batch in this (fresh) process; prints its figures as JSON."""
    sys.path.append(str(ROOT))   # after site-packages: an installed (compiled) build is the one measured
    from cleanup.batch import pool_runner, run_batch, serial_runner

    cpu_before, main_before, start = _cpu(), _cpu(children=False), time.perf_counter()
    summary = run_batch([src], out, force=True, workers=jobs,
                        runner=serial_runner if jobs == 1 else pool_runner(jobs))
    seconds = time.perf_counter() - start
    print(json.dumps({
        "pages": summary.pages, "failed": summary.failed, "seconds": seconds,
        "cpu": _cpu() - cpu_before, "cpu_main": _cpu(children=False) - main_before,
        "rss_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))


def _cpu(children: bool = True) -> float:
    """CPU seconds of this process (and of its finished children)."""
    who = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) if children else (resource.RUSAGE_SELF,)
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, who))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=10_000, help="pages to convert (default 10000)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, os.cpu_count() or 1])
    ap.add_argument("--dir", default=None,
                    help="where to write the pages and their TEI (default: the system's temporary folder); "
                         "a tmpfs such as /dev/shm leaves out the disk's cost of creating files")
    ap.add_argument("--measure", nargs=3, metavar=("JOBS", "SRC", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        measure(int(args.measure[0]), args.measure[1], args.measure[2])
        return
    sys.path.append(str(ROOT))
    from cleanup.cli import build

    with tempfile.TemporaryDirectory(prefix="cleanup-bench-", dir=args.dir) as tmp:
        src = Path(tmp) / "in"
        mb = write_pages(args.n, src) / 1e6
        print(f"{args.n} pages, {mb:.1f} MB ({mb * 1e6 / args.n / 1000:.1f} KB a page); "
              f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
              f"{build()} build, files in {Path(tmp).parent}")
        for jobs in args.jobs:
            done = subprocess.run([sys.executable, __file__, "--measure", str(jobs), str(src), f"{tmp}/out"],
                                  capture_output=True, text=True, check=True)
            r = json.loads(done.stdout.splitlines()[-1])
            print(f"jobs={jobs}: {r['pages'] / r['seconds']:.0f} pages/s, {mb / r['seconds']:.2f} MB/s, "
                  f"{r['seconds']:.1f} s ({r['pages'] / r['cpu']:.0f} pages per CPU-second; main process "
                  f"{r['cpu_main']:.1f} CPU-s), {r['failed']} failed; "
                  f"peak RSS: main {r['rss_main']:.0f} MB, largest worker {r['rss_worker']:.0f} MB")


if __name__ == "__main__":
    main()
