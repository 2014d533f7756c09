"""Throughput of ingest + extract + judge on 1, 100 and 1,000 reports.

The reports are the real bundled ones (seeds/ and seeds/corpus/) copied under
distinct invented jurisdictions (海拉尔区 → 测一区, …), so every copy is a new report
with its own follow-up chain and the ledger judges them like the originals. Each
run happens in a fresh process and a fresh ledger, so peak memory (ru_maxrss) is
that run's alone.

    .venv/bin/python bench/bench.py                      # 1, 100, 1000 on SQLite and PostgreSQL
    .venv/bin/python bench/bench.py --counts 1 100 --backends sqlite
    .venv/bin/python bench/bench.py --profile 100        # cProfile of one SQLite run

Writes bench/results.md unless --out - is given.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "seeds" / "corpus").glob("*.txt"))
EXTRACT_SAMPLE = ROOT / "seeds" / "001_89ca5d1321e099f2.txt"  # 50 KB, a long district report
DIGITS = "零一二三四五六七八九"
NATIONAL = "全国"
_CONGRESS = re.compile(r"第([一二三四五六七八九十]+)届全国人民代表大会")


# ---------------------------------------------------------------- the replicated corpus


def place_name(n: int) -> str:
    # Chinese numerals only: a jurisdiction is detected from Han characters.
    return "测" + "".join(DIGITS[int(d)] for d in str(n)) + "区"


def rename(text: str, old: str, new: str) -> str:
    """The report's text as if given by `new` instead of `old`."""
    if old != NATIONAL:
        return text.replace(old, new)
    # The national report names no place; make it a district congress's report.
    text = _CONGRESS.sub(lambda m: f"{new}第{m.group(1)}届人民代表大会", text)
    return text.replace("国务院总理", f"{new}区长")


def source_groups() -> list[tuple[str, list[tuple[Path, str]]]]:
    """The bundled reports grouped by jurisdiction, with their decoded text."""
    from tracker.pipeline import report_from_bytes
    from tracker.readers import decode_text

    groups: dict[str, list[tuple[Path, str]]] = {}
    for path in SOURCES:
        data = path.read_bytes()
        place = report_from_bytes(data, path.name).jurisdiction
        groups.setdefault(place, []).append((path, decode_text(data, path.name)[0]))
    return sorted(groups.items())


def make_corpus(count: int, folder: Path) -> list[Path]:
    """`count` report files: whole copies of the bundled set, each copy's groups renamed."""
    groups = source_groups()
    files: list[Path] = []
    copy = 0
    while len(files) < count:
        for old, members in groups:
            copy += 1
            new = place_name(copy)
            for path, text in members:
                out = folder / f"{copy:05d}-{path.name}"
                out.write_text(rename(text, old, new), encoding="utf-8")
                files.append(out)
    return files[:count]


def check_corpus(files: list[Path]) -> None:
    """Every copy must be detected as its new jurisdiction, or the bench is meaningless."""
    from tracker.pipeline import report_from_bytes

    for path in files[:16]:
        place = report_from_bytes(path.read_bytes(), path.name).jurisdiction
        if not place.startswith("测"):
            raise SystemExit(f"bench corpus: {path.name} detected as {place}, not renamed")


# ---------------------------------------------------------------- one run (in its own process)


@dataclass
class Run:
    backend: str
    reports: int
    megabytes: float
    seconds: float
    read_write_s: float  # reading and extracting (in worker processes for big batches) and writing
    judge_s: float
    targets: int
    verdicts: dict[str, int]
    peak_rss_mb: float  # the ingesting process
    workers_rss_mb: float  # the largest extraction worker, if any ran

    @property
    def reports_per_s(self) -> float:
        return self.reports / self.seconds

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds

    @property
    def ms_per_report(self) -> float:
        return 1000 * self.seconds / self.reports


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def _timed(module, name: str, totals: dict[str, float]) -> None:
    """Wrap module.name so the time spent in it adds up in totals[name]."""
    inner = getattr(module, name)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            totals[name] += time.perf_counter() - started

    setattr(module, name, wrapper)


