#!/usr/bin/env python3
"""Run target extraction on the gold seeds and print the scorer's line for each.

usage: .venv/bin/python bench/eval_targets.py [--show] [--out DIR] [SEED_PREFIX ...]
Writes predictions as JSONL (line, span, kind, indicator, comparator, value, unit,
target_year, horizon) to DIR (default /tmp/tracker-pred) and runs
../shared/tools/eval_targets.py GOLD PRED on each.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "targets"
SCORER = ROOT.parent / "shared" / "tools" / "eval_targets.py"
KEYS = ("line", "span", "kind", "indicator", "comparator", "value", "unit", "target_year", "horizon")


def predictions(path: Path) -> list[dict]:
    from tracker.extract import extract_targets
    from tracker.pipeline import read_report

    return [{k: getattr(t, k) for k in KEYS} for t in extract_targets(read_report(path))]


def main(argv: list[str]) -> None:
    show = "--show" in argv
    out_dir = Path(argv[argv.index("--out") + 1]) if "--out" in argv else Path("/tmp/tracker-pred")
    wanted = [a for a in argv if not a.startswith("--") and a != str(out_dir)]
    out_dir.mkdir(parents=True, exist_ok=True)
    for gold in sorted(GOLD.glob("*.jsonl")):
        if wanted and not any(gold.name.startswith(w) for w in wanted):
            continue
        seed = ROOT / "seeds" / (gold.stem + ".txt")
        pred = out_dir / gold.name
        with open(pred, "w", encoding="utf-8") as fh:
            for row in predictions(seed):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        cmd = [sys.executable, str(SCORER), str(gold), str(pred)] + (["--show"] if show else [])
        res = subprocess.run(cmd, capture_output=True, text=True, check=True)
        print(f"== {gold.stem}")
        print(res.stdout, end="")


if __name__ == "__main__":
    main(sys.argv[1:])
