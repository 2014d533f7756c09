"""Segmentation: metadata and parts of every bundled report, and refusals."""

from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import BUNDLED_FILES, GOLD, bundled
from tracker.errors import InputError
from tracker.model import Report
from tracker.normalise import clean_line, normalise, split_lines
from tracker.pipeline import read_report, report_from_bytes
from tracker.detect import detect_delivered, detect_jurisdiction
from tracker.segment import period_end_year, segment

# name: jurisdiction, kind, delivered, review_year, plan_year, part kinds, five_year_end
# (from seeds/INDEX.md and corpus/SOURCES.md and the reports' own headings)
WR, PR = "work_report", "plan_report"
BASIC = {"preamble", "review", "plan"}
EXPECTED = {
    "000_8942062fdd05ce19.txt": ("静海区", WR, date(2024, 1, 9), 2023, 2024, BASIC, None),
    "001_89ca5d1321e099f2.txt": (
        "静海区", WR, date(2026, 1, 15), 2025, 2026,
        BASIC | {"five_year", "five_year_review", "other"}, 2030,
    ),
    "002_1ba162837e526855.txt": ("河东区", WR, date(2024, 1, 17), 2023, 2024, BASIC | {"other"}, None),
    "003_b981e5a46551f8cf.txt": ("西青区", WR, date(2024, 1, 10), 2023, 2024, BASIC, None),
    "004_4d547a2c16bc38ed.txt": ("河北区", PR, None, 2025, 2026, BASIC, None),
    "hailar-2012-gwr.txt": ("海拉尔区", WR, date(2012, 2, 29), 2011, 2012, BASIC, None),
    "hailar-2013-gwr.txt": ("海拉尔区", WR, date(2013, 2, 28), 2012, 2013, BASIC, None),
    "hailar-2014-gwr.txt": ("海拉尔区", WR, date(2014, 2, 19), 2013, 2014, BASIC, None),
    "hailar-2015-gwr.txt": ("海拉尔区", WR, date(2015, 2, 5), 2014, 2015, BASIC, None),
    "hailar-2016-gwr.txt": (
        "海拉尔区", WR, date(2016, 2, 19), 2015, 2016, BASIC | {"five_year", "other"}, 2020,
    ),
    "hailar-2017-gwr.txt": ("海拉尔区", WR, date(2017, 2, 11), 2016, 2017, BASIC, None),
    "hailar-2018-gwr.txt": ("海拉尔区", WR, date(2018, 3, 7), 2017, 2018, BASIC, None),
    "national-2021-gwr.txt": (
        "全国", WR, date(2021, 3, 5), 2020, 2021,
        BASIC | {"five_year", "five_year_review", "other"}, 2025,
    ),
    "national-2022-gwr.txt": ("全国", WR, date(2022, 3, 5), 2021, 2022, BASIC, None),
    "national-2023-gwr.txt": ("全国", WR, date(2023, 3, 5), 2022, 2023, BASIC, None),
    "national-2024-gwr.txt": ("全国", WR, date(2024, 3, 5), 2023, 2024, BASIC, None),
}

_cache: dict[str, Report] = {}


def report(name: str) -> Report:
    if name not in _cache:
        _cache[name] = read_report(bundled(name))
    return _cache[name]


