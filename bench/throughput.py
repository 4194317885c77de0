"""Throughput benchmark (not a test): pages/s, MB/s and peak RSS.

    python bench/throughput.py [-n 10000] [--jobs 1 2]

Builds N seed-sized pages by recombining and re-wrapping the lines of
seeds/*.txt (deterministically), converts them to TEI with each number of
worker processes, and prints the figures.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import resource
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def make_pages(n: int, seed: int = 1) -> list[bytes]:
    """N pages about the size of a seed page, from shuffled seed paragraphs
    re-wrapped at a random column width."""
    rng = random.Random(seed)
    paragraphs = [p for f in sorted(SEEDS.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    target = sum(f.stat().st_size for f in SEEDS.glob("*.txt")) // len(list(SEEDS.glob("*.txt")))
    pages = []
    for _ in range(n):
        width, out, size = rng.choice([12, 14, 17, 22, 200]), [], 0
        while size < target:
            text = rng.choice(paragraphs).replace("\n", "")
            block = "\n".join(text[i:i + width] for i in range(0, len(text), width))
            out.append(block)
            size += len(block.encode("utf-8"))
        pages.append("\n\n".join(out).encode("utf-8"))
    return pages


def convert_one(data: bytes) -> int:
    import cleanup

    return len(cleanup.convert(data).to_tei())


def run(pages: list[bytes], jobs: int) -> float:
    start = time.perf_counter()
    if jobs == 1:
        for p in pages:
            convert_one(p)
    else:
        with mp.get_context("fork").Pool(jobs) as pool:
            for _ in pool.imap_unordered(convert_one, pages, chunksize=32):
                pass
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=10_000, help="pages to convert (default 10000)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, os.cpu_count() or 1])
    args = ap.parse_args()
    pages = make_pages(args.n)
    mb = sum(map(len, pages)) / 1e6
    convert_one(pages[0])  # load tables once, outside the timing
    print(f"{args.n} pages, {mb:.1f} MB ({mb * 1e6 / args.n / 1000:.1f} KB a page), {os.cpu_count()} cores")
    for jobs in args.jobs:
        secs = run(pages, jobs)
        print(f"jobs={jobs}: {args.n / secs:.0f} pages/s, {mb / secs:.2f} MB/s, {secs:.1f} s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: main {rss:.0f} MB, largest worker {child:.0f} MB")


if __name__ == "__main__":
    main()
