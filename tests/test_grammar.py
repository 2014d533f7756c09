"""Numbers, units and comparators: real phrases from the seeds and corpus, and round trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.grammar import (
    find_quantities,
    find_relative,
    lookup_indicator,
    parse_number,
    to_base,
    unit_dimension,
)

# phrase → (value, value_max, unit, comparator) of the last quantity in it
QUANTITIES = [
    ("地区生产总值增长4.5%左右", (4.5, None, "%", "~")),
    ("一般公共预算收入增长5%", (5, None, "%", "=")),
    ("新增就业1万人以上", (1, None, "万人", ">=")),
    ("城镇调查失业率控制在5.5%以内", (5.5, None, "%", "<=")),
    ("国家高新技术企业超过530家", (530, None, "家", ">=")),
    ("实际利用外资突破3000万美元", (3000, None, "万美元", ">=")),
    ("生态补水5000万立方米以上", (5000, None, "万立方米", ">=")),
    ("新增风光电装机容量200兆瓦以上", (200, None, "兆瓦", ">=")),
    ("新认定各类专精特新企业 5-8 家", (5, 8, "家", ">=")),
    ("打造1-2所市级科学高中", (1, 2, "所", ">=")),
    ("建成 3-5 个有主题、有特色的都市“微”产业园", (3, 5, "个", ">=")),
    ("PM_{2.5}年均浓度控制在38微克/立方米以下", (38, None, "微克/立方米", "<=")),
    ("全年组织招商活动百场以上", (100, None, "场", ">=")),
    ("新增华为高级别能力伙伴不低于5家", (5, None, "家", ">=")),
    ("新增运力20万载重吨以上", (20, None, "万载重吨", ">=")),
    ("粮食产量保持在1.3万亿斤以上", (1.3, None, "万亿斤", ">=")),
    ("赤字率拟按2.8%左右安排", (2.8, None, "%", "~")),
    ("中央对地方转移支付增加约1.5万亿元", (1.5, None, "万亿元", "~")),
    ("规模近9.8万亿元", (9.8, None, "万亿元", "~")),
    ("比重提高2个百分点", (2, None, "个百分点", "=")),
    ("提高两个百分点", (2, None, "个百分点", "=")),
    ("超万人", (1, None, "万人", ">=")),
    ("增长百分之五", (5, None, "%", "=")),
    ("进出口额累计突破千亿元", (1000, None, "亿元", ">=")),
    ("GDP增长4.5%—5%", (4.5, 5, "%", ">=")),
    ("受益人群百余万人次", (100, None, "万人次", ">=")),
    ("引进1,000家企业", (1000, None, "家", "=")),
    ("人均预期寿命达到83岁", (83, None, "岁", "=")),
    # a range separator needs a number before it: "到" here only says "to" (national 2021)
    ("加计扣除比例提高到100%", (100, None, "%", "=")),
    ("加计扣除比例从75%提高到100%", (100, None, "%", "=")),
    ("投资5亿至8亿元", (5, 8, "亿元", ">=")),
]


@pytest.mark.parametrize("phrase,expected", QUANTITIES)
def test_quantity_phrases(phrase, expected):
    qs = find_quantities(phrase)
    assert qs, phrase
    q = qs[-1]
    assert (q.value, q.value_max, q.unit, q.comparator) == expected


# words that look like numbers but are not quantities
NOT_QUANTITIES = [
    "今年是中华人民共和国成立75周年",
    "“十四五”期间",
    "金贸产业园区 11-D、15 号地块",
    "全区80余万干部群众",
    "PM2.5年平均浓度",
    "举办河东区第十二届社区文化艺术节",
    "丰富“15 分钟体育健身圈”",
    "延长30年试点政策",
    "第五次全国经济普查",
    "“5+5+11”集团化学区化办学格局",
    "千方百计",
    "十四小学投入使用",
    "部门协同",
    # idioms and names holding a bare magnitude (national-2022, hailar-2014)
    "要坚持把教育这个关乎千家万户和中华民族未来的大事办好",
    "雪花、亘富、万家惠等在建项目尽早建成投产",
]


@pytest.mark.parametrize("phrase", NOT_QUANTITIES)
def test_not_quantities(phrase):
    assert find_quantities(phrase) == []


def test_quantity_offsets_cover_comparators():
    text = "新增就业1万人以上，城镇调查失业率控制在5.5%以内"
    a, b = find_quantities(text)
    assert text[a.start:a.end] == "1万人以上"
    assert text[b.start:b.end] == "控制在5.5%以内"
    assert text[b.num_start:b.num_start + 3] == "5.5"


def test_approx_and_below_flags():
    (q,) = find_quantities("近3000人")
    assert q.approx and q.below and q.comparator == "~"
    (q,) = find_quantities("4.5%左右")
    assert q.approx and not q.below


@pytest.mark.parametrize(
    "s,value",
    [("1,000", 1000), ("4.5", 4.5), ("三千万", 3e7), ("两", 2), ("十二", 12), ("一百零五", 105),
     ("百分之五", 5), ("1.3万亿", 1.3e12), ("千", 1000), ("５", 5), ("一亿二千万", 1.2e8)],
)
def test_parse_number(s, value):
    assert parse_number(s) == pytest.approx(value)


def test_parse_number_rejects_words():
    with pytest.raises(ValueError):
        parse_number("增长")


@pytest.mark.parametrize(
    "value,unit,base",
    [(1.3, "万亿斤", (6.5e11, "千克")), (28, "亿元", (2.8e9, "元")), (35, "万吨", (3.5e8, "千克")),
     (3, "所", (3, "所")), (9.15, "万亩", (91500, "亩")), (200, "兆瓦", (2e8, "瓦")),
     (2, "个百分点", (2, "个百分点")), (5, "%", (5, "%")), (3000, "万美元", (3e7, "美元")),
     (64.5, "万人", (645000, "人")), (5, "千米", (5000, "米")), (7, "xx", (7, "xx"))],
)
def test_to_base(value, unit, base):
    got = to_base(value, unit)
    assert got[0] == pytest.approx(base[0]) and got[1] == base[1]


def test_dimensions_keep_counters_apart():
    assert unit_dimension("家") != unit_dimension("所")
    assert unit_dimension("万吨") == unit_dimension("斤") == "mass"
    assert unit_dimension("个百分点") != unit_dimension("%")


@pytest.mark.parametrize(
    "text,key,polarity",
    [("城镇调查失业率控制在5.5%以内", "unemployment", -1), ("地区生产总值增长4.5%左右", "gdp", 1),
     ("居民消费价格涨幅3%左右", "cpi", -1), ("PM2.5年平均浓度和优良天数比例", "pm25", -1),
     ("赤字率拟按3%安排", "deficit_ratio", -1), ("新增就业1.65万人以上", "new_jobs", 1)],
)
def test_lookup_indicator(text, key, polarity):
    rule = lookup_indicator(text)
    assert rule is not None and rule.key == key and rule.polarity == polarity


def test_lookup_indicator_unknown():
    assert lookup_indicator("引进细胞基因诊疗产业项目") is None


@pytest.mark.parametrize(
    "text", ["绿色经济占地区生产总值比重达到10%", "社会物流总费用与地区生产总值比率下降到14%",
             "研发经费支出占全市地区生产总值的比重达到3%"],
)
def test_denominator_of_a_share_names_no_indicator(text):
    rule = lookup_indicator(text)
    assert rule is None or rule.key != "gdp"


@pytest.mark.parametrize(
    "text,key",
    [("万元地区生产总值能耗下降3%", "energy_intensity"), ("地区生产总值增长6%", "gdp"),
     ("地区生产总值占全国比重提高", "gdp")],
)
def test_share_of_the_indicator_itself_keeps_it(text, key):
    rule = lookup_indicator(text)
    assert rule is not None and rule.key == key


@pytest.mark.parametrize(
    "text,relation",
    [("居民人均可支配收入保持与经济增长同步", "synchronous"),
     ("固定资产投资增幅高于全市平均水平", "above_average"),
     ("节能减排降碳完成年度任务", "assigned_task"),
     ("完成市下达的节能减排目标任务", "assigned_task"),
     ("交通亡人事故起数和人数“双下降”", "decrease"),
     ("“三公”经费“只减不增”", "decrease"),
     ("违法占地问题“零新增”", "zero"),
     ("引进龙头企业和外资企业“破零”", "nonzero"),
     ("整体实现扭亏为盈", "turnaround")],
)
def test_find_relative(text, relation):
    assert relation in [r for _, _, r in find_relative(text)]


# --- properties ---------------------------------------------------------------------------

UNITS = ["%", "万人", "亿元", "万亩", "家", "个", "万吨", "兆瓦", "万平方米", "个百分点", "所"]


@settings(max_examples=200)
@given(st.decimals(min_value=0, max_value=10**7, places=2), st.sampled_from(UNITS))
def test_formatted_quantity_parses_back(value, unit):
    text = f"{value.normalize():f}"
    qs = find_quantities(f"新增{text}{unit}以上")
    assert len(qs) == 1
    assert qs[0].value == pytest.approx(float(value))
    assert qs[0].unit == unit and qs[0].comparator == ">="


@given(st.integers(min_value=1, max_value=99_999_999))
def test_parse_number_arabic_round_trip(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


_CN = "零一二三四五六七八九"


def _to_cn(n: int) -> str:
    """Write 1..9999 in Chinese numerals (一千零五, 三百二十, 十二)."""
    out, zero = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            if zero:
                out += "零"
            out += _CN[d] + name
            zero = False
        elif out:
            zero = True
    return out


@given(st.integers(min_value=1, max_value=9999))
def test_parse_number_chinese_round_trip(n):
    assert parse_number(_to_cn(n)) == n


@given(st.floats(min_value=0, max_value=1e6), st.floats(min_value=0, max_value=1e6),
       st.sampled_from(UNITS + ["斤", "吨", "亿元", "万美元"]))
def test_to_base_is_monotone(a, b, unit):
    lo, hi = sorted((a, b))
    assert to_base(lo, unit)[0] <= to_base(hi, unit)[0]
    assert to_base(lo, unit)[1] == to_base(hi, unit)[1]


def test_counter_before_a_place_word_is_still_a_count():
    # "85家乡村文化大院" (seeds/001, line 26): 家 counts the 大院, it is not 家乡.
    (q,) = find_quantities("建成85家乡村文化大院")
    assert (q.value, q.unit) == (85.0, "家")
