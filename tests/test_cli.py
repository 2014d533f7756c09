"""The command line: real files in, one-line errors for bad input, ledger untouched."""

from __future__ import annotations

import json
import os
import random
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tracker.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = SEEDS / "corpus"
JINGHAI_2024 = SEEDS / "000_8942062fdd05ce19.txt"

runner = CliRunner()


def run(*args: str, db: Path | None = None):
    argv = (["--db", str(db)] if db else []) + list(args)
    return runner.invoke(app, argv)


def doc_count(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as con:
        try:
            return con.execute("select count(*) from document").fetchone()[0]
        except sqlite3.OperationalError:
            return 0


def test_help_lists_every_command():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("extract", "ingest", "ledger", "scorecard", "documents"):
        assert command in result.stdout


def test_extract_jsonl_has_keys_and_original_lines():
    result = run("extract", str(JINGHAI_2024), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) > 30
    original = JINGHAI_2024.read_text(encoding="utf-8").splitlines()
    for row in rows:
        for key in ("line", "span", "kind", "indicator", "comparator", "value", "unit",
                    "target_year", "horizon"):
            assert key in row
        assert row["target_year"] == 2024
    # Every span's leading characters are on the original line the record names.
    on_line = sum(1 for r in rows if r["span"][:4] in original[r["line"] - 1])
    assert on_line / len(rows) > 0.95


def test_extract_outcomes():
    result = run("extract", str(CORPUS / "hailar-2013-gwr.txt"), "--outcomes", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(r["value"] == 235.2 and r["unit"] == "亿元" for r in rows)


def test_ingest_ledger_scorecard(tmp_path):
    db = tmp_path / "l.db"
    result = run("ingest", str(CORPUS / "national-2022-gwr.txt"), str(CORPUS / "national-2023-gwr.txt"), db=db)
    assert result.exit_code == 0, result.stderr
    assert "added 2 report(s)" in result.stdout
    table = run("ledger", "--year", "2022", db=db)
    assert table.exit_code == 0 and "全国" in table.stdout
    card = run("scorecard", "全国", "2022", "-o", str(tmp_path / "card.md"), db=db)
    assert card.exit_code == 0, card.stderr
    text = (tmp_path / "card.md").read_text(encoding="utf-8")
    assert text.startswith("# 全国 2022") and "national-2023-gwr.txt" in text


def test_scorecard_unknown_jurisdiction(tmp_path):
    db = tmp_path / "l.db"
    run("ingest", str(CORPUS / "hailar-2012-gwr.txt"), db=db)
    result = run("scorecard", "火星区", "2012", db=db)
    assert result.exit_code != 0
    assert "火星区" in result.stderr and "海拉尔区" in result.stderr


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    text = JINGHAI_2024.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    made = {}
    made["empty"] = tmp / "empty.txt"
    made["empty"].write_bytes(b"")
    made["binary"] = tmp / "binary.txt"
    rng = random.Random(7)
    made["binary"].write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    # The same report cut just before its plan part begins.
    cut = next(i for i, line in enumerate(lines) if line.startswith("二、2024年工作安排"))
    made["no_plan"] = tmp / "no-plan.txt"
    made["no_plan"].write_text("".join(lines[:cut]), encoding="utf-8")
    # The same report with every mention of where it is from removed.
    made["no_place"] = tmp / "no-place.txt"
    made["no_place"].write_text(
        text.replace("天津市", "").replace("静海区", "").replace("静海", ""), encoding="utf-8"
    )
    return made


@pytest.mark.parametrize("case", ["empty", "binary", "no_plan", "no_place"])
def test_bad_input_one_line_error_and_ledger_unchanged(tmp_path, case):
    db = tmp_path / "l.db"
    assert run("ingest", str(CORPUS / "hailar-2012-gwr.txt"), db=db).exit_code == 0
    before = doc_count(db)
    bad = _bad_inputs(tmp_path)[case]
    result = run("ingest", str(bad), db=db)
    assert result.exit_code != 0
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert bad.name in err
    assert doc_count(db) == before
    # extract reports the same problem the same way.
    result = run("extract", str(bad))
    assert result.exit_code != 0 and len(result.stderr.strip().splitlines()) == 1


def test_overrides_rescue_an_unplaceable_report(tmp_path):
    bad = _bad_inputs(tmp_path)["no_place"]
    result = run("extract", str(bad), "--jurisdiction", "静海区", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()


def test_db_from_environment(tmp_path, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("TRACKER_DB", str(db))
    result = runner.invoke(app, ["ingest", str(CORPUS / "hailar-2012-gwr.txt")], env={"TRACKER_DB": str(db)})
    assert result.exit_code == 0, result.stderr
    assert doc_count(db) == 1
    assert os.path.getsize(db) > 0


def test_text_shows_the_cited_line():
    rows = [json.loads(x) for x in run("extract", str(JINGHAI_2024), "--format", "jsonl").stdout.splitlines()]
    target = rows[0]
    result = run("text", str(JINGHAI_2024), "--lines", str(target["line"]))
    assert result.exit_code == 0
    assert result.stdout.lstrip().startswith(str(target["line"]))
    assert target["span"][:4] in result.stdout
    assert run("text", str(JINGHAI_2024), "--lines", "x").exit_code != 0