def test_table_covers_every_bundled_file() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in BUNDLED_FILES)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bundled_report_metadata(name: str) -> None:
    place, kind, delivered, review_year, plan_year, part_kinds, five_year_end = EXPECTED[name]
    r = report(name)
    assert r.name == name
    assert r.jurisdiction == place
    assert r.kind == kind
    assert r.delivered == delivered
    assert (r.review_year, r.plan_year) == (review_year, plan_year)
    assert {p.kind for p in r.parts} == part_kinds
    assert r.five_year_end == five_year_end
    assert r.encoding == "utf-8"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_parts_cover_the_paragraphs_in_order(name: str) -> None:
    r = report(name)
    in_parts = [p for part in r.parts for p in part.paragraphs]
    headings = {part.heading for part in r.parts if part.heading}
    rest = [p.text for p in r.paragraphs if p not in in_parts]
    assert set(rest) == headings  # every paragraph is in a part or heads one
    lines = [p.line for p in in_parts]
    assert lines == sorted(lines) and len(lines) == len(set(lines))
    assert r.parts[0].kind == "preamble"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_part_years(name: str) -> None:
    r = report(name)
    for part in r.parts_of("plan"):
        assert part.year == r.plan_year
    for part in r.parts_of("review"):
        assert part.year == r.review_year
    for part in r.parts_of("five_year"):
        assert part.year == r.five_year_end


def test_mixed_five_year_section_is_split_where_the_goals_begin() -> None:
    r = report("001_89ca5d1321e099f2.txt")
    (past,) = r.parts_of("five_year_review")
    (goals,) = r.parts_of("five_year")
    assert past.year == 2025
    assert past.paragraphs[0].text.startswith("“十四五”时期")
    assert goals.paragraphs[0].text.startswith("“十五五”时期全区经济社会发展的指导思想")
    assert any("主要目标是" in p.text for p in goals.paragraphs)
    # Between them, the notice that the plan outline is submitted: not a goal.
    (notice,) = r.parts_of("other")
    assert [p.line for p in notice.paragraphs] == [36]
    assert "提请大会审议" in notice.paragraphs[0].text


@pytest.mark.parametrize(
    ("name", "line"),
    [("001_89ca5d1321e099f2.txt", 36), ("hailar-2016-gwr.txt", 65), ("national-2021-gwr.txt", 63)],
)
def test_plan_outline_submission_is_not_a_five_year_goal(name: str, line: int) -> None:
    r = report(name)
    goals = [p.line for part in r.parts_of("five_year") for p in part.paragraphs]
    notices = [p.line for part in r.parts_of("other") for p in part.paragraphs]
    assert line in notices and line not in goals
    assert goals and min(goals) > line


_FIVE_YEAR_REPORT = """政府工作报告
——2021年1月9日在天津市静海区第一届人民代表大会第一次会议上
各位代表：
一、2020年工作回顾
地区生产总值增长5%。
二、“十四五”时期主要目标任务
{notice}
今后五年的主要目标是：地区生产总值年均增长6%。
三、2021年工作安排
地区生产总值增长6%左右。
"""


@pytest.mark.parametrize(
    ("notice", "kinds"),
    [
        ("区政府编制了《纲要（草案）》，提请大会审议。", ["other", "five_year"]),
        ("《纲要草案》全文提交大会审查，这里概述几个方面。", ["other", "five_year"]),
        ("纲要草案提请大会审议，主要目标是：年均增长6%。", ["five_year"]),  # it states goals
        ("“十四五”时期是关键时期。", ["five_year"]),
    ],
)
def test_submission_notice_opening_five_year_goals(notice: str, kinds: list[str]) -> None:
    r = report_from_bytes(_FIVE_YEAR_REPORT.format(notice=notice).encode(), "fy.txt")
    middle = [p.kind for p in r.parts if p.heading.startswith("二、")]
    assert middle == kinds
    assert r.parts_of("five_year")[0].paragraphs[-1].text.startswith("今后五年")


def test_glossary_after_the_last_section_is_not_plan() -> None:
    r = report("002_1ba162837e526855.txt")
    (glossary,) = r.parts_of("other")
    assert glossary.heading == "名词解释："
    assert glossary.paragraphs[0].text.startswith("1.“三个着力”")
    plan_lines = [p.line for part in r.parts_of("plan") for p in part.paragraphs]
    assert max(plan_lines) < 215 <= min(p.line for p in glossary.paragraphs) - 1


