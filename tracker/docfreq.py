"""How telling a word is: the share of paragraphs of real reports that use it
(rules/docfreq.tsv, built by scripts/build_doc_freq.py).

Words most reports use (生产总值, 项目, 推进, 城区) tell one indicator or project from
another poorly; rare ones (二氧化碳, 科技成果转化, 静霸线) tell it well. A target's
distinctive words must be found in its evidence: `distinctive_share` weighs each
character by its inverse document frequency over the paragraphs of the large corpus.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources

HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _table() -> tuple[int, int, dict[str, int]]:
    text = resources.files("tracker.rules").joinpath("docfreq.tsv").read_text("utf-8")
    header: dict[str, int] = {}
    counts: dict[str, int] = {}
    for line in text.splitlines():
        if line.startswith("# "):
            key, value = line[2:].split("\t")
            header[key] = int(value)
        elif line and not line.startswith("text\t"):
            char, n = line.split("\t")
            counts[char] = int(n)
    return header["paragraphs"], header["min_paragraphs"], counts


def idf(char: str) -> float:
    """log(paragraphs / paragraphs using it); a character too rare to be listed counts as
    used by the fewest listed ones."""
    paragraphs, least, counts = _table()
    return math.log(paragraphs / counts.get(char, least))


def chars(text: str) -> list[str]:
    return HAN_CHAR.findall(text)


@lru_cache(maxsize=1 << 16)
def weight(text: str) -> float:
    """How much telling word mass a text carries."""
    return sum(idf(c) for c in set(chars(text)))


@lru_cache(maxsize=1 << 16)
def distinctive_share(target: str, evidence: str) -> float:
    """Share of the target's word mass (characters weighed by idf) found in the evidence."""
    mine = {c: idf(c) for c in set(chars(target))}
    total = sum(mine.values())
    if total <= 0:
        return 1.0  # nothing telling to look for
    found = set(chars(evidence))
    return sum(w for c, w in mine.items() if c in found) / total


HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


@lru_cache(maxsize=1 << 16)
def rare_pairs(text: str) -> tuple[str, ...]:
    """Pairs of adjacent characters in `text` that too few paragraphs use to be listed
    (fewer than the table's min_paragraphs): the mark of a proper name ("茨齐路",
    "文兴北路", "万达集团"), where common words ("营商环境", "宜居城市") have none."""
    counts = _table()[2]
    return tuple(run[i:i + 2] for run in HAN_RUN.findall(text) for i in range(len(run) - 1)
                 if run[i:i + 2] not in counts)
