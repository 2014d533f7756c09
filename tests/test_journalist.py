"""What journalists use: reviews that survive re-judging, exports that match the schemas,
yearly updates that say what changed, scorecards that markdown cannot break."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from tracker import api
from tracker.cli import app
from tracker.errors import InputError
from tracker.ledger import ingest, review, update
from tracker.queries import history, ledger_rows
from tracker.render.output import md_escape, render
from tracker.render.scorecard import scorecard
from tracker.store.database import open_engine

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "seeds" / "corpus"
SCHEMAS = ROOT / "schemas"
runner = CliRunner()


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


@pytest.fixture
def hailar(tmp_path):
    engine = open_engine(str(tmp_path / "l.db"))
    ingest(engine, [CORPUS / "hailar-2014-gwr.txt", CORPUS / "hailar-2015-gwr.txt"])
    return engine


def test_schemas_are_valid_json_schema():
    for path in SCHEMAS.glob("*.schema.json"):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_review_survives_rejudging_and_history_keeps_both(hailar):
    judged = [r for r in ledger_rows(hailar, year=2015) if r["verdict"] == "pending"]
    target = judged[0]
    review(hailar, target["id"], "missed", "checked the statistical bulletin", by="王记者")
    # The follow-up arrives: the machine judges the target again.
    update(hailar, [CORPUS / "hailar-2016-gwr.txt"])
    row = next(r for r in ledger_rows(hailar) if r["id"] == target["id"])
    assert row["verdict"] == "missed"
    assert row["reviewed_by"] == "王记者" and row["review_note"] == "checked the statistical bulletin"
    assert row["machine_verdict"] != "pending"
    sources = [h["source"] for h in history(hailar, target["id"])]
    assert sources.count("review") == 1 and sources.count("machine") >= 2


def test_review_of_unknown_target_or_bad_verdict(hailar):
    with pytest.raises(InputError, match="no target"):
        review(hailar, "000000000000", "met", "x")
    some = ledger_rows(hailar)[0]["id"]
    with pytest.raises(InputError):
        review(hailar, some, "maybe", "x")
    with pytest.raises(InputError):
        review(hailar, some, "met", "   ")


def test_update_twice_changes_nothing_the_second_time(hailar):
    first = update(hailar, [CORPUS / "hailar-2016-gwr.txt"])
    assert first.ingest.added == ["hailar-2016-gwr.txt"]
    assert first.newly_judged and all(r["target_year"] == 2015 for r in first.newly_judged)
    assert first.new_targets and {r["target_year"] for r in first.new_targets} >= {2016}
    second = update(hailar, [CORPUS / "hailar-2016-gwr.txt"])
    assert second.nothing_changed


def test_update_command_says_what_changed(tmp_path):
    db = tmp_path / "l.db"
    args = ["--db", str(db), "update", str(CORPUS / "national-2022-gwr.txt")]
    assert runner.invoke(app, args).exit_code == 0
    result = runner.invoke(app, ["--db", str(db), "update", str(CORPUS / "national-2023-gwr.txt")])
    assert result.exit_code == 0, result.stderr
    assert "newly judged" in result.stdout and "new targets recorded: 全国 2023" in result.stdout
    again = runner.invoke(app, ["--db", str(db), "update", str(CORPUS / "national-2023-gwr.txt")])
    assert again.exit_code == 0 and again.stdout.startswith("nothing changed")


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_exports_validate_against_schemas(hailar, fmt):
    for what, name in (("ledger", "ledger-row"), ("outcomes", "outcome"), ("documents", "document")):
        text = render(api.export_rows(hailar, what), fmt)
        if fmt == "jsonl":
            rows = [json.loads(line) for line in text.splitlines()]
        elif fmt == "json":
            rows = json.loads(text)
        else:
            rows = list(csv.DictReader(io.StringIO(text)))
            assert rows and set(rows[0]) == set(schema(name)["properties"])
            continue
        assert rows
        validator = jsonschema.Draft202012Validator(schema(name))
        for row in rows:
            validator.validate(row)


def test_extract_output_validates_against_target_schema():
    rows = api.extract_file(CORPUS / "national-2023-gwr.txt")
    validator = jsonschema.Draft202012Validator(schema("target"))
    for row in json.loads(render(rows, "json")):
        validator.validate(row)


def test_target_ids_are_stable_across_ledgers(hailar, tmp_path):
    other = open_engine(str(tmp_path / "other.db"))
    ingest(other, [CORPUS / "hailar-2014-gwr.txt"])
    ids_other = {r["id"] for r in ledger_rows(other)}
    ids_here = {r["id"] for r in ledger_rows(hailar) if r["target_doc"] == "hailar-2014-gwr.txt"}
    assert ids_other == ids_here


def test_markdown_escapes_report_text():
    assert md_escape("a|b<c>") == "a\\|b&lt;c&gt;"
    row = {
        "id": "abc", "jurisdiction": "X区", "target_doc": "x.txt", "line": 3,
        "span": "建成|<script>园区", "verdict": "missed", "machine_verdict": "missed",
        "reason_code": "at_least", "reason": "a | b", "provisional": False,
        "outcome_doc": "y.txt", "outcome_line": 9, "outcome_span": "完成<b>|",
        "target_norm": 1, "outcome_norm": 0.5, "norm_unit": "", "reviewed_by": None,
        "review_note": None, "horizon": "annual",
    }
    text = scorecard("X区", 2024, [row], [])
    table_lines = [line for line in text.splitlines() if line.startswith("| 建成")]
    assert len(table_lines) == 1
    # Five columns: the escaped pipes inside the cells do not add columns.
    assert table_lines[0].replace("\\|", "").count("|") == 6
    assert "<script>" not in text and "<b>" not in text


def test_compare_has_a_row_per_jurisdiction_year(hailar):
    rows = api.compare(hailar)
    assert [(r["jurisdiction"], r["year"]) for r in rows] == [("海拉尔区", 2014), ("海拉尔区", 2015)]
    assert rows[0]["pending"] == 0 and rows[1]["pending"] == rows[1]["targets"]
    assert "GDP growth" in rows[0]


def test_scorecards_for_all_write_markdown_and_chart(hailar, tmp_path):
    written = api.write_scorecards(hailar, tmp_path / "cards")
    names = sorted(p.name for p in written)
    assert names == ["海拉尔区-2014.md", "海拉尔区-2015.md"]
    text = (tmp_path / "cards" / "海拉尔区-2014.md").read_text(encoding="utf-8")
    assert "(海拉尔区-2014.svg)" in text
    assert (tmp_path / "cards" / "海拉尔区-2014.svg").read_text(encoding="utf-8").startswith("<svg")
