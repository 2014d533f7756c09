"""Judge the targets of every gold pair and score the verdicts against the gold labels.

usage: .venv/bin/python bench/eval_verdicts.py [--show] [--gold-targets] [--out DIR] [PAIR ...]

For each pair in ../shared/gold/verdicts/ (e.g. hailar-2016-to-2017): read both reports
with read_report, extract the targets of the first (extract_targets), extract the
outcomes of the second, judge, write ledger-like JSONL rows to DIR/<pair>.jsonl
(default bench/out) and run ../shared/tools/eval_verdicts.py on them.

--gold-targets builds the targets from the gold rows instead of extract_targets, to
measure the judge on its own (extraction errors left out).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.judge import judge  # noqa: E402
from tracker.model import Report, Target, Verdict  # noqa: E402
from tracker.outcomes import extract_outcomes  # noqa: E402
from tracker.pipeline import read_report  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "verdicts"
SCORER = SHARED / "tools" / "eval_verdicts.py"
CORPUS = ROOT / "seeds" / "corpus"


def pair_files(pair: str) -> tuple[Path, Path]:
    """hailar-2016-to-2017 → hailar-2016-gwr.txt, hailar-2017-gwr.txt."""
    place, y0, _, y1 = pair.split("-")
    return CORPUS / f"{place}-{y0}-gwr.txt", CORPUS / f"{place}-{y1}-gwr.txt"


def gold_targets(pair: str, report: Report) -> list[Target]:
    rows = [json.loads(x) for x in (GOLD / f"{pair}.jsonl").read_text("utf-8").splitlines() if x.strip()]
    out = []
    for r in rows:
        quote = next((p.text for p in report.paragraphs if r["span"] in p.text), r["span"])
        out.append(Target(line=r["line"], span=r["span"], kind=r["kind"], indicator=r.get("indicator") or "",
                          comparator=r.get("comparator"), value=r.get("value"), unit=r.get("unit"),
                          target_year=r["target_year"], quote=quote))
    return out


def extracted_targets(report: Report) -> list[Target]:
    from tracker.extract import extract_targets

    return extract_targets(report)


def row(target: Target, v: Verdict, target_doc: str, outcome_doc: str) -> dict:
    o = v.outcome
    return {
        "target_doc": target_doc, "line": target.line, "span": target.span, "kind": target.kind,
        "indicator": target.indicator, "comparator": target.comparator, "value": target.value,
        "unit": target.unit, "target_year": target.target_year, "verdict": v.verdict,
        "reason_code": v.reason_code, "provisional": v.provisional, "reason": v.reason,
        "target_norm": v.target_norm, "outcome_norm": v.outcome_norm, "norm_unit": v.norm_unit,
        "outcome_doc": outcome_doc if o else None, "outcome_line": o.line if o else None,
        "outcome_span": o.span if o else None,
    }


def run_pair(pair: str, out_dir: Path, use_gold: bool, show: bool) -> str:
    first, second = pair_files(pair)
    plan, followup = read_report(first), read_report(second)
    targets = gold_targets(pair, plan) if use_gold else extracted_targets(plan)
    outcomes = extract_outcomes(followup)
    rows = [row(t, judge(t, followup, outcomes), plan.name, followup.name) for t in targets]
    out = out_dir / f"{pair}.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    args = [sys.executable, str(SCORER), str(GOLD / f"{pair}.jsonl"), str(out)] + (["--show"] if show else [])
    return subprocess.run(args, capture_output=True, text=True).stdout


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pairs", nargs="*")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--gold-targets", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "bench" / "out"))
    a = ap.parse_args(argv)
    out_dir = Path(a.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    pairs = a.pairs or sorted(p.stem for p in GOLD.glob("*.jsonl"))
    totals = {"gold": 0, "found": 0, "agree": 0.0, "flips": 0}
    for pair in pairs:
        print(f"== {pair}")
        out = run_pair(pair, out_dir, a.gold_targets, a.show)
        print(out, end="")
        _add(totals, out)
    n, f = totals["gold"], totals["found"]
    print(f"TOTAL gold={n} found={f} coverage={f / n if n else 0:.3f} "
          f"agreement={totals['agree'] / f if f else 0:.3f} flips={totals['flips']}")


def _add(totals: dict, scorer_output: str) -> None:
    """Sum the scorer's summary line into totals (agreement weighted by targets found)."""
    line = next((x for x in scorer_output.splitlines() if x.startswith("gold=")), "")
    fields = dict(kv.split("=", 1) for kv in line.split()[:6] if "=" in kv)
    if not fields:
        return
    found = int(fields["found"])
    totals["gold"] += int(fields["gold"])
    totals["found"] += found
    totals["agree"] += float(fields["agreement"]) * found
    totals["flips"] += int(fields["flips"])


if __name__ == "__main__":
    main(sys.argv[1:])
