"""The headline panel: its rule file, its picks, its citations, and the national GDP
targets checked against what was publicly reported (rules/national_targets.tsv)."""

from __future__ import annotations

import csv
import dataclasses
import io
from importlib import resources

import pytest
from typer.testing import CliRunner

from conftest import BUNDLED_FILES, CORPUS, LARGE_CORPUS, bundled
from tracker import rules
from tracker.api import numbered_text
from tracker.cli import app
from tracker.errors import InputError
from tracker.grammar import find_quantities, unit_dimension
from tracker.ledger import ingest
from tracker.panel import (
    NATIONAL_TARGET_COLUMNS, PANEL_KEYS, PUBLIC_RECORD, REPORT, amplification, eligible, national_targets,
    panel_counts, panel_indicators, panel_rows, place, report_slots, variant_of,
)
from tracker.queries import documents
from tracker.render.compare import headline_indicators
from tracker.store.database import open_engine

runner = CliRunner()
NATIONAL = sorted(CORPUS.glob("national-*-gwr.txt"))
MEASURES = {"growth", "level", "cumulative", "change", "rate", "none"}

# National GDP targets as each report states them, and the outcome the next report gives
# (public reporting: 2021 "6%以上" → 8.1%, 2022 "5.5%左右" → 3%, 2023 "5%左右" → 5.2%).
NATIONAL_GDP = {
    2021: ("6%以上", ">=", 6, 8.1, "met"),
    2022: ("5.5%左右", "~", 5.5, 3, "missed"),
    2023: ("5%左右", "~", 5, 5.2, "met"),
    2024: ("5%左右", "~", 5, None, "pending"),
}


@pytest.fixture(scope="module")
def bundled_ledger(tmp_path_factory):
    engine = open_engine(str(tmp_path_factory.mktemp("panel") / "l.db"))
    ingest(engine, BUNDLED_FILES)
    return engine


@pytest.fixture(scope="module")
def bundled_panel(bundled_ledger):
    return panel_rows(bundled_ledger)


# --- rules/panel.toml -----------------------------------------------------------------


def test_panel_rules_have_known_keys_and_name_real_indicators():
    known = {r.key: r for r in rules.indicators()}
    pick = rules.load("panel")["pick"]
    assert set(pick) == {"period_words", "headline_marks"} and all(pick.values())
    rows = rules.load("panel")["panel"]
    assert [r["key"] for r in rows] == ["gdp", "budget_revenue", "fixed_investment", "retail_sales", "new_jobs",
                                        "unemployment", "cpi", "income_per_capita", "energy_intensity"]
    labels = [r["label"] for r in rows]
    assert len(set(labels)) == len(labels)
    for row in rows:
        assert set(row) <= {"key", "label", "measures", "units", "names", "not_before", "variants"}, row["key"]
        assert row["units"] and len(set(row["units"])) == len(row["units"]), row["key"]
        assert all(unit_dimension(u) for u in row["units"]), row["key"]  # units the grammar knows
        assert row["key"] in known, row["key"]
        assert row["measures"] and set(row["measures"]) <= MEASURES - {"none"}, row["key"]
        assert len(set(row["measures"])) == len(row["measures"]), row["key"]
        assert any("\u4e00" <= ch <= "\u9fff" for ch in row["label"]), row["key"]
        for v in row.get("variants", ()):
            assert set(v) == {"name", "words"} and v["words"], row["key"]
        if row.get("variants") or row.get("not_before"):
            assert row.get("names"), row["key"]  # "before" needs the names it ends at


def test_panel_polarity_comes_from_the_lexicon():
    polarity = {p.key: p.polarity for p in panel_indicators()}
    assert polarity["unemployment"] == polarity["cpi"] == polarity["energy_intensity"] == -1
    assert polarity["gdp"] == polarity["new_jobs"] == 1


