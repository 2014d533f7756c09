"""Shared paths and fixtures: the bundled report files."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CORPUS = SEEDS / "corpus"
# Gold labels live next to the project, not in it; tests that need them skip without.
GOLD = ROOT.parent / "shared" / "gold"
# The large corpus of real reports, read in place (never copied into the project).
LARGE_CORPUS = ROOT.parent / "shared" / "corpus" / "reports"

SEED_FILES: list[Path] = sorted(SEEDS.glob("*.txt"))
CORPUS_FILES: list[Path] = sorted(CORPUS.glob("*.txt"))
BUNDLED_FILES: list[Path] = SEED_FILES + CORPUS_FILES


def bundled(name: str) -> Path:
    """Path of a bundled report by file name (seed or corpus)."""
    for path in BUNDLED_FILES:
        if path.name == name:
            return path
    raise FileNotFoundError(name)


@pytest.fixture(scope="session")
def bundled_files() -> list[Path]:
    return BUNDLED_FILES


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS
