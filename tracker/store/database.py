"""Where the ledger lives, how to open it, and how to write to it safely.

`--db` or `TRACKER_DB` takes a file path or a SQLAlchemy URL (SQLite or
PostgreSQL); without either the ledger is a SQLite file in the user's data
directory. Opening a ledger brings its schema to the newest Alembic revision, and
`writing(engine)` gives the one kind of transaction that may change it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import NoSuchModuleError, OperationalError
from sqlmodel import Session, create_engine

from tracker.errors import TrackerError
from tracker.store import tables  # noqa: F401  (registers the tables on SQLModel.metadata)

ENV_VAR = "TRACKER_DB"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The revision matching the schema that `create_all` used to make before migrations
# existed; such ledgers are stamped with it and then upgraded like any other.
BASELINE_REVISION = "0001"
# Key of the PostgreSQL advisory lock every writer holds ("trkr" in ASCII); any
# constant works as long as all writers of one database agree on it.
WRITE_LOCK_KEY = 0x74726B72
SQLITE_BUSY_TIMEOUT_MS = 60_000
SQLITE_OPEN_ATTEMPTS = 20


def default_db_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "tracker" / "ledger.db"


def resolve_url(db: str | None = None) -> str:
    """Turn a --db value, $TRACKER_DB or the default into a SQLAlchemy URL."""
    value = db or os.environ.get(ENV_VAR) or str(default_db_path())
    if "://" in value:
        return value
    path = Path(value).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets readers work during a write; the busy timeout makes a second writer
    # wait for the first instead of failing at once.
    # The timeout comes first: switching a new file to WAL takes a lock too, and a second
    # process opening the ledger at that moment must wait for it, not fail.
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def open_engine(db: str | None = None) -> Engine:
    """Open the ledger at `db`, creating it or bringing its schema up to date."""
    url = resolve_url(db)
    shown = make_url(url).render_as_string(hide_password=True)
    try:
        engine = create_engine(url)
    except NoSuchModuleError as exc:
        raise TrackerError(
            f"{shown}: not a database URL (try sqlite:///PATH or postgresql+psycopg://…)"
        ) from exc
    except ModuleNotFoundError as exc:
        # The PostgreSQL driver is an optional extra; say how to get it.
        hint = ("pip install 'tracker[postgres]'" if url.startswith("postgres")
                else f"install the Python module {exc.name}")
        raise TrackerError(f"{shown}: needs the {exc.name} database driver: {hint}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    for attempt in range(SQLITE_OPEN_ATTEMPTS):
        try:
            migrate(engine)
            break
        except OperationalError as exc:
            reason = str(exc.orig or exc).strip().splitlines()[0]
            if engine.dialect.name == "sqlite" and "locked" in reason and attempt + 1 < SQLITE_OPEN_ATTEMPTS:
                # A second process opening a new ledger while the first makes it (switching
                # it to WAL, creating its tables) can be refused at once, busy timeout or
                # not: wait a little and look again.
                engine.dispose()
                time.sleep(0.1 * (attempt + 1))
                continue
            # Server down, wrong password, unwritable file: one line, not a traceback.
            raise TrackerError(f"{shown}: cannot open the ledger: {reason}") from exc
    return engine


# ---------------------------------------------------------------- writing


def _lock_for_writing(conn: Connection) -> None:
    """Make this connection's transaction the only writing one until it ends."""
    if conn.dialect.name == "sqlite":
        # pysqlite opens transactions lazily, before the first INSERT/UPDATE; an
        # explicit BEGIN IMMEDIATE takes the write lock now, so every read in the
        # transaction already sees the previous writer's committed rows, and a
        # second writer waits here (busy_timeout) instead of failing mid-way.
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        # Released by COMMIT or ROLLBACK, so a crashed writer cannot leave it held.
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


@contextmanager
def writing(engine: Engine) -> Iterator[Session]:
    """A session whose transaction excludes every other writer of this ledger.

    Commits when the block ends normally and rolls back on any exception, so a
    failed write leaves the ledger as it was. Objects stay readable after the
    block (no expiry on commit), so a writer can return what it wrote."""
    with Session(engine, expire_on_commit=False) as session:
        _lock_for_writing(session.connection())
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


# ---------------------------------------------------------------- migrations


def alembic_config(connection: Connection | None = None):
    """An Alembic Config built in code, pointing at the migrations in this package.

    The connection travels in `attributes` rather than the URL so passwords with
    `%` and in-memory SQLite both work."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the ledger's schema to the newest revision (a no-op when it is there).

    Runs under the writers' lock, in one transaction, so two processes opening a
    blank ledger at once do not both create it, and a failed migration leaves the
    old schema intact (both SQLite and PostgreSQL have transactional DDL)."""
    head = head_revision()
    with engine.connect() as conn:
        # Cheap check first: most opens find the schema current and need no lock.
        if current_revision(conn) == head:
            return
    from alembic import command

    with engine.connect() as conn:
        with conn.begin():
            _lock_for_writing(conn)
            cfg = alembic_config(conn)
            if _predates_migrations(conn):
                command.stamp(cfg, BASELINE_REVISION)
            command.upgrade(cfg, "head")


def _predates_migrations(conn: Connection) -> bool:
    """A ledger made by `create_all` before migrations: tables but no version."""
    names = set(inspect(conn).get_table_names())
    return "document" in names and "alembic_version" not in names
