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
from datetime import date

from tracker.errors import InputError
from tracker.model import Paragraph, Part, PartKind, Report, ReportKind

# --- report language ---------------------------------------------------------------------

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUM = "一二三四五六七八九十"

# Top-level section heading: "一、2023年工作回顾", "第二部分　2024年工作安排".
TOP_HEADING_RE = re.compile(
    rf"^(?:(?P<num>[{CN_NUM}]{{1,3}})、|第(?P<part>[{CN_NUM}]{{1,3}})部分[：:、\s]*)(?P<title>.+)$"
)
TOP_HEADING_MAX_LEN = 60

# A five-year plan period: "十四五", "“十三五”".
PERIOD_RE = re.compile(rf"(?P<num>[{CN_NUM}]{{1,2}})五(?:”|\")?(?:时期|规划|期间|经济社会|的)")
PERIOD_ANY_RE = re.compile(rf"[“\"](?P<num>[{CN_NUM}]{{1,2}})五[”\"]")
YEAR_RE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年")

# Heading words, by the kind of section they announce.
REVIEW_WORDS = re.compile(r"回顾|执行情况|工作总结|取得的成就|发展成就|过去")
PLAN_GOAL_WORDS = re.compile(r"目标|任务|规划")
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
    r"^(?:名词解释|名词注释|注释|注解|附注|附件|附表|附录)\s*[\d一二三四五六七八九十]*\s*(?:[：:、.．]|$)"
)
# The announcement that opens a five-year section: the plan outline was drawn up and is
# submitted to the congress ("编制了《…纲要（草案）》，提请大会审议"). It sets no goal.
SUBMISSION_RE = re.compile(r"(?:提请|提交)[^。；]{0,12}大会(?:审议|审查)")
GOAL_MARKS_RE = re.compile(r"目标是|[%％]|\d\s*(?:万|亿)")

# Where the goals of a mixed "成就和主要目标任务" section begin: a paragraph opening
# with the coming period's name or with "今后五年".
GOALS_START_RE = re.compile(rf"^(?:[“\"]?(?P<num>[{CN_NUM}]{{1,2}})五[”\"]?|今后五年|未来五年)")

# Plan reports: "…国民经济和社会发展计划执行情况与2026年…计划草案".
PLAN_REPORT_RE = re.compile(r"计划执行情况|计划草案")