def test_compare_headlines_are_panel_indicators_with_the_same_measure():
    # tracker compare and tracker panel must not disagree on what "the" GDP target is.
    panel = {p.key: p for p in panel_indicators()}
    for h in headline_indicators():
        assert h.key in panel
        assert panel[h.key].measures[0] == h.measure, h.key


# --- picking the headline target --------------------------------------------------------

INCOME = next(p for p in panel_indicators() if p.key == "income_per_capita")


@pytest.mark.parametrize("span, variant", [
    ("城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长8%", "城镇居民"),
    ("农村常住居民人均可支配收入均增长8%", "农村居民"),
    ("农民人均纯收入达到16892元，同比增长18%", "农村居民"),
    ("城镇人均可支配收入达到23896元，同比增长18%", "城镇居民"),
    ("农村牧区常住居民人均可支配收入增长7.5%", "农村居民"),
    ("城乡居民人均可支配收入分别增长7.5%", None),
    ("居民人均可支配收入与经济发展同步增长", None),
    ("居民收入稳步增长", None),
])
def test_income_variant_read_from_the_words_before_the_indicator(span, variant):
    assert variant_of(span, INCOME)[1] == variant


def _target(key: str, span: str, measure: str, value: float, unit: str) -> dict:
    return {"indicator_key": key, "horizon": "annual", "kind": "quantitative", "measure": measure,
            "unit": unit, "value": value, "span": span}


@pytest.mark.parametrize("key, span, measure, value, unit, ok", [
    ("gdp", "地区生产总值增长8%左右", "growth", 8, "%", True),
    # 黑龙江省 2009: a share, which the extractor gives as a GDP growth figure.
    ("gdp", "增加值占全省生产总值的40.4%", "growth", 40.4, "%", False),
    ("gdp", "地区生产总值达到240亿元", "level", 240, "亿元", False),
    ("gdp", "增加值占地区生产总值比重提高2个百分点", "change", 2, "个百分点", False),
    # 固原市 2016: "社会消费品零售总额增长8%的目标以及自治区下达的4项约束性指标"
    ("retail_sales", "社会消费品零售总额增长8%的目标以及自治区下达的4项约束性指标", "level", 4, "项", False),
    ("retail_sales", "社会消费品零售总额达到100.8亿元", "level", 100.8, "亿元", True),
    ("new_jobs", "新增就业岗位5000个", "level", 5000, "个", True),
    ("energy_intensity", "单位生产总值能耗下降2个百分点", "change", 2, "个百分点", True),
    # 眉山市 2021: a sector's economy is not the whole economy
    ("gdp", "确保数字经济增速不低于20%", "growth", 20, "%", False),
    # 安徽省 2008, 山西省 2008: goals for a term, set in the year's plan part
    ("gdp", "全省生产总值年均增长12%以上", "growth", 12, "%", False),
    ("gdp", "人均地区生产总值增长50%，财政税收翻一番", "growth", 50, "%", False),
])
def test_what_may_stand_in_the_panel(key, span, measure, value, unit, ok):
    ind = next(p for p in panel_indicators() if p.key == key)
    assert eligible(_target(key, span, measure, value, unit), ind) is ok


def test_the_sentence_of_the_main_targets_comes_first():
    # 山西省 2008: a growth named earlier in the plan part, then "今年…主要预期目标是：…"
    from tracker.panel import _rank

    gdp = next(p for p in panel_indicators() if p.key == "gdp")
    early = {**_target("gdp", "生产总值增长13%", "growth", 13, "%"), "quote": "力争生产总值增长13%。",
             "target_doc": "a.txt", "line": 10}
    main = {**_target("gdp", "生产总值增长10%", "growth", 10, "%"),
            "quote": "今年全省经济社会发展的主要预期目标是：生产总值增长10%。", "target_doc": "a.txt", "line": 90}
    assert min([early, main], key=lambda r: _rank(r, gdp)) is main


