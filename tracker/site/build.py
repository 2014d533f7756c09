"""`build_site`: the ledger as a static site of plain HTML files, to publish as is.

    OUT/index.html            provinces (and 全国) with their met rates, each place under its province
    OUT/panel.html            headline indicators across places: verdicts by year (inline SVG)
    OUT/j/海拉尔区.html        a place: met rate by year, its panel, the places under it, its reports
    OUT/j/海拉尔区-2016.html   the scorecard of the targets due that year, each cited to its line
    OUT/r/NAME.html           a report, every line numbered (#L123), cited lines shaded
    OUT/style.css, OUT/.tracker-site (marks the folder as a site, so a rebuild may replace it)

The ledger is read once (ledger_rows), report bytes one at a time, so the whole corpus
builds in one pass without holding every page in memory."""

from __future__ import annotations

import shutil
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from tracker.divisions import Division, lookup, parent_of
from tracker.errors import InputError
from tracker.queries import ledger_rows
from tracker.site import pages, paths
from tracker.site.pages import Place
from tracker.site.source import report_lines
from tracker.site.style import CSS
from tracker.store.tables import DocumentRow

NATIONAL = "全国"
# Files and folders a previous build wrote, removed before a rebuild (nothing else is).
OWNED = (paths.INDEX, paths.PANEL, paths.STYLE, paths.MARKER, "j", "r")


@dataclass(frozen=True)
class DocMeta:
    """A report without its bytes."""

    id: int
    name: str
    jurisdiction: str
    kind: str
    delivered: date | None
    review_year: int | None
    plan_year: int
    source_url: str | None
    title: str | None
    sha256: str


@dataclass
class SiteSummary:
    out_dir: Path
    places: int = 0
    scorecards: int = 0
    reports: int = 0
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0
    panel: bool = False

    def line(self) -> str:
        return (f"wrote {self.files:,} files to {self.out_dir}: {self.places:,} places, {self.scorecards:,} "
                f"scorecards, {self.reports:,} reports{', panel' if self.panel else ''} "
                f"({self.bytes / 1e6:,.1f} MB in {self.seconds:.1f} s); open {self.out_dir / paths.INDEX}")


def is_site(folder: Path) -> bool:
    return (folder / paths.MARKER).is_file()


def prepare(out_dir: Path, *, force: bool = False) -> None:
    """Refuse a folder that holds something other than a previous site (unless forced);
    clear what a previous build wrote."""
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: exists and is not a folder")
    if out_dir.is_dir() and any(out_dir.iterdir()):
        if not is_site(out_dir) and not force:
            raise InputError(f"{out_dir}: folder is not empty and holds no site written by tracker site; "
                             "choose an empty folder, or --force to write into it")
        for name in OWNED:
            target = out_dir / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    out_dir.mkdir(parents=True, exist_ok=True)


def _documents(engine: Engine) -> list[DocMeta]:
    fields = [DocumentRow.id, DocumentRow.name, DocumentRow.jurisdiction, DocumentRow.kind, DocumentRow.delivered,
              DocumentRow.review_year, DocumentRow.plan_year, DocumentRow.source_url, DocumentRow.title,
              DocumentRow.sha256]
    with Session(engine) as session:
        found = session.exec(select(*fields).order_by(col(DocumentRow.jurisdiction), col(DocumentRow.plan_year),
                                                      col(DocumentRow.name))).all()
    return [DocMeta(*row) for row in found]


def _panel(engine: Engine) -> list[dict[str, Any]] | None:
    """The panel's rows, when this version has tracker.panel."""
    try:
        from tracker.panel import panel_rows
    except ImportError:
        return None
    return panel_rows(engine)


def _division(name: str) -> Division | None:
    found = lookup(name)
    return found[0] if found else None


def _places(names: set[str]) -> tuple[list[Place], dict[str, Place]]:
    """A Place for each name, and for every province and prefecture above one; and the
    top level: 全国, then provinces by code, then names that are not known divisions."""
    places: dict[str, Place] = {}
    codes: dict[str, str] = {}

    def add(name: str, division: Division | None) -> Place:
        if name not in places:
            level = "country" if name == NATIONAL else (division.level if division else "")
            places[name] = Place(name, level=level, code=division.code if division else "")
        return places[name]

    parent_name: dict[str, str] = {}
    for name in sorted(names):
        division = _division(name)
        add(name, division)
        child_name, d = name, division
        while d is not None and d.level != "province":
            up = parent_of(d)
            if up is None:
                break
            add(up.name, up)
            parent_name.setdefault(child_name, up.name)
            child_name, d = up.name, up
    for name, place in places.items():
        codes[name] = place.code
        chain, at = [], name
        while at in parent_name:
            at = parent_name[at]
            chain.append(at)
        place.parents = list(reversed(chain))
    for child, parent in parent_name.items():
        places[parent].children.append(child)
    for place in places.values():
        place.children.sort(key=lambda n: (codes[n] or "z", n))
    tops = [p for n, p in places.items() if n not in parent_name]
    tops.sort(key=lambda p: (p.level != "country", p.code == "", p.code, p.name))
    return tops, places


