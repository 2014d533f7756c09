"""Late delivery and silent drops on real consecutive reports: 海拉尔区 2013-2018 and the
national reports 2021-2024 (seeds/corpus/). The N+1 verdict never changes; what the later
reports say is kept beside it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tracker import rules
from tracker.api import scorecard_markdown
from tracker.cli import app
from tracker.ledger import ingest, update
from tracker.queries import ledger_rows
from tracker.store.database import open_engine

CORPUS = Path(__file__).resolve().parent.parent / "seeds" / "corpus"
HAILAR = {y: CORPUS / f"hailar-{y}-gwr.txt" for y in range(2012, 2019)}
NATIONAL = {y: CORPUS / f"national-{y}-gwr.txt" for y in range(2021, 2025)}
runner = CliRunner()


def line_of(path: Path, n: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[n - 1]


def row(rows: list[dict], span: str, year: int) -> dict:
    found = [r for r in rows if r["span"] == span and r["target_year"] == year]
    assert len(found) == 1, (span, year, len(found))
    return found[0]


@pytest.fixture(scope="module")
def hailar(tmp_path_factory):
    engine = open_engine(str(tmp_path_factory.mktemp("hailar") / "l.db"))
    ingest(engine, [HAILAR[y] for y in range(2013, 2019)])
    return engine


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    engine = open_engine(str(tmp_path_factory.mktemp("national") / "l.db"))
    ingest(engine, list(NATIONAL.values()))
    return engine


def test_rules_file_has_the_known_sections():
    data = rules.load("later_reports")
    assert set(data) == {"late", "dropped", "restated", "admission"}
    assert set(data["late"]) == {"years_later", "reasons", "skip_promises", "skip_measures", "head_run"}
    assert data["late"]["years_later"] >= 1 and data["dropped"]["min_name"] >= 2


def test_a_mine_approved_a_year_late_is_met_late_and_stays_missed(hailar):
    # 2013: "大唐700万吨露天矿完成核准"; the 2014 report: still "进入国家核准程序" (missed);
    # the 2015 report: "大唐700万吨露天矿完成项目核准".
    r = row(ledger_rows(hailar), "大唐700万吨露天矿完成核准", 2013)
    assert (r["verdict"], r["reason_code"], r["outcome_doc"]) == ("missed", "deliverable_lesser_stage",
                                                                   "hailar-2014-gwr.txt")
    assert (r["followup"], r["followup_year"], r["followup_doc"]) == ("met_late", 2014, "hailar-2015-gwr.txt")
    assert r["followup_searched"] == 1
    assert r["followup_quote"] in line_of(HAILAR[2015], r["followup_line"])
    assert "完成项目核准" in r["followup_quote"]


def test_met_late_years_after_the_follow_up(hailar):
    # 2015: "做好“义务教育发展基本均衡县”创建工作", not in the 2016 review; the 2018 report:
    # "提前一年顺利通过国家义务教育基本均衡县验收" (2017).
    r = row(ledger_rows(hailar), "做好“义务教育发展基本均衡县”创建工作", 2015)
    assert (r["verdict"], r["reason_code"]) == ("unclear", "not_reported")
    assert (r["followup"], r["followup_year"], r["followup_doc"], r["followup_searched"]) == (
        "met_late", 2017, "hailar-2018-gwr.txt", 2)
    assert "基本均衡县验收" in line_of(HAILAR[2018], r["followup_line"])


def test_another_project_sharing_a_tail_is_not_met_late(hailar):
    # "龙腾果蔬粮油农贸批发市场" is not "万家惠农贸批发市场", whose 一期 opened in 2016.
    r = row(ledger_rows(hailar), "开工建设龙腾果蔬粮油农贸批发市场改造工程", 2013)
    assert r["followup"] != "met_late"
    late = row(ledger_rows(hailar), "万家惠农贸批发零售市场年内投入运营", 2014)
    assert (late["verdict"], late["followup"], late["followup_year"]) == ("missed", "met_late", 2016)


def test_met_late_never_changes_the_verdicts(hailar, tmp_path):
    alone = open_engine(str(tmp_path / "pair.db"))
    ingest(alone, [HAILAR[2013], HAILAR[2014]])
    pair = {r["id"]: r["verdict"] for r in ledger_rows(alone, year=2013)}
    assert pair and all(r["followup"] is None for r in ledger_rows(alone))  # nothing after N+1
    assert {r["id"]: r["verdict"] for r in ledger_rows(hailar, year=2013)} == pair


def test_a_project_never_named_again_is_dropped(hailar):
    # "副都统衙门": promised in the 2015 report, in no report after it.
    r = row(ledger_rows(hailar), "完成副都统衙门改造和布展工作", 2015)
    assert (r["verdict"], r["reason_code"]) == ("unclear", "not_reported")
    assert (r["followup"], r["followup_searched"], r["followup_year"]) == ("dropped", 2, 2017)
    assert r["followup_doc"] is None and r["followup_line"] is None
    for y in (2016, 2017, 2018):
        assert "副都统衙门" not in HAILAR[y].read_text(encoding="utf-8")


def test_dropped_needs_a_report_beyond_the_follow_up(national, tmp_path):
    # "中欧投资协定签署" (2021): not in the 2022 review, nor in the reports of 2023 and 2024.
    r = row(ledger_rows(national), "中欧投资协定签署", 2021)
    assert (r["followup"], r["followup_searched"]) == ("dropped", 2)
    for y in (2022, 2023, 2024):
        assert "中欧投资协定" not in NATIONAL[y].read_text(encoding="utf-8")
    pair = open_engine(str(tmp_path / "pair.db"))
    ingest(pair, [NATIONAL[2021], NATIONAL[2022]])
    assert row(ledger_rows(pair), "中欧投资协定签署", 2021)["followup"] is None


def test_a_fragment_without_a_name_is_never_dropped(hailar):
    # "计划投资64.8亿元": the subject is elsewhere in the sentence; nothing to look for.
    r = row(ledger_rows(hailar), "计划投资64.8亿元", 2013)
    assert r["reason_code"] == "not_reported" and r["followup"] is None


def test_a_project_named_again_is_not_dropped(hailar):
    # Not reported by the 2016 review, but named again later: not a silent drop.
    for r in ledger_rows(hailar, year=2015):
        if r["followup"] == "dropped":
            for y in (2016, 2017, 2018):
                assert r["span"] not in HAILAR[y].read_text(encoding="utf-8")


def test_the_update_of_a_later_report_finds_late_delivery(tmp_path):
    engine = open_engine(str(tmp_path / "l.db"))
    ingest(engine, [HAILAR[2013], HAILAR[2014]], keep_going=True)
    span = "大唐700万吨露天矿完成核准"
    assert row(ledger_rows(engine), span, 2013)["followup"] is None
    update(engine, [HAILAR[2015]])
    assert row(ledger_rows(engine), span, 2013)["followup"] == "met_late"


def test_keep_going_and_one_batch_give_the_same_follow_ups(hailar, tmp_path):
    each = open_engine(str(tmp_path / "each.db"))
    ingest(each, [HAILAR[y] for y in (2018, 2014, 2016, 2013, 2017, 2015)], keep_going=True)
    key = ("id", "followup", "followup_year", "followup_doc", "followup_line", "followup_searched", "restated")
    assert [tuple(r[k] for k in key) for r in ledger_rows(each)] == \
        [tuple(r[k] for k in key) for r in ledger_rows(hailar)]


def test_replacing_a_later_report_redoes_its_follow_ups(tmp_path):
    engine = open_engine(str(tmp_path / "l.db"))
    ingest(engine, [HAILAR[2013], HAILAR[2014], HAILAR[2015]])
    changed = tmp_path / "hailar-2015-gwr.txt"
    changed.write_bytes(HAILAR[2015].read_bytes() + "\n（此件有更正）\n".encode("utf-8"))
    ingest(engine, [changed], replace=True)
    assert row(ledger_rows(engine), "大唐700万吨露天矿完成核准", 2013)["followup"] == "met_late"


def test_the_scorecard_shows_both_citations_and_keeps_its_counts(hailar, tmp_path):
    text = scorecard_markdown(hailar, "海拉尔区", 2013)
    rows = ledger_rows(hailar, jurisdiction="海拉尔区", year=2013)
    counts = Counter(r["verdict"] for r in rows)
    assert f"**{counts['met']} of {len(rows)} targets met, {counts['missed']} missed" in text
    late = text.split("### 迟到完成 met late")[1].split("###")[0]
    mine = next(line for line in late.splitlines() if "大唐700万吨露天矿完成核准" in line)
    assert "hailar-2014-gwr.txt:" in mine and "hailar-2015-gwr.txt:14" in mine
    assert "### 未再提及 dropped" in text
    n_dropped = sum(r["followup"] == "dropped" for r in rows)
    assert f"### 未再提及 dropped ({n_dropped})" in text


def test_the_ledger_command_filters_follow_ups(hailar, monkeypatch):
    monkeypatch.setenv("TRACKER_DB", hailar.url.render_as_string(hide_password=False))
    result = runner.invoke(app, ["ledger", "--followup", "met_late", "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "followup_year" in lines[0] and "followup_doc" in lines[0]
    assert len(lines) - 1 == sum(r["followup"] == "met_late" for r in ledger_rows(hailar))
    assert any("大唐700万吨露天矿" in line and "hailar-2015-gwr.txt" in line for line in lines)
    bad = runner.invoke(app, ["ledger", "--followup", "late"])
    assert bad.exit_code != 0


def test_a_ledger_at_revision_0002_gets_the_tables_and_fills_them_on_rejudging(tmp_path):
    from alembic import command
    from sqlalchemy import create_engine, inspect

    from sqlmodel import delete

    from tracker.ledger import rejudge
    from tracker.store.database import alembic_config, writing
    from tracker.store.tables import FollowUpRow

    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = create_engine(url)
    with old.begin() as conn:
        command.upgrade(alembic_config(conn), "0002")
    assert "followup" not in inspect(old).get_table_names()
    old.dispose()
    engine = open_engine(url)
    assert {"followup", "restated"} <= set(inspect(engine).get_table_names())
    ingest(engine, [HAILAR[2013], HAILAR[2014], HAILAR[2015]])
    with writing(engine) as session:  # as the rows of a ledger just upgraded: none
        session.exec(delete(FollowUpRow))
    assert row(ledger_rows(engine), "大唐700万吨露天矿完成核准", 2013)["followup"] is None
    with writing(engine) as session:
        rejudge(session, [("海拉尔区", 2013)])
    assert row(ledger_rows(engine), "大唐700万吨露天矿完成核准", 2013)["followup"] == "met_late"