def test_growth_before_level_and_all_residents_before_urban(bundled_panel):
    slot = {(r["jurisdiction"], r["year"], r["indicator"]): r for r in bundled_panel}
    # hailar-2012: "地区生产总值达到240亿元，同比增长21%": the growth rate is the headline.
    gdp = slot[("海拉尔区", 2012, "gdp")]
    assert (gdp["measure"], gdp["target_value"], gdp["unit"]) == ("growth", 21, "%")
    # Urban and rural income growth, no figure for all residents: the urban one, said so.
    income = slot[("海拉尔区", 2014, "income_per_capita")]
    assert (income["variant"], income["target_value"], income["measure"]) == ("城镇居民", 12, "growth")
    # 2024: "国内生产总值增长5%左右" (line 60) and "经济增长预期目标为5%左右" (line 62): the first.
    assert slot[("全国", 2024, "gdp")]["target_line"] == 60


def test_only_annual_targets_one_per_slot(bundled_panel):
    keys = [(r["jurisdiction"], r["year"], r["indicator"]) for r in bundled_panel]
    assert len(keys) == len(set(keys))
    # national-2021 states the 14th plan's 2025 goals; they are not an annual target.
    assert not [r for r in bundled_panel if r["jurisdiction"] == "全国" and r["year"] == 2025]
    assert {r["kind"] for r in bundled_panel} <= {"quantitative", "relative"}


def test_every_row_has_the_promised_keys(bundled_panel):
    assert bundled_panel
    for r in bundled_panel:
        assert tuple(r) == PANEL_KEYS


def test_outcome_back_in_the_targets_unit(bundled_panel):
    jobs = next(r for r in bundled_panel if (r["jurisdiction"], r["year"], r["indicator"]) == ("全国", 2021, "new_jobs"))
    # "城镇新增就业1100万人以上" → "城镇新增就业1269万人"
    assert (jobs["target_value"], jobs["unit"], jobs["outcome_value"], jobs["outcome_unit"], jobs["gap"]) == (
        1100, "万人", 1269, "万人", 169)


# --- traceability -----------------------------------------------------------------------


def _line(doc: str, line: int) -> str:
    return numbered_text(bundled(doc), first=line, last=line)[0]["text"]


def _shown(x) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)


def test_every_figure_is_on_the_line_it_cites(bundled_panel):
    checked = 0
    for r in bundled_panel:
        if r["target_value"] is not None:
            assert _shown(r["target_value"]) in _line(r["target_doc"], r["target_line"]), r
            checked += 1
        if r["outcome_value"] is not None and r["outcome_unit"] == r["unit"]:
            # the outcome as the follow-up report printed it, in the target's unit
            assert _shown(r["outcome_value"]) in _line(r["outcome_doc"], r["outcome_line"]), r
            checked += 1
    assert checked > 100


def test_a_decided_row_cites_its_outcome(bundled_panel):
    for r in bundled_panel:
        if r["verdict"] in ("met", "missed"):
            assert r["outcome_doc"] and r["outcome_line"] and r["outcome_quote"], r
        if r["verdict"] == "pending":
            assert r["outcome_doc"] is None


# --- checks against what was publicly reported -----------------------------------------


def test_national_gdp_targets_match_the_reports(bundled_ledger):
    rows = panel_rows(bundled_ledger, jurisdiction="全国", indicators=["gdp"])
    assert {r["year"] for r in rows} == set(NATIONAL_GDP) == {
        int(p.name.split("-")[1]) for p in NATIONAL}
    for r in rows:
        words, comparator, target, outcome, verdict = NATIONAL_GDP[r["year"]]
        assert (r["comparator"], r["target_value"], r["unit"], r["measure"]) == (comparator, target, "%", "growth")
        assert (r["outcome_value"], r["verdict"]) == (outcome, verdict), r["year"]
        assert r["target_doc"] == f"national-{r['year']}-gwr.txt"
        assert "国内生产总值增长" + words in _line(r["target_doc"], r["target_line"])
        assert (r["level"], r["province"], r["parent"]) == ("national", None, None)
        if outcome is not None:
            assert r["outcome_doc"] == f"national-{r['year'] + 1}-gwr.txt"
            assert f"增长{outcome:g}%" in _line(r["outcome_doc"], r["outcome_line"])


