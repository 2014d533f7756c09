"""Verdicts: the policy core on numbers, and real target + outcome phrases → verdict."""

from __future__ import annotations

import pytest

from tracker.judge import compare, conflict, judge, policy, similarity, synchronous, tolerance
from tracker.model import Paragraph, Part, Report, Target
from tracker.outcomes import extract_outcomes


def review(*texts: str, year: int = 2013) -> Report:
    paras = [Paragraph(t, ((0, 10 + 2 * i),)) for i, t in enumerate(texts)]
    part = Part("review", f"一、{year}年工作回顾", year, paras)
    return Report("next.txt", "", "海拉尔区", "work_report", None, year, year + 1, None, paras, [part])


def target(span: str, kind: str = "quantitative", value: float | None = None, unit: str | None = None,
           comparator: str | None = "=", indicator: str = "", year: int = 2013, **kw) -> Target:
    return Target(line=1, span=span, kind=kind, indicator=indicator, comparator=comparator,  # type: ignore[arg-type]
                  value=value, unit=unit, target_year=year, quote=kw.pop("quote", span), **kw)


def verdict_of(t: Target, *review_texts: str):
    r = review(*review_texts, year=t.target_year)
    return judge(t, r, extract_outcomes(r))


# ------------------------------------------------------------------ policy core

@pytest.mark.parametrize("t,o,kw,expected", [
    (6, 8.1, dict(comparator=">="), ("met", "at_least")),          # 增长6%以上 → 8.1%
    (7.5, 7.2, dict(comparator="="), ("missed", "at_least")),      # bare number = at least
    (83, 82.8, dict(comparator="="), ("missed", "at_least")),      # no rounding up
    (5.5, 3.0, dict(comparator="~", unit="%"), ("missed", "about")),  # 5.5%左右 → 3%
    (5.0, 5.2, dict(comparator="~", unit="%"), ("met", "about")),
    (5.0, 4.6, dict(comparator="~", unit="%"), ("met", "about")),     # within 0.5 points
    (5.0, 4.4, dict(comparator="~", unit="%"), ("missed", "about")),
    (1200, 1150, dict(comparator="~", unit="万人"), ("met", "about")),  # within 5% of the value
    (1200, 1130, dict(comparator="~", unit="万人"), ("missed", "about")),
    (3.0, 0.9, dict(comparator="~", unit="%", polarity=-1), ("met", "ceiling")),   # CPI 3%左右
    (3.0, 3.4, dict(comparator="~", unit="%", polarity=-1), ("met", "ceiling")),
    (3.0, 3.6, dict(comparator="~", unit="%", polarity=-1), ("missed", "ceiling")),
    (4.0, 3.79, dict(comparator="<="), ("met", "ceiling")),         # 控制在4%以内
    (4.0, 4.2, dict(comparator="="), ("met", "at_least")),          # bare, more is better
    (4.0, 4.2, dict(comparator="=", polarity=-1), ("missed", "ceiling")),  # bare, less is better
])
def test_compare(t, o, kw, expected) -> None:
    d = compare(t, o, **kw)
    assert (d.verdict, d.reason_code) == expected


def test_range_is_read_at_its_lower_end_or_upper_end_when_less_is_better() -> None:
    assert compare(4.5, 4.6, comparator=">=", t_max=5.0).verdict == "met"
    assert compare(4.5, 4.4, comparator=">=", t_max=5.0).verdict == "missed"
    assert compare(4.5, 4.9, comparator="<=", t_max=5.0, polarity=-1).verdict == "met"
    assert compare(4.5, 5.1, comparator="<=", t_max=5.0, polarity=-1).verdict == "missed"


def test_one_sided_outcome_cannot_show_a_miss() -> None:
    # "超过120" against a floor of 130 may still be 131: unclear, never missed.
    assert compare(130, 120, comparator=">=", outcome_comparator=">=").verdict == "unclear"
    assert compare(100, 120, comparator=">=", outcome_comparator=">=").verdict == "met"


def test_tolerance_comes_from_the_policy_file() -> None:
    about = policy()["about"]
    assert tolerance(5.0, "%") == about["rate_points"]
    assert tolerance(1000.0, "万人") == pytest.approx(1000.0 * about["relative_share"])


def test_synchronous_slack() -> None:
    slack = policy()["synchronous"]["slack_points"]
    assert synchronous(6.1, 5.2).verdict == "met"
    assert synchronous(5.2 - slack, 5.2).verdict == "met"
    assert synchronous(5.2 - slack - 0.1, 5.2).verdict == "missed"


@pytest.mark.parametrize("a,b", [("城镇调查失业率", "城镇登记失业率"), ("工业增加值", "地区生产总值"),
                                 ("城镇居民人均可支配收入", "农村居民人均可支配收入"), ("旅游收入", "旅游接待人数")])
def test_look_alike_indicators_never_match(a: str, b: str) -> None:
    assert conflict(a, b)


def test_similar_names_match() -> None:
    assert similarity("区本级固定资产投资", "区本级全社会固定资产投资额") >= 0.6
    assert similarity("失业人员再就业", "再就业") >= 0.6
    assert similarity("实施重点商贸流通项目", "规模以上工业总产值") == 0


# ------------------------------------------------------------------ pending

def test_pending_without_followup() -> None:
    v = judge(target("地区生产总值增长7.5%", value=7.5, unit="%"), None, [])
    assert (v.verdict, v.reason_code) == ("pending", "no_followup")
    assert "2013" in v.reason


