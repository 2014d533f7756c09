"""Every met/missed claim the tool makes on one report pair, with both quotes.

    .venv/bin/python bench/audit/claims.py NAME YEAR   # NAME-YEAR-gwr.txt → NAME-(YEAR+1)

Columns: claim id, verdict, plan line, target span, indicator, follow-up line, outcome
span, the tool's reason. The reader adds a label (right / wrong / doubtful) and why.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT.parent / "shared" / "corpus" / "reports"
sys.path.insert(0, str(ROOT))


def claims(name: str, year: int) -> list[list[str]]:
    from tracker.extract import extract_targets
    from tracker.judge import judge
    from tracker.outcomes import extract_outcomes
    from tracker.pipeline import read_report

    plan = read_report(REPORTS / f"{name}-{year}-gwr.txt")
    followup = read_report(REPORTS / f"{name}-{year + 1}-gwr.txt")
    if plan.jurisdiction != followup.jurisdiction:
        # The ledger pairs reports by the jurisdiction read from them, not by file name: a
        # file holding another place's report ("suqianshi-2015" is 宿州市's) follows up nothing.
        print(f"{name}: {year} is {plan.jurisdiction}, {year + 1} is {followup.jurisdiction}; not a pair",
              file=sys.stderr)
        return []
    outcomes = extract_outcomes(followup)
    rows = []
    for t in extract_targets(plan):
        v = judge(t, followup, outcomes)
        if v.verdict in ("met", "missed"):
            o = v.outcome
            rows.append([f"#{len(rows) + 1}", v.verdict, f"L{t.line}", t.span, t.indicator or "",
                         f"L{o.line}" if o else "", o.span if o else "", v.reason or ""])
    return rows


def main() -> None:
    name, year = sys.argv[1], int(sys.argv[2])
    for row in claims(name, year):
        print("\t".join(c.replace("\t", " ") for c in row))


if __name__ == "__main__":
    main()
