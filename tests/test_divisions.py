"""China's administrative divisions: the data file and the lookups on it, with real names."""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from tracker import divisions
from tracker.divisions import COLUMNS, LEVELS, Division, count_places, lookup, parent_of, province_of, same_place

from conftest import ROOT

DATA = ROOT / "tracker" / "rules" / "divisions.tsv"
SOURCES = ROOT.parent / "shared" / "corpus" / "reports" / "SOURCES.tsv"
PLACEHOLDERS = {"市辖区", "县", "市", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def read_rows() -> list[dict[str, str]]:
    with open(DATA, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


ROWS = read_rows()
CODES = {row["code"] for row in ROWS}


# --- the data file -------------------------------------------------------------------------


def test_header():
    assert DATA.read_text("utf-8").splitlines()[0].split("\t") == list(COLUMNS)


def test_rows_are_well_formed():
    for row in ROWS:
        assert None not in row and all(v is not None for v in row.values()), row
        code, level = row["code"], row["level"]
        assert len(code) == 6 and code.isdigit(), row
        assert level in LEVELS, row
        expected = "province" if code.endswith("0000") else "prefecture" if code.endswith("00") else "county"
        assert level == expected, row
        assert 2002 <= int(row["first"]) <= int(row["last"]) <= 2025, row
        assert row["short"] != row["name"] and len(row["short"]) != 1, row


def test_every_parent_exists_one_level_up():
    for row in ROWS:
        code, parent = row["code"], row["parent"]
        if row["level"] == "province":
            assert parent == "", row
            continue
        assert parent in CODES, row
        if row["level"] == "prefecture":
            assert parent == code[:2] + "0000", row
        else:
            assert parent in (code[:4] + "00", code[:2] + "0000"), row


def test_no_duplicate_rows_and_no_placeholders():
    pairs = Counter((row["code"], row["name"]) for row in ROWS)
    assert [pair for pair, n in pairs.items() if n > 1] == []
    names = {row["name"] for row in ROWS}
    assert names.isdisjoint(PLACEHOLDERS)
    assert [name for name in names if "直辖" in name] == []


def test_current_counts():
    current = Counter(row["level"] for row in ROWS if row["last"] == "2025")
    assert current["province"] == 34  # 23 provinces, 5 autonomous regions, 4 municipalities, 2 SARs
    assert 330 <= current["prefecture"] <= 340
    assert 2800 <= current["county"] <= 2900


@pytest.mark.parametrize(
    "name, short",
    [
        ("内蒙古自治区", "内蒙古"),
        ("广西壮族自治区", "广西"),
        ("新疆维吾尔自治区", "新疆"),
        ("宁夏回族自治区", "宁夏"),
        ("西藏自治区", "西藏"),
        ("北京市", "北京"),
        ("黑龙江省", "黑龙江"),
        ("香港特别行政区", "香港"),
        ("呼伦贝尔市", "呼伦贝尔"),
        ("阿坝藏族羌族自治州", "阿坝"),
        ("伊犁哈萨克自治州", "伊犁"),
        ("海西蒙古族藏族自治州", "海西"),
        ("锡林郭勒盟", "锡林郭勒"),
        ("那曲地区", "那曲"),
        ("海拉尔区", "海拉尔"),
        ("长阳土家族自治县", "长阳"),
        ("龙胜各族自治县", "龙胜"),
        ("鄂伦春自治旗", "鄂伦春"),
        ("浦东新区", "浦东"),
        ("神农架林区", "神农架"),
        ("万柏林区", "万柏林"),
        ("和县", ""),
        ("城区", ""),
        ("东乡族自治县", ""),
    ],
)
def test_short_names(name, short):
    assert {row["short"] for row in ROWS if row["name"] == name} == {short}


# --- lookup ---------------------------------------------------------------------------------


def source_jurisdictions() -> list[tuple[str, str]]:
    if not SOURCES.exists():
        return []
    with open(SOURCES, encoding="utf-8", newline="") as fh:
        return sorted({(row["jurisdiction"], row["level"]) for row in csv.DictReader(fh, delimiter="\t")})


@pytest.mark.skipif(not SOURCES.exists(), reason="the shared corpus is not beside the project")
def test_every_corpus_jurisdiction_is_found():
    jurisdictions = source_jurisdictions()
    assert len(jurisdictions) > 300
    missing = [name for name, _ in jurisdictions if not lookup(name)]
    assert missing == []
    # Its first reading has the level SOURCES gives: 吉林 the province, 吉林市 the city.
    wrong = [
        (name, lookup(name)[0].level)
        for name, level in jurisdictions
        if lookup(name)[0].level != ("province" if level.startswith("province") else "prefecture")
    ]
    assert wrong == []


@pytest.mark.parametrize(
    "name, first",
    [
        ("浙江", "浙江省"),
        ("内蒙古", "内蒙古自治区"),
        ("河北", "河北省"),  # before 天津's 河北区: same years, the higher level first
        ("吉林", "吉林省"),  # before 吉林市
        ("海南", "海南省"),  # before 海南藏族自治州 and 乌海's 海南区
        ("呼伦贝尔", "呼伦贝尔市"),
        ("阿坝州", "阿坝藏族羌族自治州"),
        ("那曲", "那曲市"),  # before 那曲地区, its name until 2017
        ("襄樊", "襄樊市"),
        ("巢湖市", "巢湖市"),
    ],
)
def test_lookup_first(name, first):
    assert lookup(name)[0].name == first


def test_lookup_gives_every_reading_most_recent_first():
    assert [d.name for d in lookup("河北")] == ["河北省", "河北区"]
    assert [d.name for d in lookup("吉林")] == ["吉林省", "吉林市"]
    found = lookup("朝阳")
    assert found[0] == Division("211300", "朝阳市", "朝阳", "prefecture", "210000", 2002, 2025)
    assert {d.code for d in found} >= {"110105", "220104", "211321"}  # 北京, 长春 朝阳区; 朝阳县
    assert lookup("不存在市") == [] and not divisions.is_division("不存在市")
    assert divisions.is_division("静海区") and divisions.is_division("浙江")


@pytest.mark.parametrize(
    "name, code, level, last",
    [
        ("襄樊市", "420600", "prefecture", 2010),  # renamed 襄阳市 in 2010
        ("那曲地区", "542400", "prefecture", 2016),  # became 那曲市 (540600) in 2017
        ("莱芜市", "371200", "prefecture", 2016),  # merged into 济南 in 2019
        ("思茅市", "530800", "prefecture", 2006),  # renamed 普洱市 in 2007
        ("崇明县", "310230", "county", 2014),  # became 崇明区 in 2016
    ],
)
def test_historical_names(name, code, level, last):
    (division,) = [d for d in lookup(name) if d.code == code]
    assert (division.level, division.last) == (level, last)


def test_historical_names_share_codes_with_their_successors():
    assert {d.code for d in lookup("襄阳市")} == {"420600"}
    chaohu = {d.code: d for d in lookup("巢湖市")}
    assert chaohu["341400"].level == "prefecture" and chaohu["341400"].last == 2010
    assert chaohu["340181"].level == "county" and chaohu["340181"].first == 2011
    assert parent_of(chaohu["340181"]).name == "合肥市"


# --- province_of, parent_of -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name, province",
    [
        ("呼伦贝尔市", "内蒙古自治区"),
        ("海拉尔区", "内蒙古自治区"),
        ("浙江省", "浙江省"),
        ("浙江", "浙江省"),
        ("静海区", "天津市"),
        ("西青区", "天津市"),
        ("河东区", "天津市"),  # 天津's, before 临沂's 河东区 by code
        ("河北区", "天津市"),
        ("东城区", "北京市"),
        ("济源市", "河南省"),
        ("仙桃市", "湖北省"),
        ("石河子市", "新疆维吾尔自治区"),
        ("那曲市", "西藏自治区"),
        ("襄樊市", "湖北省"),
        ("阿坝", "四川省"),
        ("不存在市", None),
    ],
)
def test_province_of(name, province):
    found = province_of(name)
    assert (found.name if found else None) == province


def test_province_of_a_division():
    (linyi_hedong,) = [d for d in lookup("河东区") if d.code == "371312"]
    assert province_of(linyi_hedong).name == "山东省"


@pytest.mark.parametrize(
    "name, code, parent",
    [
        ("海拉尔区", "150702", "呼伦贝尔市"),
        ("呼伦贝尔市", "150700", "内蒙古自治区"),
        ("静海区", "120118", "天津市"),  # directly under the municipality
        ("仙桃市", "429004", "湖北省"),  # directly under the province
        ("庐江县", "341421", "巢湖市"),  # under 巢湖 until 2011
        ("庐江县", "340124", "合肥市"),  # under 合肥 since
        ("襄城区", "420602", "襄阳市"),  # the parent's latest name while both stood
        ("浙江省", "330000", None),
    ],
)
def test_parent_of(name, code, parent):
    (division,) = [d for d in lookup(name) if d.code == code]
    found = parent_of(division)
    assert (found.name if found else None) == parent


# --- same_place -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("浙江", "浙江省", True),
        ("内蒙古", "内蒙古自治区", True),
        ("新疆", "新疆维吾尔自治区", True),
        ("阿坝藏族羌族自治州", "阿坝州", True),
        ("阿坝州", "阿坝", True),
        ("阿坝藏族羌族自治州", "阿坝", True),
        ("襄樊市", "襄阳市", True),  # one code, renamed
        ("那曲地区", "那曲市", True),  # a 地区 become a 市 under a new code
        ("海东地区", "海东市", True),
        ("呼伦贝尔", "呼伦贝尔市", True),
        ("全国", "全国", True),
        ("浙江", "江苏", False),
        ("吉林", "吉林市", False),  # 吉林 is read as the province
        ("河北", "河北区", False),
        ("海南", "海南州", False),
        ("呼伦贝尔市", "海拉尔区", False),
        ("浙江", "不存在", False),
    ],
)
def test_same_place(a, b, same):
    assert same_place(a, b) is same
    assert same_place(b, a) is same