def test_national_gdp_column_of_the_whole_panel(bundled_panel):
    # The same column in the panel of every jurisdiction and indicator, with nothing else in it.
    got = {r["year"]: (r["comparator"], r["target_value"], r["outcome_value"])
           for r in bundled_panel if r["jurisdiction"] == "全国" and r["indicator"] == "gdp"}
    assert got == {y: (c, t, o) for y, (_, c, t, o, _) in NATIONAL_GDP.items()}


# --- the public record of national GDP targets (rules/national_targets.tsv) --------------


def _record_lines() -> list[list[str]]:
    text = resources.files("tracker.rules").joinpath("national_targets.tsv").read_text("utf-8")
    lines = text.splitlines()
    head = [line for line in lines if line.startswith("#")]
    # the header comment says what the facts are and when they are used
    assert "public reporting" in " ".join(head) and "no national report" in " ".join(head)
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def test_national_targets_file_is_sound():
    header, *body = _record_lines()
    assert tuple(header) == NATIONAL_TARGET_COLUMNS
    assert all(len(cells) == len(header) for cells in body)
    years = [int(cells[0]) for cells in body]
    assert years == sorted(set(years)), "years unique and in order"
    assert len(national_targets()) == len(body)
    ops = {w.op for w in rules.comparators()[0]}
    for t in national_targets().values():
        assert str(t.year) in t.source and "政府工作报告" in t.source, t.year
        if t.value is None:
            # a year without a numeric target says so in words, with no number at all
            assert t.value_max is None and t.comparator is None and not find_quantities(t.stated), t.year
            continue
        assert isinstance(t.value, float) and 0 < t.value < 20, t.year
        assert t.value_max is None or t.value_max > t.value, t.year
        assert t.comparator in ops, t.year
        # the numbers stated are the numbers recorded, read as the project's grammar reads them
        (q,) = find_quantities(t.stated)
        assert (q.value, q.value_max, q.comparator, q.unit) == (t.value, t.value_max, t.comparator, "%"), t.year


def test_national_targets_point_is_the_midpoint_of_a_range():
    targets = national_targets()
    assert (targets[2016].point, targets[2021].point, targets[2020].point) == (6.75, 6, None)


def test_national_gdp_targets_in_the_ledger_match_the_public_record(bundled_ledger, bundled_panel):
    reported = {d.plan_year for d in documents(bundled_ledger, jurisdiction="全国")}
    assert reported == {int(p.name.split("-")[1]) for p in NATIONAL}  # 2021-2024
    rows = {r["year"]: r for r in bundled_panel if r["jurisdiction"] == "全国" and r["indicator"] == "gdp"}
    for year in sorted(reported):
        t, r = national_targets()[year], rows[year]
        assert (r["comparator"], r["target_value"], r["target_value_max"], r["unit"]) == (
            t.comparator, t.value, t.value_max, "%"), year
        assert t.agrees(r), year
        assert "国内生产总值增长" + t.stated in _line(r["target_doc"], r["target_line"]), year
        assert t.stated == NATIONAL_GDP[year][0], year  # the two hand-written records agree
    # what `agrees` looks at: a different comparator or range end is a disagreement
    t, r = national_targets()[2023], rows[2023]
    assert not dataclasses.replace(t, comparator=">=").agrees(r)
    assert not dataclasses.replace(t, value_max=5.5).agrees(r)
    assert not national_targets()[2020].agrees({**r, "target_value": None, "comparator": None})


def _gdp(jurisdiction: str, year: int, value: float, value_max: float | None = None) -> dict:
    where = place(jurisdiction)
    return {"jurisdiction": jurisdiction, "level": where["level"], "year": year, "indicator": "gdp",
            "measure": "growth", "kind": "quantitative", "target_value": value, "target_value_max": value_max,
            "unit": "%"}