_CLOSING_REPORT = """政府工作报告
——2024年1月9日在天津市静海区第一届人民代表大会第一次会议上
各位代表：
一、2023年工作回顾
地区生产总值增长5%。
二、2024年工作安排
地区生产总值增长6%左右。
各位代表，让我们团结奋斗！
{heading}
一、重点项目
1.某某工程：新建道路10公里。
"""


@pytest.mark.parametrize("heading", ["名词解释：", "注释", "附件1：名词解释", "附表", "附录："])
def test_notes_and_appendices_after_the_last_section_are_other(heading: str) -> None:
    data = _CLOSING_REPORT.format(heading=heading).encode()
    r = report_from_bytes(data, "closing.txt")
    assert [p.kind for p in r.parts] == ["preamble", "review", "plan", "other"]
    other = r.parts[-1]
    assert other.heading == heading
    assert [p.text for p in other.paragraphs] == ["一、重点项目", "1.某某工程：新建道路10公里。"]
    assert r.parts_of("plan")[0].paragraphs[-1].text == "各位代表，让我们团结奋斗！"


# Appendices listing the year's livelihood projects are the year's targets (real headings:
# chengdushi-2021 "附件1" + "成都市2021年民生实事工作目标", benxishi-2025 "2025年民生实事清单").
@pytest.mark.parametrize(
    ("heading", "kinds"),
    [
        ("**附件1**\n\n**成都市2024年民生实事工作目标**\n", ["preamble", "review", "plan", "plan"]),
        ("附件：\n\n2024年民生实事清单\n", ["preamble", "review", "plan", "plan"]),
        ("附件1：2024年民心工程", ["preamble", "review", "plan", "plan"]),
        ("**附件1**\n\n2023年民生实事完成情况\n", ["preamble", "review", "plan", "other"]),
        ("**附件1**\n\n**成都市2024年民生实事工作目标**\n\n一、交通\n\n**附件2**\n\n名词解释\n",
         ["preamble", "review", "plan", "plan", "other"]),
    ],
)
def test_livelihood_project_appendix_is_plan(heading: str, kinds: list[str]) -> None:
    r = report_from_bytes(_CLOSING_REPORT.format(heading=heading).encode(), "projects.txt")
    assert [p.kind for p in r.parts] == kinds
    assert all(p.year == 2024 for p in r.parts_of("plan"))


def test_appendix_notice_in_the_cover_letter_is_not_a_closing_section() -> None:
    data = ("附件：某某区2024年政府工作报告\n" + _CLOSING_REPORT.format(heading="")).encode()
    r = report_from_bytes(data, "cover.txt")
    assert [p.kind for p in r.parts] == ["preamble", "review", "plan"]


def test_national_plan_sections_are_all_plan() -> None:
    r = report("national-2022-gwr.txt")
    plans = r.parts_of("plan")
    assert [p.heading for p in plans] == ["二、2022年经济社会发展总体要求和政策取向", "三、2022年政府工作任务"]


# --- gold labels as a measuring stick ----------------------------------------------------


