"""Paragraphs → a Report: who delivered it, when, for which year, and its parts.

The report's top-level sections ("一、…", "二、…", numbered in sequence) are the
parts. Each is classified from its heading: a review of the past year, a five-year
plan's goals, a review of a whole plan period, or the plan for the coming year.
The metadata comes from the title block (everything before the first section).

Two kinds of text are set apart as `other` parts, since they state no goal: notes,
a glossary or appendices after the last section (from a "名词解释：", "注释", "附件1："
heading to the end), and the notice opening a five-year section that the plan outline
was drawn up and is submitted to the congress ("编制了《…纲要（草案）》，提请大会审议").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.detect import (
    YEAR_RE,
    cn_number,
    detect_delivered,
    detect_jurisdiction,
    plan_year_from_delivery,
    title_year,
    years_in,
)
from tracker.errors import InputError
from tracker.model import Paragraph, Part, PartKind, Report, ReportKind
from tracker.normalise import SALUTATION_RE

# --- report language ---------------------------------------------------------------------

CN_NUM = "一二三四五六七八九十"

# Top-level section heading: "一、2023年工作回顾", "第二部分　2024年工作安排".
TOP_HEADING_RE = re.compile(
    rf"^(?:(?P<num>[{CN_NUM}]{{1,3}})(?:、|\s*(?=(?:19|20)\d\d年))|第(?P<part>[{CN_NUM}]{{1,3}})部分[：:、\s]*)(?P<title>.+)$"
)
TOP_HEADING_MAX_LEN = 60

# A five-year plan period: "十四五", "“十三五”".
PERIOD_RE = re.compile(rf"(?P<num>[{CN_NUM}]{{1,2}})五(?:”|\")?(?:时期|规划|期间|经济社会|的)")
PERIOD_ANY_RE = re.compile(rf"[“\"](?P<num>[{CN_NUM}]{{1,2}})五[”\"]")

# Heading words, by the kind of section they announce.
REVIEW_WORDS = re.compile(r"回顾|执行情况|完成情况|工作总结|取得的成就|发展成就|过去")
PLAN_GOAL_WORDS = re.compile(r"目标|任务|规划")
# A heading on a coming period's approach ("二、“十四五”时期发展的主要考虑", "“十二五”基本思路")
# sets its goals too, when it names no single year ("…基本思路和2016年工作安排" is the year's).
PERIOD_APPROACH_WORDS = re.compile(r"思路|考虑")
# "过去一年和五年工作回顾" reviews the last year (with the period); a heading naming a
# single year is an annual review.
ANNUAL_WORDS = re.compile(r"一年|今年|上年|年度|(?:19|20)\d{2}\s*年")
FIVE_YEAR_WORDS = re.compile(r"五年")
# Goals for the coming five years without naming the plan ("今后五年的主要目标任务").
COMING_FIVE_YEARS = re.compile(r"今后五年|未来五年")
# Closing material that sets no work: appendices, glossaries.
OTHER_WORDS = re.compile(r"^(?:附件|附录|名词解释|注释|说明)")
# The same material after the last numbered section, under a heading of its own
# ("名词解释：", "注释", "附件1：…", "附表"): from there to the end, nothing is plan.
CLOSING_HEADING_RE = re.compile(
    r"^(?:(?:《政府工作报告》)?有关(?:情况|名词)?(?:说明|解释)|名词解释|名词注释|注释|注解|附注|附件|附表|附录)"
    r"\s*[\d一二三四五六七八九十]*\s*(?:[：:、.．]|$)"
)
# The announcement that opens a five-year section: the plan outline was drawn up and is
# submitted to the congress ("编制了《…纲要（草案）》，提请大会审议"). It sets no goal.
SUBMISSION_RE = re.compile(r"(?:提请|提交)[^。；]{0,12}大会(?:审议|审查)")
GOAL_MARKS_RE = re.compile(r"目标是|[%％]|\d\s*(?:万|亿)")

# Where the goals of a mixed "成就和主要目标任务" section begin: a paragraph opening
# with the coming period's name or with "今后五年", maybe after a short lead ("综合判断，").
GOALS_START_RE = re.compile(
    rf"^(?:[^，,。“\"]{{1,6}}[，,])?(?:[“\"]?(?P<num>[{CN_NUM}]{{1,2}})五[”\"]?|今后五年|未来五年)")

# Plan reports: "…国民经济和社会发展计划执行情况与2026年…计划草案".
PLAN_REPORT_RE = re.compile(r"计划执行情况|计划草案")

# A top-level heading without a number: short, no sentence inside, and words that
# name a part of a report ("2015年及“十二五”工作", "今后五年目标任务", "2022年重点工作").
UNNUMBERED_HEADING_MAX_LEN = 32
UNNUMBERED_HEADING_RE = re.compile(
    r"工作回顾|回顾|工作总结|工作安排|重点工作|主要工作|主要任务|重点任务|目标任务|工作任务|总体要求|"
    r"发展目标|主要目标|政府自身建设|的工作$|年工作|主要预期目标|工作建议|安排建议|发展成就"
    # "2015——奋发有为、迎难而上的一年", "“十三五”——全面小康、决战决胜的五年"
    r"|^(?:(?:19|20)\d{2}年?|[“\"]?十[一二三四五六七八九]?五[”\"]?)——"
    # "2015年及“十二五”工作"
    r"|^(?:19|20)\d{2}年.{0,16}工作$"
    # "过去一年" over the review, "新的一年" over the plan, each heading its own numbered list
    r"|^(?:过去的?一年|新的一年)$"
)
# A heading naming its year without 年: "2016——抢抓先机、扎实开局的一年".
DASHED_YEAR_RE = re.compile(r"^(?P<year>(?:19|20)\d{2})——")
# Items of a list, not headings of parts: "（一）…", "10、…", "3.…".
LIST_ITEM_RE = re.compile(r"^(?:[（(]|\d+\s*[、.．])")
# Where the plan opens in a report whose headings say nothing ("今年政府工作的总体要求是").
PLAN_OPENING_RE = re.compile(
    r"^(?:今年|(?P<year>(?:19|20)\d{2})年)[^。]{0,24}?(?:工作的总体要求|总体要求|主要预期目标|预期目标|"
    r"(?:要|将)重点(?:做好|抓好)|(?:要|将)着力(?:做好|抓好))"
    # "综合各方面因素，省政府拟定2005年经济社会发展的主要预期目标是"
    r"|^[^。]{0,20}?(?:拟定|提出|确定)(?:今年|(?P<year2>(?:19|20)\d{2})年)[^。]{0,16}?主要预期目标"
)
# A section that opens on an account of a past year: "2011年是国内外形势错综复杂的一年".
REVIEW_OPENING_RE = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*年是[^。]{2,60}的一年")
# … or says so without the year: "刚刚过去的一年是本届政府开局之年", "过去的一年，…".
PAST_YEAR_OPENING_RE = re.compile(
    r"^(?:各位代表[，,：:]\s*)?(?:刚刚)?过去的?(?:一年|(?P<past>(?:19|20)\d{2})\s*年)[是，,]"
    r"|^(?P<year>(?:19|20)\d{2})\s*年[，,是]")  # "2010年，全省人民在…", "2025年是“十四五”收官之年"
# A heading saying work was done ("全面完成了2004年的工作任务", "“十五”目标任务胜利完成",
# "经济发展目标超额实现", "“十三五”规划圆满收官"): a review, unless it urges ("确保圆满完成").
COMPLETED_RE = re.compile(r"(?:胜利|圆满|超额|较好)(?:完成|实现|收官)|完成了")
# … or, beside a past year, "全面完成2003年各项预期目标" (of a coming year, an order).
COMPLETED_IN_YEAR_RE = re.compile(r"(?:全面|顺利)(?:完成|实现)")
URGING_RE = re.compile(r"确保|力争|努力|全力|奋力|坚决|推动|着力|争取|决战|决胜")
# A government's whole term under review: "本届政府工作总结", "十五届人大一次会议以来工作回顾".
TERM_WORDS = re.compile(r"本届|届人大一次会议以来|届[省市州区县盟旗]?(?:人民)?政府|任期")
# The coming government's term: "新一届政府工作的总体要求", "第六届人民政府奋斗目标和主要任务".
COMING_TERM = re.compile(r"(?:新一届|下一届|下届|第[一二三四五六七八九十]+届)[省市州区县盟旗]?(?:人民)?政府")
# The start of a period under review: "2003年以来工作回顾".
SINCE_YEAR_RE = re.compile(r"(?:19|20)\d{2}\s*年以来")
# An appendix listing the year's projects for the people ("2025年民生实事清单"): targets.
PROJECT_LIST_RE = re.compile(r"民生实事|惠民实事|为民办实事|民心工程|实事项目|重点项目清单|重大项目清单")
APPENDIX_TITLE_PARAGRAPHS = 2
# Sub-headings of a top section that name periods ("（一）关于过去五年的工作", "（二）关于
# 2021年的工作"): when every sub-heading of the section names one, and they are not all of
# one kind, each is a part of its own.
SUB_HEADING_RE = re.compile(rf"^[（(][{CN_NUM}]{{1,2}}[）)]\s*(?P<title>[^。；，！？：]{{2,30}})$")
SUB_PERIOD_WORDS = re.compile(r"五年|(?:19|20)\d{2}\s*年|今年|过去的?一年|新的一年|届")
# A heading naming a plan period and nothing else: "“十四五”时期".
PERIOD_ONLY_RE = re.compile(rf"^[“\"]?[{CN_NUM}]{{1,2}}五[”\"]?(?:时期|期间)?$")
# A heading about one year of a plan period: "开局之年", "收官之年".
YEAR_OF_PERIOD_RE = re.compile(r"之年")
# The coming period opened inside a review: "今后五年的目标任务", "各位代表，今后五年是…".
COMING_OPENING_RE = re.compile(r"^(?:各位代表[，,！!：:]\s*)?(?:未来|今后)五年")
# A heading over the year's work without a date: "全力以赴做好“十四五”开局工作".
YEAR_WORK_HEADING_RE = re.compile(r"之年|开局|起步|今年|新的一年")
# A heading that names this year's work beside the plan period's goals.
THIS_YEAR_RE = re.compile(r"今年|本年|年度")
# Words that make a heading naming a past year still a plan ("今后五年主要任务和2003年预期目标").
FUTURE_HEADING_WORDS = re.compile(r"安排|任务|目标|计划|要求|今后|未来")
# Words of a heading that sets work.
PLAN_HEADING_WORDS = re.compile(r"安排|任务|目标|今年|重点|计划|要求|主要工作|思路")
# Words that tell an account of the past from a plan, for thematic headings.
PAST_WORDS = re.compile(r"一年来|过去一年|过去的一年|五年来|过去五年|去年|上年|全年|取得|实现了|完成了|达到了|比上年")
FUTURE_WORDS = re.compile(r"今年|力争|预期|确保|将|要")
PAST_OVER_FUTURE = 1.0
# Years at least this far beyond the plan year are horizons, never the plan year.
HORIZON_MIN_AHEAD = 3
# The opening of a report without numbered sections ends at its salutation.
OPENING_MAX_PARAGRAPHS = 30
OPENING_DEFAULT_PARAGRAPHS = 3
OPENING_SENTENCES = 1
SALUTATION_STARTS = ("各位代表：", "各位代表，", "各位代表:", "各位代表,")
# A delivery date this many years from what the headings say is a typo in the date.
DATE_TYPO_YEARS = 2
REPORT_TITLE_RE = re.compile(r"政府工作报告|计划执行情况|计划草案")
# A paragraph that opens the year's work inside a new term's programme: "今年是新一届政府的
# 开局之年", "2006年是我省实施“十一五”规划的第一年，做好今年的工作意义重大", "实现今后五年各项
# 发展目标和任务，首先必须做好2003年工作", "建议今年全市经济社会发展的主要预期目标为".
YEAR_WORK_OPENING_RE = re.compile(
    r"^(?:各位代表[，,！!：:]\s*)?(?:"
    r"(?:今年|(?P<year>(?:19|20)\d{2})\s*年)是[^。]{0,40}?(?:之年|第一年|起步年|开局年|一年)"
    r"|[^。]{0,30}?(?:做好|抓好)(?:今年|(?P<year2>(?:19|20)\d{2})\s*年)(?:的)?(?:各项)?(?:政府)?工作"
    r"|(?:建议)?今年[^。]{0,20}?主要预期(?:调控)?目标)"
)


@dataclass
class _Section:
    number: int
    heading: Paragraph | None
    paragraphs: list[Paragraph]
    closing: bool = False  # notes, glossary or appendices after the numbered sections


# --- entry point ---------------------------------------------------------------------------


def segment(
    paragraphs: list[Paragraph],
    name: str,
    sha256: str,
    *,
    jurisdiction: str | None = None,
    year: int | None = None,
    title: str | None = None,
) -> Report:
    """Build a Report from normalised paragraphs; raise InputError when it is not one.

    `title` is the title a Markdown header gives, if any: it is read like the title block.
    """
    if not paragraphs:
        raise InputError(f"{name}: no text found")
    numbered = split_sections(paragraphs)
    preamble = numbered[0].paragraphs if numbered[0].heading is None else []
    if len(preamble) == len(paragraphs):  # no numbered section: the title block is the opening
        preamble = _opening(paragraphs)
    # The opening sentence after the salutation ("现在，我代表省人民政府…") belongs to it.
    front_text = "\n".join(p.text for p in paragraphs[: len(preamble) + OPENING_SENTENCES])
    delivered = detect_delivered(front_text, title)
    plan_year = year or plan_year_from_delivery(delivered)
    parts = _best_parts(paragraphs, numbered, plan_year)
    if year is None:
        split_with = plan_year
        reviewed = _reviewed_year(parts) or _opening_year(parts)
        # The review headings decide when there is no delivery date; any dated heading
        # decides against a delivery date years away from it (a typo in the date).
        if plan_year is None:
            plan_year = reviewed
        elif abs((dated := reviewed or _planned_year(parts) or plan_year) - plan_year) >= DATE_TYPO_YEARS:
            plan_year = dated
        # A title's year may be the year reviewed ("2007年四川省人民政府工作报告" of Jan 2008),
        # so it comes after the review headings.
        titled, planned = title_year(title) or _preamble_year(preamble), _planned_year(parts)
        if plan_year is None and titled and planned == titled + 1:
            plan_year = planned  # "2005年四川省人民政府工作报告" and "三、2006年工作"
        plan_year = plan_year or titled or planned
        if plan_year != split_with:  # the parts depend on the plan year: split again with it
            parts = _best_parts(paragraphs, numbered, plan_year)
    if not any(p.kind == "plan" for p in parts):
        if any(p.kind == "five_year" for p in parts):
            raise InputError(
                f"{name}: no plan part found: the report sets only five-year goals (a new term's "
                "report?), no section for the coming year's work such as '二、2024年工作安排'"
            )
        raise InputError(
            f"{name}: no plan part found (no section setting the coming year's work, "
            "such as '二、2024年工作安排'); is the file complete?"
        )
    body = "\n".join(p.text for p in paragraphs[len(preamble):])
    place = jurisdiction or detect_jurisdiction(front_text, body, title)
    if not place:
        raise InputError(
            f"{name}: cannot tell which jurisdiction the report is from (no place named in "
            "its title, opening or delivery line); use --jurisdiction"
        )
    review_year, plan_year = _years(parts, plan_year, year)
    if plan_year is None:
        raise InputError(
            f"{name}: cannot tell which year the report plans for (no delivery date or "
            "dated plan heading); use --year"
        )
    _fill_part_years(parts, review_year, plan_year, force=year is not None)
    five_year_end = next((p.year for p in parts if p.kind == "five_year"), None)
    return Report(
        name=name,
        sha256=sha256,
        jurisdiction=place,
        kind=detect_kind(front_text + "\n" + (title or ""), parts),
        delivered=delivered,
        review_year=review_year,
        plan_year=plan_year,
        five_year_end=five_year_end,
        paragraphs=list(paragraphs),
        parts=parts,
    )


def _reviewed_year(parts: list[Part]) -> int | None:
    """The year after the one the review headings name ("2008年工作回顾" → 2009)."""
    reviewed = [p.year for p in parts if p.kind == "review" and p.year]
    return max(reviewed) + 1 if reviewed else None


def _opening_year(parts: list[Part]) -> int | None:
    """The year a headingless plan opens with ("拟定2005年…主要预期目标")."""
    return next((p.year for p in parts if p.kind == "plan" and not p.heading and p.year), None)


def _planned_year(parts: list[Part]) -> int | None:
    """The latest plan heading year next to the earliest ("一、2011年，…开局" then
    "二、2012年工作"); years further on are horizons ("2035年远景目标")."""
    planned = [p.year for p in parts if p.kind == "plan" and p.year]
    return max(y for y in planned if y <= min(planned) + 1) if planned else None


def _opening(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The title block of a report without numbered sections: up to the salutation."""
    for i, p in enumerate(paragraphs[:OPENING_MAX_PARAGRAPHS]):
        if SALUTATION_RE.match(p.text) or p.text.startswith(SALUTATION_STARTS):
            return paragraphs[: i + 1]
    return paragraphs[:OPENING_DEFAULT_PARAGRAPHS]