def run_once(backend: str, url: str, files: list[Path]) -> Run:
    import tracker.ledger as ledger
    from tracker.store.database import open_engine

    # Only judging is timed apart: reading and extracting overlap with writing (and may
    # run in worker processes, where a wrapper here would not reach).
    totals = {"rejudge": 0.0}
    _timed(ledger, "rejudge", totals)
    engine = open_engine(url)
    started = time.perf_counter()
    result = ledger.ingest(engine, files)
    seconds = time.perf_counter() - started
    engine.dispose()
    assert len(result.added) == len(files), "every report must be new"
    return Run(
        backend=backend, reports=len(files),
        megabytes=sum(f.stat().st_size for f in files) / 1e6, seconds=seconds,
        read_write_s=seconds - totals["rejudge"], judge_s=totals["rejudge"],
        targets=result.targets, verdicts=result.judged,
        peak_rss_mb=_peak_mb(), workers_rss_mb=_peak_mb(resource.RUSAGE_CHILDREN),
    )


def run_in_child(backend: str, url: str, files: list[Path], listing: Path) -> Run | None:
    listing.write_text("\n".join(str(f) for f in files), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, __file__, "_child", backend, url, str(listing)],
        capture_output=True, text=True,
    )
    if done.returncode != 0:
        print(f"bench run {backend} × {len(files)} failed:\n{done.stderr[-3000:]}", file=sys.stderr)
        return None
    return Run(**json.loads(done.stdout.strip().splitlines()[-1]))


def child_main(backend: str, url: str, listing: str) -> None:
    files = [Path(line) for line in Path(listing).read_text(encoding="utf-8").splitlines()]
    print(json.dumps(asdict(run_once(backend, url, files))))


# ---------------------------------------------------------------- extraction alone


def extraction_only(path: Path = EXTRACT_SAMPLE, repeat: int = 10) -> tuple[float, float]:
    """(MB/s, ms per report) for reading and extracting one report, no ledger."""
    from tracker.ledger import read_and_extract

    read_and_extract(path)  # warm caches (rule files, compiled patterns)
    started = time.perf_counter()
    for _ in range(repeat):
        read_and_extract(path)
    seconds = (time.perf_counter() - started) / repeat
    return path.stat().st_size / 1e6 / seconds, 1000 * seconds


# ---------------------------------------------------------------- PostgreSQL


def start_postgres():
    """A throwaway server (tests/pg_server.py), or None with the reason printed."""
    sys.path.insert(0, str(ROOT / "tests"))
    import pg_server

    try:
        return pg_server.PgServer().start()
    except pg_server.Unavailable as exc:
        print(f"PostgreSQL skipped: {exc}", file=sys.stderr)
        return None


def postgres_version(server) -> str:
    done = subprocess.run([str(server.bindir / "postgres"), "--version"],
                          capture_output=True, text=True)
    found = re.search(r"\d+(?:\.\d+)+", done.stdout)  # "postgres (PostgreSQL) 15.18 (Debian …)"
    return found.group(0) if found else "?"


# ---------------------------------------------------------------- report


