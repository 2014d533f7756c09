"""--keep-going: a batch with bad reports in it keeps the good ones, each report in its own
transaction, and lists the bad ones one line each; without it nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from tracker.cli import REFUSED_EXIT_CODE, app
from tracker.errors import InputError
from tracker.ledger import PARALLEL_FROM, ingest
from tracker.queries import ledger_rows
from tracker.store.database import open_engine
from tracker.store.tables import DocumentRow, OutcomeRow, TargetRow, VerdictRow

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = SEEDS / "corpus"
JINGHAI_2024 = SEEDS / "000_8942062fdd05ce19.txt"
GOOD = [CORPUS / "hailar-2014-gwr.txt", CORPUS / "hailar-2015-gwr.txt", JINGHAI_2024]
runner = CliRunner()


def _cut_before_plan(source: Path, to: Path) -> Path:
    """A real report cut just before its plan part: it sets no targets."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = next(i for i, line in enumerate(lines) if line.startswith("二、2024年工作安排"))
    to.write_text("".join(lines[:cut]), encoding="utf-8")
    return to


def _batch(folder: Path, good: list[Path]) -> tuple[list[Path], list[Path]]:
    """Copies of the good reports, a cut report and an empty file in `folder`."""
    folder.mkdir()
    for path in good:
        shutil.copy(path, folder)
    bad = [_cut_before_plan(JINGHAI_2024, folder / "cut-jinghai.txt"), folder / "empty.txt"]
    bad[1].write_bytes(b"")
    return [folder / p.name for p in good], bad


def counts(engine) -> dict[str, int]:
    with Session(engine) as s:
        return {t.__tablename__: s.exec(select(func.count()).select_from(t)).one()
                for t in (DocumentRow, TargetRow, OutcomeRow, VerdictRow)}


def names(engine) -> set[str]:
    with Session(engine) as s:
        return set(s.exec(select(DocumentRow.name)).all())


@pytest.mark.parametrize("good", [GOOD, sorted(SEEDS.rglob("*.txt"))], ids=["small", "parallel"])
def test_good_reports_are_kept_and_bad_ones_listed(tmp_path, good):
    good, bad = _batch(tmp_path / "in", good)
    if len(good) > 3:
        assert len(good) + len(bad) >= PARALLEL_FROM  # read in worker processes
    engine = open_engine(str(tmp_path / "l.db"))
    result = ingest(engine, [tmp_path / "in"], keep_going=True)
    assert names(engine) == {p.name for p in good} == set(result.added)
    assert [path for path, _ in result.refused] == [str(p) for p in bad]
    reasons = dict(result.refused)
    assert "plan part" in reasons[str(bad[0])] and "empty" in reasons[str(bad[1])]
    for reason in reasons.values():  # the library's own line, without the path again
        assert "\n" not in reason and "empty.txt" not in reason and "cut-jinghai" not in reason
    c = counts(engine)
    assert c["target"] == c["verdict"] == result.targets > 0  # every target stored was judged
    assert sum(result.judged.values()) == c["verdict"]


def test_without_keep_going_nothing_is_written(tmp_path):
    _batch(tmp_path / "in", GOOD)
    engine = open_engine(str(tmp_path / "l.db"))
    with pytest.raises(InputError, match="cut-jinghai.txt"):
        ingest(engine, [tmp_path / "in"])
    assert set(counts(engine).values()) == {0}


def test_command_lists_refused_reports_and_exits_4(tmp_path):
    good, bad = _batch(tmp_path / "in", GOOD)
    db = tmp_path / "l.db"
    result = runner.invoke(app, ["--db", str(db), "ingest", "--keep-going", str(tmp_path / "in")])
    assert result.exit_code == REFUSED_EXIT_CODE == 4
    assert f"added {len(good)} report(s)" in result.stdout
    err = result.stderr.strip().splitlines()
    assert err[:-1] == [line for line in err if line.startswith("REFUSED ")]
    assert [line.split(": ", 1)[0] for line in err[:-1]] == [f"REFUSED {p}" for p in bad]
    assert err[-1] == f"{len(good)} read, 2 refused"
    assert "Traceback" not in result.stderr
    assert names(open_engine(str(db))) == {p.name for p in good}

    # Nothing refused: exit 0, and the reports already there are counted as read.
    again = runner.invoke(app, ["--db", str(db), "ingest", "--keep-going", *map(str, good)])
    assert again.exit_code == 0, again.stderr
    assert again.stderr.strip() == f"{len(good)} read, 0 refused"


def test_command_without_keep_going_stops_and_writes_nothing(tmp_path):
    _batch(tmp_path / "in", GOOD)
    db = tmp_path / "l.db"
    result = runner.invoke(app, ["--db", str(db), "ingest", str(tmp_path / "in")])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert names(open_engine(str(db))) == set()