def test_five_year_goal_waits_for_its_final_year() -> None:
    t = target("城镇新增就业5500万人以上", value=5500, unit="万人", comparator=">=", year=2025,
               horizon="five_year")
    r = review("城镇新增就业1269万人。", year=2021)
    assert judge(t, r, extract_outcomes(r)).verdict == "pending"


# ------------------------------------------------------------------ real phrases → verdict
# (target, review text of the next report, expected verdict, reason code)

CASES = [
    # hailar 2016 → 2017 line 13: growth and level targets on one line
    (target("地区生产总值增长7.5%", value=7.5, unit="%", indicator="地区生产总值"),
     "2016年,地区生产总值完成303.6亿元,同比增长7.2%;", "missed", "at_least"),
    (target("地区生产总值增长7.5%，达到309亿元", value=309, unit="亿元", indicator="地区生产总值"),
     "2016年,地区生产总值完成303.6亿元,同比增长7.2%;", "missed", "at_least"),
    (target("区本级固定资产投资增长13%", value=13, unit="%", indicator="区本级固定资产投资"),
     "区本级固定资产投资完成100.6亿元,同比增长16.6%;", "met", "at_least"),
    # national 2023 → 2024 line 16: 左右, more and less is better
    (target("国内生产总值增长5%左右", value=5, unit="%", comparator="~", indicator="国内生产总值"),
     "国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。", "met", "about"),
    (target("城镇调查失业率5.5%左右", value=5.5, unit="%", comparator="~", indicator="城镇调查失业率"),
     "城镇新增就业1244万人，城镇调查失业率平均为5.2%。", "met", "ceiling"),
    (target("居民消费价格涨幅3%左右", value=3, unit="%", comparator="~", indicator="居民消费价格涨幅"),
     "居民消费价格上涨0.2%。", "met", "ceiling"),
    # national 2022 → 2023 line 16
    (target("国内生产总值增长5.5%左右", value=5.5, unit="%", comparator="~", indicator="国内生产总值"),
     "全年国内生产总值增长3%，城镇新增就业1206万人。", "missed", "about"),
    # national 2021 → 2022 line 20: 万亿斤 against 万亿斤
    (target("粮食产量保持在1.3万亿斤以上", value=1.3, unit="万亿斤", comparator=">=", indicator="粮食产量"),
     "粮食产量1.37万亿斤，增产267亿斤。", "met", "at_least"),
    # a growth target with only a level reported: different measure
    (target("社会消费品零售总额增长11.5%", value=11.5, unit="%", indicator="社会消费品零售总额"),
     "社会消费品零售总额完成136.3亿元。", "unclear", "different_measure"),
    # look-alike indicator is not evidence: 登记 vs 调查
    (target("城镇调查失业率5.5%左右", value=5.5, unit="%", comparator="~", indicator="城镇调查失业率"),
     "城镇登记失业率控制到3.65%。", "unclear", "not_reported"),
    # hailar 2013 → 2014 line 41: 城乡 target, both figures short
    (target("城乡居民可支配收入增长18%", value=18, unit="%", indicator="城乡居民收入"),
     "城镇居民人均可支配收入完成25852元，同比增长11.1%;农民人均纯收入完成19080元，同比增长14.1%。",
     "missed", "at_least"),
    # nothing about it
    (target("实施重点商贸流通项目17个", value=17, unit="个"),
     "全年地区生产总值完成235.2亿元。", "unclear", "not_reported"),
    # deliverables: hailar 2013 → 2014 lines 29-33
    (target("确保红星美凯龙6万平方米主力店年内完工", kind="deliverable", value=None, comparator=None),
     "红星美凯龙主力店项目开工建设。", "missed", "deliverable_lesser_stage"),
    (target("确保新建的海拉尔客运总站", kind="deliverable", value=None, comparator=None,
            quote="确保新建的海拉尔客运总站、呼伦贝尔中心城汽车公司调度中心投入使用"),
     "投资1.3亿元的客运总站投入使用。", "met", "deliverable_done"),
    (target("建成哈萨尔和东升路两个市民广场", kind="deliverable", value=None, comparator=None),
     "哈萨尔、东升路两个市民广场投入使用。", "met", "deliverable_done"),
    # a lesser stage of another part of the same big project is not a miss
    (target("确保红星美凯龙5.7万平方米主力店正式运营", kind="deliverable", value=None, comparator=None),
     "红星美凯龙城市商贸综合体建材城主体完工。", "unclear", "ambiguous"),
    # completed but not said to be in use: unclear
    (target("向阳幼儿园投入使用", kind="deliverable", value=None, comparator=None),
     "投资9600万元实施的向阳幼儿园等6个项目全部完工。", "unclear", "ambiguous"),
    (target("确保卫生大厦年内投入使用", kind="deliverable", value=None, comparator=None),
     "区人民医院远程医疗项目投入使用。", "unclear", "not_reported"),
    # relative targets
    (target("全面完成节能减排各项任务", kind="relative", value=None, comparator=None),
     "节能减排任务全面完成。", "met", "task_completed"),
    (target("主要污染物排放量继续下降", kind="relative", value=None, comparator=None),
     "主要污染物排放量继续下降，地表水和近岸海域水质持续好转。", "met", "direction"),
    (target("居民收入增长与经济增长基本同步", kind="relative", value=None, comparator=None,
            relation="synchronous"),
     "国内生产总值增长5.2%。居民人均可支配收入增长6.1%。", "met", "synchronous"),
    (target("居民收入增长与经济增长基本同步", kind="relative", value=None, comparator=None,
            relation="synchronous"),
     "国内生产总值增长8.1%。居民人均可支配收入增长6.1%。", "missed", "synchronous"),
    (target("城镇居民收入增速高于全市平均水平", kind="relative", value=None, comparator=None),
     "城镇居民人均可支配收入增长8%。", "unclear", "external_data"),
]


