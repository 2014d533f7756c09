"""Every report style of the large corpus, read as a person reads it.

Table-driven over real files of ../shared/corpus/reports/ (read in place), one row per
style, and over real lines quoted from them for the Markdown reader. The expected
place, plan year and parts are what the report itself says; where SOURCES.tsv labels
a file otherwise, the row says why.
"""

from __future__ import annotations

import pytest

from conftest import LARGE_CORPUS
from tracker.errors import InputError
from tracker.pipeline import read_report, report_from_bytes
from tracker.readers.markdown import is_markdown, read_markdown

needs_corpus = pytest.mark.skipif(not LARGE_CORPUS.is_dir(), reason="the large corpus is not beside the project")

# file, jurisdiction, plan year, review year, kinds of the parts in order (runs merged)
STYLES = [
    # bold numbered headings in Markdown, front matter with the source URL
    ("guangdong-2012-gwr.txt", "广东省", 2012, 2011, ["preamble", "review", "plan"]),
    # unnumbered plain headings ("2021年主要工作"), a five-year plan opening
    ("xingtaishi-2021-gwr.txt", "邢台市", 2021, 2020, ["preamble", "review", "five_year", "plan"]),
    # bold unnumbered headings in Chinese numerals ("一九九三年的工作") over numbered
    # sub-sections that start again at 一
    ("gansu-1994-gwr.txt", "甘肃省", 1994, 1993, ["preamble", "review", "plan"]),
    # thematic headings; the first names the year reviewed without a review word; glossary
    ("hunan-2012-gwr.txt", "湖南省", 2012, 2011, ["preamble", "review", "plan", "other"]),
    # "“十二五”——…的五年", "2015——…的一年": periods and years before a dash
    ("changdeshi-2016-gwr.txt", "常德市", 2016, 2015,
     ["preamble", "five_year_review", "review", "five_year", "plan"]),
    # "**一、2010年的主要工作** 2010年是…": a heading with its paragraph run on
    ("hainan-2011-gwr.txt", "海南省", 2011, 2010, ["preamble", "review", "five_year_review", "five_year", "plan"]),
    # "二、“十二五”时期发展目标和今年主要工作": the period's goals, then the year's work
    ("liaoning-2011-gwr.txt", "辽宁省", 2011, 2010, ["preamble", "review", "five_year", "plan"]),
    # "附件1 成都市2021年民生实事工作目标" after the closing: the year's targets
    ("chengdushi-2021-gwr.txt", "成都市", 2021, 2020, ["preamble", "review", "five_year", "plan", "other"]),
    # no plan heading: the plan opens at "…拟定2005年经济社会发展的主要预期目标"
    # (SOURCES.tsv: 2004, the year of its title, which is the year reviewed)
    ("sichuan-2004-gwr.txt", "四川省", 2005, 2004, ["preamble", "review", "plan", "other"]),
    # no delivery date; the title names the year reviewed, the heading "2008年工作回顾"
    # tells (SOURCES.tsv: 2008)
    ("sichuan-2008-gwr.txt", "四川省", 2009, 2008, ["preamble", "review", "plan"]),
    # "我代表省人民政府": the level only; the body names 甘肃 most
    ("gansu-2020-gwr.txt", "甘肃省", 2020, 2019, ["preamble", "review", "plan"]),
    # a thematic first heading with no review word ("…“十二五”发展开局良好",
    # "…全面建成小康社会取得决定性成就") opening "2011年是…的一年": last year's account
    ("zhejiang-2012-gwr.txt", "浙江省", 2012, 2011, ["preamble", "review", "plan"]),
    ("huaibeishi-2021-gwr.txt", "淮北市", 2021, 2020, ["preamble", "review", "plan"]),
    ("gansu-2016-gwr.txt", "甘肃省", 2016, 2015, ["preamble", "five_year_review", "five_year", "plan"]),
    # a government's term: "一、第五届人民政府工作回顾" reviews four years, "二、第六届人民政府
    # 奋斗目标和主要任务" sets the term's goals, not the year's
    ("tongliaoshi-2022-gwr.txt", "通辽市", 2022, 2021, ["preamble", "five_year_review", "five_year", "plan"]),
    ("datongshi-2022-gwr.txt", "大同市", 2022, 2021, ["preamble", "five_year_review", "five_year", "plan"]),
    # "一、十二届人大二次会议确定任务完成情况": how last year's tasks went, a review
    ("shaanxi-2015-gwr.txt", "陕西省", 2015, 2014, ["preamble", "review", "plan"]),
    # "二、下届政府工作的总体要求和主要任务" holds the year's work too: it stays the plan
    ("shuozhoushi-2016-gwr.txt", "朔州市", 2016, 2015, ["preamble", "review", "plan"]),
    ("fujian-2024-gwr.txt", "福建省", 2024, 2023, ["preamble", "review", "plan"]),
    # delivered on 2021-12-11: plans for 2022
    ("pingliangshi-2022-gwr.txt", "平凉市", 2022, 2021, ["preamble", "five_year_review", "five_year", "plan"]),
    # "（2010年2月20日 梁保华）" is a typo: the headings plan 2003
    # "二、今后五年主要任务和2003年预期目标": the goals, then "各位代表，今年是…"
    ("jiangsu-2003-gwr.txt", "江苏省", 2003, 2002, ["preamble", "five_year_review", "five_year", "plan"]),
    # "决胜“十四五”收官之年的重点任务": one year of the period, not the period's goals
    ("dingxishi-2025-gwr.txt", "定西市", 2025, 2024, ["preamble", "review", "plan"]),
    # the title says 宿州, the delivery line 苏州 (a typo); the body names 宿州
    # (SOURCES.tsv: 宿迁市)
    ("suqianshi-2015-gwr.txt", "宿州市", 2015, 2014, ["preamble", "review", "plan"]),
    # "我代表自治区人民政府": no name but the level; never "自治区" as a place
    ("ningxia-2005-gwr.txt", "宁夏回族自治区", 2005, 2004, ["preamble", "review", "plan"]),
    # the prefecture by its short name: "在黔东南州第十四届人民代表大会"
    ("qiandongnanmiaozudongzuzizhizhou-2018-gwr.txt", "黔东南苗族侗族自治州", 2018, 2017,
     ["preamble", "review", "plan"]),
    # bold headings without numbers, numbered sub-sections inside the plan
    ("sichuan-2013-gwr.txt", "四川省", 2014, 2013, ["preamble", "review", "plan"]),
    # "一 2024年工作总结": a numeral and a space
    ("eerduosishi-2025-gwr.txt", "鄂尔多斯市", 2025, 2024, ["preamble", "review", "plan"]),
    # "一、1996年工作回顾和1997年工作基本要求": the review is of the first year named
    ("zhejiang-1997-gwr.txt", "浙江省", 1997, 1996, ["preamble", "review", "plan"]),
    # "一、2003年以来工作回顾": a term's review; "未来五年和2007年…任务的建议": both goals
    ("haerbinshi-2007-gwr.txt", "哈尔滨市", 2007, 2006, ["preamble", "five_year_review", "five_year", "plan"]),
    # "——2005年1月在甘肃省十届人大三次会议上": the congress abbreviated
    ("gansu-2005-gwr.txt", "甘肃省", 2005, 2004, ["preamble", "review", "plan"]),
    # a title naming the year reviewed, "三、2006年工作" the year planned (SOURCES.tsv: 2005)
    ("sichuan-2005-gwr.txt", "四川省", 2006, 2005, ["preamble", "five_year_review", "five_year", "plan"]),
    # two five-year sections and the year's work under the second
    ("changshashi-2006-gwr.txt", "长沙市", 2006, 2005, ["preamble", "five_year_review", "five_year", "plan"]),
    # "一、…十二届州人民政府各项目标任务圆满完成" over "（一）关于过去五年的工作" and
    # "（二）关于2021年的工作"; "二、…" over the next five years and 2022: sub-headings decide
    ("chuxiongyizuzizhizhou-2022-gwr.txt", "楚雄彝族自治州", 2022, 2021,
     ["preamble", "five_year_review", "review", "five_year", "plan"]),
    # "一、第四届市人民政府工作回顾": a term under review (届 with the level between)
    ("lincangshi-2022-gwr.txt", "临沧市", 2022, 2021, ["preamble", "five_year_review", "five_year", "plan", "other"]),
    # "二、“十四五”时期": a heading naming the coming period and nothing else holds its goals
    ("changdeshi-2021-gwr.txt", "常德市", 2021, 2020, ["preamble", "review", "five_year", "plan"]),
    # "二、新一届市人民政府的奋斗目标和重点任务": the coming term's goals
    ("zunyishi-2022-gwr.txt", "遵义市", 2022, 2021, ["preamble", "review", "five_year", "plan"]),
    # a new term: "二、今后五年的发展目标", then thematic sections ("三、加快社会主义新农村
    # 建设" …) that set out the period's programme; the year's work opens in a paragraph of
    # the last one ("各位代表，今年是新一届政府的开局之年…建议今年…主要预期目标为")
    ("ningboshi-2007-gwr.txt", "宁波市", 2007, 2006, ["preamble", "five_year_review", "five_year", "plan"]),
    ("hebei-2006-gwr.txt", "河北省", 2006, 2005, ["preamble", "five_year_review", "five_year", "plan"]),
    # … or under a dated heading after them ("十、2003年的主要预期目标和工作重点")
    ("ningxia-2003-gwr.txt", "宁夏回族自治区", 2003, 2002, ["preamble", "five_year_review", "five_year", "plan"]),
    # thematic sections after the period's goals, the year's work under "三、全力以赴做好
    # “十四五”开局工作" opening "今年是…": that section is the plan, whole
    ("zhejiang-2021-gwr.txt", "浙江省", 2021, 2020, ["preamble", "review", "other", "five_year", "plan"]),
    # the review runs on into the coming period under a heading of no number ("未来五年，我们
    # 要凝神聚力攻“四化”、闯新路", "今后五年的目标任务"): from there it is the period's goals
    ("qiannanbuyizumiaozuzizhizhou-2022-gwr.txt", "黔南布依族苗族自治州", 2022, 2021,
     ["preamble", "review", "five_year", "plan"]),
    ("dongguanshi-2004-gwr.txt", "东莞市", 2004, 2003, ["preamble", "review", "five_year", "plan"]),
    # the first section opens on last year ("刚刚过去的一年是本届政府开局之年", "2010年，全省人民
    # 在…"), whatever its heading says ("…中心任务，…实现本届政府工作良好开局")
    ("jinanshi-2013-gwr.txt", "济南市", 2013, 2012, ["preamble", "review", "plan"]),
    ("anhui-2011-gwr.txt", "安徽省", 2011, 2010, ["preamble", "review", "plan"]),
    # a heading saying the work was done ("全面完成了2004年的工作任务", "“十三五”规划圆满收官"),
    # not a later one ordering it ("七、全面完成十项民生计划", of the year's work)
    ("heilongjiang-2005-gwr.txt", "黑龙江省", 2005, 2004, ["preamble", "review", "plan"]),
    ("xiningshi-2021-gwr.txt", "西宁市", 2021, 2020, ["preamble", "review", "plan", "other"]),
    ("ningxia-2014-gwr.txt", "宁夏回族自治区", 2014, 2013, ["preamble", "review", "plan"]),
    # "一、“十二五”经济社会发展规划完成情况" of a 2016 report: a period over, reviewed whole
    ("shandong-2016-gwr.txt", "山东省", 2016, 2015, ["preamble", "five_year_review", "five_year", "plan"]),
]


