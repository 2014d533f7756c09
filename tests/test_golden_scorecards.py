"""One scorecard per bundled jurisdiction, compared whole with a reviewed golden file.

When extraction or judging changes on purpose, regenerate with
`TRACKER_UPDATE_GOLDEN=1 pytest tests/test_golden_scorecards.py`, then read the diff
of tests/golden/ as a journalist would before committing it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tracker.api import scorecard_markdown
from tracker.ledger import ingest
from tracker.store.database import open_engine

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = SEEDS / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden"

CASES = [
    ("静海区", 2024, [SEEDS / "000_8942062fdd05ce19.txt"]),
    ("河东区", 2024, [SEEDS / "002_1ba162837e526855.txt"]),
    ("西青区", 2024, [SEEDS / "003_b981e5a46551f8cf.txt"]),
    ("河北区", 2026, [SEEDS / "004_4d547a2c16bc38ed.txt"]),
    ("海拉尔区", 2016, [CORPUS / "hailar-2016-gwr.txt", CORPUS / "hailar-2017-gwr.txt"]),
    ("全国", 2022, [CORPUS / "national-2022-gwr.txt", CORPUS / "national-2023-gwr.txt"]),
]


@pytest.mark.parametrize("jurisdiction,year,files", CASES, ids=[f"{j}-{y}" for j, y, _ in CASES])
def test_scorecard_matches_golden_file(tmp_path, jurisdiction, year, files):
    engine = open_engine(str(tmp_path / "l.db"))
    ingest(engine, files)
    text = scorecard_markdown(engine, jurisdiction, year)
    golden = GOLDEN / f"scorecard-{jurisdiction}-{year}.md"
    if os.environ.get("TRACKER_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}; run with TRACKER_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")