def test_a_conflict_is_one_refused_line(tmp_path):
    db = tmp_path / "l.db"
    hailar = CORPUS / "hailar-2015-gwr.txt"
    assert runner.invoke(app, ["--db", str(db), "ingest", str(hailar)]).exit_code == 0
    revised = tmp_path / "hailar-2015-revised.txt"
    revised.write_bytes(hailar.read_bytes() + "\n（此件公开发布）\n".encode("utf-8"))
    other = CORPUS / "hailar-2016-gwr.txt"
    result = runner.invoke(app, ["--db", str(db), "ingest", "-k", str(revised), str(other)])
    assert result.exit_code == REFUSED_EXIT_CODE
    refused = [line for line in result.stderr.splitlines() if line.startswith("REFUSED")]
    assert len(refused) == 1
    assert refused[0].startswith(f"REFUSED {revised}: the ledger already has hailar-2015-gwr.txt")
    assert refused[0].endswith("use --replace")
    assert names(open_engine(str(db))) == {hailar.name, other.name}


def test_two_different_files_for_one_slot_in_a_batch(tmp_path):
    hailar = CORPUS / "hailar-2015-gwr.txt"
    revised = tmp_path / "zz-hailar-2015-revised.txt"
    revised.write_bytes(hailar.read_bytes() + "\n（此件公开发布）\n".encode("utf-8"))
    engine = open_engine(str(tmp_path / "l.db"))
    result = ingest(engine, [hailar, revised], keep_going=True)
    assert result.added == [hailar.name]
    [(path, reason)] = result.refused
    assert path == str(revised) and "hailar-2015-gwr.txt is also 海拉尔区 2015" in reason


def test_an_unexpected_error_is_one_line_naming_its_type(tmp_path, monkeypatch):
    import tracker.batch

    real = tracker.batch.extract_outcomes

    def broken_on_2014(report):
        if report.name == "hailar-2014-gwr.txt":
            raise KeyError("indicator")
        return real(report)

    monkeypatch.setattr(tracker.batch, "extract_outcomes", broken_on_2014)
    engine = open_engine(str(tmp_path / "l.db"))
    result = ingest(engine, GOOD, keep_going=True)
    assert result.refused == [(str(GOOD[0]), "KeyError: 'indicator'")]
    assert names(engine) == {GOOD[1].name, GOOD[2].name}


def test_a_report_failing_while_written_leaves_no_trace(tmp_path, monkeypatch):
    """Each report is its own transaction: one failing while it is judged is rolled back
    whole (document, targets, outcomes), the reports before and after it are kept."""
    import tracker.ledger

    real = tracker.ledger.rejudge_by_slot

    def broken_on_2015(session, slots, **kwargs):
        if ("海拉尔区", 2015) in slots and ("海拉尔区", 2014) in slots:  # while storing hailar-2015
            raise RuntimeError("disk on fire\nsecond line")
        return real(session, slots, **kwargs)

    monkeypatch.setattr(tracker.ledger, "rejudge_by_slot", broken_on_2015)
    engine = open_engine(str(tmp_path / "l.db"))
    files = [CORPUS / "hailar-2014-gwr.txt", CORPUS / "hailar-2015-gwr.txt", CORPUS / "hailar-2016-gwr.txt"]
    result = ingest(engine, files, keep_going=True)
    assert result.refused == [(str(files[1]), "RuntimeError: disk on fire")]
    assert names(engine) == {files[0].name, files[2].name}
    assert {r["target_doc"] for r in ledger_rows(engine)} == {files[0].name, files[2].name}
    c = counts(engine)
    assert c["target"] == c["verdict"]
    with Session(engine) as s:
        docs = s.exec(select(DocumentRow.id)).all()
        assert set(s.exec(select(OutcomeRow.document_id)).all()) <= set(docs)


def test_a_missing_path_is_refused_not_fatal(tmp_path):
    engine = open_engine(str(tmp_path / "l.db"))
    missing = tmp_path / "nope.txt"
    result = ingest(engine, [missing, GOOD[0]], keep_going=True)
    assert result.refused == [(str(missing), "no such file or folder")]
    assert result.added == [GOOD[0].name]


def test_update_keeps_going_too(tmp_path):
    db = tmp_path / "l.db"
    assert runner.invoke(app, ["--db", str(db), "update", str(CORPUS / "national-2022-gwr.txt")]).exit_code == 0
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["--db", str(db), "update", "--keep-going", str(empty),
                                 str(CORPUS / "national-2023-gwr.txt")])
    assert result.exit_code == REFUSED_EXIT_CODE
    assert "newly judged" in result.stdout and "new targets recorded: 全国 2023" in result.stdout
    assert result.stderr.splitlines() == [f"REFUSED {empty}: the file is empty", "1 read, 1 refused"]


def test_a_folders_own_files_come_before_its_subfolders(tmp_path):
    """alt/ copies of the same reports sort after the main files, so the main copy is kept."""
    from tracker.batch import report_files

    seed = Path(__file__).resolve().parents[1] / "seeds" / "corpus" / "hailar-2013-gwr.txt"
    (tmp_path / "alt").mkdir()
    (tmp_path / "alt" / "hailar-2013-gwr.copy.txt").write_bytes(seed.read_bytes())
    (tmp_path / "hailar-2013-gwr.txt").write_bytes(seed.read_bytes())
    assert [p.relative_to(tmp_path).as_posix() for p in report_files([tmp_path])] == [
        "hailar-2013-gwr.txt", "alt/hailar-2013-gwr.copy.txt"]
