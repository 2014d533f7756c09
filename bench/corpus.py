"""The real world: the whole large corpus into a fresh ledger, and what came of it.

Ingests every report of ../shared/corpus/reports/ (main copies; the alt/ copies are
other shapes of the same reports) with --keep-going into a fresh SQLite ledger, then
prints: reports read and refused (by reason), jurisdiction and plan year checked
against SOURCES.tsv, targets, outcomes and verdicts by level and decade, wall time and
peak memory; then checks that each alt/ copy gives the same targets as its main copy.

    .venv/bin/python bench/corpus.py                  # writes bench/corpus-results.md
    .venv/bin/python bench/corpus.py --out -          # print only
    .venv/bin/python bench/corpus.py --limit 200      # a quick look at the first 200
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import re
import resource
import sys
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sqlalchemy import text
from tabulate import tabulate

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "reports"
RESULTS = ROOT / "bench" / "corpus-results.md"


def sources(corpus: Path) -> dict[str, dict[str, str]]:
    with open(corpus / "SOURCES.tsv", encoding="utf-8") as f:
        return {row["file"]: row for row in csv.DictReader(f, delimiter="\t")}


def decade(year: int) -> str:
    return f"{year // 10 * 10}s"


def reason_kind(reason: str) -> str:
    """The refusal's kind, without the file name and details: "no plan part found"."""
    reason = reason.split(": ", 1)[-1]
    return re.split(r"[（(;；]", reason)[0].strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", default=str(RESULTS), help="markdown file to write, or - for stdout only")
    parser.add_argument("--limit", type=int, default=None, help="only the first N main files")
    parser.add_argument("--db", default=None, help="ledger to fill (default: a fresh temporary SQLite file)")
    args = parser.parse_args(argv)

    import tracker
    from tracker.divisions import same_place

    table = sources(args.corpus)
    main_files = sorted(f for f in table if "/" not in f)[: args.limit]
    paths = [args.corpus / f for f in main_files]
    tmp = tempfile.TemporaryDirectory()
    db = args.db or os.path.join(tmp.name, "corpus.db")

    started = time.perf_counter()
    engine = tracker.open_engine(db)
    result = tracker.ingest(engine, paths, keep_going=True)
    wall = time.perf_counter() - started
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    size_mb = sum(p.stat().st_size for p in paths) / 1e6

    refused = {Path(path).name: reason for path, reason in result.refused}
    with engine.connect() as conn:
        docs = {row.name: row for row in conn.execute(text(
            "select id, name, jurisdiction, plan_year from document"))}
        targets = Counter(dict(conn.execute(text(
            "select document_id, count(*) from target group by document_id")).all()))
        outcomes = Counter(dict(conn.execute(text(
            "select document_id, count(*) from outcome group by document_id")).all()))
        verdicts: dict[int, Counter[str]] = defaultdict(Counter)
        for doc_id, verdict, n in conn.execute(text(
                "select t.document_id, v.verdict, count(*) from target t join verdict v on v.target_id = t.id "
                "group by t.document_id, v.verdict")):
            verdicts[doc_id][verdict] += n

    lines: list[str] = []
    say = lines.append
    say("# The large corpus, read and judged\n")
    say(f"`.venv/bin/python bench/corpus.py` on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, SQLite; {len(paths):,} main files ({size_mb:.1f} MB).\n")
    say(f"- Wall time (ingest, extract, judge): **{wall:.0f} s** ({wall / max(size_mb, 1e-9):.2f} s per MB, "
        f"{len(paths) / wall:.1f} reports/s)")
    say(f"- Peak memory: **{peak_self:.0f} MB** in the ingesting process, {peak_children:.0f} MB in the "
        "largest worker\n")

    say("## Reports read and refused\n")
    rows = []
    wrong: list[tuple[str, str, str]] = []
    for complete in ("True", "False"):
        names = [f for f in main_files if table[f]["complete"] == complete]
        read = [f for f in names if f in docs]
        place_ok = [f for f in read if same_place(docs[f].jurisdiction, table[f]["jurisdiction"])]
        year_ok = [f for f in read if docs[f].plan_year == int(table[f]["year"])]
        both = [f for f in place_ok if f in year_ok]
        rows.append([
            "complete" if complete == "True" else "incomplete", len(names), len(read),
            _pct(len(read), len(names)), _pct(len(place_ok), len(read)), _pct(len(year_ok), len(read)),
            _pct(len(both), len(read)), _pct(len(both), len(names)), sum(1 for f in names if f in refused),
        ])
        for f in read:
            if f not in both:
                doc = docs[f]
                wrong.append((f, f"{doc.jurisdiction} {doc.plan_year}",
                              f"{table[f]['jurisdiction']} {table[f]['year']}"))
    say(tabulate(rows, headers=["SOURCES.tsv says", "files", "read", "read %", "place as SOURCES",
                                "plan year as SOURCES", "both as SOURCES, of read", "read with both, of all",
                                "refused"],
                 tablefmt="github"))
    say("")
    say("Refusals by reason (every one is a one-line message naming the file):\n")
    by_reason = Counter((table[f]["complete"], reason_kind(r)) for f, r in refused.items())
    say(tabulate([[("complete" if c == "True" else "incomplete"), r, n] for (c, r), n in by_reason.most_common()],
                 headers=["SOURCES.tsv says", "reason", "files"], tablefmt="github"))
    say("")
    if refused:
        say("<details><summary>Every refused file</summary>\n")
        for f, r in sorted(refused.items()):
            say(f"- `{f}` ({'complete' if table[f]['complete'] == 'True' else 'incomplete'}): {r}")
        say("\n</details>\n")
    say(f"Read with a place or plan year other than SOURCES.tsv's: {len(wrong)}. SOURCES.tsv is a heuristic "
        "label made from file names and titles; each row below is worth reading against the report's own "
        "delivery line and headings (a title may name the year reviewed; a report delivered in December plans "
        "for the next year).\n")
    if wrong:
        say(tabulate(wrong, headers=["file", "tool says", "SOURCES.tsv says"], tablefmt="github"))
        say("")

    say("## Targets, outcomes and verdicts by level and decade\n")
    cells: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for f, doc in docs.items():
        key = (table[f]["level"], decade(int(table[f]["year"])))
        cell = cells[key]
        cell["reports"] += 1
        cell["targets"] += targets[doc.id]
        cell["outcomes"] += outcomes[doc.id]
        cell.update(verdicts[doc.id])
    order = ["met", "missed", "unclear", "pending"]
    body = []
    for (level, dec), c in sorted(cells.items()):
        decided = c["met"] + c["missed"]
        body.append([level, dec, c["reports"], c["targets"], c["outcomes"], *(c[v] for v in order),
                     _pct(c["met"], decided)])
    total = sum(cells.values(), Counter())
    body.append(["all", "", total["reports"], total["targets"], total["outcomes"], *(total[v] for v in order),
                 _pct(total["met"], total["met"] + total["missed"])])
    say(tabulate(body, headers=["level", "decade", "reports", "targets", "outcomes", *order, "met of decided"],
                 tablefmt="github"))
    say("")

    say("## Same report, another shape: alt/ copies\n")
    say(alt_check(args.corpus, table))
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out != "-":
        Path(args.out).write_text(report, encoding="utf-8")
    return 0


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "—"