def _preamble_year(preamble: list[Paragraph]) -> int | None:
    """A title line in the text itself: "2026年安徽省政府工作报告"."""
    for p in preamble[:OPENING_MAX_PARAGRAPHS]:
        if REPORT_TITLE_RE.search(p.text) and len(p.text) <= TOP_HEADING_MAX_LEN:
            found = title_year(p.text)
            if found:
                return found
    return None


def _best_parts(paragraphs: list[Paragraph], numbered: list[_Section], plan_year: int | None) -> list[Part]:
    """The report's parts, by its headings (or words); the coming term's goals are the plan
    when nothing else is."""
    parts = _parts_by_headings(paragraphs, numbered, plan_year)
    return _term_goals_as_plan(_programme_under_themes(_coming_period_in_review(parts), plan_year))


def _parts_by_headings(paragraphs: list[Paragraph], numbered: list[_Section], plan_year: int | None) -> list[Part]:
    """Parts by the numbered headings; where they set no plan (or restart, being the
    sub-sections of unnumbered ones), by unnumbered headings; else where the plan's
    opening words or heading stand."""
    by_number = _parts(numbered, plan_year)
    if _has_plan(by_number) and _has_review(by_number) and not _restarts(paragraphs):
        if not _review_headed(by_number) and not any(_says_plan(p.heading) for p in by_number):
            # the review was only inferred from words of the past under thematic headings;
            # unnumbered headings that say it ("过去一年" over the review, "新的一年" over numbered plan sections) win
            headed = _parts(split_at_unnumbered_headings(paragraphs) or [], plan_year)
            if _has_plan(headed) and _review_headed(headed):
                return _review_in_preamble(headed, paragraphs)
        return by_number
    unnumbered = split_at_unnumbered_headings(paragraphs)
    if unnumbered is not None:
        by_heading = _parts(unnumbered, plan_year)
        if _has_plan(by_heading) and (_has_review(by_heading) or not _has_plan(by_number)):
            return _review_in_preamble(by_heading, paragraphs)
    # Numbered sections that restart with no plan heading above them: where the plan opens.
    by_content = split_at_plan_opening(paragraphs, numbered, plan_year)
    headed_plan = any(p.kind == "plan" and _says_plan(p.heading) for p in by_number)
    if _has_plan(by_number) and (headed_plan or not _restarts(paragraphs) or by_content is None):
        return by_number
    if by_content is not None:
        return by_content
    return _last_goals_as_plan(by_number)


