"""Outcome extraction: real review phrases from the bundled reports → the outcome read."""

from __future__ import annotations

import pytest

from tracker.model import Paragraph, Part, Report
from tracker.grammar import split_list
from tracker.outcomes import extract_outcomes, indicator_words, stage_of, statement_kind


def review(*texts: str, year: int = 2013, kind: str = "review", first_line: int = 10) -> Report:
    """A follow-up report whose review part holds `texts`, one paragraph per line."""
    paras = [Paragraph(t, ((0, first_line + 2 * i),)) for i, t in enumerate(texts)]
    part = Part(kind, f"一、{year}年工作回顾", year, paras)  # type: ignore[arg-type]
    return Report("test.txt", "", "海拉尔区", "work_report", None, year, year + 1, None, paras, [part])


def numbers(text: str, **kw) -> list[tuple]:
    return [(o.indicator, o.value, o.unit, o.measure) for o in extract_outcomes(review(text, **kw))
            if o.value is not None]


# (review phrase, expected (indicator, value, unit, measure) rows) — from the corpus reports
NUMBER_CASES = [
    # hailar-2014-gwr.txt line 15: level and growth of one indicator
    ("全年地区生产总值完成253.7亿元，同比增长10.1%;地方财政总收入完成24.85亿元，同比增长20.3%。",
     [("地区生产总值", 253.7, "亿元", "level"), ("地区生产总值", 10.1, "%", "growth"),
      ("地方财政总收入", 24.85, "亿元", "level"), ("地方财政总收入", 20.3, "%", "growth")]),
    # hailar-2014-gwr.txt line 43: one indicator per clause
    ("全年新增就业5611人，实现再就业2529人，城镇登记失业率控制到3.65%。",
     [("新增就业", 5611, "人", "level"), ("再就业", 2529, "人", "level"),
      ("城镇登记失业率", 3.65, "%", "rate")]),
    # national-2022-gwr.txt line 16: a price rise is a growth
    ("城镇调查失业率平均为5.1%。居民消费价格上涨0.9%。",
     [("城镇调查失业率", 5.1, "%", "rate"), ("居民消费价格", 0.9, "%", "growth")]),
    # national-2022-gwr.txt line 24: a fall is a negative growth
    ("地级及以上城市细颗粒物平均浓度下降9.1%。", [("地级及以上城市细颗粒物平均浓度", -9.1, "%", "growth")]),
]


@pytest.mark.parametrize("text,expected", NUMBER_CASES)
def test_number_outcomes(text: str, expected: list[tuple]) -> None:
    assert numbers(text) == expected


def test_respectively_gives_one_indicator_per_number() -> None:
    # hailar-2018-gwr.txt line 27
    got = numbers("城镇和农村居民人均可支配收入分别达35512元、25689元，分别同比增长7.8%、8.4%。")
    assert got == [
        ("城镇居民人均可支配收入", 35512, "元", "level"),
        ("农村居民人均可支配收入", 25689, "元", "level"),
        ("城镇居民人均可支配收入", 7.8, "%", "growth"),
        ("农村居民人均可支配收入", 8.4, "%", "growth"),
    ]


def test_from_value_is_not_an_outcome() -> None:
    # national-2023-gwr.txt line 84: only the value reached counts, for both items
    got = numbers("将制造业企业、科技型中小企业研发费用加计扣除比例分别从50%、75%提高至100%。")
    assert {v for _, v, _, _ in got} == {100}
    assert len(got) == 2


def test_outcome_comparator_and_estimate() -> None:
    (o,) = [o for o in extract_outcomes(review("全年接待国内外游客突破370万人次。")) if o.value]
    assert (o.value, o.unit, o.comparator) == (370, "万人次", ">=")
    (e,) = [o for o in extract_outcomes(review("预计全年地区生产总值增长6%左右。")) if o.value]
    assert e.provisional and e.measure == "growth"


def test_period_review_numbers_are_cumulative() -> None:
    # national-2023-gwr.txt: after "五年来" the figures are totals over the term
    r = review("过去一年，城镇新增就业1206万人。", "五年来，新建高标准农田4.56亿亩。")
    got = {o.indicator: o.measure for o in extract_outcomes(r) if o.value}
    assert got == {"城镇新增就业": "level", "新建高标准农田": "cumulative"}


def test_line_and_span_point_into_the_file() -> None:
    r = review("一段开头。", "社会消费品零售总额完成110.6亿元，同比增长13%。", first_line=18)
    o = next(o for o in extract_outcomes(r) if o.value == 13)
    assert o.line == 20 and "13%" in o.span


STAGE_CASES = [
    ("红星美凯龙主力店项目开工建设", ("开工建设", 1)),
    ("华润雪花啤酒迁建、亘富200万吨褐煤提质项目主体完工", ("主体完工", 3)),  # not 完工
    ("投资3.3亿元的机场快速路建成通车", ("建成通车", 5)),
    ("投资1.4亿元的西出口道路工程进展顺利", ("进展顺利", 2)),
    ("全年地区生产总值完成253.7亿元", None),  # 完成 before a number is a level verb
]


@pytest.mark.parametrize("text,expected", STAGE_CASES)
def test_stage_words(text: str, expected: tuple | None) -> None:
    assert stage_of(text) == expected


def test_stage_outcomes_keep_the_clause() -> None:
    r = review("东海写字楼、区国税局综合业务用房主体封顶，红星美凯龙主力店项目开工建设。")
    got = [(o.stage, o.span) for o in extract_outcomes(r) if o.stage]
    assert got == [("主体封顶", "东海写字楼、区国税局综合业务用房主体封顶"),
                   ("开工建设", "红星美凯龙主力店项目开工建设")]