def _target_keys(path: str) -> tuple[str, set[tuple]] | tuple[str, None]:
    from tracker.errors import TrackerError
    from tracker.extract import extract_targets
    from tracker.pipeline import read_report

    try:
        report = read_report(path)
    except TrackerError as exc:
        return str(exc), None
    # What a target says, whatever the line it stands on: kind, value, unit and words.
    return "", {(t.kind, t.value, t.unit, re.sub(r"\s", "", t.span)) for t in extract_targets(report)}


def alt_check(corpus: Path, table: dict[str, dict[str, str]]) -> str:
    """Targets of each alt/ copy against those of the main copy of the same report."""
    pairs = []
    for f in sorted(table):
        if not f.startswith("alt/"):
            continue
        key, year = re.match(r"alt/([a-z0-9]+)-(\d{4})-", f).groups()  # type: ignore[union-attr]
        main = f"{key}-{year}-gwr.txt"
        if main in table:
            pairs.append((f, main))
    files = [str(corpus / name) for pair in pairs for name in pair]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        keys = dict(zip(files, pool.map(_target_keys, files, chunksize=4)))
    rows = []
    same = []
    for alt, main in pairs:
        (alt_err, a), (main_err, m) = keys[str(corpus / alt)], keys[str(corpus / main)]
        if a is None or m is None:
            rows.append([alt, main, "refused: " + (alt_err or main_err).split(": ", 1)[-1][:60], "", ""])
            continue
        overlap = len(a & m) / len(a | m) if a | m else 1.0
        same.append(overlap)
        rows.append([alt, main, len(m), len(a), f"{overlap:.2f}"])
    head = (f"{len(pairs)} alt/ copies; mean overlap of targets (Jaccard on kind, value, unit and words) "
            f"{sum(same) / len(same):.2f} over the {len(same)} read.\n\n" if same else "")
    return head + tabulate(rows, headers=["alt copy", "main copy", "main targets", "alt targets", "overlap"],
                           tablefmt="github") + "\n"


if __name__ == "__main__":
    sys.exit(main())
