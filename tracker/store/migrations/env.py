"""Alembic environment for the ledger.

`tracker.store.database.migrate` passes an open connection in
`config.attributes["connection"]`; without one (the `alembic` command, used to
write a new revision) the URL comes from `-x db=...`, `sqlalchemy.url` or
$TRACKER_DB, resolved like `--db`.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

from tracker.store import tables  # noqa: F401  (fills SQLModel.metadata)

config = context.config
target_metadata = SQLModel.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        # Keep the `sqlmodel` import out of generated revisions (see script.py.mako).
        user_module_prefix="sqlmodel.sql.sqltypes.",
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    from tracker.store.database import resolve_url

    url = context.get_x_argument(as_dictionary=True).get("db")
    url = url or config.get_main_option("sqlalchemy.url")
    engine = create_engine(resolve_url(url))
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


def run_migrations_offline() -> None:
    """`alembic upgrade --sql`: print the DDL instead of running it."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url") or "sqlite://",
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