def got_for(rows: list[dict], **kw) -> dict:
    return {(a["level"], a["year"]): a for a in amplification(rows, **kw)}


def test_amplification_parent_from_the_report_else_the_public_record():
    rows = [
        _gdp("广东省", 2016, 7, 7.5),  # no national report: 全国 "6.5%—7%" of public record
        _gdp("广州市", 2016, 8),
        _gdp("全国", 2023, 5.5),  # a national report (made up) beats the public record's 5
        _gdp("浙江省", 2023, 5),
        _gdp("杭州市", 2023, 5),  # its province is 浙江省, whose report is in rows
        _gdp("广州市", 2023, 6),  # 广东省 has no 2023 report here: no parent, no public record
        _gdp("广东省", 2020, 6),  # 2020: no national target at all
    ]
    got = got_for(rows)
    province = got[("province", 2016)]
    assert (province["mean_parent"], province["mean_over_parent"], province["parent_source"]) == (
        6.75, 0.5, PUBLIC_RECORD)
    city = got[("prefecture", 2016)]
    assert (city["mean_parent"], city["mean_over_parent"], city["parent_source"]) == (7.25, 0.75, REPORT)
    province = got[("province", 2023)]
    assert (province["mean_parent"], province["mean_over_parent"], province["below"], province["parent_source"]) \
        == (5.5, -0.5, 1, REPORT)
    city = got[("prefecture", 2023)]
    assert (city["targets"], city["with_parent"], city["mean_parent"], city["parent_source"]) == (2, 1, 5, REPORT)
    none = got[("province", 2020)]
    assert (none["with_parent"], none["mean_over_parent"], none["mean_parent"], none["parent_source"]) == (
        0, None, None, None)
    assert got[("national", 2023)]["parent_source"] is None
    # from Python: a record of one's own, or none
    assert got_for(rows, public={2016: 7.0})[("province", 2016)]["mean_over_parent"] == 0.25
    assert got_for(rows, public={})[("province", 2016)]["with_parent"] == 0
    # the public record is of GDP targets only
    cpi = [{**r, "indicator": "cpi"} for r in rows]
    assert got_for(cpi, indicator="cpi")[("province", 2016)]["parent_source"] is None


@pytest.mark.skipif(not LARGE_CORPUS.exists(), reason="large corpus not present")
def test_amplification_2016_against_the_public_record(tmp_path):
    # No national report for 2016 in the project: 全国 "6.5%—7%" (public record); 广东 and 浙江
    # "7%—7.5%", 广州 "8%左右", 杭州 "7.5-8%".
    engine = open_engine(str(tmp_path / "l.db"))
    ingest(engine, [LARGE_CORPUS / f"{k}-2016-gwr.txt" for k in ("guangdong", "guangzhoushi", "zhejiang",
                                                                 "hangzhoushi")])
    rows = panel_rows(engine, indicators=["gdp"])
    assert {r["jurisdiction"]: (r["target_value"], r["target_value_max"]) for r in rows} == {
        "广东省": (7, 7.5), "广州市": (8, None), "浙江省": (7, 7.5), "杭州市": (7.5, 8)}
    got = {a["level"]: a for a in amplification(rows) if a["year"] == 2016}
    assert "national" not in got
    province = got["province"]
    assert (province["with_parent"], province["mean_parent"], province["mean_over_parent"], province["above"],
            province["parent_source"]) == (2, 6.75, 0.5, 2, PUBLIC_RECORD)
    city = got["prefecture"]
    assert (city["with_parent"], city["mean_parent"], city["above"], city["parent_source"]) == (2, 7.25, 2, REPORT)
    assert city["mean_over_parent"] == pytest.approx(0.625, abs=0.006)


