"""Who delivered a report, when, and for which year: read as a person reads it.

A person finds the place in the title, the header, the delivery line ("——2024年1月9日
在天津市静海区第三届人民代表大会…"), the speaker ("邢台市人民政府市长"), the opening
("我代表国务院", "我代表省人民政府") and, when all of these only say "省" or "市", in the
body: the place the report names most. Every name is checked against the list of
China's administrative divisions (tracker/rules/divisions.tsv), so a fragment such as
"我代表市" or "自治州" is never taken for a place.

The plan year is the year the report is delivered in (a report delivered in November or
December plans for the next year), else the year its plan headings name, else the year
after the one its review headings name. Five-year horizons (2030, 2035) never count.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from tracker import divisions

CN_NUM = "一二三四五六七八九十"
CN_YEAR_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}
_CN_YEAR_CHARS = "".join(CN_YEAR_DIGITS)
# "2012年", "二〇〇五年", "一九九三年".
YEAR_RE = re.compile(rf"(?<![\d{_CN_YEAR_CHARS}])(?P<year>(?:19|20)\d{{2}}|[一二][{_CN_YEAR_CHARS}]{{3}})\s*年")

# Delivery: "——2024年1月9日在…会议上", "（2021年1月18日 许继伟）" in a title, Chinese numerals.
DATE_RE = re.compile(
    rf"(?P<y>(?:19|20)\d{{2}}|[一二][{_CN_YEAR_CHARS}]{{3}})年(?P<m>\d{{1,2}}|[{CN_NUM}]{{1,2}})月"
    rf"(?P<d>\d{{1,2}}|[{CN_NUM}]{{1,3}})日"
)
# A date followed by the meeting it was delivered at; a date of a web page or notice is not.
DELIVERED_CONTEXT_RE = re.compile(r"\s*(?:在|[^\n]{0,40}人民代表大会|[^\n]{0,6}[）)])")
# Reports delivered this late in a year plan for the next one.
NEXT_YEAR_FROM_MONTH = 11

# --- jurisdiction anchors -------------------------------------------------------------

NATIONAL = "全国"
NATIONAL_RE = re.compile(rf"第[{CN_NUM}]+届全国人民代表大会|国务院总理|我代表国务院|国务院向大会")
# Text just before one of these names the report's own place.
ANCHOR_RE = re.compile(
    rf"第?[{CN_NUM}百\d]+届\s*(?:人民代表大会|人大)"  # "第十届人民代表大会", "十届人大三次会议"
    r"|(?:人民政府)?(?:代理|代)?(?:省长|市长|区长|县长|旗长|州长|盟长|主席)"
    r"|人民政府"
    r"|(?:国民经济和社会发展)?(?:政府工作报告|计划执行情况)"
)
ANCHOR_WINDOW = 30
TRAILING_YEAR_RE = re.compile(r"(?:19|20)\d{2}年(?:度)?$")
# "我代表省人民政府", "省长", "全市": the level of the place, without its name.
LEVEL_HINTS = (
    (re.compile(r"代表自治区人民政府|自治区(?:人民政府)?主席|自治区人民代表大会"), "province"),
    (re.compile(r"代表省人民政府|(?<![市区县])省长|省人民代表大会|全省"), "province"),
    (re.compile(r"代表(?:州|盟)人民政府|(?:州|盟)长|全(?:州|盟)"), "prefecture"),
    (re.compile(r"代表市人民政府|(?<![区县])市长|市人民代表大会|全市"), "prefecture"),
    (re.compile(r"代表(?:区|县|旗)人民政府|(?:区|县|旗)长|全(?:县|旗)"), "county"),
)
# The body must name its place this often, and more often than the next place by this factor.
BODY_MIN_COUNT = 3
BODY_MARGIN = 1.5


# --- jurisdiction ---------------------------------------------------------------------


def detect_jurisdiction(front: str, body: str = "", title: str | None = None) -> str | None:
    """The place a report is about; None when nothing a person would trust names it."""
    head = f"{title}\n{front}" if title else front
    if NATIONAL_RE.search(head) or NATIONAL_RE.search(body[:2000]):
        return NATIONAL
    votes = _anchor_votes(head)
    if votes:
        ranked = votes.most_common()
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            return ranked[0][0]
        # Title and delivery line disagree (a typo in one): the place the body names most.
        tied = [name for name, n in ranked if n == ranked[0][1]]
        counts = divisions.count_places(body)
        return max(tied, key=lambda name: counts.get(name, 0))
    level = _level_hint(head)
    return _most_named(body, level) if level else None


def _anchor_votes(head: str) -> Counter[str]:
    """One vote per anchor for the finest division named just before it."""
    votes: Counter[str] = Counter()
    for m in ANCHOR_RE.finditer(head):
        window = head[max(0, m.start() - ANCHOR_WINDOW): m.start()]
        # "吉林省2009年政府工作报告"; "在合肥市" at the end of a line broken before "第十五届…"
        window = TRAILING_YEAR_RE.sub("", window.rstrip())
        window = re.split(r"[\n，。；：、（）()《》“”——\s]", window)[-1]
        place = _finest_place(window)
        if place:
            votes[place] += 1
    return votes


def _finest_place(window: str) -> str | None:
    """The smallest division a window names at its end ("天津市静海区" → "静海区")."""
    found = divisions.find_places(window)
    if not found:
        return None
    last = found[-1]
    # Nothing may stand between the name and the anchor but the unit words that follow a
    # short name ("黔东南州", "伊犁州") — the name must end the window.
    tail = window[last.end:]
    if tail and tail not in ("州", "市", "盟", "省", "地区"):
        return None
    return last.division.name


def _level_hint(head: str) -> str | None:
    for pattern, level in LEVEL_HINTS:
        if pattern.search(head):
            return level
    return None


def _most_named(body: str, level: str) -> str | None:
    counts = divisions.count_places(body, level=level)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < BODY_MIN_COUNT:
        return None
    if len(ranked) > 1 and ranked[0][1] < ranked[1][1] * BODY_MARGIN:
        return None
    return ranked[0][0]


# --- dates and years ------------------------------------------------------------------


def parse_year(text: str) -> int | None:
    """"2012" → 2012, "二〇〇五" → 2005, "一九九三" → 1993."""
    if text.isdigit():
        return int(text)
    digits = [CN_YEAR_DIGITS.get(ch) for ch in text]
    if None in digits:
        return None
    return int("".join(str(d) for d in digits))


CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(text: str) -> int | None:
    """Chinese numerals up to 99: "三" → 3, "十二" → 12, "二十" → 20."""
    if text in CN_DIGITS:
        return CN_DIGITS[text]
    tens, ten, ones = text.partition("十")
    if not ten or (tens and tens not in CN_DIGITS) or (ones and ones not in CN_DIGITS):
        return None
    return CN_DIGITS.get(tens, 1) * 10 + CN_DIGITS.get(ones, 0)


def cn_small_number(text: str) -> int | None:
    """A month or day: Arabic digits as they are, else Chinese numerals ("十二" → 12)."""
    return int(text) if text.isdigit() else cn_number(text)


def years_in(text: str) -> list[int]:
    return [y for m in YEAR_RE.finditer(text) if (y := parse_year(m.group("year"))) is not None]


def detect_delivered(front: str, title: str | None = None) -> date | None:
    """Date the report was delivered: "——2024年1月9日在…会议上", or the date in its title."""
    for text in (front, title or ""):
        for m in DATE_RE.finditer(text):
            if text is front and not DELIVERED_CONTEXT_RE.match(text, m.end()):
                continue
            parts = (parse_year(m.group("y")), cn_small_number(m.group("m")), cn_small_number(m.group("d")))
            if None in parts:
                continue
            try:
                return date(*parts)  # type: ignore[arg-type]
            except ValueError:
                continue
    return None


def plan_year_from_delivery(delivered: date | None) -> int | None:
    if delivered is None:
        return None
    return delivered.year + 1 if delivered.month >= NEXT_YEAR_FROM_MONTH else delivered.year


def title_year(title: str | None) -> int | None:
    """"2012年湖南省政府工作报告" → 2012; a title naming several years gives none."""
    found = set(years_in(title or ""))
    return found.pop() if len(found) == 1 else None