@pytest.mark.parametrize("t,text,verdict,code", CASES, ids=[c[0].span[:14] for c in CASES])
def test_real_phrases(t: Target, text: str, verdict: str, code: str) -> None:
    v = verdict_of(t, text)
    assert (v.verdict, v.reason_code) == (verdict, code), v.reason
    assert v.reason and v.rule
    if verdict in ("met", "missed"):
        assert v.outcome is not None and v.outcome.line >= 10


def test_numbers_compared_are_normalised() -> None:
    t = target("粮食产量保持在1.3万亿斤以上", value=1.3, unit="万亿斤", comparator=">=", indicator="粮食产量")
    v = verdict_of(t, "粮食产量1.37万亿斤。")
    assert v.norm_unit is not None and v.target_norm == pytest.approx(v.outcome_norm * 1.3 / 1.37)
    assert v.target_norm > 1e11  # 万亿 applied


def test_estimate_is_provisional() -> None:
    t = target("地区生产总值增长7.5%", value=7.5, unit="%", indicator="地区生产总值")
    v = verdict_of(t, "预计全年地区生产总值增长8%。")
    assert (v.verdict, v.provisional) == ("met", True)


def test_five_year_review_stage_never_gives_missed() -> None:
    t = target("远山红郡住宅小区年内完工", kind="deliverable", value=None, comparator=None)
    v = verdict_of(t, "五年来，远山红郡住宅小区一期建设顺利推进。")
    assert v.verdict == "unclear"


def test_a_figure_for_a_list_does_not_check_one_item() -> None:
    # hailar 2017 → 2018 line 21: 3920亩 is 公路, 村屯 and 矿区 together
    t = target("实施村屯绿化2738亩", value=2738, unit="亩", indicator="村屯绿化")
    v = verdict_of(t, "实施公路、村屯、矿区绿化3920亩。")
    assert (v.verdict, v.reason_code) == ("unclear", "ambiguous")


def test_a_loose_name_match_can_say_met_but_never_missed() -> None:
    # "大棚" alone links 新建大棚 and 建成蔬菜大棚: enough to find the figure, not to blame
    t = target("新建大棚300个", value=300, unit="个", indicator="新建大棚")
    assert verdict_of(t, "建成蔬菜大棚300个、仓储库2万平方米。").verdict == "met"
    assert verdict_of(t, "建成蔬菜大棚200个、仓储库2万平方米。").verdict == "unclear"


def test_stable_target_met_by_stated_stability_among_other_words() -> None:
    # national 2022 → 2023 line 16: "弹性增强、保持基本稳定" states two things
    t = target("保持人民币汇率在合理均衡水平上的基本稳定", kind="relative", value=None, comparator=None)
    v = verdict_of(t, "人民币汇率在合理均衡水平上弹性增强、保持基本稳定。")
    assert (v.verdict, v.reason_code) == ("met", "stated_achieved")


def test_policy_measure_met_in_other_words() -> None:
    # national 2021 line 178 → national 2022 line 48
    t = target("制定2030年前碳排放达峰行动方案", kind="deliverable", value=None, comparator=None)
    v = verdict_of(t, "出台碳达峰行动方案。")
    assert (v.verdict, v.reason_code) == ("met", "deliverable_done")


def test_a_name_read_as_a_number_is_judged_as_a_project() -> None:
    # hailar-2016 line 93 → hailar-2017 line 15: 万家惠 is a market, not 1万家
    t = target("实现万家惠农贸批发市场投入运营", value=1, unit="万家")
    v = verdict_of(t, "万家惠农贸批发市场一期投入使用。")
    assert (v.verdict, v.reason_code) == ("met", "deliverable_done")


# ------------------------------------------------------------------ evidence and speed


def test_most_specific_figure_is_the_evidence() -> None:
    # hailar 2016 lines 43 and 51: a project's jobs and the district's jobs; the target
    # "全年新增就业5700人以上" is judged on the district total in the employment sentence.
    t = target("全年新增就业5700人以上", value=5700, unit="人", comparator=">=", indicator="城镇新增就业",
               quote="全年新增就业5700人以上，城镇登记失业率控制在4%以内。")
    v = verdict_of(t, "重点项目进展顺利。全年新增营业面积10万平方米，新增就业3000人。",
                   "社会保障持续加强。全年共发放就业小额担保贷款1600万元，全年实现新增就业5650人，"
                   "再就业2100人，城镇登记失业率控制到3.9%。")
    assert (v.verdict, v.outcome.value) == ("missed", 5650)


def test_count_of_other_work_is_no_miss() -> None:
    # hailar 2014 line 29: 3 roads finished is no count of the 5 new roads promised
    t = target("新建5条主干道路", value=5, unit="条", indicator="主干道路")
    assert verdict_of(t, "3条主干道路完工。").verdict == "unclear"


def test_count_of_several_kinds_of_work_is_no_met() -> None:
    # hailar 2017 line 17: renovated and new toilets counted together
    t = target("年内建成20座公厕", value=20, unit="座", indicator="公厕")
    assert verdict_of(t, "改造新建公厕28座。").verdict == "unclear"


