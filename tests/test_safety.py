"""Bad input never gets past ingest half-done: every failure is one InputError line, and
random bytes or mutated real reports never crash the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.errors import TrackerError
from tracker.extract import extract_targets
from tracker.ledger import MAX_REPORT_BYTES, ingest
from tracker.outcomes import extract_outcomes
from tracker.pipeline import report_from_bytes
from tracker.queries import ledger_rows
from tracker.store.database import open_engine

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "corpus" / "hailar-2015-gwr.txt"
SEED_BYTES = SEED.read_bytes()


def pipeline(data: bytes) -> None:
    """Read and extract; only a TrackerError may escape."""
    try:
        report = report_from_bytes(data, "fuzz.txt")
    except TrackerError as exc:
        message = str(exc)
        assert "\n" not in message and message.startswith("fuzz.txt")
        return
    extract_targets(report)
    extract_outcomes(report)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_random_bytes(data):
    pipeline(data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_real_report(data):
    """Cut, splice, flip or duplicate pieces of a real report."""
    blob = bytearray(SEED_BYTES)
    for _ in range(data.draw(st.integers(1, 6))):
        op = data.draw(st.sampled_from(["cut", "flip", "insert", "dup"]))
        i = data.draw(st.integers(0, len(blob) - 1))
        j = min(len(blob), i + data.draw(st.integers(1, 2000)))
        if op == "cut":
            del blob[i:j]
        elif op == "flip":
            blob[i] = data.draw(st.integers(0, 255))
        elif op == "insert":
            blob[i:i] = data.draw(st.binary(min_size=1, max_size=64))
        else:
            blob[i:i] = blob[i:j]
        if not blob:
            break
    pipeline(bytes(blob))


def test_oversized_text_is_refused_and_ledger_unchanged(tmp_path):
    engine = open_engine(str(tmp_path / "l.db"))
    ingest(engine, [SEED])
    before = ledger_rows(engine)
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        while fh.tell() <= MAX_REPORT_BYTES + 10 * 1024 * 1024:  # a 20 MB text made of the real report
            fh.write(SEED_BYTES)
    with pytest.raises(TrackerError, match="big.txt.*too big"):
        ingest(engine, [big])
    assert ledger_rows(engine) == before


def test_crash_in_the_middle_of_ingest_rolls_back(tmp_path, monkeypatch):
    """A failure after some rows were written leaves the ledger exactly as it was."""
    import tracker.ledger as ledger

    engine = open_engine(str(tmp_path / "l.db"))
    ingest(engine, [SEED])
    before = ledger_rows(engine)

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ledger, "rejudge", boom)
    with pytest.raises(RuntimeError):
        ingest(engine, [ROOT / "seeds" / "corpus" / "hailar-2016-gwr.txt"])
    assert ledger_rows(engine) == before


def test_same_jurisdiction_year_different_content_needs_replace(tmp_path):
    from tracker.errors import ConflictError

    engine = open_engine(str(tmp_path / "l.db"))
    ingest(engine, [SEED])
    revised = tmp_path / "hailar-2015-revised.txt"
    revised.write_bytes(SEED_BYTES + "\n（此件公开发布）\n".encode("utf-8"))
    with pytest.raises(ConflictError, match="hailar-2015-gwr.txt.*--replace"):
        ingest(engine, [revised])
    assert {r["target_doc"] for r in ledger_rows(engine)} == {"hailar-2015-gwr.txt"}
    ingest(engine, [revised], replace=True)
    assert {r["target_doc"] for r in ledger_rows(engine)} == {"hailar-2015-revised.txt"}