# Delivery: "——2024年1月9日在天津市静海区第三届人民代表大会…", also in Chinese
# numerals ("二〇二四年一月九日在"). A date not followed by 在 (a web-page widget, the
# date of a cover notice) is not the delivery date.
DELIVERED_RE = re.compile(r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日在")
CN_DIGIT_CHARS = "〇零一二三四五六七八九"
DELIVERED_CN_RE = re.compile(
    rf"(?P<y>[{CN_DIGIT_CHARS}]{{4}})年(?P<m>[{CN_NUM}]{{1,2}})月(?P<d>[{CN_NUM}]{{1,3}})日在"
)

# Administrative units, longest suffixes first.
PLACE_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "省", "市", "区", "县", "旗", "州", "盟")
_SUFFIX_ALT = "|".join(PLACE_SUFFIXES)
# Units above the one a report is about: cut after them to find its own name.
HIGHER_UNITS = ("特别行政区", "自治区", "地区", "省", "市", "州", "盟")
# First characters of words that refer to a place without naming it.
GENERIC_PLACE_WORDS = set("本全我该受各此其市区县")
# A place name starts a line or follows 在/将 ("在天津市静海区", "现将河东区").
_PLACE = rf"(?:^|(?<=[在将]))(?P<place>[\u4e00-\u9fff]{{1,24}}?(?:{_SUFFIX_ALT}))"
NATIONAL = "全国"
# Evidence for the jurisdiction, strongest first.
JURISDICTION_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "在天津市静海区第三届人民代表大会", "将河东区第十八届人民代表大会"
    re.compile(rf"{_PLACE}\s*第[{CN_NUM}百\d]+届\s*人民代表大会", re.M),
    # "天津市静海区区长", "海拉尔区人民政府代区长"
    re.compile(rf"{_PLACE}(?:人民政府)?代?(?:省长|市长|区长|县长|旗长|州长|盟长|主席)", re.M),
    # "天津市河北区人民政府"
    re.compile(rf"{_PLACE}人民政府", re.M),
)
# The national report: delivered to the 全国人民代表大会 by the 国务院总理.
NATIONAL_MEETING_RE = re.compile(rf"第[{CN_NUM}]+届全国人民代表大会")
NATIONAL_SPEAKER_RE = re.compile(r"国务院总理")
_MAKE_NAME_RE = re.compile(r"^(?:关于|印发|现将|各)")


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
) -> Report:
    """Build a Report from normalised paragraphs; raise InputError when it is not one."""
    if not paragraphs:
        raise InputError(f"{name}: no text found")
    sections = split_sections(paragraphs)
    preamble = sections[0].paragraphs if sections[0].heading is None else []
    front_text = "\n".join(p.text for p in preamble)
    parts = [_classify(s) for s in sections]
    parts = [p for part in parts for p in part]

    if not any(p.kind == "plan" for p in parts):
        raise InputError(
            f"{name}: no plan part found (no section setting the coming year's work, "
            "such as '二、2024年工作安排'); is the file complete?"
        )
    place = jurisdiction or detect_jurisdiction(front_text)
    if not place:
        raise InputError(
            f"{name}: cannot tell which jurisdiction the report is from; use --jurisdiction"
        )
    delivered = detect_delivered(front_text)
    review_year, plan_year = _years(parts, delivered, year)
    if plan_year is None:
        raise InputError(f"{name}: cannot tell which year the report plans for; use --year")
    _fill_part_years(parts, review_year, plan_year, force=year is not None)
    five_year_end = next((p.year for p in parts if p.kind == "five_year"), None)
    return Report(
        name=name,
        sha256=sha256,
        jurisdiction=place,
        kind=detect_kind(front_text, parts),
        delivered=delivered,
        review_year=review_year,
        plan_year=plan_year,
        five_year_end=five_year_end,
        paragraphs=list(paragraphs),
        parts=parts,
    )


# --- sections ------------------------------------------------------------------------------


def cn_number(text: str) -> int | None:
    """Chinese numerals up to 99: "三" → 3, "十二" → 12, "二十" → 20."""
    if text in CN_DIGITS:
        return CN_DIGITS[text]
    tens, ten, ones = text.partition("十")
    if not ten or (tens and tens not in CN_DIGITS) or (ones and ones not in CN_DIGITS):
        return None
    return CN_DIGITS.get(tens, 1) * 10 + CN_DIGITS.get(ones, 0)


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


def _heading_year(text: str) -> int | None:
    years = [int(m.group("year")) for m in YEAR_RE.finditer(text)]
    return years[-1] if years else None


def _classify(section: _Section) -> list[Part]:
    """One top-level section → one part, or two for a "成就和目标" five-year section."""
    if section.heading is None:
        return [Part("preamble", "", None, section.paragraphs)]
    heading = section.heading.text
    if section.closing:
        return [Part("other", heading, None, section.paragraphs)]
    title = TOP_HEADING_RE.match(heading).group("title")  # type: ignore[union-attr]
    periods = _periods(title)
    year = _heading_year(title)
    reviews = bool(REVIEW_WORDS.search(title))
    goals = bool(PLAN_GOAL_WORDS.search(title))
    if OTHER_WORDS.match(title):
        return [Part("other", heading, None, section.paragraphs)]
    if periods and goals and year is None:
        return _five_year_parts(section, heading, periods, reviews)
    if COMING_FIVE_YEARS.search(title) and goals:
        return _goal_parts(heading, None, section.paragraphs)  # end year filled later
    if reviews:
        whole_period = (periods or FIVE_YEAR_WORDS.search(title)) and not ANNUAL_WORDS.search(title)
        if whole_period:
            end = period_end_year(periods[-1]) if periods else None
            return [Part("five_year_review", heading, end, section.paragraphs)]
        return [Part("review", heading, year, section.paragraphs)]
    return [Part("plan", heading, year, section.paragraphs)]