def test_prepared_outcomes_give_the_same_verdicts() -> None:
    from tracker.judge import judge_all, prepare

    r = review("全年地区生产总值完成253.7亿元，同比增长10.1%；红星美凯龙主力店项目开工建设。",
               "节能减排任务全面完成。新增就业5611人。")
    outs = extract_outcomes(r)
    ts = [target("地区生产总值增长9%", value=9, unit="%", indicator="地区生产总值"),
          target("确保红星美凯龙主力店年内完工", kind="deliverable", comparator=None),
          target("完成节能减排任务", kind="relative", comparator=None),
          target("新增就业5400人", value=5400, unit="人", indicator="城镇新增就业")]
    plain = [judge(t, r, list(outs)) for t in ts]  # a new list each time: no reuse
    prep = prepare(r, outs)
    assert [judge(t, r, outs, prepared=prep) for t in ts] == plain
    assert judge_all(ts, r, outs) == plain
    assert [v.verdict for v in plain] == ["met", "missed", "met", "met"]


def test_listed_projects_need_every_item_for_met() -> None:
    # hailar 2014 line 91 → hailar 2015 line 16: only 胜利三路 of the three roads is reported
    t = target("完成对胜利大街、西大街、胜利三路等主干道路的综合改造", kind="deliverable", comparator=None)
    v = verdict_of(t, "完成对胜利三路、学府路和贝尔大街3条主干道路的改造。")
    assert (v.verdict, v.reason_code) == ("unclear", "ambiguous")
    one = target("胜利三路等主干道路的综合改造", kind="deliverable", comparator=None)
    assert verdict_of(one, "完成对胜利三路、学府路和贝尔大街3条主干道路的改造。").verdict == "met"


def test_size_of_a_project_to_finish_is_no_yearly_count() -> None:
    # hailar 2014 line 91 → hailar 2015 line 16
    t = target("确保中心城区68公里供水", value=68, unit="公里", indicator="中心城区供水",
               quote="确保中心城区68公里供水、15公里雨水管网二期工程按期竣工，力争污泥处置工程年内完工")
    v = verdict_of(t, "投资2.6亿元，实施了中心城区26公里供水、117公里供热、20公里燃气管网铺设。")
    assert v.verdict == "unclear"


def test_relative_target_is_checked_on_its_stated_clause() -> None:
    # national 2022 line 152 → national 2023 line 72
    t = target("完善落实防止返贫监测帮扶机制，不发生规模性返贫", kind="relative", comparator=None,
               indicator="完善落实防止返贫监测帮扶机制", relation="zero", year=2022)
    assert verdict_of(t, "巩固拓展脱贫攻坚成果，确保不发生规模性返贫。").verdict == "met"


def test_a_rise_over_five_years_is_no_rise_in_the_year() -> None:
    # national 2022 line 110 → national 2023 line 64 (a review of five years)
    t = target("普惠小微贷款明显增长", kind="relative", comparator=None, indicator="普惠小微贷款", year=2022)
    five = review("过去五年，普惠小微贷款余额从8.2万亿元增加到23.8万亿元、年均增长24%。", year=2022)
    v = judge(t, five, extract_outcomes(five))
    assert (v.verdict, v.reason_code) == ("unclear", "different_measure")
    # "连续上调" holds for every year of the period (national 2023 line 122)
    t2 = target("适当提高退休人员基本养老金", kind="relative", comparator=None, year=2022)
    five2 = review("过去五年，连续上调退休人员基本养老金。", year=2022)
    assert judge(t2, five2, extract_outcomes(five2)).verdict == "met"


def test_joined_promise_needs_both_parts() -> None:
    # national 2023 line 156 → national 2024 line 26: energy intensity is not reported
    t = target("单位国内生产总值能耗和主要污染物排放量继续下降", kind="relative", comparator=None, year=2023)
    v = verdict_of(t, "主要污染物排放量继续下降。")
    assert (v.verdict, v.reason_code) == ("unclear", "ambiguous")
    t2 = target("主要污染物排放量继续下降", kind="relative", comparator=None, year=2023)
    assert verdict_of(t2, "主要污染物排放量继续下降。").verdict == "met"


def test_another_project_at_the_same_place_is_no_met() -> None:
    # hailar 2014 line 107 → hailar 2015 line 18
    t = target("启动区医院扩建工程", kind="deliverable", comparator=None, year=2014)
    v = verdict_of(t, "区医院120急救中心项目开工建设。")
    assert (v.verdict, v.reason_code) == ("unclear", "ambiguous")
    same = target("投资1亿元，启动实施黑羊站水厂改扩建工程", kind="deliverable", comparator=None, year=2015)
    assert verdict_of(same, "投资1.15亿元的黑羊站水厂改扩建工程开工建设。").verdict == "met"


def test_a_place_frame_is_no_project_name() -> None:
    # national 2022 line 154 → national 2023 line 45
    t = target("在西部地区脱贫县中集中支持一批乡村振兴重点帮扶县", kind="deliverable", comparator=None, year=2022)
    assert verdict_of(t, "确定160个国家乡村振兴重点帮扶县。").verdict == "met"


# ------------------------------------------------------------------ categories (hailar pairs)

def deliverable(span: str, **kw) -> Target:
    return target(span, kind="deliverable", value=None, comparator=None, **kw)