def _rows(kind: str) -> list[dict]:
    folder = GOLD / kind
    if not folder.exists():
        pytest.skip("gold labels not available")
    return [
        json.loads(line)
        for path in sorted(folder.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _kinds_at(r: Report, line: int, span: str) -> set[str]:
    """Kinds of the parts where `span` starts on original `line`."""
    span = clean_line(span)
    kinds = set()
    for part in r.parts:
        for p in part.paragraphs:
            start = p.text.find(span)
            while start >= 0:
                if p.line_at(start) == line:
                    kinds.add(part.kind)
                start = p.text.find(span, start + 1)
    return kinds


def test_gold_targets_fall_in_plan_parts() -> None:
    misses = [
        (row["seed"], row["line"])
        for row in _rows("targets")
        if not _kinds_at(report(row["seed"]), row["line"], row["span"]) & {"plan", "five_year"}
    ]
    assert misses == []


def test_gold_verdict_lines_fall_in_plan_and_review_parts() -> None:
    misses = []
    for row in _rows("verdicts"):
        target_kinds = _kinds_at(report(row["target_doc"]), row["line"], row["span"])
        if not target_kinds & {"plan", "five_year"}:
            misses.append((row["target_doc"], row["line"]))
        if row.get("outcome_line") and "review" not in _kinds_at(
            report(row["outcome_doc"]), row["outcome_line"], row["outcome_span"]
        ):
            misses.append((row["outcome_doc"], row["outcome_line"]))
    assert misses == []


# --- overrides and refusals --------------------------------------------------------------


def _one_line_naming(exc: InputError, name: str) -> None:
    assert str(exc).startswith(f"{name}: ") and "\n" not in str(exc)


def test_seed_cut_before_its_plan_part_is_refused() -> None:
    path = bundled("000_8942062fdd05ce19.txt")
    lines = split_lines(path.read_text(encoding="utf-8"))
    cut = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    data = "\n".join(lines[:cut]).encode("utf-8")
    with pytest.raises(InputError, match="no plan part") as info:
        report_from_bytes(data, "cut.txt")
    _one_line_naming(info.value, "cut.txt")


def _without_title_block(name: str) -> bytes:
    lines = split_lines(bundled(name).read_text(encoding="utf-8"))
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("一、"))
    return "\n".join(lines[start:]).encode("utf-8")


def test_unknown_jurisdiction_is_refused_unless_given() -> None:
    data = _without_title_block("003_b981e5a46551f8cf.txt")
    with pytest.raises(InputError, match="--jurisdiction") as info:
        report_from_bytes(data, "anon.txt")
    _one_line_naming(info.value, "anon.txt")
    r = report_from_bytes(data, "anon.txt", jurisdiction="西青区")
    assert (r.jurisdiction, r.plan_year, r.delivered) == ("西青区", 2024, None)


def test_unknown_year_is_refused_unless_given() -> None:
    text = "政府工作报告\n——在沛县第三届人民代表大会第一次会议上\n各位代表：\n一、过去一年工作回顾\n成绩。\n二、今年工作安排\n目标。"
    with pytest.raises(InputError, match="--year") as info:
        report_from_bytes(text.encode(), "noyear.txt")
    _one_line_naming(info.value, "noyear.txt")
    r = report_from_bytes(text.encode(), "noyear.txt", year=2020)
    assert (r.jurisdiction, r.review_year, r.plan_year) == ("沛县", 2019, 2020)
    assert [p.year for p in r.parts] == [None, 2019, 2020]


def test_year_override_wins() -> None:
    path = bundled("hailar-2013-gwr.txt")
    r = read_report(path, year=2099, jurisdiction="别处")
    assert (r.review_year, r.plan_year, r.jurisdiction) == (2098, 2099, "别处")
    assert {p.year for p in r.parts_of("plan")} == {2099}
    assert {p.year for p in r.parts_of("review")} == {2098}


def test_segment_of_nothing_is_refused() -> None:
    with pytest.raises(InputError):
        segment([], "none.txt", "0" * 64)


# --- detection in isolation --------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "place"),
    [
        ("——2023年1月10日在杭州市西湖区第十四届人民代表大会第二次会议上", "西湖区"),
        ("——2023年1月12日在广东省第十四届人民代表大会第一次会议上", "广东省"),
        ("——在鄂尔多斯市达拉特旗第十八届人民代表大会", "达拉特旗"),
        ("延边朝鲜族自治州人民政府州长 某某", "延边朝鲜族自治州"),
        ("沛县人民政府\n2019年12月3日星期二", "沛县"),
        ("受区人民政府委托，现向大会报告", None),
        ("——2024年1月5日在荆州市沙市区第九届人民代表大会", "沙市区"),
        ("——2024年1月5日在某某市第九届人民代表大会", None),
        ("平谷区人民政府", "平谷区"),
        ("——2024年3月5日在第十四届全国人民代表大会第二次会议上", "全国"),
        ("——2021年2月24日在邢台市第十五届人民代表大会第六次会议上", "邢台市"),
        ("我代表黑龙江省人民政府", "黑龙江省"),
        ("国务院总理\n李强", "全国"),
        ("政府工作报告\n各位代表：", None),
    ],
)
def test_detect_jurisdiction(front: str, place: str | None) -> None:
    assert detect_jurisdiction(front) == place