def test_places_from_the_division_data():
    assert place("海拉尔区") == {"level": "county", "province": "内蒙古自治区", "parent": "呼伦贝尔市"}
    assert place("静海区") == {"level": "county", "province": "天津市", "parent": "天津市"}
    assert place("广州市") == {"level": "prefecture", "province": "广东省", "parent": "广东省"}
    assert place("广东省") == {"level": "province", "province": "广东省", "parent": "全国"}
    assert place("全国") == {"level": "national", "province": None, "parent": None}


@pytest.mark.skipif(not LARGE_CORPUS.exists(), reason="large corpus not present")
def test_amplification_2023_against_public_targets(tmp_path):
    # 2023 GDP targets: 全国 "5%左右", 广东 and 浙江 "5%以上", 广州 "6%以上", 杭州 "5%以上".
    engine = open_engine(str(tmp_path / "l.db"))
    ingest(engine, [CORPUS / "national-2023-gwr.txt"] + [
        LARGE_CORPUS / f"{k}-2023-gwr.txt" for k in ("guangdong", "guangzhoushi", "zhejiang", "hangzhoushi")])
    rows = panel_rows(engine, indicators=["gdp"])
    assert {r["jurisdiction"]: r["target_value"] for r in rows} == {
        "全国": 5, "广东省": 5, "广州市": 6, "浙江省": 5, "杭州市": 5}
    got = {a["level"]: a for a in amplification(rows) if a["year"] == 2023}
    assert got["national"]["mean_target"] == 5 and got["national"]["with_parent"] == 0
    assert (got["province"]["with_parent"], got["province"]["mean_over_parent"], got["province"]["equal"]) == (2, 0, 2)
    assert got["province"]["parent_source"] == REPORT  # national-2023-gwr.txt is in the ledger
    city = got["prefecture"]
    assert (city["targets"], city["mean_target"], city["mean_over_parent"], city["above"], city["equal"]) == (
        2, 5.5, 0.5, 1, 1)


def test_counts_per_indicator_and_year(bundled_ledger, bundled_panel):
    counts = {(c["indicator"], c["year"]): c for c in panel_counts(bundled_panel, report_slots(bundled_ledger))}
    gdp_2024 = counts[("gdp", 2024)]
    # 全国, 河东区, 西青区, 静海区 plan 2024 and each sets a GDP growth target.
    assert (gdp_2024["reports"], gdp_2024["found"], gdp_2024["pending"]) == (4, 4, 4)
    for c in counts.values():
        assert c["found"] <= c["reports"]
        assert c["decided"] == c["met"] + c["missed"]
        assert c["found"] == c["met"] + c["missed"] + c["unclear"] + c["pending"]


# --- the command ------------------------------------------------------------------------


def test_unknown_indicator_is_a_one_line_error(bundled_ledger):
    with pytest.raises(InputError, match="not a panel indicator"):
        panel_rows(bundled_ledger, indicators=["gdp", "happiness"])


def test_panel_command_csv_and_errors(tmp_path):
    db = str(tmp_path / "l.db")
    assert runner.invoke(app, ["--db", db, "ingest", *map(str, NATIONAL[:2])]).exit_code == 0
    result = runner.invoke(app, ["--db", db, "panel", "-f", "csv", "-i", "gdp"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["year"], r["target_value"], r["outcome_value"], r["verdict"]) for r in rows] == [
        ("2021", "6", "8.1", "met"), ("2022", "5.5", "", "pending")]
    assert set(rows[0]) == set(PANEL_KEYS)
    table = runner.invoke(app, ["--db", db, "panel", "-j", "全国"])
    assert table.exit_code == 0 and "地区生产总值增长" in table.output and "national-2021-gwr.txt" in table.output
    amp = runner.invoke(app, ["--db", db, "panel", "--amplification", "-f", "json"])
    assert amp.exit_code == 0 and '"mean_target": 6' in amp.output
    bad = runner.invoke(app, ["--db", db, "panel", "-i", "happiness"])
    assert bad.exit_code != 0 and "not a panel indicator" in bad.output and len(bad.output.strip().splitlines()) == 1
