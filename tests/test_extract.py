"""Target extraction: real plan phrases and the records they must give, and whole seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.extract import extract_targets, targets_from_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def one(text: str, year: int = 2024):
    ts = targets_from_text(text, year=year)
    assert len(ts) == 1, [(t.kind, t.span) for t in ts]
    return ts[0]


# phrase → fields of the single target it states
PHRASES = [
    ("全区经济社会发展的主要预期目标是：地区生产总值增长4.5%左右。",
     dict(kind="quantitative", indicator="地区生产总值", comparator="~", value=4.5, unit="%",
          measure="growth", indicator_key="gdp", span="地区生产总值增长4.5%左右")),
    ("城镇调查失业率控制在5.5%以内。",
     dict(kind="quantitative", comparator="<=", value=5.5, unit="%", polarity=-1, measure="rate")),
    ("确保引进超亿元北京项目10个。",
     dict(kind="quantitative", comparator="=", value=10, unit="个", span="引进超亿元北京项目10个")),
    ("实现创新型中小企业总量突破 100 家。",
     dict(kind="quantitative", comparator=">=", value=100, unit="家")),
    ("新认定各类专精特新企业 5-8 家。",
     dict(kind="quantitative", comparator=">=", value=5, value_max=8, unit="家")),
    ("新建1200座农村无害化卫生户厕。",
     dict(kind="quantitative", value=1200, unit="座", span="新建1200座农村无害化卫生户厕")),
    ("培育专精特新企业累计达100家。",
     dict(kind="quantitative", value=100, unit="家", measure="cumulative")),
    ("全年组织招商活动百场以上。", dict(kind="quantitative", value=100, unit="场", comparator=">=")),
    ("推动75个经济薄弱村集体经营性收入全部达到20万元。",
     dict(kind="quantitative", value=20, unit="万元")),
    ("力争推动 1 家企业启动上市。", dict(kind="quantitative", value=1, unit="家")),
    ("PM_{2.5}年均浓度控制在38微克/立方米以下。",
     dict(kind="quantitative", value=38, unit="微克/立方米", comparator="<=", polarity=-1)),
    ("坚决守住18亿亩耕地红线。", dict(kind="quantitative", value=18, unit="亿亩", comparator=">=")),
    ("居民人均可支配收入保持与经济增长同步。",
     dict(kind="relative", relation="synchronous", indicator_key="income_per_capita")),
    ("固定资产投资增幅高于全市平均水平。", dict(kind="relative", relation="above_average")),
    ("节能减排降碳完成年度任务。", dict(kind="relative", relation="assigned_task")),
    ("完成市下达的新增就业任务。", dict(kind="relative", relation="assigned_task")),
    ("实现“三公”经费“只减不增”。", dict(kind="relative", relation="decrease")),
    ("实现违法占地问题“零新增”。", dict(kind="relative", relation="zero")),
    ("努力实现交通亡人事故起数和人数“双下降”。",
     dict(kind="relative", relation="decrease", span="交通亡人事故起数和人数“双下降”")),
    ("整体实现扭亏为盈。", dict(kind="relative", relation="turnaround")),
    ("十四小学投入使用。", dict(kind="deliverable", stage="投入使用", span="十四小学投入使用")),
    ("完成唐官屯铁路专用线建设。", dict(kind="deliverable", stage="完成")),
    ("成功创建国家卫生区。", dict(kind="deliverable", stage="成功创建")),
    ("设立高质量发展基金。", dict(kind="deliverable", stage="设立")),
    ("远洋大厦二期主体结构封顶。", dict(kind="deliverable", stage="封顶")),
    ("推动九年一贯制觉悟学校建成招生。", dict(kind="deliverable", stage="建成招生")),
    ("通过国资平台组建市场化招商团队。", dict(kind="deliverable", stage="组建")),
    ("搭建政银企对接平台。", dict(kind="deliverable", stage="搭建")),
    ("认真做好第五次全国经济普查。", dict(kind="deliverable", stage="做好")),
]


@pytest.mark.parametrize("text,fields", PHRASES)
def test_phrase_gives_target(text, fields):
    t = one(text)
    for key, value in fields.items():
        assert getattr(t, key) == value, (key, getattr(t, key))


# exhortations and background: no target
NOTHING = [
    "深化“静沧廊”多领域合作，促进文教卫体等领域协同协作。",
    "持续推进智慧公共服务信息化平台等新型基础设施建设。",
    "加快模范中学春曦道学校等3所中小学建设。",
    "加快北京协和医学院天津医院二期、天津校区和健康研究院建设。",
    "建立府院联动机制，做好依法行政和公正司法有效衔接。",
    "打造宜居、韧性、智慧城市。",
    "支持乡镇园区设立驻京招商机构。",
    "新建一批智能工厂、数字车间。",
    "推动项目落地。",
    "不断提升生态系统质量和稳定性。",
    "今年是中华人民共和国成立75周年。",
    "围绕新建成 3 座海河码头做好文娱旅游文章。",
    "扎实实施“十项行动”。",
    "继续实施百家企业专利破零行动。",
    "持续推动国家食品安全示范城市创建。",
    "瑞津智能、珠海华芯智能等项目加快落地。",
    "编制了《天津市静海区国民经济和社会发展第十五个五年规划纲要（草案）》，提请大会审议。",
    "砥砺奋进，完成全年目标任务。",
]


@pytest.mark.parametrize("text", NOTHING)
def test_exhortations_give_nothing(text):
    assert targets_from_text(text, year=2024) == []


def test_shared_qualifier_distributes():
    ts = targets_from_text("粮食播种面积和产量分别稳定在100万亩、35万吨以上。", year=2024)
    assert [(t.value, t.unit, t.comparator) for t in ts] == [(100, "万亩", ">="), (35, "万吨", ">=")]
    assert ts[0].indicator_key == "grain_area" and ts[1].indicator_key == "grain_output"


def test_list_inherits_trailing_comparator():
    ts = targets_from_text("盘活建筑类资产100处、建筑面积70万平方米以上。", year=2024)
    assert [(t.span, t.comparator) for t in ts] == [
        ("盘活建筑类资产100处", ">="), ("建筑面积70万平方米以上", ">=")]


def test_two_indicators_one_relative_pattern():
    ts = targets_from_text("PM2.5年平均浓度和优良天数比例完成市下达目标任务。", year=2024)
    assert [t.indicator_key for t in ts] == ["pm25", "good_air_days"]


def test_list_of_stages_gives_one_each():
    ts = targets_from_text("实现天美艺术街区扩展区南片竣工、北扩展区开工建设。", year=2026)
    assert [t.stage for t in ts] == ["竣工", "开工建设"]


# --- whole seeds --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def jinghai():
    from tracker.pipeline import read_report

    return extract_targets(read_report(SEEDS / "000_8942062fdd05ce19.txt"))


@pytest.mark.parametrize(
    "line,span,value,unit,comparator",
    [(21, "地区生产总值增长4.5%左右", 4.5, "%", "~"),
     (23, "资金到位28亿元", 28, "亿元", "="),
     (26, "国家高新技术企业超过530家", 530, "家", ">="),
     (35, "基本医疗保险参保人数达64.5万人", 64.5, "万人", "="),
     (49, "压减公用经费10%", 10, "%", "=")],
)
def test_seed_quantitative_targets(jinghai, line, span, value, unit, comparator):
    hits = [t for t in jinghai if t.line == line and span in t.span]
    assert hits, span
    t = hits[0]
    assert (t.kind, t.value, t.unit, t.comparator, t.target_year) == (
        "quantitative", value, unit, comparator, 2024)


def test_seed_other_kinds(jinghai):
    spans = {(t.kind, t.span) for t in jinghai}
    assert ("deliverable", "十四小学投入使用") in spans
    assert ("relative", "交通亡人事故起数和人数“双下降”") in spans
    assert all(t.horizon == "annual" for t in jinghai)
    assert all(t.line >= 18 for t in jinghai)  # nothing from the review of 2023


def test_seed_with_page_breaks_cites_line_of_number():
    from tracker.pipeline import read_report

    ts = extract_targets(read_report(SEEDS / "002_1ba162837e526855.txt"))
    (t,) = [t for t in ts if t.value == 1.1]
    assert t.line == 185 and t.unit == "万人"
    assert not [t for t in ts if t.line > 213]  # the glossary after the report states nothing


def test_five_year_goals_have_period_end():
    from tracker.pipeline import read_report

    ts = extract_targets(read_report(SEEDS / "001_89ca5d1321e099f2.txt"))
    five = [t for t in ts if t.horizon == "five_year"]
    assert five and all(t.target_year == 2030 for t in five)
    assert any(t.indicator_key == "gdp" and t.value == 4.5 for t in five)