# Real openings from the corpus (../shared/corpus/reports), with a body where the
# opening names no place.
@pytest.mark.parametrize(
    ("front", "body", "title", "place"),
    [
        # gansu-2020: "我代表省人民政府" names only the level; the body names 甘肃 most.
        ("省长 任振鹤\n各位代表：\n现在，我代表省人民政府，向大会报告政府工作",
         "甘肃经济运行总体平稳。全省上下……甘肃省委……兰州新区……甘肃", None, "甘肃省"),
        # ningxia-2005: "自治区" alone is no place.
        ("自治区主席 马启智\n各位代表：",
         "宁夏回族自治区成立……宁夏经济……宁夏全区……银川", None, "宁夏回族自治区"),
        # chengdushi-2017: "在成都市第十七届…", never "在成都市".
        ("——2017年4月24日在成都市第十六届人民代表大会第五次会议上", "", None, "成都市"),
        # qiandongnanmiaozudongzuzizhizhou-2018: the prefecture by its short name.
        ("——2018年1月18日在黔东南州第十四届人民代表大会第二次会议上", "", None, "黔东南苗族侗族自治州"),
        # A headerless national report.
        ("各位代表：\n现在，我代表国务院，向大会报告政府工作", "", None, "全国"),
        # suqianshi-2015: the title says 宿州, the delivery line 苏州 (a typo); the body decides.
        ("——2015年1月19日在苏州市第四届人民代表大会第四次会议上\n市长史翔",
         "宿州经济……宿州市……宿州高新区……宿州", "宿州市政府工作报告 （2015年1月19日 史翔）", "宿州市"),
        # A title in the header and a speaker line naming the unit.
        ("市长 张维国", "", "十堰市政府工作报告 （2016年1月19日 张维国）", "十堰市"),
        ("——2024年1月9日在天津市静海区第三届人民代表大会第五次会议上", "", None, "静海区"),
        ("现在，我代表市人民政府向大会报告工作", "", None, None),
    ],
)
def test_detect_jurisdiction_from_title_opening_and_body(
    front: str, body: str, title: str | None, place: str | None
) -> None:
    assert detect_jurisdiction(front, body, title) == place


@pytest.mark.parametrize(
    ("front", "day"),
    [
        ("——2024年1月9日在天津市静海区", date(2024, 1, 9)),
        ("----2012年2月29日在海拉尔区第十三届", date(2012, 2, 29)),
        ("——二〇二四年一月九日在某某区", date(2024, 1, 9)),
        ("天津市河北区人民政府\n2019年12月3日星期二", None),
        ("2024年1月23日\n（此件主动公开）", None),
    ],
)
def test_detect_delivered(front: str, day: date | None) -> None:
    assert detect_delivered(front) == day


@pytest.mark.parametrize(("number", "end"), [(13, 2020), (14, 2025), (15, 2030), (11, 2010)])
def test_period_end_year(number: int, end: int) -> None:
    assert period_end_year(number) == end


def test_headings_must_follow_in_sequence() -> None:
    text = (
        "各位代表：\n一、2023年工作回顾\n成绩。\n三、这不是标题\n二、2024年工作安排\n"
        "一、这是列举，不是新的部分\n目标。"
    )
    r = segment(normalise(text), "seq.txt", "0" * 64, jurisdiction="某区")
    assert [(p.kind, p.heading) for p in r.parts] == [
        ("preamble", ""),
        ("review", "一、2023年工作回顾"),
        ("plan", "二、2024年工作安排"),
    ]


