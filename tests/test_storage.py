"""Storage: migrations, SQLite and PostgreSQL backends, and safe concurrent writers.

PostgreSQL tests start a throwaway server (tests/pg_server.py). Without the server
binaries they skip, unless TRACKER_REQUIRE_PG=1 (set by CI) makes that a failure.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, inspect, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, select

import pg_server
from tracker.errors import InputError
from tracker.ledger import ingest
from tracker.queries import ledger_rows
from tracker.store.database import current_revision, head_revision, open_engine, writing
from tracker.store.tables import DocumentRow, HistoryRow, OutcomeRow, TargetRow, VerdictRow

CORPUS = Path(__file__).resolve().parents[1] / "seeds" / "corpus"
HAILAR_2014 = CORPUS / "hailar-2014-gwr.txt"
HAILAR_2015 = CORPUS / "hailar-2015-gwr.txt"
TABLES = {"document", "target", "outcome", "verdict", "verdict_history", "followup", "restated"}
BACKENDS = ["sqlite", "postgresql"]


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def pg_new_database() -> Iterator:
    """A function returning the URL of a fresh, empty PostgreSQL database."""
    import os

    existing = os.environ.get(pg_server.URL_ENV)
    if existing:
        yield lambda: pg_server.create_database_at(existing)
        return
    try:
        server = pg_server.PgServer().start()
    except pg_server.Unavailable as exc:
        if pg_server.pg_required():
            pytest.fail(f"PostgreSQL required ({pg_server.REQUIRE_ENV}=1) but unavailable: {exc}")
        pytest.skip(f"no PostgreSQL server: {exc}")
    try:
        yield server.create_database
    finally:
        server.stop()


def _blank_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    return request.getfixturevalue("pg_new_database")()


@pytest.fixture(params=BACKENDS)
def blank_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database on each backend (nothing created yet)."""
    return _blank_url(request.param, tmp_path, request)


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An opened (migrated) ledger on each backend."""
    eng = open_engine(_blank_url(request.param, tmp_path, request))
    yield eng
    eng.dispose()


def count(engine: Engine, table) -> int:
    with Session(engine) as s:
        return s.exec(select(func.count()).select_from(table)).one()


def all_counts(engine: Engine) -> dict[str, int]:
    tables = [DocumentRow, TargetRow, OutcomeRow, VerdictRow, HistoryRow]
    return {t.__tablename__: count(engine, t) for t in tables}


# ---------------------------------------------------------------- migrations


def _schema_of_models() -> dict[str, set[tuple[str, bool]]]:
    return {
        name: {(c.name, bool(c.nullable)) for c in table.columns}
        for name, table in SQLModel.metadata.tables.items()
    }


def _schema_of(engine: Engine) -> dict[str, set[tuple[str, bool]]]:
    insp = inspect(engine)
    return {
        name: {(c["name"], bool(c["nullable"])) for c in insp.get_columns(name)}
        for name in insp.get_table_names()
        if name != "alembic_version"
    }


def test_migrating_a_blank_database_makes_the_model_schema(blank_url):
    eng = open_engine(blank_url)
    try:
        assert set(SQLModel.metadata.tables) == TABLES
        assert _schema_of(eng) == _schema_of_models()
        with eng.connect() as conn:
            assert current_revision(conn) == head_revision()
    finally:
        eng.dispose()


def test_migration_scripts_match_the_models(engine):
    # What `alembic revision --autogenerate` would write: nothing.
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(ctx, SQLModel.metadata) == []


def test_opening_again_keeps_the_data(engine):
    with writing(engine) as s:
        s.add(HistoryRow(target_uid="x", source="review", verdict="met"))
    again = open_engine(engine.url.render_as_string(hide_password=False))
    try:
        assert count(again, HistoryRow) == 1
    finally:
        again.dispose()


def test_ledger_made_before_migrations_is_adopted(tmp_path):
    # Ledgers made by create_all have the tables but no alembic_version.
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = create_engine(url)
    SQLModel.metadata.create_all(old)
    with Session(old) as s:
        s.add(HistoryRow(target_uid="x", source="review", verdict="met"))
        s.commit()
    old.dispose()
    eng = open_engine(url)
    try:
        assert count(eng, HistoryRow) == 1
        with eng.connect() as conn:
            assert current_revision(conn) == head_revision()
    finally:
        eng.dispose()


def test_ledger_at_the_first_revision_is_upgraded_with_its_data(blank_url):
    # A ledger made before document.source_url existed (revision 0001), holding a report.
    from alembic import command

    from tracker.store.database import alembic_config

    old = create_engine(blank_url)
    with old.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.execute(text(
            "INSERT INTO document (name, sha256, jurisdiction, kind, plan_year, encoding, size, content) "
            "VALUES ('old.txt', 'ab', '海拉尔区', 'work_report', 2014, 'utf-8', 3, :content)"
        ), {"content": b"old"})
    old.dispose()
    eng = open_engine(blank_url)
    try:
        with eng.connect() as conn:
            assert current_revision(conn) == head_revision() != "0001"
        assert _schema_of(eng) == _schema_of_models()
        with Session(eng) as s:
            doc = s.exec(select(DocumentRow)).one()
        assert (doc.name, doc.content, doc.source_url, doc.title) == ("old.txt", b"old", None, None)
    finally:
        eng.dispose()


def test_migrations_ship_inside_the_package():
    import tracker.store.migrations as migrations

    folder = Path(migrations.__file__).parent
    assert (folder / "env.py").exists()
    assert (folder / "versions" / "__init__.py").exists()  # found by setuptools


# ---------------------------------------------------------------- the ledger on each backend


def test_ingest_reports_and_reingest_is_idempotent(engine):
    first = ingest(engine, [HAILAR_2014, HAILAR_2015])
    assert len(first.added) == 2 and first.targets > 0
    before = all_counts(engine)
    rows = ledger_rows(engine)
    assert before["document"] == 2 and before["verdict"] == before["target"] == len(rows)

    again = ingest(engine, [HAILAR_2014, HAILAR_2015])
    assert again.added == [] and len(again.skipped) == 2
    assert all_counts(engine) == before
    assert ledger_rows(engine) == rows


def test_ledger_rows_are_identical_across_backends(tmp_path, pg_new_database):
    engines = [open_engine(f"sqlite:///{tmp_path / 'l.db'}"), open_engine(pg_new_database())]
    try:
        for eng in engines:
            ingest(eng, [HAILAR_2014, HAILAR_2015])
        sqlite_rows, pg_rows = (ledger_rows(eng) for eng in engines)
        assert sqlite_rows and sqlite_rows == pg_rows
        assert all_counts(engines[0]) == all_counts(engines[1])
    finally:
        for eng in engines:
            eng.dispose()


def test_unreadable_report_leaves_nothing(engine, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    with pytest.raises(InputError):
        ingest(engine, [HAILAR_2014, bad])
    assert set(all_counts(engine).values()) == {0}


def test_keep_going_keeps_each_good_report(engine, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = ingest(engine, [HAILAR_2014, bad, HAILAR_2015], keep_going=True)
    assert result.added == [HAILAR_2014.name, HAILAR_2015.name]
    assert result.refused == [(str(bad), "the file is empty")]
    counts = all_counts(engine)
    assert counts["document"] == 2 and counts["verdict"] == counts["target"] == result.targets


def test_failure_while_writing_leaves_nothing(engine, monkeypatch):
    # Fail after the document, target and outcome rows are flushed to the server.
    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("tracker.ledger.rejudge", broken)
    with pytest.raises(RuntimeError):
        ingest(engine, [HAILAR_2014])
    assert set(all_counts(engine).values()) == {0}


# ---------------------------------------------------------------- writing()


def test_writing_commits_on_success_and_rolls_back_on_error(engine):
    with writing(engine) as s:
        s.add(HistoryRow(target_uid="a", source="review", verdict="met"))
    with pytest.raises(ValueError):
        with writing(engine) as s:
            s.add(HistoryRow(target_uid="b", source="review", verdict="met"))
            s.flush()
            raise ValueError("changed my mind")
    with Session(engine) as s:
        assert s.exec(select(HistoryRow.target_uid)).all() == ["a"]


def test_second_writer_waits_and_sees_the_first(engine):
    entered, hold = threading.Event(), 0.6

    def first_writer() -> None:
        with writing(engine) as s:
            entered.set()
            time.sleep(hold)
            s.add(HistoryRow(target_uid="first", source="review", verdict="met"))

    thread = threading.Thread(target=first_writer)
    thread.start()
    assert entered.wait(10)
    started = time.monotonic()
    with writing(engine) as s:
        waited = time.monotonic() - started
        # The first writer's row is visible to the second as soon as it gets in.
        seen = s.exec(select(HistoryRow.target_uid)).all()
    thread.join()
    assert seen == ["first"]
    assert waited > hold / 2


def test_readers_do_not_wait_for_a_writer(engine):
    with writing(engine) as s:
        s.add(HistoryRow(target_uid="a", source="review", verdict="met"))
        s.flush()
        started = time.monotonic()
        assert count(engine, HistoryRow) == 0  # another connection sees the old state
        assert time.monotonic() - started < 5


# ---------------------------------------------------------------- two processes, one SQLite file


def _tracker(db: Path, *args: str) -> subprocess.Popen:
    code = "import sys; from tracker.cli import main; sys.argv[0] = 'tracker'; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, "--db", str(db), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _run_together(db: Path, *commands: list[str]) -> None:
    procs = [_tracker(db, *cmd) for cmd in commands]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err


def test_two_processes_ingest_different_reports_at_once(tmp_path):
    db = tmp_path / "shared.db"
    _run_together(db, ["ingest", "-q", str(HAILAR_2014)], ["update", str(HAILAR_2015)])
    eng = open_engine(str(db))
    try:
        with Session(eng) as s:
            names = sorted(s.exec(select(DocumentRow.name)).all())
        assert names == [HAILAR_2014.name, HAILAR_2015.name]
        # Whichever came second judged the 2014 targets against the 2015 review.
        verdicts = {r["verdict"] for r in ledger_rows(eng) if r["target_year"] == 2014}
        assert verdicts - {"pending"}
    finally:
        eng.dispose()


def test_two_processes_ingest_the_same_report_once(tmp_path):
    db = tmp_path / "shared.db"
    _run_together(db, ["ingest", "-q", str(HAILAR_2014)], ["ingest", "-q", str(HAILAR_2014)])
    eng = open_engine(str(db))
    try:
        counts = all_counts(eng)
        assert counts["document"] == 1
        assert counts["verdict"] == counts["target"] > 0
    finally:
        eng.dispose()


def test_pg_backend_accepts_a_url_from_the_environment(pg_new_database, monkeypatch):
    url = pg_new_database()
    monkeypatch.setenv("TRACKER_DB", url)
    eng = open_engine(None)
    try:
        assert eng.dialect.name == "postgresql"
        with eng.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM document")).scalar() == 0
    finally:
        eng.dispose()


def test_rows_written_stay_readable_after_the_block(engine):
    with writing(engine) as s:
        entry = HistoryRow(target_uid="a", source="review", verdict="met")
        s.add(entry)
    assert entry.id is not None and entry.verdict == "met"


@pytest.mark.parametrize("url,words", [
    ("postgresql+psycopg://me:secret@127.0.0.1:1/ledger", "cannot open the ledger"),
    ("nosuchdb://me:secret@host/ledger", "not a database URL"),
])
def test_a_ledger_that_cannot_be_opened_is_a_one_line_error(url, words):
    from tracker.errors import TrackerError

    with pytest.raises(TrackerError) as caught:
        open_engine(url)
    message = str(caught.value)
    assert words in message and "secret" not in message and "\n" not in message
