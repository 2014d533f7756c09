"""A batch of report files turned into extracted records, ready for the ledger to write.

Reading and extracting is pure and CPU-bound: big batches run it in worker processes
while the ingesting process writes. With `keep_going`, a file that cannot be read
becomes a `Refused` record (its path and a one-line reason) instead of an exception,
so one bad file does not stop the batch.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from tracker.errors import InputError, TrackerError
from tracker.extract import extract_targets
from tracker.model import Outcome, Report, Target
from tracker.outcomes import extract_outcomes
from tracker.pipeline import report_from_bytes

REPORT_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
# Real reports are tens of kilobytes; a file this big is not one report, and reading it
# whole would only waste memory before failing.
MAX_REPORT_BYTES = 10 * 1024 * 1024
# Small batches are not worth a process start.
PARALLEL_FROM = 16
# Files handed to the workers ahead of the writer: enough to keep them busy, few enough
# that results cannot pile up in memory when writing is the slower side.
AHEAD_PER_WORKER = 4


@dataclass
class Extracted:
    """A report read from disk with what was found in it, not yet written."""

    path: Path
    report: Report
    content: bytes  # the original bytes, kept so old targets can be re-judged later
    targets: list[Target]
    outcomes: list[Outcome]

    @classmethod
    def of(cls, report: Report, content: bytes, path: str | Path | None = None) -> Extracted:
        """Extract a report built in code (e.g. by `report_from_bytes`)."""
        return cls(Path(path or report.name), report, content, extract_targets(report), extract_outcomes(report))


@dataclass(frozen=True)
class Refused:
    """A file of a --keep-going batch that was not ingested, and why (one line)."""

    path: str
    reason: str


def report_files(paths: Iterable[str | Path], refused: list[Refused] | None = None) -> list[Path]:
    """Expand folders into the report files they hold (recursively), in a stable order.

    A missing path, or a folder without reports, is an InputError; with a `refused`
    list it is recorded there instead and the rest still count."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            files.extend(_files_at(path))
        except InputError as exc:
            if refused is None:
                raise
            refused.append(Refused(str(path), one_line_reason(exc, path)))
    return files


def _may_be_report(path: Path) -> bool:
    """In a folder, a .md file is a report only when it opens with a front-matter header:
    a README.md or INDEX.md beside the reports is not one. (Named on the command line,
    any file is read.)"""
    if path.suffix.lower() != ".md":
        return True
    try:
        with path.open("rb") as f:
            return f.read(8).lstrip(b"\xef\xbb\xbf").startswith(b"---")
    except OSError:
        return True  # reading it will say what is wrong


def _files_at(path: Path) -> list[Path]:
    if path.is_dir():
        # A folder's own files before its subfolders' (e.g. alt/ copies of the same reports),
        # so that where two copies clash the main one is kept.
        found = sorted((p for p in path.rglob("*") if p.suffix.lower() in REPORT_SUFFIXES and _may_be_report(p)),
                       key=lambda p: (len(p.relative_to(path).parts), p))
        if not found:
            raise InputError(f"{path}: no report files (.txt, .md, .docx, .pdf, .html) in this folder")
        return found
    if path.exists():
        return [path]
    raise InputError(f"{path}: no such file or folder")


def read_and_extract(
    path: Path, *, jurisdiction: str | None = None, year: int | None = None
) -> Extracted:
    """Read one report and find its targets and outcomes; writes nothing."""
    content = load_report_bytes(path)
    report = report_from_bytes(content, path.name, jurisdiction=jurisdiction, year=year)
    return Extracted(
        path=path,
        report=report,
        content=content,
        targets=extract_targets(report),
        outcomes=extract_outcomes(report),
    )


def read_or_refuse(
    path: Path, *, jurisdiction: str | None = None, year: int | None = None
) -> Extracted | Refused:
    """`read_and_extract`, with any failure turned into a Refused record."""
    try:
        return read_and_extract(path, jurisdiction=jurisdiction, year=year)
    except Exception as exc:  # a bug met by one file must not stop the batch
        return Refused(str(path), one_line_reason(exc, path))


def load_report_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what cannot be one report."""
    try:
        size = path.stat().st_size
        if size > MAX_REPORT_BYTES:
            raise InputError(
                f"{path}: {size / 1048576:.1f} MB is too big for one report "
                f"(limit {MAX_REPORT_BYTES // 1048576} MB)"
            )
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc


def one_line_reason(exc: BaseException, path: str | Path) -> str:
    """The error as one line without the file name it starts with (the caller prints
    the path). Errors the library did not raise on purpose are named by type."""
    lines = str(exc).strip().splitlines()
    text = lines[0].strip() if lines else ""
    for prefix in (f"{path}: ", f"{Path(path).name}: "):
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    if isinstance(exc, TrackerError):
        return text or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


@contextmanager
def extracting(
    files: list[Path], jurisdiction: str | None, year: int | None, *, keep_going: bool = False
) -> Iterator[Iterator[Extracted | Refused]]:
    """The files read and extracted, in order, lazily; in parallel for big batches.

    Without `keep_going` the first failure is raised; with it, failures come as Refused."""
    work = partial(read_or_refuse if keep_going else read_and_extract, jurisdiction=jurisdiction, year=year)
    workers = min(os.cpu_count() or 1, 4)
    if len(files) < PARALLEL_FROM or workers < 2:
        yield map(work, files)
        return
    # "fork", not "spawn": spawn re-runs the caller's main script in every worker, which
    # breaks any script without a __main__ guard. Workers never touch the inherited
    # ledger connections; they only read files and return records.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    try:
        yield _in_order(pool, work, files, ahead=workers * AHEAD_PER_WORKER, keep_going=keep_going)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _in_order(
    pool: Executor, work: Callable[[Path], Extracted | Refused], files: list[Path], *, ahead: int, keep_going: bool
) -> Iterator[Extracted | Refused]:
    """Like `pool.map`, but with at most `ahead` files in flight: `map` submits the whole
    batch at once, and finished reports would wait in memory for a slower writer."""
    queue = iter(files)
    in_flight: deque[tuple[Path, Future]] = deque()

    def submit_next() -> None:
        path = next(queue, None)
        if path is not None:
            in_flight.append((path, pool.submit(work, path)))

    for _ in range(ahead):
        submit_next()
    while in_flight:
        path, future = in_flight.popleft()
        submit_next()
        try:
            item = future.result()
        except Exception as exc:  # the worker itself failed (killed, unpicklable result)
            if not keep_going:
                raise
            item = Refused(str(path), one_line_reason(exc, path))
        yield item