def test_plan_report_kind_from_the_opening() -> None:
    text = (
        "各位代表：\n受区人民政府委托，现向大会报告某区2025年国民经济和社会发展计划执行情况与2026年计划草案。\n"
        "一、2025年计划执行情况\n完成。\n二、2026年主要目标任务\n目标。"
    )
    r = segment(normalise(text), "plan.txt", "0" * 64, jurisdiction="某区")
    assert r.kind == "plan_report"
    assert (r.review_year, r.plan_year) == (2025, 2026)


def test_coming_five_years_goals() -> None:
    text = (
        "——2022年1月5日在荆州市第一届人民代表大会上\n各位代表：\n一、过去五年工作回顾\n成绩。\n"
        "二、今后五年的奋斗目标和主要任务\n目标。\n三、2022年工作安排\n任务。"
    )
    r = segment(normalise(text), "five.txt", "0" * 64)
    assert [(p.kind, p.year) for p in r.parts] == [
        ("preamble", None),
        ("five_year_review", 2021),
        ("five_year", 2026),
        ("plan", 2022),
    ]
    assert r.five_year_end == 2026
    assert r.jurisdiction == "荆州市"


def test_part_numbered_headings() -> None:
    text = "——2023年1月5日在沛县第一届人民代表大会上\n各位代表：\n第一部分 2022年工作回顾\n成绩。\n第二部分 2023年工作安排\n任务。"
    r = segment(normalise(text), "parts.txt", "0" * 64)
    kinds = [(p.kind, p.year) for p in r.parts]
    assert kinds == [("preamble", None), ("review", 2022), ("plan", 2023)]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("三", 3), ("十", 10), ("十四", 14), ("二十", 20), ("三十一", 31), ("十十", None), ("二二", None)],
)
def test_cn_number(numeral: str, value: int | None) -> None:
    from tracker.segment import cn_number

    assert cn_number(numeral) == value


@pytest.mark.parametrize(("heading", "kinds"), [
    # wuzhongshi-2021-gwr.txt: the coming period's approach sets its goals
    ("二、“十四五”工作思路及主要举措", ["five_year"]),
    # jiangxi-2021-gwr.txt
    ("二、“十四五”时期发展的主要考虑", ["five_year"]),
    # chenzhoushi-2016-gwr.txt: with the year named, the year's work
    ("二、“十三五”时期政府工作基本思路和2016年工作安排", ["plan"]),
])
def test_a_period_s_approach_is_its_goals(heading: str, kinds: list[str]) -> None:
    text = (f"——2021年1月5日在吴忠市第五届人民代表大会上\n各位代表：\n一、2020年工作回顾\n成绩。\n"
            f"{heading}\n主要预期目标是：地区生产总值年均增长6.5%左右。\n三、2021年主要目标和重点任务\n任务。")
    r = segment(normalise(text), "approach.txt", "0" * 64)
    assert [p.kind for p in r.parts if p.heading == heading and p.paragraphs] == kinds


def test_goals_open_after_a_short_lead() -> None:
    # longnanshi-2021-gwr.txt: a heading over both periods splits where the coming one opens,
    # "综合判断，“十四五”时期是…" after the account of the past
    text = ("——2021年1月5日在陇南市人民代表大会上\n各位代表：\n一、2020年工作回顾\n成绩。\n"
            "二、“十三五”发展成就和“十四五”发展的主要考虑\n“十三五”时期是我市决战决胜脱贫攻坚的五年。\n"
            "综合判断，“十四五”时期是我市抢抓新机遇的关键时期。\n三、2021年工作任务\n任务。")
    r = segment(normalise(text), "lead.txt", "0" * 64, jurisdiction="陇南市")
    (past,) = r.parts_of("five_year_review")
    (goals,) = r.parts_of("five_year")
    assert past.paragraphs[0].text.startswith("“十三五”时期")
    assert goals.paragraphs[0].text.startswith("综合判断")
