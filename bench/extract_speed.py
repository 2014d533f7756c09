#!/usr/bin/env python3
"""Throughput of target extraction (not reading/normalising) over the bundled reports.

usage: .venv/bin/python bench/extract_speed.py [ROUNDS]
Prints MB/s of paragraph text per core; the goal is >= 1 MB/s on a 50 KB report.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tracker.extract import extract_targets
from tracker.pipeline import read_report

ROOT = Path(__file__).resolve().parent.parent


def main(rounds: int = 5) -> None:
    reports = [read_report(p) for p in sorted((ROOT / "seeds").glob("**/*.txt"))]
    extract_targets(reports[0])  # compile the regexes once
    size = sum(len(p.text.encode("utf-8")) for r in reports for p in r.paragraphs)
    t0 = time.perf_counter()
    n = 0
    for _ in range(rounds):
        for r in reports:
            n += len(extract_targets(r))
    dt = time.perf_counter() - t0
    mb = size * rounds / 1e6
    print(f"{len(reports)} reports, {size / 1e3:.0f} KB of text x {rounds}: {dt:.2f}s, "
          f"{mb / dt:.2f} MB/s, {n // rounds} targets per round")
    big = max(reports, key=lambda r: sum(len(p.text) for p in r.paragraphs))
    kb = sum(len(p.text.encode("utf-8")) for p in big.paragraphs) / 1e3
    t0 = time.perf_counter()
    for _ in range(rounds):
        extract_targets(big)
    per = (time.perf_counter() - t0) / rounds
    print(f"largest: {big.name} {kb:.0f} KB in {per * 1000:.1f} ms = {kb / 1e3 / per:.2f} MB/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