def _kinds(report) -> list[str]:
    kinds: list[str] = []
    for part in report.parts:
        if part.paragraphs and (not kinds or kinds[-1] != part.kind):
            kinds.append(part.kind)
    return kinds


@needs_corpus
@pytest.mark.parametrize(("name", "place", "plan_year", "review_year", "kinds"), STYLES)
def test_report_style(name: str, place: str, plan_year: int, review_year: int, kinds: list[str]) -> None:
    r = read_report(LARGE_CORPUS / name)
    assert (r.jurisdiction, r.plan_year, r.review_year) == (place, plan_year, review_year)
    assert _kinds(r) == kinds


@needs_corpus
def test_programme_under_thematic_headings_is_not_the_year() -> None:
    """Ningbo 2007: the five-year programme's goals are due in 2011; the year's targets are
    those after "建议今年…主要预期目标为"."""
    from tracker.extract import extract_targets

    r = read_report(LARGE_CORPUS / "ningboshi-2007-gwr.txt")
    plan = [p for p in r.parts if p.kind == "plan"]
    assert plan[0].paragraphs[0].text.startswith("各位代表，今年是新一届政府的开局之年")
    targets = extract_targets(r)
    rate = next(t for t in targets if "高等教育毛入学率达到50%" in t.span)
    assert (rate.horizon, rate.target_year) == ("five_year", 2011)
    gdp = next(t for t in targets if t.span.startswith("地区生产总值增长12%"))
    assert (gdp.horizon, gdp.target_year) == ("annual", 2007)