def _review_in_preamble(parts: list[Part], paragraphs: list[Paragraph]) -> list[Part]:
    """Without a review heading, the account of the past after the salutation is the review."""
    if parts[0].kind != "preamble" or any(p.kind == "review" for p in parts):
        return parts
    opening = len(_opening(parts[0].paragraphs))
    rest = parts[0].paragraphs[opening:]
    if not rest or not _reads_as_past(rest):
        return parts
    return [Part("preamble", "", None, parts[0].paragraphs[:opening]), Part("review", "", None, rest), *parts[1:]]


def _coming_period_in_review(parts: list[Part]) -> list[Part]:
    """A review that runs on into the coming period's goals under a heading of no number
    ("未来五年，我们要凝神聚力攻“四化”、闯新路", "今后五年的目标任务") or a paragraph opening
    on them ("今后五年政府工作的总体要求是…"): from there, the part sets five-year goals."""
    out: list[Part] = []
    for part in parts:
        at = next((i for i, p in enumerate(part.paragraphs) if i and COMING_OPENING_RE.match(p.text)), None) \
            if part.kind in ("review", "five_year_review") else None
        if at is None:
            out.append(part)
            continue
        out.append(Part(part.kind, part.heading, part.year, part.paragraphs[:at]))
        out.append(Part("five_year", part.paragraphs[at].text[:TOP_HEADING_MAX_LEN], None, part.paragraphs[at:]))
    return out