def _cited_lines(rows: list[dict[str, Any]]) -> dict[str, dict[int, list[tuple[str, str]]]]:
    """For each report and line, the scorecard rows that cite it: (link from r/, label)."""
    cited: dict[str, dict[int, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for r in rows:
        year, anchor = r["target_year"], paths.target_id(r["id"])
        link = paths.href(paths.year_page(r["jurisdiction"], year), anchor)
        for doc_key, line_key, label in (
            ("target_doc", "line", f"{year}年目标"),
            ("outcome_doc", "outcome_line", f"{year}年目标的结果"),
            ("followup_doc", "followup_line", f"{year}年目标的后续"),
            ("restated_doc", "restated_line", f"{year}年目标所据数据的另一说法"),
        ):
            doc, line = r.get(doc_key), r.get(line_key)
            if doc and line:
                cited[doc][line].setdefault(label, link)
    return {doc: {n: [(link, label) for label, link in by.items()] for n, by in lines.items()}
            for doc, lines in cited.items()}


class _Writer:
    def __init__(self, out_dir: Path, summary: SiteSummary) -> None:
        self.out_dir, self.summary = out_dir, summary

    def write(self, path: str, text: str) -> None:
        target = self.out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        target.write_bytes(data)
        self.summary.files += 1
        self.summary.bytes += len(data)


def build_site(engine: Engine, out_dir: str | Path, *, force: bool = False) -> SiteSummary:
    """Write the whole site for the ledger into `out_dir` (see the module docstring)."""
    started = time.perf_counter()
    out = Path(out_dir)
    prepare(out, force=force)
    summary = SiteSummary(out_dir=out)
    writer = _Writer(out, summary)

    rows = ledger_rows(engine)
    docs = _documents(engine)
    panel = _panel(engine)
    summary.panel = panel is not None

    tops, places = _places({r["jurisdiction"] for r in rows} | {d.jurisdiction for d in docs})
    for r in rows:
        places[r["jurisdiction"]].years.setdefault(r["target_year"], []).append(r)
    by_name: dict[str, DocMeta] = {}
    for d in docs:
        places[d.jurisdiction].documents.append(d)
        by_name.setdefault(d.name, d)
    panel_by_place: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in panel or []:
        panel_by_place[p["jurisdiction"]].append(p)

    writer.write(paths.STYLE, CSS)
    writer.write(paths.INDEX, pages.index_page(tops, places, len(docs), summary.panel))
    writer.write(paths.PANEL, pages.panel_page(panel))
    for place in places.values():
        writer.write(paths.jurisdiction_page(place.name),
                     pages.jurisdiction_page(place, places, panel_by_place.get(place.name)))
        summary.places += 1
        for year, year_rows in place.years.items():
            names = {n for r in year_rows for n in (r["target_doc"], r.get("outcome_doc"), r.get("followup_doc"))
                     if n}
            cited_docs = [by_name[n] for n in sorted(names, key=lambda n: (by_name[n].plan_year, n))
                          if n in by_name]
            writer.write(paths.year_page(place.name, year), pages.scorecard_page(place, year, year_rows, cited_docs))
            summary.scorecards += 1

    cited = _cited_lines(rows)
    with Session(engine) as session:
        contents = session.exec(
            select(DocumentRow.id, DocumentRow.content).execution_options(yield_per=20)
        )
        meta = {d.id: d for d in docs}
        for doc_id, content in contents:
            d = meta[doc_id]
            if by_name.get(d.name) is not d:
                continue  # a second report under the same file name: citations name the first
            lines = report_lines(content, d.name)
            writer.write(paths.report_page(d.name),
                         pages.report_page(d, lines, cited.get(d.name, {}), places.get(d.jurisdiction)))
            summary.reports += 1
    writer.write(paths.MARKER, "A site written by `tracker site`; a rebuild replaces index.html, panel.html, "
                               "style.css, j/ and r/.\n")
    summary.seconds = time.perf_counter() - started
    return summary