@needs_corpus
def test_another_phase_is_another_thing() -> None:
    """Ningbo 2002 promised to start 北仑港区四期; the 2003 review lists 北仑国际集装箱码头三期
    among the works finished: no evidence for the fourth phase."""
    from tracker.extract import extract_targets
    from tracker.judge import judge
    from tracker.outcomes import extract_outcomes

    plan, followup = (read_report(LARGE_CORPUS / f"ningboshi-{y}-gwr.txt") for y in (2002, 2003))
    target = next(t for t in extract_targets(plan) if t.span == "宁波港北仑港区四期国际集装箱码头")
    v = judge(target, followup, extract_outcomes(followup))
    assert v.verdict == "unclear" and (v.outcome is None or "三期" not in v.outcome.span)


@needs_corpus
def test_livelihood_appendix_gives_targets() -> None:
    from tracker.extract import extract_targets

    r = read_report(LARGE_CORPUS / "chengdushi-2021-gwr.txt")
    appendix = [p for p in r.parts_of("plan") if p.heading.startswith("附件")]
    assert appendix and appendix[0].paragraphs[0].line > 150
    lines = {p.line for p in appendix[0].paragraphs}
    assert any(t.line in lines and t.target_year == 2021 for t in extract_targets(r))


@needs_corpus
def test_source_url_and_title_from_the_header() -> None:
    r = read_report(LARGE_CORPUS / "guangdong-2012-gwr.txt")
    assert r.source_url == "https://www.gd.gov.cn/gkmlpt/content/0/139/post_139553.html"
    assert r.title.startswith("2012年1月13日广东省代省长朱小丹")
    # a URL on the line after "source:" (xingtaishi-2021)
    r = read_report(LARGE_CORPUS / "xingtaishi-2021-gwr.txt")
    assert r.source_url == "https://www.xingtai.gov.cn/zwgk/zfgzbg/202103/t20210301_589290.html"