CATEGORY_CASES = [
    # list items: the first span holds the list, its indicator names its own thing
    ("list item", deliverable("学府路中学、向阳幼儿园投入使用", indicator="学府路中学投入使用", stage="投入使用"),
     "学府路中学教学楼投入使用。", "met", "deliverable_done"),
    ("list item", deliverable("完成东海写字楼、大兴安岭棚户区项目一期、国税局综合业务用房建设",
                              indicator="东海写字楼", stage="完成"),
     "东海写字楼土建工程全面完工。", "met", "deliverable_done"),
    ("list item", deliverable("华润雪花迁建、冷饮厂迁建、玉佳禾面粉和方便面加工等项目开工建设",
                              indicator="华润雪花迁建开工建设", stage="开工建设"),
     "华润雪花啤酒迁建项目开工建设。", "met", "deliverable_done"),
    ("list item", deliverable("完成对胜利大街、西大街、胜利三路等主干道路的综合改造", indicator="对胜利大街",
                              stage="完成"),
     "完成对胜利三路、学府路和贝尔大街3条主干道路的改造。", "unclear", "not_reported"),
    # a promised start is kept when the works are under way or further on
    ("started", deliverable("启动实施远山红郡住宅小区"),
     "远山红郡住宅小区一期建设顺利推进。", "met", "deliverable_done"),
    ("started", deliverable("综合指挥大厅等基础设施项目", stage="开工建设"),
     "综合指挥大厅、数据机房等硬件设施建设基本完成。", "met", "deliverable_done"),
    ("started", deliverable("大商友谊城市商贸综合体开工建设"),
     "大商友谊完成提档升级。", "unclear", "ambiguous"),
    ("started", deliverable("大唐700万吨露天矿前期工作，力争年内开工建设"),
     "大唐700万吨露天矿完成项目核准、亘富200万吨褐煤提质项目主体完工。", "unclear", "ambiguous"),
    # an approval and then a stage: the approval alone does not keep the promise
    ("approval then stage", deliverable("大唐700万吨露天矿一季度完成核准并开工建设"),
     "大唐700万吨露天矿完成项目核准。", "unclear", "ambiguous"),
    ("approval then stage", deliverable("大唐700万吨露天矿完成核准"),
     "大唐700万吨露天矿完成项目核准。", "met", "deliverable_done"),
    # pipe networks of one kind: another kind never matches, all kinds together never meet one
    ("network kinds", target("10公里供水管网", value=10, unit="公里", indicator="供水管网"),
     "完成雨水管网改造12公里。", "unclear", "not_reported"),
    ("network kinds", target("完成9.2公里的城区供水主管网改造", value=9.2, unit="公里", indicator="的城区供水主管网改造"),
     "全年完成管网改造38.6公里。", "unclear", "ambiguous"),
    # an approval promised, the report says it is still in procedure: a lesser stage
    ("approval pending", deliverable("大唐700万吨露天矿完成核准"),
     "大唐700万吨露天矿项目已进入国家核准程序。", "missed", "deliverable_lesser_stage"),
    ("approval pending", deliverable("大唐700万吨露天矿完成核准"),
     "呼伦贝尔煤化工项目已进入国家核准程序。", "unclear", "not_reported"),
    # other names of one indicator
    ("synonyms", target("入园企业达到14家", value=14, unit="家", indicator="入园企业"),
     "中俄蒙国际物流园区中网科技云计算等项目开工建设，入驻企业达到8家。", "missed", "at_least"),
    # units that count one thing: a job (个) is a person employed (人)
    ("equivalent units", target("新增就业岗位5000个", value=5000, unit="个", indicator="新增就业岗位"),
     "实现城镇新增就业5487人，再就业1687人。", "met", "at_least"),
    ("equivalent units", target("新增商业网点50个", value=50, unit="个", indicator="新增商业网点"),
     "新增商业网点从业人员5487人。", "unclear", "different_measure"),
    # a bare name qualified by its own sentence: 产量 of "地产蔬菜种植面积达到2万亩，产量达到15万吨"
    ("qualified in its sentence", target("产量达到15万吨", value=15, unit="万吨", indicator="产量",
                                          quote="地产蔬菜种植面积达到2万亩，产量达到15万吨"),
     "全年蔬菜产量达到9.7万吨。哈克镇新建现代化牧场4.2万平方米，全年鲜奶产量达到19万吨。", "missed", "at_least"),
    ("qualified in its sentence", target("产量达到15万吨", value=15, unit="万吨", indicator="产量",
                                          quote="地产蔬菜种植面积达到2万亩，产量达到15万吨"),
     "全年鲜奶产量达到9.7万吨。", "unclear", "not_reported"),  # milk is another subject than its sentence's
    # a number that sizes a project with a promised stage: with no figure, the stage decides
    ("project size", target("23万平方米的建材城完工", value=23, unit="万平方米", indicator="的建材城完工"),
     "红星美凯龙城市商贸综合体建材城主体完工。", "missed", "deliverable_lesser_stage"),
    ("project size", target("23万平方米的建材城完工", value=23, unit="万平方米", indicator="的建材城完工"),
     "红星美凯龙城市商贸综合体建材城全面竣工。", "met", "deliverable_done"),
    ("project size", target("新增商业营业面积15万平方米", value=15, unit="万平方米", indicator="新增商业营业面积"),
     "红星美凯龙城市商贸综合体建材城主体完工。", "unclear", "not_reported"),
    # a task that names nothing is the task of its sentence's programme
    ("nameless task", target("完成各项任务", kind="relative", value=None, comparator=None,
                             quote="深入实施农村牧区“十个全覆盖”工程，统筹摆布项目，全面完成各项任务"),
     "胜利完成了区人大十四届四次会议确定的各项目标任务。", "unclear", "not_reported"),
    ("nameless task", target("完成各项任务", kind="relative", value=None, comparator=None,
                             quote="深入实施农村牧区“十个全覆盖”工程，统筹摆布项目，全面完成各项任务"),
     "“十个全覆盖”工程各项任务全面完成。", "met", "task_completed"),
    ("project size", target("启动投资2亿元的智慧城市项目", value=2, unit="亿元", indicator="启动投资"),
     "下大力气启动智慧城市一期项目。", "met", "deliverable_done"),
    ("project size", target("启动投资2亿元的智慧城市项目", value=2, unit="亿元", indicator="启动投资"),
     "下大力气启动城市管理系统项目。", "unclear", "not_reported"),
    # the thing counted, compared across wording
    ("counted noun", target("完成城区内178座10蒸吨及以下的各类燃煤小锅炉淘汰和清洁能源替代工作", value=178,
                            unit="座", indicator="完成城区内"),
     "完成178座燃煤锅炉拆改。", "met", "at_least"),
    ("counted noun", target("改造建华路、根河路等背街巷道10条", value=10, unit="条",
                            indicator="改造建华路、根河路等背街巷道"),
     "集中改造的11条背街巷道全部完工。", "met", "at_least"),
    ("counted noun", target("完成孙家屯、团结村等7个现代牧场建设任务", value=7, unit="个",
                            indicator="完成孙家屯、团结村等"),
     "建成4个现代化牧场。", "missed", "at_least"),
    ("counted noun", target("完成呼伦大街、望城路等9条道路工程", value=9, unit="条",
                            indicator="完成呼伦大街、望城路等"),
     "组团内9条主次干道实现通车。", "met", "at_least"),
    ("counted noun", target("完成呼伦大街、望城路等9条道路工程", value=9, unit="条",
                            indicator="完成呼伦大街、望城路等"),
     "10条城区道路建成通车。", "unclear", "not_reported"),
    ("counted noun", target("实施36个老旧小区的既有建筑节能改造", value=36, unit="个",
                            indicator="老旧小区的既有建筑节能改造"),
     "完成45个老旧小区改造任务。", "unclear", "not_reported"),
]