@pytest.mark.parametrize("text,kind", [
    ("节能减排任务全面完成", "completed_task"),
    ("主要污染物排放量继续下降", "down"),
    ("国际收支基本平衡", "stable"),
    ("生态环境质量稳中改善", "up"),
    ("人民币汇率在合理均衡水平上弹性增强、保持基本稳定", "up,stable"),
    ("完成国企改革三年行动任务", "completed_task"),
    ("城市面貌", None),
])
def test_statement_kind(text: str, kind: str | None) -> None:
    assert statement_kind(text) == kind


@pytest.mark.parametrize("prefix,name", [
    ("全年地区生产总值完成", "地区生产总值"),
    ("同比增长", ""),
    ("区本级全社会固定资产投资额完成", "区本级全社会固定资产投资额"),
])
def test_indicator_words(prefix: str, name: str) -> None:
    assert indicator_words(prefix) == name


def test_split_list_shares_the_tail() -> None:
    assert split_list("城乡居民人均可支配收入") == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    # beijing-2006: a place takes the place of the next item's (城八区 for 郊区)
    assert split_list("城八区和郊区城镇污水处理率") == ["城八区城镇污水处理率", "郊区城镇污水处理率"]
    assert split_list("中心城区和县城污水处理率") == ["中心城区污水处理率", "县城污水处理率"]


def test_rule_files_have_the_known_keys() -> None:
    from tracker.judge import policy
    from tracker.outcomes import words

    w = words()
    assert sorted(w["stages"]) == ["0", "1", "2", "3", "4", "5"]
    for key in ("estimate", "growth", "level_verbs", "title", "event", "act", "task_completed",
                "direction", "conflict", "aliases", "filler", "generic"):
        assert key in w, key
    assert all(isinstance(x, str) and x for ws in w["stages"].values() for x in ws)
    p = policy()
    assert 0 < p["about"]["rate_points"] < 2 and 0 < p["about"]["relative_share"] < 1
    for key in ("min_overlap", "missed_min_score", "min_name_run", "long_run", "same_words",
                "min_name_coverage", "missed_name_coverage"):
        assert key in p["matching"], key


def _outcomes_of(text: str):
    from tracker.model import Paragraph, Part, Report

    para = Paragraph(text, ((0, 5),))
    part = Part("review", "一、2017年工作回顾", 2017, [para])
    return extract_outcomes(Report("r.txt", "", "海拉尔区", "work_report", None, 2017, 2018, None, [para], [part]))


def test_respective_figures_cite_the_whole_statement() -> None:
    outs = [o for o in _outcomes_of("城乡居民人均可支配收入分别增长8.7%和8.6%。") if o.value is not None]
    assert [(o.indicator, o.value) for o in outs] == [("城镇居民人均可支配收入", 8.7), ("农村居民人均可支配收入", 8.6)]
    assert {o.span for o in outs} == {"城乡居民人均可支配收入分别增长8.7%和8.6%"}


def test_list_items_name_their_own_noun() -> None:
    outs = _outcomes_of("完成178座燃煤锅炉拆改、25公里供热管线改造、8座热力站建设，建成335户绿色保暖房。")
    got = [(o.span, o.indicator, o.value) for o in outs if o.value is not None]
    assert got == [("完成178座燃煤锅炉拆改", "燃煤锅炉拆改", 178), ("25公里供热管线改造", "供热管线改造", 25),
                   ("8座热力站建设", "热力站建设", 8), ("建成335户绿色保暖房", "绿色保暖房", 335)]


def test_figures_for_part_of_the_year_say_so() -> None:
    # luzhoushi-2023-gwr.txt line 17, delivered 2022-12-26: "前三季度" holds to the sentence's
    # end, across its semicolons; the next sentence's "预计全年" is the whole year
    text = ("前三季度，全市实现地区生产总值1887.2亿元、总量居全省第6位，同比增长（下同）3.1%；"
            "规模以上工业增加值增长4.5%；城乡居民人均可支配收入37533元、15221元，分别增长5.8%、7.1%。"
            "预计全年地区生产总值增速高于全省1个百分点。")
    got = {(o.indicator, o.value): o.period for o in extract_outcomes(review(text)) if o.value is not None}
    assert got[("规模以上工业增加值", 4.5)] == "前三季度"
    assert got[("城镇居民人均可支配收入", 5.8)] == "前三季度"
    assert got[("地区生产总值", 1887.2)] == "前三季度"
    assert all(p is None for (name, v), p in got.items() if v == 1)
    # xinxiangshi-2023-gwr.txt line 15: a later marker wins; "预计全年" and "全年" end one
    text = ("前三季度，地区生产总值增长5.6%，居全省第1位，预计全年增长5.5%，高于全省2个百分点。"
            "全年完成一般公共预算收入227亿元，居全省第4位，增长9%。"
            "1—11月份，固定资产投资增长13.6%，居全省第2位。")
    got = {(o.indicator, o.value): o.period for o in extract_outcomes(review(text)) if o.value is not None}
    assert got[("地区生产总值", 5.6)] == "前三季度"
    assert got[("地区生产总值", 5.5)] is None  # the estimate names the indicator before it
    assert got[("一般公共预算收入", 227)] is None and got[("一般公共预算收入", 9)] is None
    assert got[("固定资产投资", 13.6)] == "1—11月"
    # "1—12月" is the whole year
    (o,) = [o for o in extract_outcomes(review("1—12月，固定资产投资增长8.2%。")) if o.value is not None]
    assert o.period is None
