"""A throwaway PostgreSQL server for tests and the benchmark.

Finds `initdb`/`pg_ctl` (on PATH or under Debian's /usr/lib/postgresql/*/bin),
makes a cluster in a temporary directory, starts it on a free loopback port with
its unix socket inside that directory, and removes everything on stop. PostgreSQL
refuses to run as root, so as root the server runs as the `postgres` user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

REQUIRE_ENV = "TRACKER_REQUIRE_PG"  # set by CI: a missing server is a failure there
URL_ENV = "TRACKER_TEST_PG_URL"  # use an existing server instead of starting one
SERVER_USER = "postgres"


class Unavailable(RuntimeError):
    """No PostgreSQL server can be started here; the message says why."""


def pg_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "") not in ("", "0")


def find_bindir() -> Path:
    """The directory holding initdb and pg_ctl (newest Debian version first)."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(os.path.realpath(on_path)).parent
    for bindir in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version, reverse=True):
        if (Path(bindir) / "initdb").exists() and (Path(bindir) / "pg_ctl").exists():
            return Path(bindir)
    raise Unavailable(
        "PostgreSQL server binaries (initdb, pg_ctl) not found; apt-get install postgresql"
    )


def _version(bindir: str) -> int:
    name = Path(bindir).parent.name  # /usr/lib/postgresql/<version>/bin
    return int(name) if name.isdigit() else 0


def _require_driver() -> None:
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise Unavailable(
            "the psycopg driver is not installed (pip install 'psycopg[binary]')"
        ) from exc


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user() -> tuple[list[str], int | None, int | None]:
    """Command prefix, uid and gid for running server programs (not root)."""
    if os.geteuid() != 0:
        return [], None, None
    try:
        user = pwd.getpwnam(SERVER_USER)
    except KeyError as exc:
        raise Unavailable(
            f"running as root and there is no '{SERVER_USER}' user to run PostgreSQL"
        ) from exc
    runuser = shutil.which("runuser")
    if runuser:
        prefix = [runuser, "-u", SERVER_USER, "--"]
    else:
        prefix = ["su", SERVER_USER, "-s", "/bin/sh", "-c"]
    return prefix, user.pw_uid, user.pw_gid


class PgServer:
    """One running cluster; `url(db)` gives SQLAlchemy URLs for its databases."""

    def __init__(self) -> None:
        _require_driver()
        self.bindir = find_bindir()
        self.prefix, uid, gid = _as_server_user()
        self.root = Path(tempfile.mkdtemp(prefix="tracker-pg-"))
        if uid is not None:
            os.chown(self.root, uid, gid)
        self.data = self.root / "data"
        self.port = _free_port()
        self.started = False

    def _run(self, program: str, *args: str) -> subprocess.CompletedProcess:
        argv = [str(self.bindir / program), *args]
        if self.prefix and self.prefix[0] == "su":
            argv = [*self.prefix, " ".join(_quote(a) for a in argv)]
        else:
            argv = [*self.prefix, *argv]
        done = subprocess.run(argv, capture_output=True, text=True, cwd=self.root)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            said = done.stderr.strip() or done.stdout.strip()
            raise Unavailable(f"{program} failed: {said}\n{tail}")
        return done

    def start(self) -> "PgServer":
        self._run("initdb", "-D", str(self.data), "-U", SERVER_USER, "--auth=trust",
                  "--encoding=UTF8", "--locale=C", "--no-sync")
        # Durability is irrelevant for a throwaway server; these make it much faster.
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"),
                  "-o", options, "-w", "-t", "60", "start")
        self.started = True
        return self

    def stop(self) -> None:
        if self.started:
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
            finally:
                self.started = False
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SERVER_USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str | None = None) -> str:
        """A new empty database; returns its URL."""
        name = name or f"t_{uuid.uuid4().hex[:12]}"
        _admin(self.url(), f'CREATE DATABASE "{name}"')
        return self.url(name)


def create_database_at(admin_url: str, name: str | None = None) -> str:
    """A new database on an existing server given by URL (see URL_ENV)."""
    from sqlalchemy.engine import make_url

    name = name or f"t_{uuid.uuid4().hex[:12]}"
    _admin(admin_url, f'CREATE DATABASE "{name}"')
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def _admin(url: str, sql: str) -> None:
    # CREATE DATABASE cannot run inside a transaction, hence autocommit.
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    with psycopg.connect(host=u.host, port=u.port, user=u.username, password=u.password,
                         dbname=u.database or "postgres", autocommit=True) as conn:
        conn.execute(sql)


def _quote(arg: str) -> str:
    import shlex

    return shlex.quote(arg)
