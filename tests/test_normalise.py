"""Normalisation: clean text, paragraphs joined across broken lines, lines traced back."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import BUNDLED_FILES, GOLD, bundled
from tracker.model import Paragraph
from tracker.normalise import clean_line, normalise, split_lines

HEDONG = "002_1ba162837e526855.txt"  # PDF extraction: broken lines, a footnote
XIQING = "003_b981e5a46551f8cf.txt"


# --- one line ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("政 府 工 作 报 告", "政府工作报告"),
        ("注册企业 208 家，同比增长 15.8%", "注册企业208家，同比增长15.8%"),
        ("河东区 2024 年政府工作报告", "河东区2024年政府工作报告"),
        ("　　各位代表：", "各位代表："),
        ("海拉尔区人民政府区长　　张天喜", "海拉尔区人民政府区长张天喜"),
        ("[bookmark: OLE_LINK4][bookmark: OLE_LINK3]各位代表！一年来", "各位代表！一年来"),
        ("(一)推动京津冀协同发展走深走实,区域合作取得实效", "（一）推动京津冀协同发展走深走实，区域合作取得实效"),
        ("各位代表:", "各位代表："),
        ("增长7.2%;地方财政收入", "增长7.2%；地方财政收入"),
        ("投资1,000万元,增长3.5%", "投资1,000万元，增长3.5%"),
        ("会议于10:30召开", "会议于10:30召开"),
        ("增长５．５％，完成１２亿元", "增长5.5%，完成12亿元"),
        ("ＧＤＰ增长", "GDP增长"),
        ("全年增长5.5%左右¹。一般公共预算", "全年增长5.5%左右。一般公共预算"),
        ("PM_{2.5} 年均浓度每立方米 43 微克", "PM_{2.5}年均浓度每立方米43微克"),
        ("共建“一带一路”扎实推进。", "共建“一带一路”扎实推进。"),
        ("区域全面经济伙伴关系协定（RCEP）生效", "区域全面经济伙伴关系协定（RCEP）生效"),
        ("编号 1 2 3 的项目", "编号1 2 3的项目"),
        ("⾏政审批", "行政审批"),  # Kangxi radical from PDF extraction
    ],
)
def test_clean_line(raw: str, clean: str) -> None:
    assert clean_line(raw) == clean


def test_chinese_punctuation_stays_full_width() -> None:
    text = "一、回顾：增长５％，完成；（一）？！《规划》“十四五”"
    cleaned = clean_line(text)
    for mark in "、：，；（）？！《》“”":
        assert mark in cleaned
    assert "5%" in cleaned


def test_english_keeps_its_punctuation() -> None:
    assert clean_line("Hello, world") == "Hello, world"


# --- joining -------------------------------------------------------------------------------


def _texts(paragraphs: list[Paragraph]) -> list[str]:
    return [p.text for p in paragraphs]


def test_title_block_lines_are_not_joined() -> None:
    text = "政府工作报告\n——2024年1月9日在天津市静海区\n第三届人民代表大会第五次会议上\n各位代表：\n现在。"
    assert _texts(normalise(text)) == [
        "政府工作报告",
        "——2024年1月9日在天津市静海区",
        "第三届人民代表大会第五次会议上",
        "各位代表：",
        "现在。",
    ]


def test_broken_sentence_is_joined_across_blank_lines_and_page_numbers() -> None:
    # A line broken by a page runs the page's full width (a short one alone is a heading).
    head = "国资国企改革纵深推进，市场化盘活国有资产闲置存量，盘活闲置房产"
    text = f"各位代表：\n\n{head}\n\n- 3 -\n\n近 8500 平方米。规范行为。\n\n下一段。"
    paragraphs = normalise(text)
    assert _texts(paragraphs)[1:] == [f"{head}近8500平方米。规范行为。", "下一段。"]
    joined = paragraphs[1]
    assert joined.breaks == ((0, 3), (len(head), 7))
    assert joined.line_at(joined.text.index("8500")) == 7


def test_short_line_before_a_long_one_stands_alone() -> None:
    # alt/gansu-2026 (a scraped page, one line per paragraph, no blank lines)
    text = "各位代表：\n2026年重点工作\n今年是“十五五”开局之年。政府工作要坚持以习近平新时代中国特色社会主义思想为指导。"
    assert _texts(normalise(text))[1:] == ["2026年重点工作", "今年是“十五五”开局之年。政府工作要坚持以习近平新时代中国特色社会主义思想为指导。"]


def test_footnote_body_leaves_the_sentence_it_interrupts() -> None:
    text = (
        "各位代表：\n增长5.5%左右¹。在建项目132个，其中39个项\n\n"
        "¹ 该数据系初步推算得出。\n\n目实现竣工，结构优化。\n下一段。"
    )
    texts = _texts(normalise(text))
    assert texts[1] == "增长5.5%左右。在建项目132个，其中39个项目实现竣工，结构优化。"
    assert texts[2].endswith("该数据系初步推算得出。")
    assert texts[3] == "下一段。"


@pytest.mark.parametrize(
    "heading",
    ["一、2023年工作回顾", "（一）坚持产业为基、提质增效，加快形成更多新质生产力", "(二)加快打造现代服务业升级版,产业发展势头强劲"],
)
def test_heading_lines_stay_their_own_paragraph(heading: str) -> None:
    text = f"各位代表：\n上一段没有句号\n{heading}\n正文没有句号，被分页打断\n继续。"
    texts = _texts(normalise(text))
    assert texts[1] == "上一段没有句号"
    assert texts[2] == clean_line(heading)
    assert texts[3] == "正文没有句号，被分页打断继续。"


def test_numbers_are_not_glued_when_lines_join() -> None:
    texts = _texts(normalise("各位代表：\n完成投资12\n34个项目。"))
    assert texts[1] == "完成投资12 34个项目。"


# --- real reports ----------------------------------------------------------------------------


def _find_line(paragraphs: list[Paragraph], phrase: str) -> int:
    for p in paragraphs:
        i = p.text.find(phrase)
        if i >= 0:
            return p.line_at(i)
    raise AssertionError(f"{phrase!r} not found")


def _original_line(path, phrase: str) -> int:
    lines = split_lines(path.read_text(encoding="utf-8"))
    hits = [i for i, line in enumerate(lines, start=1) if phrase in line]
    assert len(hits) == 1, phrase
    return hits[0]


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        (HEDONG, "发展大局。"),  # continuation of a sentence broken by the page
        (HEDONG, "目实现竣工"),  # continuation after the footnote body
        (HEDONG, "长效管理示范区"),
        (HEDONG, "全区经济社会发展的主要预期目标是"),
        (XIQING, "忆”非遗展。"),
        ("national-2021-gwr.txt", "为6%以上，考虑了经济运行恢复情况"),  # web-copy break
        ("hailar-2016-gwr.txt", "经济社会发展主要预期目标是"),
        ("001_89ca5d1321e099f2.txt", "各位代表！一年来"),  # after [bookmark] tags
    ],
)
def test_line_map_points_at_the_original_line(name: str, phrase: str) -> None:
    path = bundled(name)
    paragraphs = normalise(path.read_text(encoding="utf-8"))
    assert _find_line(paragraphs, phrase) == _original_line(path, phrase)


def test_hedong_paragraphs_are_whole_sentences() -> None:
    paragraphs = normalise(bundled(HEDONG).read_text(encoding="utf-8"))
    body = [p for p in paragraphs if p.line > 25]  # after the title block
    unfinished = [p.text for p in body if not re.search(r"[。！？：；”]$", p.text) and len(p.text) > 40]
    assert unfinished == []
    assert any(len(p.breaks) > 1 for p in body)


def _gold_rows(name: str):
    path = GOLD / "targets" / (name.removesuffix(".txt") + ".jsonl")
    if not path.exists():
        pytest.skip("gold labels not available")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("name", [HEDONG, "000_8942062fdd05ce19.txt", "004_4d547a2c16bc38ed.txt"])
def test_gold_target_spans_trace_back_to_their_lines(name: str) -> None:
    paragraphs = normalise(bundled(name).read_text(encoding="utf-8"))
    for row in _gold_rows(name):
        span = clean_line(row["span"])
        lines = [
            p.line_at(m.start())
            for p in paragraphs
            for m in re.finditer(re.escape(span), p.text)
        ]
        assert row["line"] in lines, row


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=lambda p: p.name)
def test_bundled_numbers_survive(path) -> None:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\[bookmark:[^\]]*\]", "", text)  # tag names are not report numbers
    paragraphs = normalise(text)
    assert _numbers("\n".join(p.text for p in paragraphs)) == _numbers(text)


# --- properties --------------------------------------------------------------------------------

_NUMBER_RE = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_FOLD_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _numbers(text: str) -> list[str]:
    return [m.group(0).translate(_FOLD_DIGITS) for m in _NUMBER_RE.finditer(text)]


_ALPHABET = list("经济增长完成亿元万人年月日区政府工作") + list("0123456789０１２３４５６７８９") + list(
    ".．,，:：;；()（）%％ 　\t、。！？“”《》-—¹²abcXYZ"
)
_LINE = st.text(alphabet=_ALPHABET, max_size=40).map(lambda s: "项" + s)
_DOC = st.lists(st.one_of(_LINE, st.just(""), st.just("各位代表：")), max_size=12).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(_DOC)
def test_digits_survive_normalisation(text: str) -> None:
    paragraphs = normalise(text)
    # Footnotes and page headers leave the sentence they interrupt: same numbers, and
    # only those, maybe in another order.
    assert sorted(_numbers("\n".join(p.text for p in paragraphs))) == sorted(_numbers(text))


@settings(max_examples=200, deadline=None)
@given(_DOC)
def test_breaks_are_ordered_and_within_text(text: str) -> None:
    n_lines = len(split_lines(text))
    for p in normalise(text):
        offsets = [b[0] for b in p.breaks]
        lines = [b[1] for b in p.breaks]
        assert offsets[0] == 0 and offsets == sorted(offsets)
        assert all(o < len(p.text) for o in offsets)
        assert lines == sorted(lines) and 1 <= lines[0] and lines[-1] <= n_lines
        assert p.text == p.text.strip() and p.text


@settings(max_examples=200, deadline=None)
@given(_DOC)
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = "\n".join(p.text for p in normalise(text))
    assert "\n".join(p.text for p in normalise(once)) == once


def test_heading_broken_by_a_page_is_joined() -> None:
    text = "各位代表：\n（三）全力加快盘活存量，激发高质\n\n量发展活力\n\n打好盘活闲置资源攻坚战。"
    paragraphs = normalise(text)
    assert _texts(paragraphs)[1:] == ["（三）全力加快盘活存量，激发高质量发展活力", "打好盘活闲置资源攻坚战。"]
    assert paragraphs[1].breaks == ((0, 2), (16, 4))


def test_running_page_headers_leave_the_sentence_flow() -> None:
    page = "政府工作报告\n\n— {n} —\n"
    text = (
        "各位代表：\n第一段。\n" + page.format(n=1) + "第二段被分页\n" + page.format(n=2)
        + "打断了。\n" + page.format(n=3) + "第三段。"
    )
    paragraphs = normalise(text)
    assert [t for t in _texts(paragraphs)[1:] if t != "政府工作报告"] == [
        "第一段。",
        "第二段被分页打断了。",
        "第三段。",
    ]


# --- Traditional Chinese: converted one character for one ---------------------------------


def test_simplified_reports_are_not_converted() -> None:
    from tracker.normalise import to_simplified

    for path in BUNDLED_FILES:
        text = path.read_text(encoding="utf-8")
        assert to_simplified(text) is text


def test_traditional_conversion_keeps_every_line_length(monkeypatch) -> None:
    """A phrase conversion that changes a length falls back to the character table, so
    offsets in the Simplified text stay offsets in the original Traditional line."""
    import tracker.normalise as normalise_module

    table = normalise_module.t2s_table()
    if not table:
        pytest.skip("OpenCC's character dictionary is not available")
    traditional = "政府工作報告\n地區生產總值增長5%左右，一般公共預算收入增長6%。\n\n實現國際化"
    expected = traditional.translate(table)
    assert expected == "政府工作报告\n地区生产总值增长5%左右，一般公共预算收入增长6%。\n\n实现国际化"
    converted = normalise_module.to_simplified(traditional)
    assert converted == expected
    def shortening(line: str) -> str:
        return line.translate(table).replace("国际化", "国际")

    monkeypatch.setattr(normalise_module, "_t2s_converter", lambda: shortening)
    converted = normalise_module.to_simplified(traditional)
    assert [len(x) for x in split_lines(converted)] == [len(x) for x in split_lines(traditional)]
    assert converted == expected


def test_opencc_t2s_phrases_keep_their_length() -> None:
    """The reason OpenCC's phrase conversion can be used at all (see to_simplified)."""
    opencc = pytest.importorskip("opencc")
    from pathlib import Path

    path = Path(opencc.__file__).parent / "dictionary" / "TSPhrases.txt"
    if not path.exists():
        pytest.skip("OpenCC's dictionaries are elsewhere")
    for line in path.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        assert all(len(s) == len(traditional) for s in simplified.split()), line
