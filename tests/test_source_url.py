"""A report's official URL (its front-matter `source:`) is kept on the document and shown
wherever the document is cited: document listings and exports, ledger rows, scorecards.

The reports here are real bundled files. Most tests read them with `report_from_bytes` and
set the URL and title on the Report, as the Markdown reader fills them from a header; the
last one writes the header in front of a real report and goes through `ingest`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from tracker import api
from tracker.batch import Extracted
from tracker.cli import app
from tracker.ledger import ingest, ingest_extracted
from tracker.pipeline import report_from_bytes
from tracker.queries import ledger_rows
from tracker.render.output import render
from tracker.store.database import open_engine

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "seeds" / "corpus"
SCHEMAS = ROOT / "schemas"
HAILAR_2016 = CORPUS / "hailar-2016-gwr.txt"
HAILAR_2017 = CORPUS / "hailar-2017-gwr.txt"
URL_2017 = "http://www.hailar.gov.cn/Item/2017_gwr.aspx?id=1"
TITLE_2017 = "2017年海拉尔区人民政府工作报告"
runner = CliRunner()


def with_header(path: Path, url: str | None, title: str | None = None) -> Extracted:
    """The real report, as if its file had opened with `source:` and `title:` lines."""
    data = path.read_bytes()
    report = report_from_bytes(data, path.name)
    report.source_url, report.title = url, title
    return Extracted.of(report, data, path)


@pytest.fixture
def ledger(tmp_path):
    """hailar 2016 without a URL, its follow-up 2017 with one."""
    db = tmp_path / "l.db"
    engine = open_engine(str(db))
    ingest_extracted(engine, [with_header(HAILAR_2016, None), with_header(HAILAR_2017, URL_2017, TITLE_2017)])
    return engine, db


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def test_the_document_keeps_url_and_title(ledger):
    engine, _ = ledger
    docs = {d["name"]: d for d in api.document_rows(engine)}
    assert docs[HAILAR_2017.name]["source_url"] == URL_2017
    assert docs[HAILAR_2017.name]["title"] == TITLE_2017
    assert docs[HAILAR_2016.name]["source_url"] is None and docs[HAILAR_2016.name]["title"] is None
    validator = jsonschema.Draft202012Validator(schema("document"))
    for row in api.export_rows(engine, "documents"):
        validator.validate(row)


def test_ledger_rows_carry_the_source_of_target_and_outcome(ledger):
    engine, _ = ledger
    rows = ledger_rows(engine, year=2016)
    assert rows and {r["target_source"] for r in rows} == {None}
    cited = [r for r in rows if r["outcome_doc"] == HAILAR_2017.name]
    assert cited and {r["outcome_source"] for r in cited} == {URL_2017}
    by_doc = {(r["target_doc"], r["target_source"]) for r in ledger_rows(engine)}
    assert by_doc == {(HAILAR_2016.name, None), (HAILAR_2017.name, URL_2017)}
    validator = jsonschema.Draft202012Validator(schema("ledger-row"))
    for row in json.loads(render(api.export_rows(engine, "ledger"), "json")):
        validator.validate(row)
    outcomes = api.export_rows(engine, "outcomes")
    assert {o["source"] for o in outcomes if o["doc"] == HAILAR_2017.name} == {URL_2017}


def test_scorecard_links_cited_documents_to_their_url(ledger):
    engine, _ = ledger
    text = api.scorecard_markdown(engine, "海拉尔区", 2016)
    row = next(r for r in ledger_rows(engine, year=2016) if r["outcome_doc"] == HAILAR_2017.name)
    # The outcome's document name and line stay visible, as the link's text.
    assert f"[{HAILAR_2017.name}:{row['outcome_line']}]({URL_2017})" in text
    # The 2016 report has no URL: cited as before, file:line without a link.
    assert f"| {HAILAR_2016.name}:{row['line']} |" in text
    sources = text.split("## Sources", 1)[1].splitlines()
    assert "| document | kind | delivered | reviews | plans | sha256 | source |" in sources
    line_2017 = next(line for line in sources if line.startswith(f"| {HAILAR_2017.name} "))
    assert line_2017.endswith(f"({URL_2017}) |")
    line_2016 = next(line for line in sources if line.startswith(f"| {HAILAR_2016.name} "))
    assert line_2016.endswith("` | |")  # an empty source cell


def test_scorecard_targets_link_to_their_report(ledger):
    engine, _ = ledger
    text = api.scorecard_markdown(engine, "海拉尔区", 2017)
    row = next(r for r in ledger_rows(engine, year=2017) if r["target_doc"] == HAILAR_2017.name)
    assert f"[{HAILAR_2017.name}:{row['line']}]({URL_2017})" in text


@pytest.mark.parametrize("url,shown", [
    ("javascript:alert(1)", None),  # not a web address: never a link
    ("https://example.gov.cn/a b|c)d<e>", "https://example.gov.cn/a%20b%7Cc%29d%3Ce%3E"),
])
def test_a_hostile_url_cannot_break_the_scorecard(tmp_path, url, shown):
    engine = open_engine(str(tmp_path / "l.db"))
    ingest_extracted(engine, [with_header(HAILAR_2017, url)])
    text = api.scorecard_markdown(engine, "海拉尔区", 2017)
    assert "javascript:" not in text.replace("javascript\\:", "")
    if shown is None:
        assert "](" not in text
    else:
        assert f"]({shown})" in text
    for line in text.splitlines():
        if line.startswith("| ") and ".txt" in line:
            assert line.replace("\\|", "").count("|") in (6, 7, 8)  # no cell split by the URL


def test_documents_command_shows_the_whole_url(ledger):
    _, db = ledger
    result = runner.invoke(app, ["--db", str(db), "documents"])
    assert result.exit_code == 0, result.stderr
    assert URL_2017 in result.stdout
    as_json = runner.invoke(app, ["--db", str(db), "documents", "--format", "jsonl"])
    docs = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert {d["title"] for d in docs} == {None, TITLE_2017}


def test_front_matter_of_a_real_report_reaches_the_ledger(tmp_path):
    """The whole path: a real report file opening with a front-matter header, read by
    `ingest`, cited by its URL in the ledger and the scorecard."""
    header = f"---\nsource: {URL_2017}\ntitle: {TITLE_2017}\n---\n\n"
    with_front_matter = tmp_path / HAILAR_2017.name
    with_front_matter.write_bytes(header.encode("utf-8") + HAILAR_2017.read_bytes())
    engine = open_engine(str(tmp_path / "l.db"))
    ingest(engine, [HAILAR_2016, with_front_matter])
    docs = {d["name"]: d for d in api.document_rows(engine)}
    assert (docs[HAILAR_2017.name]["source_url"], docs[HAILAR_2017.name]["title"]) == (URL_2017, TITLE_2017)
    assert docs[HAILAR_2016.name]["source_url"] is None
    row = next(r for r in ledger_rows(engine, year=2016) if r["outcome_doc"] == HAILAR_2017.name)
    assert row["outcome_source"] == URL_2017
    text = api.scorecard_markdown(engine, "海拉尔区", 2016)
    assert f"[{HAILAR_2017.name}:{row['outcome_line']}]({URL_2017})" in text


def test_a_folder_reads_md_reports_and_skips_its_index(tmp_path):
    """In a folder, a .md report (front matter) is read; its INDEX.md beside it is not one."""
    folder = tmp_path / "reports"
    folder.mkdir()
    header = f"---\nsource: {URL_2017}\ntitle: {TITLE_2017}\n---\n\n"
    (folder / "hailar-2017-gwr.md").write_bytes(header.encode("utf-8") + HAILAR_2017.read_bytes())
    (folder / "INDEX.md").write_text("# Reports\n\n- hailar-2017-gwr.md\n", encoding="utf-8")
    engine = open_engine(str(tmp_path / "l.db"))
    result = ingest(engine, [folder])
    assert result.added == ["hailar-2017-gwr.md"]
    (doc,) = api.document_rows(engine)
    assert doc["source_url"] == URL_2017