def table(runs: list[Run]) -> str:
    head = ("| backend | reports | MB | seconds | reports/s | MB/s | ms/report | read+extract+write s "
            "| judge s | targets | peak RSS MB (ingest / largest worker) |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in runs:
        lines.append(
            f"| {r.backend} | {r.reports} | {r.megabytes:.2f} | {r.seconds:.1f} "
            f"| {r.reports_per_s:.1f} "
            f"| {r.mb_per_s:.2f} | {r.ms_per_report:.0f} | {r.read_write_s:.1f} | {r.judge_s:.1f} "
            f"| {r.targets} | {r.peak_rss_mb:.0f} / {r.workers_rss_mb:.0f} |"
        )
    return "\n".join(lines)


def machine() -> str:
    return (f"{os.cpu_count()} cores, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.release()}")


def results_markdown(
    runs: list[Run], extract: tuple[float, float], command: str, pg: str | None
) -> str:
    mbps, ms = extract
    return "\n".join([
        "# Benchmark results",
        "",
        f"Command: `{command}`  ",
        f"Machine: {machine()}{f', PostgreSQL {pg}' if pg else ''}  ",
        f"Measured: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        "Each row is a fresh process ingesting that many reports into a fresh ledger in one "
        "`tracker.ledger.ingest` call (read + extract + write + judge, one transaction). "
        "Reports are the bundled ones copied under invented jurisdictions. From 16 reports on, "
        "reading and extracting run in worker processes (one per core) while the ingesting "
        "process writes; `judge` is the time in `rejudge`. Peak memory is given for the "
        "ingesting process and for the largest worker.",
        "",
        table(runs),
        "",
        f"Extraction alone (read, normalise, segment, targets, outcomes) of "
        f"`{EXTRACT_SAMPLE.relative_to(ROOT)}` ({EXTRACT_SAMPLE.stat().st_size / 1000:.0f} KB): "
        f"{mbps:.2f} MB/s, {ms:.0f} ms per report.",
        "",
    ])


def profile(count: int, backend: str) -> None:
    """cProfile one ingest of `count` reports; prints the top functions and tracker's own."""
    import cProfile
    import pstats

    from tracker.ledger import ingest
    from tracker.store.database import open_engine

    server = start_postgres() if backend == "postgresql" else None
    try:
        with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
            files = make_corpus(count, Path(tmp))
            url = server.create_database() if server else str(Path(tmp) / "ledger.db")
            engine = open_engine(url)
            prof = cProfile.Profile()
            prof.runcall(ingest, engine, files)
            engine.dispose()
    finally:
        if server is not None:
            server.stop()
    stats = pstats.Stats(prof).sort_stats("cumulative")
    stats.print_stats(30)
    stats.print_stats(r"tracker/(ledger|queries|store)", 25)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_child"]:
        child_main(*argv[1:4])
        return
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--counts", type=int, nargs="+", default=[1, 100, 1000])
    p.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"],
                   choices=["sqlite", "postgresql"])
    p.add_argument("--out", default=str(ROOT / "bench" / "results.md"), help="markdown file, or -")
    p.add_argument("--profile", type=int, metavar="N",
                   help="cProfile one run of N reports on the first of --backends")
    args = p.parse_args(argv)
    if args.profile:
        profile(args.profile, args.backends[0])
        return

    extract = extraction_only()
    print(f"extraction only: {extract[0]:.2f} MB/s ({extract[1]:.0f} ms for a 50 KB report)")
    server = start_postgres() if "postgresql" in args.backends else None
    runs: list[Run] = []
    try:
        with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
            files = make_corpus(max(args.counts), Path(tmp))
            check_corpus(files)
            for backend in args.backends:
                for count in sorted(args.counts):
                    if backend == "sqlite":
                        url = f"sqlite:///{Path(tmp) / f'ledger-{count}.db'}"
                    elif server is not None:
                        url = server.create_database()
                    else:
                        continue
                    run = run_in_child(backend, url, files[:count], Path(tmp) / "files.txt")
                    if run is None:
                        continue
                    print(f"{backend:10} {count:5} reports: {run.seconds:7.1f} s, "
                          f"{run.ms_per_report:5.0f} ms/report, peak {run.peak_rss_mb:.0f} MB",
                          flush=True)
                    runs.append(run)
                    save(args.out, runs, extract, argv, server)  # keep what is done so far
    finally:
        if server is not None:
            server.stop()
    print()
    print(table(runs))
    if args.out != "-":
        print(f"\nwrote {args.out}")


def save(out: str, runs: list[Run], extract: tuple[float, float], argv: list[str], server) -> None:
    if out == "-":
        return
    command = ("python bench/bench.py " + " ".join(argv)).strip()
    pg = postgres_version(server) if server else None
    Path(out).write_text(results_markdown(runs, extract, command, pg), encoding="utf-8")


if __name__ == "__main__":
    main()