def _programme_under_themes(parts: list[Part], plan_year: int | None) -> list[Part]:
    """A new term's report whose five-year goals are followed by thematic sections ("二、今后
    五年的发展目标", "三、加快社会主义新农村建设" … "十、切实加强政府自身建设") and whose year's
    work opens only after them, under a dated heading ("十、做好2003年的政府工作") or in a
    paragraph ("建议今年…主要预期目标为"): the thematic sections set out the period's programme,
    and the year's plan starts at that opening. Without such an opening nothing changes."""
    goals = next((i for i, p in enumerate(parts) if p.kind == "five_year" and p.paragraphs), None)
    if goals is None or plan_year is None or (parts[goals].year or plan_year + 1) <= plan_year:
        return parts  # no goals of a coming period (a section on the one just ended is no programme)
    themes = goals + 1
    while themes < len(parts) and parts[themes].kind == "plan" and not _says_plan(parts[themes].heading) \
            and not YEAR_WORK_HEADING_RE.search(parts[themes].heading):
        themes += 1
    if themes == goals + 1:
        return parts
    opening = _year_work_opening(parts, goals + 1, themes, plan_year)
    if opening is None:
        return parts
    at, paragraph = opening
    end = parts[goals].year
    out = parts[: goals + 1]
    for part in parts[goals + 1: at]:
        out.append(Part("five_year", part.heading, end, part.paragraphs))
    if at < len(parts):
        opened = parts[at]
        if paragraph:
            out.append(Part("five_year", opened.heading, end, opened.paragraphs[:paragraph]))
        out.append(Part("plan", opened.heading, opened.year, opened.paragraphs[paragraph:]))
        out.extend(parts[at + 1:])
    return out


