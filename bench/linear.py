"""Linear-time check (not a test): seconds per MB for pages of 1, 5 and 20 MB,
and for one page that is a single line of a million characters.

    python bench/linear.py [--sizes 1 5 20]

Conversion time must grow linearly with page size: the seconds per MB of
the largest page should stay within 1.5x of the smallest.  The pages are
seed paragraphs repeated and re-wrapped, so every stage has real work.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import cleanup

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def page_of(megabytes: float) -> bytes:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    data = text.encode("utf-8")
    return (data * (int(megabytes * 1e6) // len(data) + 1))[: int(megabytes * 1e6)].rsplit(b"\n", 1)[0]


def one_line(chars: int) -> bytes:
    body = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))).replace("\n", "")
    return (body * (chars // len(body) + 1))[:chars].encode("utf-8")


def seconds(data: bytes) -> float:
    start = time.process_time()
    cleanup.convert(data).to_tei()
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20], help="page sizes in MB")
    args = ap.parse_args()
    cleanup.convert(page_of(0.05))  # load tables outside the timing
    rates = []
    for size in args.sizes:
        data = page_of(size)
        secs = seconds(data)
        rates.append(secs / (len(data) / 1e6))
        print(f"{len(data) / 1e6:6.1f} MB page: {secs:7.2f} s CPU, {rates[-1]:.3f} s/MB")
    data = one_line(1_000_000)
    secs = seconds(data)
    print(f"one line of 1,000,000 characters ({len(data) / 1e6:.1f} MB): {secs:.2f} s CPU, "
          f"{secs / (len(data) / 1e6):.3f} s/MB")
    spread = max(rates) / min(rates)
    print(f"s/MB spread across page sizes: {spread:.2f}x ({'linear' if spread <= 1.5 else 'NOT linear'}, limit 1.5x)")


if __name__ == "__main__":
    main()
