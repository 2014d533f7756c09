"""Restated data on real reports: 辽宁 2017, 内蒙古 2018 and 鄂尔多斯 2018 admit earlier data
were false ("经济数据弄虚作假", "虚增空转", "挤掉了水分"); the verdicts resting on figures of
the reports before them are flagged, and no verdict changes. The large corpus is read in
place (../shared/corpus/reports/); those tests skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker import rules
from tracker.api import scorecard_markdown
from tracker.ledger import ingest
from tracker.queries import ledger_rows
from tracker.readers import read_text
from tracker.restated import Figure, admissions, restatement
from tracker.store.database import open_engine

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "corpus"
LARGE = ROOT.parent / "shared" / "corpus" / "reports"


def large(name: str) -> Path:
    path = LARGE / name
    if not path.exists():
        pytest.skip(f"large corpus not here: {path}")
    return path


def text_of(path: Path) -> str:
    return read_text(path.read_bytes(), path.name)[0]


def test_rules_file_has_the_known_keys_and_patterns_compile():
    import re

    data = rules.load("later_reports")
    assert set(data["restated"]) == {"rate_points", "level_share", "provisional_factor", "measures",
                                     "min_name_similarity"}
    assert set(data["admission"]) == {"years_back", "patterns", "warnings", "warning_reach", "before_first_target"}
    for p in data["admission"]["patterns"]:
        re.compile(p)


# ---------------------------------------------------------------- admissions


@pytest.mark.parametrize("name,line,words", [
    ("liaoning-2017-gwr.txt", 112, "经济数据弄虚作假"),
    ("liaoning-2017-gwr.txt", 112, "挤压水分"),
    ("neimenggu-2018-gwr.txt", 24, "剔除虚增空转因素"),
    ("neimenggu-2018-gwr.txt", 44, "工业增加值数据不实"),
    ("eerduosishi-2018-gwr.txt", 27, "挤掉了水分"),
])
def test_admissions_in_real_reviews(name, line, words):
    path = large(name)
    found = admissions(text_of(path))
    assert any(a.line == line and words in a.quote for a in found)
    for a in found:
        assert a.quote in path.read_text(encoding="utf-8").splitlines()[a.line - 1]


def test_a_plan_fighting_fraud_is_no_admission():
    # 内蒙古 2018 plan: "着力解决脱贫攻坚中层层加码、形式主义、弄虚作假…": no word of data.
    found = admissions(text_of(large("neimenggu-2018-gwr.txt")))
    assert 82 not in {a.line for a in found}
    # 鄂尔多斯 2018 plan: "严肃整治推诿扯皮、吃拿卡要、数据造假…": a warning.
    path = large("eerduosishi-2018-gwr.txt")
    assert "数据造假" in path.read_text(encoding="utf-8").splitlines()[152]
    assert 153 not in {a.line for a in admissions(text_of(path))}
    # Only the review counts: nothing from the first target's line on.
    assert 27 in {a.line for a in admissions(text_of(path))}
    assert 27 not in {a.line for a in admissions(text_of(path), before_line=27)}


@pytest.mark.parametrize("name,line", [
    ("xinjiang-2022-gwr.txt", 110),          # "加强统计监督，严防统计数据造假。"
    ("ganzizangzuzizhizhou-2021-gwr.txt", 33),  # "强力整改国家统计督查反馈问题，严防数据造假。"
    ("sichuan-2024-gwr.txt", 60),            # "着力解决…统计数据造假等问题"
])
def test_a_warning_against_false_data_is_no_admission(name, line):
    path = large(name)
    assert "数据造假" in path.read_text(encoding="utf-8").splitlines()[line - 1]
    assert line not in {a.line for a in admissions(text_of(path))}


def test_correcting_false_data_is_an_admission():
    # 辽宁 2015: "对经济数据弄虚作假问题加大纠正力度"; 沈阳 2018: "挤出水分，做实数据".
    assert 78 in {a.line for a in admissions(text_of(large("liaoning-2015-gwr.txt")))}
    assert 16 in {a.line for a in admissions(text_of(large("shenyangshi-2018-gwr.txt")))}


@pytest.mark.parametrize("name", ["national-2022-gwr.txt", "national-2023-gwr.txt", "national-2024-gwr.txt",
                                  "hailar-2014-gwr.txt", "hailar-2016-gwr.txt"])
def test_reports_admitting_nothing(name):
    assert admissions(text_of(SEEDS / name)) == []


# ---------------------------------------------------------------- the ledger


@pytest.fixture(scope="module")
def liaoning(tmp_path_factory):
    engine = open_engine(str(tmp_path_factory.mktemp("ln") / "l.db"))
    ingest(engine, [large(f"liaoning-{y}-gwr.txt") for y in (2015, 2016, 2017)])
    return engine


def test_liaoning_2017_flags_the_figures_of_the_reports_before_it(liaoning):
    rows = ledger_rows(liaoning, jurisdiction="辽宁省") or ledger_rows(liaoning)
    on_2016 = [r for r in rows if r["outcome_doc"] == "liaoning-2016-gwr.txt" and r["outcome_norm"] is not None]
    on_2017 = [r for r in rows if r["outcome_doc"] == "liaoning-2017-gwr.txt"]
    assert on_2016 and on_2017
    assert all(r["restated"] for r in on_2016)
    r = on_2016[0]
    assert (r["restated_doc"], r["restated_line"]) == ("liaoning-2017-gwr.txt", 112)
    assert "弄虚作假" in r["restated_note"] or "水分" in r["restated_note"]
    # The admitting report's own figures are the squeezed ones: not flagged by it.
    assert not any(r["restated"] for r in on_2017)
    # Verdicts without a figure (a project done, a task completed) are not flagged.
    assert not any(r["restated"] for r in rows if r["outcome_norm"] is None)


def test_flags_do_not_change_verdicts(liaoning, tmp_path):
    pair = open_engine(str(tmp_path / "pair.db"))
    ingest(pair, [large(f"liaoning-{y}-gwr.txt") for y in (2015, 2016)])
    # The 2015 targets are judged against the 2016 review in both ledgers.
    before = {r["id"]: (r["verdict"], r["reason_code"]) for r in ledger_rows(pair, year=2015)}
    assert before and not any(r["restated"] for r in ledger_rows(pair))
    after = {r["id"]: (r["verdict"], r["reason_code"]) for r in ledger_rows(liaoning) if r["id"] in before}
    assert after == before


def test_the_scorecard_marks_restated_verdicts(liaoning):
    rows = ledger_rows(liaoning, year=2015)
    jurisdiction = rows[0]["jurisdiction"]
    text = scorecard_markdown(liaoning, jurisdiction, 2015)
    assert text.count("⚠ 数据存疑 restated") == sum(r["restated"] for r in rows) > 0
    assert "liaoning-2017-gwr.txt:112" in text


def test_neimenggu_2018_flags_2016_verdicts_not_2017(tmp_path):
    engine = open_engine(str(tmp_path / "l.db"))
    ingest(engine, [large(f"neimenggu-{y}-gwr.txt") for y in (2016, 2017, 2018)])
    rows = [r for r in ledger_rows(engine) if r["outcome_norm"] is not None]
    by_doc = {d: [r["restated"] for r in rows if r["outcome_doc"] == d]
              for d in ("neimenggu-2017-gwr.txt", "neimenggu-2018-gwr.txt")}
    assert by_doc["neimenggu-2017-gwr.txt"] and all(by_doc["neimenggu-2017-gwr.txt"])
    assert not any(by_doc["neimenggu-2018-gwr.txt"])
    flagged = next(r for r in rows if r["restated"])
    assert flagged["restated_doc"] == "neimenggu-2018-gwr.txt" and flagged["restated_line"] in (24, 44)


def test_eerduosi_2018_admission_and_not_its_plan(tmp_path):
    engine = open_engine(str(tmp_path / "l.db"))
    ingest(engine, [large(f"eerduosishi-{y}-gwr.txt") for y in (2015, 2016, 2018)])
    flagged = [r for r in ledger_rows(engine) if r["restated"]]
    assert flagged and {r["outcome_doc"] for r in flagged} == {"eerduosishi-2016-gwr.txt"}
    assert {r["restated_line"] for r in flagged} <= {27, 39}


def test_seven_real_consecutive_reports_restate_no_figure(tmp_path):
    # 海拉尔区 2012-2018: figures of one year appear in one review only; the 2018 report's
    # admission ("经济数据不实和财政收入虚增空转") is the only flag.
    engine = open_engine(str(tmp_path / "l.db"))
    ingest(engine, sorted(SEEDS.glob("hailar-*.txt")))
    flagged = [r for r in ledger_rows(engine) if r["restated"]]
    assert flagged and {r["restated_doc"] for r in flagged} == {"hailar-2018-gwr.txt"}
    assert all("承认" in r["restated_note"] for r in flagged)
    assert "虚增空转" in (SEEDS / "hailar-2018-gwr.txt").read_text(encoding="utf-8").splitlines()[
        flagged[0]["restated_line"] - 1]


# ---------------------------------------------------------------- figures


def gdp(value: float, provisional: bool = False, unit: str = "%", measure: str = "growth",
        name: str = "地区生产总值", comparator: str | None = None) -> Figure:
    return Figure(2017, name, "gdp", measure, value, unit, comparator, provisional)


@pytest.mark.parametrize("used,later,restated", [
    # 鄂尔多斯 2018: "调减后，预计地区生产总值增长7%": against a used 7.3%, a normal revision.
    (gdp(7.3), gdp(7.0), False),
    (gdp(7.3), gdp(6.9), True),                       # beyond 0.3 points
    (gdp(7.5, provisional=True), gdp(7.0), False),    # a 预计 figure may move twice as far
    (gdp(8.0, provisional=True), gdp(7.0), True),
    (gdp(4350.0, unit="亿元", measure="level"), gdp(4300.0, unit="亿元", measure="level"), False),  # 1.1%
    (gdp(4350.0, unit="亿元", measure="level"), gdp(3900.0, unit="亿元", measure="level"), True),   # 10%
    (gdp(4350.0, unit="亿元", measure="level"), gdp(43.5, unit="%"), False),  # other measure and unit
    (gdp(7.3), gdp(8.2, name="城镇居民人均可支配收入"), False),  # a coarse key shared, another figure
    (gdp(7.3), gdp(6.0, comparator=">="), False),  # "超过": a bound, not the figure
])
def test_restatement_thresholds(used, later, restated):
    assert restatement(used, later) is restated