def _year_work_opening(parts: list[Part], first: int, after: int, plan_year: int) -> tuple[int, int] | None:
    """(part, paragraph) where the year's work opens: the first paragraph of the thematic
    parts first..after-1 that opens it, else a part after them whose heading names the year."""
    for i in range(first, after):
        for j, p in enumerate(parts[i].paragraphs):
            m = YEAR_WORK_OPENING_RE.match(p.text)
            named = m and (m.group("year") or m.group("year2"))
            if m and (not named or int(named) == plan_year):
                return i, j
    if after < len(parts) and parts[after].kind == "plan" \
            and (parts[after].year == plan_year or THIS_YEAR_RE.search(parts[after].heading)):
        return after, 0
    return None


def _term_goals_as_plan(parts: list[Part]) -> list[Part]:
    """A report whose only work is under the coming term's heading ("二、下届政府工作的总体
    要求" with the year's tasks in it): that section is the plan."""
    if _has_plan(parts):
        return parts
    term = [p for p in parts if p.kind == "five_year" and COMING_TERM.search(p.heading)]
    if term:
        term[-1].kind, term[-1].year = "plan", None
    return parts


def _last_goals_as_plan(parts: list[Part]) -> list[Part]:
    """A report opening a plan period with two goal sections and no dated plan
    ("二、“十一五”…主要目标", "三、开创实施“十一五”规划工作新局面"): the last sets the year's work."""
    goals = [p for p in parts if p.kind == "five_year"]
    if len(goals) >= 2:
        goals[-1].kind = "plan"
        goals[-1].year = None
    return parts


def _parts(sections: list[_Section], plan_year: int | None) -> list[Part]:
    parts = [p for s in sections for p in _classify(s, plan_year)]
    _past_before_plan(parts)
    return parts


def _review_headed(parts: list[Part]) -> bool:
    """A review part whose heading says it is one ("一、2014年工作回顾", "过去一年")."""
    return any(p.kind in ("review", "five_year_review") and REVIEW_WORDS.search(p.heading) for p in parts)


def _has_review(parts: list[Part]) -> bool:
    return any(p.kind in ("review", "five_year_review") for p in parts)


def _has_plan(parts: list[Part]) -> bool:
    return any(p.kind == "plan" and p.paragraphs for p in parts)


def _restarts(paragraphs: list[Paragraph]) -> bool:
    """Numbered headings start again at 一 after 二: they number sub-sections."""
    seen_two = False
    for p in paragraphs:
        number = top_heading_number(p)
        if number == 2:
            seen_two = True
        elif number == 1 and seen_two:
            return True
    return False


# --- sections ------------------------------------------------------------------------------


def top_heading_number(p: Paragraph) -> int | None:
    """Number of a top-level heading paragraph ("二、2024年工作安排" → 2), else None."""
    text = p.text
    m = TOP_HEADING_RE.match(text)
    if not m or len(text) > TOP_HEADING_MAX_LEN:
        return None
    body = m.group("title").rstrip("。")
    if any(mark in body for mark in "。！？"):
        return None
    return cn_number(m.group("num") or m.group("part"))


def split_sections(paragraphs: list[Paragraph]) -> list[_Section]:
    """Split at top-level headings numbered in sequence (一、 then 二、 …)."""
    sections = [_Section(0, None, [])]
    expected = 1
    for p in paragraphs:
        if sections[-1].closing:
            sections[-1].paragraphs.append(p)  # an appendix may number its own sections
            continue
        if expected > 1 and CLOSING_HEADING_RE.match(p.text):
            sections.append(_Section(expected, p, [], closing=True))
            continue
        number = top_heading_number(p)
        if number == expected:
            sections.append(_Section(number, p, []))
            expected += 1
        else:
            sections[-1].paragraphs.append(p)
    if sections[0].heading is None and not sections[0].paragraphs and len(sections) > 1:
        sections.pop(0)
    return sections


def is_unnumbered_heading(p: Paragraph) -> bool:
    """"2022年工作安排", "**一九九三年的工作**": a part's heading that has no number."""
    text = p.text
    if text.endswith(("：", ":")) and not p.marked:
        return False  # "追赶发展的主要任务是：" leads into a list
    text = text.rstrip("：:")
    if len(text) > UNNUMBERED_HEADING_MAX_LEN or TOP_HEADING_RE.match(text) or LIST_ITEM_RE.match(text):
        return False
    if any(mark in text for mark in "。；，！？：,;!?"):
        return False
    return bool(UNNUMBERED_HEADING_RE.search(text) or _periods(text) and (
        PLAN_GOAL_WORDS.search(text) or PERIOD_APPROACH_WORDS.search(text)))


def split_at_unnumbered_headings(paragraphs: list[Paragraph]) -> list[_Section] | None:
    """Split at unnumbered part headings; None when the report has none."""
    sections = [_Section(0, None, [])]
    for p in paragraphs:
        if sections[-1].closing:
            sections[-1].paragraphs.append(p)
        elif len(sections) > 1 and CLOSING_HEADING_RE.match(p.text):
            sections.append(_Section(len(sections), p, [], closing=True))
        elif is_unnumbered_heading(p):
            sections.append(_Section(len(sections), p, []))
        else:
            sections[-1].paragraphs.append(p)
    headed = [s for s in sections if s.heading is not None and not s.closing]
    return sections if headed else None


