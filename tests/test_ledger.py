"""The ledger over the real bundled reports: ingest, verdicts, idempotence, atomicity."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from sqlmodel import Session, select

from tracker.errors import InputError
from tracker.ledger import ingest
from tracker.queries import ledger_rows
from tracker.render.output import render
from tracker.store.database import open_engine
from tracker.store.tables import DocumentRow, TargetRow

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = SEEDS / "corpus"
TIANJIN = sorted(SEEDS.glob("0*.txt"))


@pytest.fixture(scope="module")
def full_ledger(tmp_path_factory):
    db = tmp_path_factory.mktemp("ledger") / "ledger.db"
    engine = open_engine(str(db))
    result = ingest(engine, [SEEDS])
    return engine, result


def counts(engine) -> tuple[int, int]:
    with Session(engine) as s:
        return len(s.exec(select(DocumentRow)).all()), len(s.exec(select(TargetRow)).all())


def test_ingest_reads_every_bundled_report(full_ledger):
    engine, result = full_ledger
    assert len(result.added) == 16
    assert result.skipped == []
    assert result.targets > 300
    docs, targets = counts(engine)
    assert (docs, targets) == (16, result.targets)


def test_tianjin_seeds_are_pending_without_followup(full_ledger):
    engine, _ = full_ledger
    rows = [r for r in ledger_rows(engine) if r["target_doc"].startswith("0")]
    assert rows
    assert {r["verdict"] for r in rows} == {"pending"}
    assert {r["reason_code"] for r in rows} == {"no_followup"}
    # The reason names what is missing, so a reader knows why nothing is judged.
    assert all("report" in r["reason"] or "报告" in r["reason"] for r in rows)


@pytest.mark.parametrize("jurisdiction,year", [("海拉尔区", 2012), ("海拉尔区", 2017), ("全国", 2022)])
def test_consecutive_pairs_get_verdicts(full_ledger, jurisdiction, year):
    engine, _ = full_ledger
    rows = ledger_rows(engine, jurisdiction=jurisdiction, year=year)
    assert rows
    verdicts = Counter(r["verdict"] for r in rows if r["horizon"] == "annual")
    assert verdicts["pending"] == 0
    assert verdicts["met"] + verdicts["missed"] > 0
    for r in rows:
        if r["verdict"] in ("met", "missed") and r["kind"] == "quantitative":
            # A decided quantitative verdict always cites its evidence.
            assert r["outcome_doc"] and r["outcome_line"] and r["outcome_span"]


def test_last_year_of_each_series_is_pending(full_ledger):
    engine, _ = full_ledger
    for jurisdiction, year in (("海拉尔区", 2018), ("全国", 2024)):
        rows = [r for r in ledger_rows(engine, jurisdiction=jurisdiction, year=year)]
        assert rows and {r["verdict"] for r in rows} == {"pending"}


def test_ledger_jsonl_has_the_documented_keys(full_ledger):
    engine, _ = full_ledger
    out = render(ledger_rows(engine, jurisdiction="全国"), "jsonl")
    first = json.loads(out.splitlines()[0])
    for key in ("target_doc", "line", "span", "kind", "indicator", "comparator", "value", "unit",
                "target_year", "verdict", "reason_code", "provisional", "outcome_doc",
                "outcome_line", "outcome_span"):
        assert key in first


def test_ingest_twice_adds_nothing(full_ledger):
    engine, _ = full_ledger
    before = counts(engine)
    again = ingest(engine, [CORPUS / "hailar-2013-gwr.txt"])
    assert again.added == [] and again.skipped == ["hailar-2013-gwr.txt"]
    assert counts(engine) == before


def test_rebuild_gives_identical_jsonl(full_ledger, tmp_path):
    engine, _ = full_ledger
    other = open_engine(str(tmp_path / "again.db"))
    ingest(other, [SEEDS])
    assert render(ledger_rows(other), "jsonl") == render(ledger_rows(engine), "jsonl")


def test_followup_added_later_lights_up_pending_targets(tmp_path):
    engine = open_engine(str(tmp_path / "l.db"))
    ingest(engine, [CORPUS / "hailar-2014-gwr.txt"])
    assert {r["verdict"] for r in ledger_rows(engine, year=2014)} == {"pending"}
    ingest(engine, [CORPUS / "hailar-2015-gwr.txt"])
    verdicts = {r["verdict"] for r in ledger_rows(engine, year=2014)}
    assert "pending" not in verdicts and verdicts & {"met", "missed"}


def test_a_bad_file_among_good_ones_writes_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS / "hailar-2012-gwr.txt", folder)
    (folder / "zz-empty.txt").write_bytes(b"")
    engine = open_engine(str(tmp_path / "l.db"))
    with pytest.raises(InputError, match="zz-empty.txt"):
        ingest(engine, [folder])
    assert counts(engine) == (0, 0)


def test_missing_path_is_an_input_error(tmp_path):
    engine = open_engine(str(tmp_path / "l.db"))
    with pytest.raises(InputError, match="no such file"):
        ingest(engine, [tmp_path / "nope.txt"])


def test_ledger_rows_carry_exactly_the_declared_keys_in_order(full_ledger):
    from tracker.records import LEDGER_KEYS

    engine, _ = full_ledger
    assert tuple(ledger_rows(engine)[0]) == LEDGER_KEYS


def test_a_bad_file_in_a_big_parallel_batch_writes_nothing(tmp_path):
    from tracker.ledger import PARALLEL_FROM

    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "corpus" / "zz-binary.txt").write_bytes(bytes(range(256)) * 64)
    assert len(list(folder.rglob("*.txt"))) >= PARALLEL_FROM  # takes the worker-process path
    engine = open_engine(str(tmp_path / "l.db"))
    with pytest.raises(InputError, match="zz-binary.txt"):
        ingest(engine, [folder])
    assert counts(engine) == (0, 0)