@needs_corpus
@pytest.mark.parametrize("name", ["gansu-2025-gwr.txt", "beijing-2026-gwr.txt"])
def test_line_numbers_refer_to_the_original_file(name: str) -> None:
    from tracker.extract import extract_targets

    path = LARGE_CORPUS / name
    lines = path.read_text(encoding="utf-8").splitlines()
    targets = extract_targets(read_report(path))
    assert targets
    for t in targets:
        # the first characters of a target's words stand on the line it cites
        assert t.span[:4] in lines[t.line - 1].replace("**", "")


# Real lines of the corpus, as the Markdown reader sees them.
MARKDOWN = [
    # xingtaishi-2021: header with the URL on its own line, HTML comments of captions
    ("---\nsource:\n- https://www.xingtai.gov.cn/zwgk/zfgzbg/202103/t20210301_589290.html\n"
     "title: 邢台市政府工作报告（2021年2月24日 董晓宇）\n---\n\n政府工作报告\n\n"
     "<!-- 董晓宇作政府工作报告。（黄涛摄） -->\n\n各位代表：",
     "https://www.xingtai.gov.cn/zwgk/zfgzbg/202103/t20210301_589290.html",
     "邢台市政府工作报告（2021年2月24日 董晓宇）", {"政府工作报告", "各位代表："}),
    # guangdong-2012: bold headings
    ("---\nsource: https://www.gd.gov.cn/gkmlpt/content/0/139/post_139553.html\ntitle: 2012年1月13日广东省代省长朱小丹"
     " 在广东省第十一届人民代表大会第五次会议上作政府工作报告\n---\n\n**政府工作报告**\n\n**一、2011年工作回顾**",
     "https://www.gd.gov.cn/gkmlpt/content/0/139/post_139553.html",
     "2012年1月13日广东省代省长朱小丹 在广东省第十一届人民代表大会第五次会议上作政府工作报告",
     {"政府工作报告", "一、2011年工作回顾"}),
]