def split_at_plan_opening(
    paragraphs: list[Paragraph], numbered: list[_Section], plan_year: int | None
) -> list[Part] | None:
    """Review up to the paragraph that opens the plan ("今年政府工作的总体要求是…"), plan
    after it up to any closing notes; for reports whose headings say nothing."""
    start = len(numbered[0].paragraphs) if numbered[0].heading is None else 0
    start = min(start, len(_opening(paragraphs))) or len(_opening(paragraphs))
    for i in range(start, len(paragraphs)):
        text = paragraphs[i].text
        m = PLAN_OPENING_RE.match(text)
        dated_plan_heading = (
            plan_year is not None and len(text) <= TOP_HEADING_MAX_LEN and PLAN_HEADING_WORDS.search(text)
            and _heading_year(text, plan_year) == plan_year and not REVIEW_WORDS.search(text)
        )
        named = m and (m.group("year") or m.group("year2"))
        if dated_plan_heading or m and (not named or plan_year is None or int(named) == plan_year):
            end = next((j for j in range(i, len(paragraphs)) if CLOSING_HEADING_RE.match(paragraphs[j].text)),
                       len(paragraphs))
            parts = [Part("preamble", "", None, paragraphs[:start]),
                     Part("review", "", None, paragraphs[start:i]),
                     Part("plan", "", int(named) if named else None, paragraphs[i:end])]
            if end < len(paragraphs):
                parts.append(Part("other", paragraphs[end].text, None, paragraphs[end + 1:]))
            return parts
    return None


def period_end_year(number: int) -> int | None:
    """End year of the n-th five-year plan: 十三五 → 2020, 十四五 → 2025, 十五五 → 2030."""
    return 1955 + 5 * number if number >= 3 else None


def _periods(text: str) -> list[int]:
    found = [m.group("num") for m in PERIOD_RE.finditer(text)]
    found += [m.group("num") for m in PERIOD_ANY_RE.finditer(text)]
    numbers: list[int] = []
    for raw in found:
        n = cn_number(raw)
        if n is not None and n not in numbers:
            numbers.append(n)
    return sorted(numbers)


def _heading_year(text: str, plan_year: int | None = None) -> int | None:
    """The year a heading is about; horizon years ("到2035年") and the start of a period
    ("2003年以来") are not."""
    text = SINCE_YEAR_RE.sub("", text)
    years = [y for y in years_in(text) if plan_year is None or y <= plan_year + 1]
    if not years and (m := DASHED_YEAR_RE.match(text)):
        years = [int(m.group("year"))]
    return years[-1] if years else None


def _horizon_year(text: str, plan_year: int | None) -> int | None:
    """A long-range year in a heading ("2035年远景目标"): five-year or vision goals."""
    if plan_year is None:
        return None
    years = [y for y in years_in(text) if y >= plan_year + HORIZON_MIN_AHEAD]
    return years[-1] if years else None