@pytest.mark.parametrize("category,t,text,verdict,code", CATEGORY_CASES,
                         ids=[f"{c[0]}:{c[1].span[:12]}" for c in CATEGORY_CASES])
def test_categories(category: str, t: Target, text: str, verdict: str, code: str) -> None:
    v = verdict_of(t, text)
    assert (v.verdict, v.reason_code) == (verdict, code), v.reason


@pytest.mark.parametrize("span,thing", [
    ("完成城区内178座10蒸吨及以下的各类燃煤小锅炉淘汰和清洁能源替代工作", "燃煤小锅炉"),
    ("完成178座燃煤锅炉拆改", "燃煤锅炉"),
    ("集中改造的11条背街巷道全部完工", "背街巷道"),
    ("改造建华路、根河路等背街巷道10条", "背街巷道"),
    ("实施36个老旧小区的既有建筑节能改造", "既有建筑节能"),
    ("组团内9条主次干道实现通车", "主次干道"),
    ("地区生产总值增长7.5%", ""),
])
def test_counted_noun(span: str, thing: str) -> None:
    from tracker.judge import counted_noun
    assert counted_noun(span) == thing


# jilin 2009→2010 (bench/gold, development half): a promised fall on a less-is-better
# indicator is met by a bigger fall.
@pytest.mark.parametrize(("span", "review_text", "expected"), [
    ("单位地区生产总值能耗下降5%", "全省单位地区生产总值能耗下降6%左右。", "met"),
    ("单位地区生产总值能耗下降5%", "全省单位地区生产总值能耗下降3.1%。", "missed"),
])
def test_promised_fall_is_met_by_a_bigger_fall(span: str, review_text: str, expected: str) -> None:
    t = target(span, value=5, unit="%", comparator="=")
    assert verdict_of(t, review_text).verdict == expected


# shaanxi 2019→2020 (bench/gold, development half): "about to" is neither done nor failed.
def test_a_figure_still_to_come_is_unclear() -> None:
    t = target("29个贫困县摘帽", value=29, unit="个", comparator="=")
    assert verdict_of(t, "29个贫困县即将摘帽。").verdict == "unclear"
    assert verdict_of(t, "29个贫困县全部摘帽。").verdict == "met"


def test_a_figure_for_part_of_the_year_neither_meets_nor_misses() -> None:
    # luzhoushi-2022-gwr.txt line 85 → luzhoushi-2023-gwr.txt line 17 (delivered in December)
    t = target("规模以上工业增加值增长8.5%以上", value=8.5, unit="%", comparator=">=",
               indicator="规模以上工业增加值", measure="growth")
    v = verdict_of(t, "前三季度，全市实现地区生产总值1887.2亿元，同比增长3.1%；规模以上工业增加值增长4.5%。")
    assert (v.verdict, v.reason_code) == ("unclear", "different_measure")
    assert "前三季度" in v.reason
    # the whole year's estimate in the same sentence decides (xinxiangshi-2023-gwr.txt line 15)
    t = target("地区生产总值增长10%以上", value=10, unit="%", comparator=">=", indicator="地区生产总值",
               measure="growth")
    v = verdict_of(t, "前三季度，地区生产总值增长5.6%，居全省第1位，预计全年增长5.5%，高于全省2个百分点。")
    assert (v.verdict, v.outcome.value, v.provisional) == ("missed", 5.5, True)