@pytest.mark.skipif(not SOURCES.exists(), reason="the shared corpus is not beside the project")
def test_corpus_short_and_full_province_names_agree():
    names = {name for name, _ in source_jurisdictions()}
    for short in ("浙江", "内蒙古", "新疆", "广西", "宁夏", "西藏", "北京", "黑龙江"):
        full = lookup(short)[0].name
        assert full in names and same_place(short, full)


# --- counting names in a text ---------------------------------------------------------------

QINGHAI_2004 = (
    "扩大农村牧区综合改革试点范围，在西宁市、海东地区、海南州、海北州及其所属县全面推进乡镇机构、"
    "农牧区义务教育和县乡财政管理体制改革，确保农牧民负担不反弹，确保乡村组织正常运转，确保增强农村公共服务能力。"
)
NEIMENGGU = "建成满洲里机场，力争开工建设鄂尔多斯、阿尔山、二连机场，迁建赤峰机场。"
BORTALA_2016 = (
    "五年来，我们坚决贯彻落实中央、自治区和自治州党委各项决策部署，紧紧围绕社会稳定和长治久安总目标，"
    "坚持“产业富民、口岸强州”，团结带领全州各族人民，凝心聚力、创新求变、攻坚克难。"
)


@pytest.mark.parametrize(
    "text, level, expected",
    [
        # 海南州 is the prefecture, not 海南省; 和县乡财政 holds no 和县.
        (QINGHAI_2004, None, {"西宁市": 1, "海东地区": 1, "海南藏族自治州": 1, "海北藏族自治州": 1}),
        (QINGHAI_2004, "province", {}),
        # Short names count for prefectures (鄂尔多斯, 赤峰), not counties (满洲里, 阿尔山).
        (NEIMENGGU, None, {"鄂尔多斯市": 1, "赤峰市": 1}),
        (BORTALA_2016, None, {}),  # 长治久安 is no 长治市
        ("——2024年1月9日在天津市静海区第三届人民代表大会第一次会议上", None, {"天津市": 1, "静海区": 1}),
        ("——2024年1月9日在天津市静海区第三届人民代表大会第一次会议上", "county", {"静海区": 1}),
        ("呼伦贝尔市海拉尔区，呼伦贝尔，内蒙古", None, {"呼伦贝尔市": 2, "海拉尔区": 1, "内蒙古自治区": 1}),
        ("呼伦贝尔市海拉尔区，呼伦贝尔，内蒙古", "prefecture", {"呼伦贝尔市": 2}),
        ("加快主城区和老城区改造，建设示范县。", None, {}),
        ("吉林市和吉林省，吉林", None, {"吉林市": 1, "吉林省": 2}),
    ],
)
def test_count_places(text, level, expected):
    assert count_places(text, level) == Counter(expected)


def test_count_places_rejects_an_unknown_level():
    with pytest.raises(ValueError):
        count_places("浙江", level="city")


def test_find_places_gives_positions_left_to_right():
    text = "——2024年1月9日在天津市静海区第三届人民代表大会"
    found = divisions.find_places(text)
    assert [(p.text, p.division.code) for p in found] == [("天津市", "120000"), ("静海区", "120118")]
    assert all(text[p.start : p.end] == p.text for p in found)
    assert [p.division.name for p in divisions.find_places("在海南州、黔东南州")] == [
        "海南藏族自治州",
        "黔东南苗族侗族自治州",
    ]


def test_the_file_is_read_once():
    lookup("浙江")
    count_places("浙江省")
    before = divisions._index.cache_info()
    lookup("内蒙古")
    province_of("海拉尔区")
    count_places("呼伦贝尔市")
    after = divisions._index.cache_info()
    assert after.misses == before.misses == 1