def _five_year_parts(
    section: _Section, heading: str, periods: list[int], reviews: bool
) -> list[Part]:
    goal_period = periods[-1]
    end = period_end_year(goal_period)
    if not reviews:
        return _goal_parts(heading, end, section.paragraphs)
    split = _goals_start(section.paragraphs, goal_period)
    past = section.paragraphs[:split]
    parts: list[Part] = []
    if past:
        earlier = [n for n in periods if n < goal_period]
        past_end = period_end_year(earlier[-1]) if earlier else (end - 5 if end else None)
        parts.append(Part("five_year_review", heading, past_end, past))
    parts.extend(_goal_parts(heading, end, section.paragraphs[split:]))
    return parts


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


def detect_jurisdiction(front: str) -> str | None:
    """The place the report is about, from the title block and any cover notice."""
    if NATIONAL_MEETING_RE.search(front):
        return NATIONAL
    for pattern in JURISDICTION_PATTERNS:
        for m in pattern.finditer(front):
            place = last_unit(m.group("place"))
            if place:
                return place
    return NATIONAL if NATIONAL_SPEAKER_RE.search(front) else None


def last_unit(place: str) -> str | None:
    """The smallest administrative unit named: "天津市静海区" → "静海区".

    Cut after the rightmost higher-level unit ("…市", "…州", "…自治区") that leaves a
    name of at least two characters ("荆州市|沙市区", "杭州市|西湖区").
    """
    place = _MAKE_NAME_RE.sub("", place)
    for i in range(len(place) - 2, 0, -1):
        head, rest = place[:i], place[i:]
        if not head.endswith(HIGHER_UNITS) or head[-2:-1] == head[-1]:
            continue  # "济南市市|中区": no unit is a bare suffix
        return rest if _is_name(rest) else None
    return place if _is_name(place) else None


def _is_name(unit: str) -> bool:
    if len(unit) < 2 or not unit.endswith(PLACE_SUFFIXES):
        return False
    # "本区", "全区", "我县": a reference to the place, not its name.
    return not (len(unit) == 2 and unit[0] in GENERIC_PLACE_WORDS)


def detect_delivered(front: str) -> date | None:
    """Date the report was delivered: "——2024年1月9日在…会议上"; web-page dates do not count."""
    m = DELIVERED_RE.search(front)
    if m:
        parts = (int(m.group("y")), int(m.group("m")), int(m.group("d")))
    else:
        m = DELIVERED_CN_RE.search(front)
        if not m:
            return None
        year = int("".join(str(CN_DIGITS.get(ch, 0)) for ch in m.group("y")))  # 〇/零 → 0
        parts = (year, cn_number(m.group("m")) or 0, cn_number(m.group("d")) or 0)
    try:
        return date(*parts)
    except ValueError:
        return None


def detect_kind(front: str, parts: list[Part]) -> ReportKind:
    first_headings = "".join(p.heading for p in parts[:3])
    if PLAN_REPORT_RE.search(front) or PLAN_REPORT_RE.search(first_headings):
        return "plan_report"
    return "work_report"


def _years(
    parts: list[Part], delivered: date | None, override: int | None
) -> tuple[int | None, int | None]:
    """(review_year, plan_year) from the override, the headings, then the delivery date."""
    if override is not None:
        return override - 1, override
    plan_year = next((p.year for p in parts if p.kind == "plan" and p.year), None)
    review_year = next((p.year for p in parts if p.kind == "review" and p.year), None)
    if plan_year is None and review_year is not None:
        plan_year = review_year + 1
    if plan_year is None and delivered is not None:
        plan_year = delivered.year
    if review_year is None and plan_year is not None:
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