def test_revenue_kept_in_step_with_the_economy_is_the_budget_s() -> None:
    # chuzhoushi-2022-gwr.txt line 77 → chuzhoushi-2023-gwr.txt line 17: the government's
    # revenue, not residents' income
    t = target("一般公共预算收入增长与经济增长同步", kind="relative", indicator="一般公共预算收入",
               relation="synchronous")
    text = ("地区生产总值增长5.5%，一般公共预算收入增长10.4%，城乡居民人均可支配收入分别增长5.5%、8%。")
    v = verdict_of(t, text)
    assert (v.verdict, v.outcome.indicator) == ("met", "一般公共预算收入")
    # dalianshi-2015-gwr.txt line 88: the city's own budget (市本级) is not the whole city's
    t = target("市本级一般公共预算收入与GDP同步增长", kind="relative", indicator="一般公共预算收入",
               relation="synchronous")
    v = verdict_of(t, "预计地区生产总值增长4.2%。一般公共预算收入579.9亿元，下降25.7%。")
    assert (v.verdict, v.reason_code) == ("unclear", "not_reported")


def test_a_verb_before_a_count_names_nothing_counted() -> None:
    # suihuashi-2021-gwr.txt line 83 → suihuashi-2022-gwr.txt line 41: 打造 is all the two share
    t = target("打造2个产业强镇", value=2, unit="个", indicator="产业强镇", measure="level")
    v = verdict_of(t, "深化“放管服”改革，打造60个“一件事一次办好”服务场景。")
    assert v.verdict == "unclear"
    # gansu-2021-gwr.txt line 110 → gansu-2022-gwr.txt line 22
    t = target("打造5-6个", value=5, value_max=6, unit="个", indicator="百亿级园区", measure="level",
               quote="实施千亿产业集群和百亿园区突破行动，加快培育2-3个千亿级产业集群，打造5-6个百亿级园区")
    v = verdict_of(t, "建成绿色标准化种养基地786个，打造产业大县14个。")
    assert v.verdict == "unclear"


def test_a_lesser_stage_of_the_owner_s_other_works_shows_no_miss() -> None:
    # wuhaishi-2022-gwr.txt line 101 → wuhaishi-2023-gwr.txt line 25: the college's upgrade is
    # under way; its teaching building is not named in that clause (it opened, the next one says)
    t = target("乌海职业技术学院教学楼建成投用", kind="deliverable", indicator="乌海职业技术学院教学楼建成投用",
               stage="投用")
    v = verdict_of(t, "乌海职业技术学院升级应用型本科院校工作有序推进。")
    assert v.verdict == "unclear"
    # the road itself named: a lesser stage is a miss (lanzhoushi-2014 → 2015)
    t = target("北环路基本建成", kind="deliverable", indicator="北环路基本建成", stage="建成")
    assert verdict_of(t, "北环路加快建设。").verdict == "missed"


def test_a_count_under_way_is_read_to_the_end_of_its_clause() -> None:
    # luzhoushi-2022-gwr.txt line 145 → luzhoushi-2023-gwr.txt line 27: the span stops after
    # a few words; its clause says the works go on
    t = target("打造10个县域医疗次中心", value=10, unit="个", indicator="县域医疗次中心", measure="level")
    v = verdict_of(t, "全面推进紧密型县域医共体建设，10个县域医疗卫生次中心建设有序推进。")
    assert v.verdict == "unclear"
    # quanzhoushi-2023-gwr.txt line 74 → quanzhoushi-2024-gwr.txt line 30: the next item's
    # 推进 is its own
    t = target("打造省级乡村振兴示范镇村80个", value=80, unit="个", indicator="省级乡村振兴示范镇村",
               measure="level")
    v = verdict_of(t, "创建省级乡村振兴示范村镇79个、新增整镇推进“五好”乡镇15个。")
    assert (v.verdict, v.outcome.value) == ("missed", 79)


def test_a_listing_is_not_a_plant_in_production_nor_a_side_road_the_main_line() -> None:
    # jingzhoushi-2022-gwr.txt line 95 → jingzhoushi-2023-gwr.txt line 19
    t = target("亿钧耀能A股上市", kind="deliverable", indicator="亿钧耀能A股上市")
    v = verdict_of(t, "美的“空冰洗”、亿钧耀能、玖龙纸业等3个百亿项目建成投产。")
    assert v.verdict == "unclear"
    # wuhaishi-2022-gwr.txt line 97 → wuhaishi-2023-gwr.txt line 25
    t = target("S217海勃湾绕城段辅路、环湖旅游道路等项目通车", kind="deliverable",
               indicator="S217海勃湾绕城段辅路通车", stage="通车")
    v = verdict_of(t, "S217海勃湾绕城段主线建成通车。")
    assert v.verdict == "unclear"


