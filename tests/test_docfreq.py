"""The word-rarity data (rules/docfreq.tsv) and the same-thing test built on it."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from tracker import docfreq
from tracker.judge import indicator_match
from tracker.model import Outcome, Target

HAN = re.compile(r"^[\u4e00-\u9fff]{1,2}$")


def test_data_file_integrity() -> None:
    lines = resources.files("tracker.rules").joinpath("docfreq.tsv").read_text("utf-8").splitlines()
    header = dict(line[2:].split("\t") for line in lines if line.startswith("# "))
    assert int(header["paragraphs"]) > 100_000 and int(header["reports"]) > 2_000
    assert lines[len(header)] == "text\tparagraphs"
    rows = [line.split("\t") for line in lines[len(header) + 1:]]
    assert len(rows) > 2_500
    floor, total = int(header["min_paragraphs"]), int(header["paragraphs"])
    seen = set()
    for text, n in rows:
        assert HAN.match(text), text
        assert floor <= int(n) <= total, text
        assert text not in seen
        seen.add(text)


@pytest.mark.parametrize(
    ("common", "rare"),
    [("生", "氧"), ("产", "碳"), ("项", "隧"), ("推", "霸"), ("城", "垃")],
)
def test_common_words_weigh_less_than_rare_ones(common: str, rare: str) -> None:
    assert docfreq.weight(common) < docfreq.weight(rare)


def _target(span: str, unit: str = "%") -> Target:
    return Target(line=1, span=span, kind="quantitative", indicator="", comparator=">=", value=1.0,
                  unit=unit, target_year=2019, quote=span)


def _outcome(indicator: str, span: str, unit: str = "%") -> Outcome:
    return Outcome(line=1, span=span, indicator=indicator, value=1.0, unit=unit, year=2019)


# Real target → outcome pairs of the corpus (shaanxi 2019→2020, taiyuanshi 2014→2015,
# hailar, national): evidence about another thing scores 0, the same thing does not.
@pytest.mark.parametrize(
    ("target", "indicator", "outcome", "same"),
    [
        ("单位生产总值二氧化碳排放下降3.9%", "生产总值", "生产总值增长6%", False),
        ("人均公园绿地提高0.3个百分点", "比上年", "比上年提高1个百分点", False),
        ("地区生产总值增长7.5%", "地区生产总值", "全市地区生产总值增长7.5%", True),
        ("城镇新增就业1100万人以上", "城镇新增就业", "城镇新增就业1244万人", True),
    ],
)
def test_same_thing(target: str, indicator: str, outcome: str, same: bool) -> None:
    unit = "个百分点" if "百分点" in target else "%"
    o_unit = "个百分点" if "百分点" in outcome else "%"
    score = indicator_match(_target(target, unit), _outcome(indicator, outcome, o_unit))
    assert (score > 0) is same
