"""Where the ledger lives and how to open it.

`--db` or `TRACKER_DB` takes a file path or a SQLAlchemy URL; without either the
ledger is a SQLite file in the user's data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel, create_engine

from tracker.store import tables  # noqa: F401  (registers the tables on SQLModel.metadata)

ENV_VAR = "TRACKER_DB"


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
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def open_engine(db: str | None = None) -> Engine:
    """Open (and if needed create) the ledger at `db`."""
    url = resolve_url(db)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    SQLModel.metadata.create_all(engine)
    return engine