def test_a_fund_founded_is_its_evidence_without_the_sum() -> None:
    # shaanxi-2019-gwr.txt line 91 → shaanxi-2020-gwr.txt line 27
    t = target("设立10亿元技术改造专项奖励资金", value=10, unit="亿元", indicator="技术改造专项奖励资金",
               measure="level")
    v = verdict_of(t, "设立中小企业技术改造专项奖励资金、民营企业纾困基金。")
    assert (v.verdict, v.reason_code) == ("met", "deliverable_done")
    assert "not restated" in v.reason
    # hezeshi-2020-gwr.txt line 55 → hezeshi-2021-gwr.txt line 23: no fund said founded
    t = target("设立20亿元的乡村振兴基金", value=20, unit="亿元", indicator="乡村振兴基金", measure="level")
    v = verdict_of(t, "全市9个乡镇、61个村纳入省第二批乡村振兴示范创建“十百千”工程。")
    assert v.verdict == "unclear"


def test_the_county_towns_figure_is_not_the_central_city_s() -> None:
    # zunyishi-2020-gwr.txt line 61 → zunyishi-2021-gwr.txt line 23
    t = target("县城空气质量优良天数比率达95%以上", value=95, unit="%", comparator=">=",
               indicator="空气质量优良天数比例", measure="rate")
    assert verdict_of(t, "中心城区环境空气质量优良率提高到99.2%。").verdict == "unclear"
    # shanxi-2008-gwr.txt line 266 → shanxi-2009-gwr.txt line 28: 县城 listed with the rest is the whole
    t = target("大中城市、县城和乡镇新建、改扩建500所中小学校", value=500, unit="所",
               indicator="中小学校", measure="level")
    assert verdict_of(t, "新建改扩建500所中小学校。").verdict == "met"


def test_a_net_increase_shows_new_ones_met_never_missed() -> None:
    # dazhoushi-2022-gwr.txt line 61 → dazhoushi-2023-gwr.txt line 27
    t = target("新增市场主体3.8万户", value=3.8, unit="万户", indicator="新增市场主体", measure="level")
    v = verdict_of(t, "净增市场主体2.1万户。")
    assert (v.verdict, v.reason_code) == ("unclear", "different_measure")
    assert verdict_of(t, "净增市场主体4.2万户。").verdict == "met"
    # qitaiheshi-2022-gwr.txt line 97 → qitaiheshi-2023-gwr.txt line 25: new ones do not show a net gain
    t = target("高新技术企业净增8户", value=8, unit="户", indicator="高新技术企业", measure="level")
    assert verdict_of(t, "新增高新技术企业17户。").verdict == "unclear"


def test_two_sums_named_only_by_their_verb_are_not_one_figure() -> None:
    # boertalamengguzizhizhou-2020-gwr.txt line 107 → boertalamengguzizhizhou-2021-gwr.txt line 43
    t = target("投入4177万元", value=4177, unit="万元", indicator="投入", measure="level",
               quote="投入4177万元，建设州社会福利院、殡仪馆")
    v = verdict_of(t, "投入56.84亿元大力实施城乡建设项目，改造棚户区1.05万户。")
    assert v.verdict == "unclear"


def test_a_share_is_not_a_growth_nor_an_adjusted_growth_the_growth_as_collected() -> None:
    from tracker.extract import targets_from_text

    # boertalamengguzizhizhou-2020-gwr.txt line 95 → boertalamengguzizhizhou-2021-gwr.txt line 15
    (t,) = targets_from_text("民间资本投资占全社会固定资产投资50%以上。", year=2013)
    assert t.measure == "rate"
    assert verdict_of(t, "全社会固定资产投资增长52.8%。").verdict == "unclear"
    # lianyungangshi-2020-gwr.txt line 61 → lianyungangshi-2021-gwr.txt line 31
    t = target("一般公共预算收入增长3%左右", value=3, unit="%", comparator="~", indicator="一般公共预算收入",
               measure="growth")
    assert verdict_of(t, "一般公共预算收入剔除减税降费因素增长6.5%。").verdict == "unclear"
    assert verdict_of(t, "一般公共预算收入增长3.2%。").verdict == "met"


def test_about_to_open_is_not_open_and_another_size_is_another_facility() -> None:
    # lianyungangshi-2020-gwr.txt line 89 → lianyungangshi-2021-gwr.txt line 51
    t = target("连徐高铁建成通车", kind="deliverable", indicator="连徐高铁通车", stage="通车")
    assert verdict_of(t, "3条高铁建成通车，连徐高铁开通在即。").verdict == "unclear"
    # boertalamengguzizhizhou-2020-gwr.txt line 93 → boertalamengguzizhizhou-2021-gwr.txt line 69
    t = target("建成750千伏输变电工程", kind="deliverable", indicator="750千伏输变电工程", stage="建成")
    assert verdict_of(t, "大河沿子、莫合泉220千伏输变电工程、农村电网升级改造等工程全面完工。").verdict == "unclear"


def test_operating_revenue_is_no_opening_and_an_adverb_keeps_a_verb_bare() -> None:
    # maanshanshi-2021-gwr.txt line 81 → maanshanshi-2022-gwr.txt line 33
    t = target("宝武马钢优特钢等223个项目开工建设", value=223, unit="个", indicator="宝武马钢优特钢等",
               measure="level")
    assert verdict_of(t, "宝武马钢营业收入突破2000亿元、增长2.5倍。").verdict == "unclear"
    # shenzhenshi-2023-gwr.txt line 114 → shenzhenshi-2024-gwr.txt line 48: "新改造" names no pipes
    t = target("改造63公里老旧市政供水管网", value=63, unit="公里", indicator="老旧市政供水管网", measure="level")
    v = verdict_of(t, "新改造65公里老旧市政供水管网。")
    assert (v.verdict, v.outcome.value) == ("met", 65)