@pytest.mark.parametrize(("text", "url", "title", "lines"), MARKDOWN)
def test_markdown_reader_keeps_lines_and_reads_the_header(text: str, url: str, title: str, lines: set[str]) -> None:
    assert is_markdown(text, "x.txt")
    md = read_markdown(text)
    assert (md.source_url, md.title) == (url, title)
    out = md.text.split("\n")
    assert len(out) == len(text.split("\n"))  # every line keeps its number
    assert {line for line in out if line.strip()} == lines
    assert "<!--" not in md.text and "**" not in md.text


def test_markdown_headings_are_marked() -> None:
    md = read_markdown("各位代表：\n\n**一、2011年工作回顾**\n\n**改革攻坚蹄疾步稳。**累计推出改革举措841项。")
    assert md.heading_lines == {3}  # a run-in bold phrase is not a heading line


def test_plain_text_is_not_markdown() -> None:
    assert not is_markdown("各位代表：\n一、2023年工作回顾\n增长5%。", "r.txt")


@needs_corpus
def test_new_term_report_with_only_five_year_goals_is_refused_clearly() -> None:
    # nanchangshi-2021-10: "一、本届政府工作总结", "二、今后五年工作的总体考虑" (October 2021)
    with pytest.raises(InputError, match="only five-year goals") as info:
        read_report(LARGE_CORPUS / "nanchangshi-2021-10-gwr.txt")
    assert "\n" not in str(info.value)


def test_fragment_is_never_a_jurisdiction() -> None:
    # "我代表市人民政府" with a body naming no city often enough: refused, not "我代表市"
    text = "各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、2023年工作回顾\n增长5%。\n二、2024年工作安排\n增长6%。"
    with pytest.raises(InputError, match="jurisdiction"):
        report_from_bytes(text.encode(), "anon.txt")


@needs_corpus
@pytest.mark.parametrize(("name", "headings"), [
    # thematic numbered sections under unnumbered headings that say what they are: the
    # unnumbered headings decide, and the review no longer hides in the preamble
    ("changdeshi-2015-gwr.txt", ["过去一年", "新的一年"]),
    ("guangdong-2010-gwr.txt", ["2009年工作回顾", "2010年工作安排"]),
    ("gansu-2016-gwr.txt", ["“十二五”工作回顾", "“十三五”经济社会发展", "2016年主要任务"]),
])
def test_unnumbered_headings_over_thematic_numbers(name: str, headings: list[str]) -> None:
    r = read_report(LARGE_CORPUS / name)
    named = [p.heading for p in r.parts if p.kind != "preamble" and p.kind != "other"]
    assert [h for h in named if any(h.startswith(x) for x in headings)] == named
    assert len(r.parts[0].paragraphs) <= 6  # title, delivery line, salutation