def _classify(section: _Section, plan_year: int | None = None) -> list[Part]:
    """One top-level section → one part, or two for a "成就和目标" five-year section."""
    if section.heading is None:
        return [Part("preamble", "", None, section.paragraphs)]
    heading = section.heading.text
    if section.closing:
        return _closing_parts(section.heading, section.paragraphs, plan_year)
    subsections = _period_subsections(section)
    if subsections:
        parts = [p for s in subsections for p in _classify(s, plan_year)]
        if len({p.kind for p in parts}) > 1:  # "这是…的五年" one by one: one review, unsplit
            return parts
    m = TOP_HEADING_RE.match(heading)
    title = m.group("title") if m else heading
    periods = _periods(title)
    year = _heading_year(title, plan_year)
    horizon = _horizon_year(title, plan_year)
    reviews = bool(REVIEW_WORDS.search(title))
    if not reviews and _says_done(title, year, plan_year):
        if _past_year_opened(section.paragraphs, plan_year) == (plan_year or 0) - 1:
            # "一、攻坚克难，圆满收官“十三五”" opening "过去一年是…": last year's account first
            return [Part("review", heading, plan_year - 1, section.paragraphs)]
        reviews = True
    goals = bool(PLAN_GOAL_WORDS.search(title)) or year is None and bool(PERIOD_APPROACH_WORDS.search(title))
    if OTHER_WORDS.match(title):
        return [Part("other", heading, None, section.paragraphs)]
    if periods and YEAR_OF_PERIOD_RE.search(title) and not reviews:
        return [Part("plan", heading, year, section.paragraphs)]  # "决胜“十四五”收官之年的重点任务"
    coming = COMING_FIVE_YEARS.search(title)
    if (periods or coming) and (goals or coming) and not reviews \
            and (THIS_YEAR_RE.search(title) or year is not None and year == plan_year):
        # "“十二五”时期发展目标和今年主要工作", "关于未来五年和2007年经济社会发展任务的建议":
        # the period's goals, then this year's work
        end = period_end_year(periods[-1]) if periods else (plan_year + 4 if plan_year else None)
        return _five_year_then_plan(section, heading, end, plan_year)
    if periods and plan_year and not (goals or reviews) and year is None and FIVE_YEAR_WORDS.search(title):
        # "“十二五”——创新创业、稳中求进的五年" (past), "“十三五”——全面小康、决战决胜的五年" (coming)
        end = period_end_year(periods[-1])
        if end is not None and end < plan_year:
            return [Part("five_year_review", heading, end, section.paragraphs)]
        return _goal_parts(heading, end, section.paragraphs)
    if periods and goals and year is None:
        return _five_year_parts(section, heading, periods, reviews, plan_year)
    if goals and not reviews and year is None and COMING_TERM.search(title):
        # "二、第六届人民政府奋斗目标和主要任务": the goals of the coming term, not the year's
        return _goal_parts(heading, plan_year + 4 if plan_year else None, section.paragraphs)
    if (coming and not reviews or horizon and goals) and year is None:
        # "今后五年工作的总体考虑", "二、今后五年工作建议": the coming period's goals
        return _goal_parts(heading, horizon, section.paragraphs)  # end year filled later if None
    if year is not None and plan_year is not None and year < plan_year and not reviews \
            and not FUTURE_HEADING_WORDS.search(title):
        reviews = True  # "一、2011年，全省上下齐心协力…": a heading about last year
    if reviews:
        whole_period = (periods or FIVE_YEAR_WORDS.search(title) or SINCE_YEAR_RE.search(title)
                        or TERM_WORDS.search(title)) \
            and not ANNUAL_WORDS.search(SINCE_YEAR_RE.sub("", title))
        if whole_period:
            end = period_end_year(periods[-1]) if periods else None
            return [Part("five_year_review", heading, end, section.paragraphs)]
        # "1996年工作回顾和1997年工作基本要求" reviews the first year it names
        first = min((y for y in years_in(SINCE_YEAR_RE.sub("", title)) if year and y <= year), default=year)
        return [Part("review", heading, first, section.paragraphs)]
    if periods and plan_year and PERIOD_ONLY_RE.match(title) \
            and (end := period_end_year(periods[-1])) is not None and end > plan_year:
        # "二、“十四五”时期" (of a 2021 report): the coming period, named and nothing else
        return _goal_parts(heading, end, section.paragraphs)
    opened = _review_opening(section.paragraphs, plan_year)
    if opened and not PLAN_HEADING_WORDS.search(title):
        # "一、全面落实…决议“十二五”发展开局良好" opening "2011年是…的一年": last year's account
        return [Part("review", heading, opened, section.paragraphs)]
    if section.number == 1 and plan_year and year is None \
            and (past := _past_year_opened(section.paragraphs, plan_year)) is not None and past < plan_year:
        # the first section opening "刚刚过去的一年是…" ("一、紧紧围绕…中心任务，…实现本届政府工作
        # 良好开局"): the account of last year, whatever its heading's words (a later section
        # on the government's own work opens so too, and goes on to this year's)
        return [Part("review", heading, plan_year - 1, section.paragraphs)]
    return [Part("plan", heading, year, section.paragraphs)]


def _past_year_opened(paragraphs: list[Paragraph], plan_year: int | None) -> int | None:
    """The year a section's first paragraph opens on as past ("刚刚过去的一年是…": the year
    before the plan's; "2010年，全省人民在…": 2010), None when it opens otherwise."""
    m = PAST_YEAR_OPENING_RE.match(paragraphs[0].text) if paragraphs and plan_year else None
    return int(m["past"] or m["year"] or plan_year - 1) if m and plan_year else None


def _says_done(title: str, year: int | None, plan_year: int | None) -> bool:
    """A heading that says last year's (or a period's) work was done, of no coming year."""
    if URGING_RE.search(title) or THIS_YEAR_RE.search(title):
        return False
    past = year is not None and plan_year is not None and year < plan_year
    return bool(COMPLETED_RE.search(title)) and (year is None or past) \
        or past and bool(COMPLETED_IN_YEAR_RE.search(title))


def _period_subsections(section: _Section) -> list[_Section] | None:
    """A top section whose sub-headings all name periods ("一、…十二届州人民政府各项目标任务
    圆满完成" over "（一）关于过去五年的工作" and "（二）关于2021年的工作"), split at them; the
    paragraphs before the first go with it."""
    at = [i for i, p in enumerate(section.paragraphs) if SUB_HEADING_RE.match(p.text)]
    if len(at) < 2 or not all(SUB_PERIOD_WORDS.search(section.paragraphs[i].text) for i in at):
        return None
    ends = at[1:] + [len(section.paragraphs)]
    subsections = [_Section(section.number, section.paragraphs[i], section.paragraphs[i + 1:end])
                   for i, end in zip(at, ends)]
    subsections[0].paragraphs[:0] = section.paragraphs[:at[0]]
    return subsections


def _review_opening(paragraphs: list[Paragraph], plan_year: int | None) -> int | None:
    """The year a section's first paragraph says is past ("2011年是…的一年", of a 2012 plan)."""
    if not paragraphs or plan_year is None:
        return None
    m = REVIEW_OPENING_RE.match(paragraphs[0].text)
    return int(m.group("year")) if m and int(m.group("year")) < plan_year else None


def _closing_parts(heading: Paragraph, paragraphs: list[Paragraph], plan_year: int | None) -> list[Part]:
    """Appendices after the closing, each on its own: a list of the year's livelihood
    projects ("附件1 成都市2021年民生实事工作目标") is plan; notes and glossaries are not."""
    appendices: list[tuple[Paragraph, list[Paragraph]]] = [(heading, [])]
    for p in paragraphs:
        if CLOSING_HEADING_RE.match(p.text) and appendices[-1][1]:  # "附件2" then "名词解释": one
            appendices.append((p, []))
        else:
            appendices[-1][1].append(p)
    parts = []
    for head, body in appendices:
        opening = " ".join(p.text for p in [head, *body[:APPENDIX_TITLE_PARAGRAPHS]])
        years = [y for y in years_in(opening) if plan_year is None or y <= plan_year]
        current = not years or plan_year is None or max(years) == plan_year
        kind: PartKind = "plan" if PROJECT_LIST_RE.search(opening) and current else "other"
        parts.append(Part(kind, head.text, plan_year if kind == "plan" else None, body))
    return parts


