"""One quality command: every gold file scored, per file, end to end.

    .venv/bin/python bench/quality.py              # writes bench/quality-results.md
    .venv/bin/python bench/quality.py --out -      # print only

Gold: ../shared/gold/targets (every target of three seeds), ../shared/gold/verdicts
(target → outcome → verdict for bundled report pairs) and bench/gold/verdicts (pairs
of the large corpus, with a frozen development / held-back split, bench/gold/README.md).

For each verdict file, both reports are read, the first one's targets extracted, the
second one's outcomes extracted, and every target judged, as the ledger does. Then per
file: target recall and precision (gold targets found, extracted targets matching a
gold one; matching as ../shared/tools/eval_targets.py), agreement on the found ones,
decided recall end to end (gold met/missed targets found *and* given the same verdict,
of all gold met/missed targets), met/missed claims that contradict the gold (of the
tool's met/missed claims on found targets) and met↔missed flips.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from tabulate import tabulate

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "bench" / "quality-results.md"
sys.path.insert(0, str(ROOT))

DEVELOPMENT = {"jilin-2009-to-2010", "shaanxi-2019-to-2020", "taiyuanshi-2014-to-2015",
               "huludaoshi-2020-to-2021", "yunfushi-2014-to-2015"}
HELD_BACK = {"liaoning-2010-to-2011", "haerbinshi-2007-to-2008", "yinchuanshi-2020-to-2021",
             "bayannaoershi-2015-to-2016", "xingtaishi-2025-to-2026"}


def _score_pair():
    """The shared scorer's matching rule, so our figures and its agree."""
    spec = importlib.util.spec_from_file_location("eval_targets", SHARED / "tools" / "eval_targets.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.score_pair


@dataclass
class Score:
    name: str
    group: str
    gold: int
    predicted: int
    found: int
    agree: int = 0
    decided_gold: int = 0
    decided_right: int = 0
    claims: int = 0
    contradicting: int = 0
    flips: int = 0


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one, greedy by overlap, as eval_targets.py."""
    score_pair = _score_pair()
    cands = sorted(((s, gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
                    if (s := score_pair(g, p)) > 0), reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def score(name: str, group: str, gold: list[dict], pred: list[dict]) -> Score:
    pairs = match(gold, pred)
    s = Score(name, group, len(gold), len(pred), len(pairs))
    decided = {"met", "missed"}
    s.decided_gold = sum(1 for g in gold if g.get("verdict") in decided)
    for gi, pi in pairs:
        g, p = gold[gi].get("verdict"), pred[pi].get("verdict")
        if g is None:
            continue
        s.agree += g == p
        s.decided_right += g in decided and g == p
        if p in decided:
            s.claims += 1
            s.contradicting += g != p
            s.flips += {g, p} == decided
    return s


def predicted_verdicts(plan_path: Path, followup_path: Path) -> list[dict]:
    from tracker.extract import extract_targets
    from tracker.judge import judge
    from tracker.outcomes import extract_outcomes
    from tracker.pipeline import read_report

    plan, followup = read_report(plan_path), read_report(followup_path)
    outcomes = extract_outcomes(followup)
    rows = []
    for t in extract_targets(plan):
        v = judge(t, followup, outcomes)
        rows.append({"line": t.line, "span": t.span, "kind": t.kind, "value": t.value, "unit": t.unit,
                     "verdict": v.verdict})
    return rows


def predicted_targets(path: Path) -> list[dict]:
    from tracker.extract import extract_targets
    from tracker.pipeline import read_report

    return [{"line": t.line, "span": t.span, "kind": t.kind, "value": t.value, "unit": t.unit}
            for t in extract_targets(read_report(path))]


def _rows(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _pair_paths(folder: Path, gold: list[dict]) -> tuple[Path, Path]:
    first = gold[0]
    return folder / first["target_doc"], folder / next(g["outcome_doc"] for g in gold if g.get("outcome_doc"))


def all_scores() -> list[Score]:
    scores = []
    for path in sorted((SHARED / "gold" / "targets").glob("*.jsonl")):
        scores.append(score(path.stem, "shared seeds (targets only)", _rows(path),
                            predicted_targets(ROOT / "seeds" / f"{path.stem}.txt")))
    for path in sorted((SHARED / "gold" / "verdicts").glob("*.jsonl")):
        gold = _rows(path)
        scores.append(score(path.stem, "shared pairs", gold,
                            predicted_verdicts(*_pair_paths(ROOT / "seeds" / "corpus", gold))))
    for path in sorted((ROOT / "bench" / "gold" / "verdicts").glob("*.jsonl")):
        gold = _rows(path)
        group = "ours, held back" if path.stem in HELD_BACK else "ours, development"
        scores.append(score(path.stem, group, gold,
                            predicted_verdicts(*_pair_paths(SHARED / "corpus" / "reports", gold))))
    return scores


def _f(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "—"


def table(scores: list[Score]) -> str:
    rows = [[s.name, s.group, s.gold, _f(s.found, s.gold), _f(s.found, s.predicted),
             _f(s.agree, s.found) if s.decided_gold or s.agree else "—",
             _f(s.decided_right, s.decided_gold), f"{s.contradicting}/{s.claims}" if s.claims else "—", s.flips]
            for s in scores]
    for group in dict.fromkeys(s.group for s in scores):
        mine = [s for s in scores if s.group == group]
        total = Score("**all**", group, *(sum(getattr(s, f) for s in mine) for f in
                                           ("gold", "predicted", "found")))
        for f in ("agree", "decided_gold", "decided_right", "claims", "contradicting", "flips"):
            setattr(total, f, sum(getattr(s, f) for s in mine))
        rows.append([total.name, group, total.gold, _f(total.found, total.gold), _f(total.found, total.predicted),
                     _f(total.agree, total.found) if total.decided_gold else "—",
                     _f(total.decided_right, total.decided_gold),
                     f"{total.contradicting}/{total.claims}" if total.claims else "—", total.flips])
    return tabulate(rows, headers=["gold file", "group", "gold targets", "recall (found)", "precision",
                                   "agreement", "decided recall", "contradicting claims", "flips"],
                    tablefmt="github")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(RESULTS), help="markdown file to write, or - for stdout only")
    args = parser.parse_args(argv)
    text = ("# Quality on every gold file\n\n`.venv/bin/python bench/quality.py`. Recall: gold targets found; "
            "precision: extracted targets that match a gold one (low where the gold lists only some targets); "
            "decided recall: gold met/missed targets found and judged the same, end to end; contradicting "
            "claims: the tool's met/missed on found targets where the gold says otherwise.\n\n"
            + table(all_scores()) + "\n")
    print(text)
    if args.out != "-":
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