def _past_before_plan(parts: list[Part]) -> None:
    """Sections under thematic headings ("一、攻坚克难，经济社会发展实现新突破") that come
    before the first heading saying it sets work, and read as an account of the past,
    are the review."""
    for part in parts:
        if part.kind != "plan":
            continue
        if _says_plan(part.heading) or not _reads_as_past(part.paragraphs):
            return
        part.kind = "review"


def _says_plan(heading: str) -> bool:
    return bool(PLAN_HEADING_WORDS.search(heading) or YEAR_RE.search(heading))


def _reads_as_past(paragraphs: list[Paragraph]) -> bool:
    text = "".join(p.text for p in paragraphs)
    past = len(PAST_WORDS.findall(text))
    future = len(FUTURE_WORDS.findall(text))
    return past >= PAST_OVER_FUTURE * max(future, 1)


def _five_year_parts(
    section: _Section, heading: str, periods: list[int], reviews: bool, plan_year: int | None
) -> list[Part]:
    goal_period = periods[-1]
    end = period_end_year(goal_period)
    if not reviews:
        return _goal_parts(heading, end, section.paragraphs)
    if end is not None and plan_year is not None and end < plan_year:
        # "一、“十二五”经济社会发展规划完成情况" of a 2016 report: a period over, reviewed whole
        return [Part("five_year_review", heading, end, section.paragraphs)]
    split = _goals_start(section.paragraphs, goal_period)
    past = section.paragraphs[:split]
    parts: list[Part] = []
    if past:
        earlier = [n for n in periods if n < goal_period]
        past_end = period_end_year(earlier[-1]) if earlier else (end - 5 if end else None)
        parts.append(Part("five_year_review", heading, past_end, past))
    parts.extend(_goal_parts(heading, end, section.paragraphs[split:]))
    return parts


def _five_year_then_plan(
    section: _Section, heading: str, end: int | None, plan_year: int | None
) -> list[Part]:
    """Split where the year's work begins ("今年是…", "2011年…"); all five-year without it."""
    year = rf"|{plan_year}年" if plan_year else ""
    opening = re.compile(rf"^(?:各位代表[，,！!：:])?(?:今年{year})")  # "各位代表，今年是…"
    paragraphs = section.paragraphs
    # The section may open with a word on this year before the period's goals ("今年，我们
    # 开始实施第十二个五年规划。…"): the year's work is where 今年 opens a later paragraph.
    start = next((i for i, p in enumerate(paragraphs) if i and opening.match(p.text)), None)
    if start is None and paragraphs and opening.match(paragraphs[0].text):
        start = 0
    if start is None:
        return _goal_parts(heading, end, paragraphs)
    goals = _goal_parts(heading, end, paragraphs[:start]) if start else []
    return goals + [Part("plan", heading, plan_year, paragraphs[start:])]


def _goal_parts(heading: str, end: int | None, paragraphs: list[Paragraph]) -> list[Part]:
    """The five-year goals, without the submission notice that may open them."""
    n = 0
    while n < len(paragraphs) - 1 and _is_submission(paragraphs[n].text):
        n += 1
    framing = [Part("other", heading, None, paragraphs[:n])] if n else []
    return framing + [Part("five_year", heading, end, paragraphs[n:])]


def _is_submission(text: str) -> bool:
    return bool(SUBMISSION_RE.search(text)) and not GOAL_MARKS_RE.search(text)


def _goals_start(paragraphs: list[Paragraph], goal_period: int) -> int:
    """Index of the first paragraph about the coming period ("“十五五”时期是…")."""
    for i, p in enumerate(paragraphs):
        m = GOALS_START_RE.match(p.text)
        if m and (m.group("num") is None or cn_number(m.group("num")) == goal_period):
            return i
    return 0


# --- metadata ------------------------------------------------------------------------------


def detect_kind(front: str, parts: list[Part]) -> ReportKind:
    first_headings = "".join(p.heading for p in parts[:3])
    if PLAN_REPORT_RE.search(front) or PLAN_REPORT_RE.search(first_headings):
        return "plan_report"
    return "work_report"


def _years(
    parts: list[Part], plan_year: int | None, override: int | None
) -> tuple[int | None, int | None]:
    """(review_year, plan_year): the override, else the year from the delivery date or
    title, else the plan headings, else the year after the one reviewed."""
    if override is not None:
        return override - 1, override
    if plan_year is None:
        plan_year = next((p.year for p in parts if p.kind == "plan" and p.year), None)
    review_year = next((p.year for p in parts if p.kind == "review" and p.year), None)
    if plan_year is None and review_year is not None:
        plan_year = review_year + 1
    if plan_year is not None and (review_year is None or review_year >= plan_year):
        review_year = plan_year - 1
    return review_year, plan_year


def _fill_part_years(
    parts: list[Part], review_year: int | None, plan_year: int, *, force: bool = False
) -> None:
    """Parts whose heading names no year get the report's years (all do when forced)."""
    kinds: dict[PartKind, int | None] = {
        "review": review_year,
        "plan": plan_year,
        "five_year": plan_year + 4,  # "今后五年" from the first year of the period
        "five_year_review": review_year,  # "过去五年" up to the year just reviewed
    }
    for part in parts:
        forced = force and part.kind in ("review", "plan")
        if part.kind in kinds and (part.year is None or forced):
            part.year = kinds[part.kind]
