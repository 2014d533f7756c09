"""Outcomes: statements of what happened, read from the review part of a report.

`extract_outcomes(report)` walks the review (and five-year review) parts clause by
clause and returns one `Outcome` per checkable statement:

- a number with its indicator: "地区生产总值完成253.7亿元，同比增长10.1%" gives a
  level (253.7亿元) and a growth (10.1%) outcome, both for 地区生产总值;
- a deliverable stage: "红星美凯龙主力店项目开工建设" (stage 开工建设, rank 1);
- a statement: "节能减排任务全面完成" (completed_task), "国际收支基本平衡" (stable).

Words live in `rules/outcome_words.toml`. Numbers and units come from
`tracker.grammar` when it is importable, from a small local reader otherwise.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from tracker import grammar
from tracker.detect import cn_small_number
from tracker.model import Outcome, Paragraph, Report

REVIEW_KINDS = ("review", "five_year_review")
# How far into a paragraph a "五年来" / "过去一年" marker sets what it speaks of.
PERIOD_WINDOW = 40

# A segment ends a run of clauses about one indicator; a clause ends at a comma.
_SEGMENT_END = "。；;！？!?"
_CLAUSE_END = "，,：:" + _SEGMENT_END


@lru_cache(maxsize=None)
def words() -> dict:
    """The outcome word lists (rules/outcome_words.toml)."""
    text = resources.files("tracker.rules").joinpath("outcome_words.toml").read_text("utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=None)
def stage_ranks() -> list[tuple[str, int]]:
    """Stage words with their rank, longest first so 主体完工 wins over 完工."""
    pairs = [(w, int(rank)) for rank, ws in words()["stages"].items() for w in ws]
    return sorted(pairs, key=lambda p: -len(p[0]))


# ---------------------------------------------------------------- quantities


@dataclass(frozen=True)
class Qty:
    """A number with its unit in a text (local view of grammar's Quantity)."""

    start: int  # where the words before the number end (comparator words excluded)
    end: int
    value: float
    unit: str | None
    comparator: str | None = None  # ">=" 突破/超过, "<=" 近/不到, None for a plain figure


_NUMERAL = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿]")


def find_qty(text: str) -> list[Qty]:
    """Numbers with units in `text`, as the grammar reads them."""
    if not _NUMERAL.search(text):
        return []  # no numeral at all: nothing to find
    out = []
    found = grammar.find_quantities(text)
    for q in found:
        if q.value is None or q.unit in (None, "年", "月", "日"):
            continue
        if not re.search(r"[\d零〇一二两三四五六七八九十百千]", getattr(q, "text", "1")):
            continue  # "万家惠农贸市场": 万家 in a name is not ten thousand firms
        start = getattr(q, "num_start", q.start)
        # Keep comparator words ("达到", "突破") in the prefix: they tell level from growth.
        out.append(Qty(start, q.end, float(q.value), _clean_unit(q.unit), _outcome_cmp(q)))
    return sorted(out, key=lambda q: q.start)


def _outcome_cmp(q) -> str | None:
    if getattr(q, "below", False):
        return "<="
    return ">=" if q.comparator == ">=" else None


def _clean_unit(unit: str | None) -> str | None:
    return "%" if unit == "％" else unit


def to_base(value: float, unit: str | None) -> tuple[float, str | None]:
    """Normalise a value to a base unit: 亿元 → 元, 万亿斤 → kg, % stays %."""
    v, u = grammar.to_base(value, _clean_unit(unit))
    return float(v), u


# ---------------------------------------------------------------- clauses


@dataclass
class _Clause:
    start: int
    end: int
    text: str
    seg_start: int  # start of its segment (for 预计 and inherited indicators)


def clauses(text: str) -> list[_Clause]:
    """Split a paragraph into clauses at commas and stops, keeping offsets."""
    out, start, seg = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _CLAUSE_END:
            if i > start:
                out.append(_Clause(start, i, text[start:i], seg))
            start = i + 1
            if ch in _SEGMENT_END:
                seg = start
    if start < len(text):
        out.append(_Clause(start, len(text), text[start:], seg))
    return out


# ---------------------------------------------------------------- extraction


def extract_outcomes(report: Report) -> list[Outcome]:
    """Every checkable statement of the review parts of `report`."""
    out: list[Outcome] = []
    for part in report.parts:
        if part.kind not in REVIEW_KINDS:
            continue
        year = part.year or report.review_year or report.plan_year - 1
        period_part = part.kind == "five_year_review"
        over_period = period_part
        for para in part.paragraphs:
            # A review that turns to the whole term ("过去五年", "五年来") reports totals
            # over the period from there on, not the year's figures. In a review of the
            # term, a paragraph speaks of one year only by its own words ("2007年…"): the
            # next one is the term's again ("——城乡居民生活显著改善。…五年城镇新增就业108万人").
            over_period = _over_period(para.text, year, period_part or over_period)
            found = paragraph_outcomes(para, year)
            if over_period:
                for o in found:
                    # Numbers, stages and statements of the period; a level reached at its end
                    # ("比例提高至100%", "增加到121万亿元") still holds for the reviewed year.
                    if not _reached(o):
                        o.measure = "cumulative"
            out.extend(found)
    return out


_SENTENCE_END = "。！？!?"


@lru_cache(maxsize=None)
def _part_of_year_re() -> re.Pattern[str]:
    w = words()
    return re.compile("|".join(f"(?:{x})" for x in w["part_of_year"] + [re.escape(x) for x in w["whole_year"]]))


def part_of_year(text: str, offset: int) -> str | None:
    """The part of the year a figure at `offset` is for ("前三季度", "1—11月"), None for the
    whole year: the last period marker of its sentence before it, unless a whole-year word
    ("全年", "预计") came after that marker."""
    start = max(text.rfind(c, 0, offset) for c in _SENTENCE_END) + 1
    last = None
    for m in _part_of_year_re().finditer(text, start, offset):
        last = m
    if last is None or last.group(0) in words()["whole_year"]:
        return None
    month = last.groupdict().get("month") or last.groupdict().get("end")
    if month and cn_small_number(month) == 12:
        return None  # "1—12月": the whole year
    return last.group(0)


def _reached(o: Outcome) -> bool:
    """A level reached ("提高至100%"): the span's last number follows 到 or 至."""
    return o.value is not None and bool(re.search(r"(到|至)[\d.]+[^\d]*$", o.span))


def _over_period(text: str, year: int, current: bool) -> bool:
    """Whether a paragraph speaks of the whole plan period: a marker near its start
    switches ("五年来，…", "过去一年，…"); otherwise the paragraph before decides."""
    text = text[:PERIOD_WINDOW]
    period = [i for i in (text.find(w) for w in words()["period_review"]) if i >= 0]
    single = [i for i in (text.find(w) for w in words()["year_review"] + [f"{year}年"]) if i >= 0]
    if period and (not single or min(period) < min(single)):
        return True
    if single:
        return False
    return current


def paragraph_outcomes(para: Paragraph, year: int) -> list[Outcome]:
    """Outcomes of one review paragraph (numbers, stages, statements)."""
    out: list[Outcome] = []
    inherited: list[str] = []  # indicator(s) of the segment so far: "完成X亿元，同比增长Y%"
    named: list[str] = []  # every indicator named in the segment so far, in order
    seg = -1
    for cl in clauses(para.text):
        if cl.seg_start != seg:
            seg, inherited, named = cl.seg_start, [], []
        sentence = _sentence(para.text, cl)
        provisional = any(w in sentence for w in words()["estimate"])
        nums, inherited = _number_outcomes(para, cl, year, inherited, provisional, named)
        out.extend(nums)
        out.extend(_stage_outcomes(para, cl, year, provisional))
        out.extend(_statement_outcomes(para, cl, year, provisional))
    for o in out:
        if o.value is not None:
            o.period = part_of_year(para.text, o.offset)
    return out


def _bare_verb(name: str) -> bool:
    """Only a verb ("建成", "重点打造"): the noun follows the number."""
    w = words()
    for adverb in w["bare_verb_adverbs"]:
        if name.startswith(adverb) and name[len(adverb):] in w["bare_verbs"]:
            return True
    return name in w["bare_verbs"]


def _sentence(text: str, cl: _Clause) -> str:
    end = min([i for i in (text.find(c, cl.start) for c in "。；;") if i >= 0] or [len(text)])
    return text[cl.seg_start:end]


def _number_outcomes(
    para: Paragraph, cl: _Clause, year: int, inherited: list[str], provisional: bool,
    named: list[str] | None = None,
) -> tuple[list[Outcome], list[str]]:
    named = [] if named is None else named
    qs = [q for q in find_qty(cl.text) if not _from_value(cl.text, q)]
    if not qs:
        return [], inherited
    out: list[Outcome] = []
    prev_end = 0
    prev_noun = ""
    groups = _respectively(cl.text, qs)
    paired = _paired(cl.text, qs, inherited) if groups is None else None
    if paired:
        inherited = paired
        named.extend(paired)
    for qi, q in enumerate(qs):
        prefix = cl.text[prev_end:q.start]
        if prev_noun and prefix.startswith(prev_noun) and prefix[len(prev_noun):][:1] in ("、", "和", "及", "与"):
            # "完成178座燃煤锅炉拆改、25公里供热管线改造": the words before 25公里 are the
            # noun of the item before; this item's noun follows its number.
            prefix = prefix[len(prev_noun):].lstrip("、和及与")
        prev_end = q.end
        prev_noun = _trailing_noun(cl.text[q.end:])
        name = indicator_words(prefix)
        if _bare_verb(name):
            name = ""  # "建成335户绿色保暖房": a verb, the noun follows the number
        if paired:
            name = paired[qi]  # "城乡居民人均可支配收入达49208元、16984元": 城镇, then 农村
            prefix = cl.text[:qs[0].start] if qi else prefix  # "增长4.7%、7.5%": both grew
        elif groups is not None:
            names = groups[0] or inherited
            if not groups[0] and 2 <= len(qs) <= len(named):
                # "城镇居民人均可支配收入14006元，农民人均纯收入5450元，分别增长9.2%和10%":
                # the figures go, in order, to the last indicators the sentence named.
                names = named[-len(qs):]
            name = names[qi] if qi < len(names) else ""
            if len(qs) == 1 and len(names) > 1:
                out.extend(_shared_value(para, cl, q, names[1:], year, provisional))
                name = names[0]
            if groups[0]:
                inherited = groups[0]
            # "分别同比增长7.8%、8.4%": the words before the first number say what all are.
            prefix = cl.text[:qs[0].start] if qi else prefix
        elif name:
            inherited = [name]
            named.append(name)
        measure, value = _measure(prefix, q, cl.text[:q.start])
        if measure in ("growth", "change") and _since_before_last_year(prefix, year):
            measure = "cumulative"  # "新兴产业产值占比较2015年提高21.5个百分点": five years of it
        if not name and inherited and measure == "growth":
            name = inherited[0]  # "…完成253.7亿元，同比增长10.1%": the same indicator grew
        if not name:
            # "完成1.8万户、189万平方米棚改任务": the noun comes after the numbers.
            # "完成178座燃煤锅炉拆改": its own noun first.
            name = indicator_words(_trailing_noun(cl.text[q.end:]) or _trailing_noun(cl.text[qs[-1].end:]))
        if not name:
            continue
        if out and prefix.lstrip().startswith(("（", "(")) and groups is None:
            name = grammar.scoped(out[-1].indicator, name) or name  # "74.5%（其中市区82.5%）"
        span_start = max(0, q.start - len(prefix))
        span = cl.text[span_start:q.end].lstrip("、和及与") + _trailing_noun(cl.text[q.end:])
        if groups is not None or paired:
            # "城乡居民人均可支配收入分别增长8.7%和8.6%": each figure is read with the words
            # naming it, so every one of them cites the whole statement.
            span = cl.text[:qs[-1].end] + _trailing_noun(cl.text[qs[-1].end:])
        out.append(Outcome(
            line=para.line_at(cl.start + q.start),
            span=span,
            indicator=name,
            value=value,
            unit=q.unit,
            year=year,
            measure=measure,
            comparator=q.comparator,
            provisional=provisional,
            indicator_key=indicator_key(name),
            quote=_sentence(para.text, cl),
            offset=cl.start + q.start,
        ))
    return out, inherited


_SINCE = re.compile(r"(?:比|较|与)(\d{4})年(?:末|底)?(?:相比)?")


def _since_before_last_year(prefix: str, year: int) -> bool:
    """A change or growth counted from a year before the last one: over several years."""
    return any(int(m.group(1)) < year - 1 for m in _SINCE.finditer(prefix))


def _from_value(text: str, q: Qty) -> bool:
    """ "从50%、75%提高至100%": the numbers after 从 are where it started, not outcomes."""
    before, after = text[:q.start], text[q.end:]
    i = max(before.rfind("从"), before.rfind("由"))
    if i < 0 or re.search(r"(到|至)", before[i:]):
        return False
    return bool(re.match(r"[^，,；;。]*?(到|至)", after))


def _trailing_noun(after: str) -> str:
    """Words right after a number, up to the next item: "11条背街巷道全部完工" → 背街巷道全部完工."""
    m = re.match(r"[^、，,；;。\d]{0,12}", after)
    return m.group(0) if m else ""


def _shared_value(para: Paragraph, cl: _Clause, q: Qty, names: list[str], year: int,
                  provisional: bool) -> list[Outcome]:
    """ "分别从50%、75%提高至100%": one value reached by every named item."""
    return [Outcome(line=para.line_at(cl.start + q.start), span=cl.text[:q.end], indicator=n,
                    value=q.value, unit=q.unit, year=year, measure=_measure(cl.text[:q.start], q, "")[0],
                    comparator=q.comparator, provisional=provisional, indicator_key=indicator_key(n),
                    quote=_sentence(para.text, cl), offset=cl.start + q.start) for n in names]


def _respectively(text: str, qs: list[Qty]) -> tuple[list[str], ...] | None:
    """ "城镇和农村居民人均可支配收入分别达35512元、25689元": one indicator per number."""
    i = text.find("分别")
    if i < 0 or qs[0].start < i:
        return None
    head = indicator_words(text[:i])
    return (grammar.split_list(head) if head else [],)


_JOINED = re.compile(r"\s*[、和及与]\s*")


def _paired(text: str, qs: list[Qty], inherited: list[str]) -> list[str] | None:
    """Figures of one unit joined only by 、 or 和, after a name that stands for as many
    ("城乡居民人均可支配收入达49208元、16984元"), or after none when the clause before
    named as many ("…，同比增长4.7%、7.5%"): one figure per name, in order, as with 分别."""
    if len(qs) < 2 or len({q.unit for q in qs}) > 1:
        return None
    if not all(_JOINED.fullmatch(text[a.end:b.start]) for a, b in zip(qs, qs[1:])):
        return None
    head = indicator_words(text[:qs[0].start])
    names = grammar.split_list(head) if head else list(inherited)
    return names if len(names) == len(qs) and len(set(names)) == len(names) else None


def _measure(prefix: str, q: Qty, before: str) -> tuple[str, float]:
    """growth / level / cumulative / change / rate, and the signed value."""
    w = words()
    tail = prefix[-8:]
    if any(c in before for c in w["cumulative"] if len(c) > 1):
        return "cumulative", q.value  # 累计 / 年均增长: several years, not the year's figure
    if q.unit == "个百分点":
        return "change", q.value
    if q.unit == "%":
        if tail.endswith(("提高到", "提高至", "降到", "降至", "增至", "达到", "为")):
            return "rate", q.value  # "比例提高到100%" is the level reached, not a growth
        if any(tail.endswith(g) or g in tail[-5:] for g in w["growth"]):
            neg = any(n in tail[-5:] for n in w["negative_growth"])
            return "growth", -q.value if neg else q.value
        return "rate", q.value
    if tail.endswith(("增加", "提高", "减少", "提升", "延长", "缩短", "降低", "下降", "增长")):
        return "change", q.value  # "人均预期寿命提升0.4岁": by how much, not the level
    return "level", q.value


def _comparator(prefix: str, after: str) -> str | None:
    w = words()
    tail = prefix[-3:]
    if any(tail.endswith(x) for x in w["under"]):
        return "<="
    if any(tail.endswith(x) for x in w["at_least"]) or after.startswith(("以上", "多")):
        return ">="
    return None


_STRIP_TAIL = re.compile(
    r"(同比|按可比口径|按可比价计算|按可比价|剔除虚增空转因素后|分别|均|平均|全年|实际|名义|年末|首次|"
    r"完成|达到|达|实现|为|突破|超过|超|逾|接近|近|增至|提高到|提高至|降到|降至|控制在|控制到|保持在|"
    r"增长|增速|增幅|上涨|涨幅|提高|下降|降低|回落|增加|减少|约|共|累计|新增|的)+$"
)
_STRIP_HEAD = re.compile(
    r"^(\d{4}年|(比|较|与)(上年|去年|上一年)(同期)?(相比)?|全年|全区|全市|全国|其中|今年|去年|一年来|过去一年|实现|完成了|完成|将|共|——"
    r"|预计|初步统计|初步核算|预估"  # "预计全年增长5.5%": the estimate of the indicator named before
    r"|扣除价格因素后?|按可比价格计算|剔除价格因素后?"
    r"|[（(][一二三四五六七八九十]+[)）]|\s)+"
)


def indicator_words(prefix: str) -> str:
    """The indicator named before a number: "全年地区生产总值完成" → 地区生产总值."""
    name = prefix.strip(" 　、，,；;：:（）()“”\"")
    name = re.sub(r"^[^、]{0,3}[)）]、?", "", name)  # "（只）、蔬菜产量": the tail of the item before
    for _ in range(3):
        name = _STRIP_HEAD.sub("", name)
        name = _STRIP_TAIL.sub("", name)
        name = name.strip(" 　、，,；;：:（）()“”\"")
    if re.search(r"\d", name) and len(re.sub(r"[\d.%％]", "", name)) < 2:
        return ""
    return name


def indicator_key(name: str) -> str | None:
    """The lexicon key of the indicator `name` speaks of, if the lexicon knows it."""
    rule = grammar.lookup_indicator(name)
    return rule.key if rule else None


def not_stage_spans(text: str) -> list[tuple[int, int]]:
    """Where words holding a stage word name a thing ("建成区", the built-up area)."""
    return [m.span() for x in words()["not_stages"]["words"] for m in re.finditer(x, text)]


@lru_cache(maxsize=1 << 16)
def stage_of(text: str) -> tuple[str, int] | None:
    """The strongest stage word in `text` and its rank (None when none).

    Longer words claim their characters first, so 主体完工 is not read as 完工;
    a word right before a number or 投资 is a verb of a level ("完成253.7亿元").
    """
    taken: list[tuple[int, int]] = not_stage_spans(text)
    found: list[tuple[str, int]] = []
    for w, rank in stage_ranks():
        if w not in text:
            continue
        for m in re.finditer(re.escape(w), text):
            s, e = m.span()
            if any(s < b and a < e for a, b in taken) or _is_level_verb(text, e):
                continue
            taken.append((s, e))
            found.append((w, rank))
    if not found:
        return None
    return max(found, key=lambda p: (p[1], len(p[0])))


def _is_level_verb(text: str, end: int) -> bool:
    nxt = text[end:end + 2]
    return bool(nxt) and (nxt[0].isdigit() or nxt in ("投资", "面积", "了对") or nxt[0] in "额率")


@lru_cache(maxsize=None)
def _acts_longest_first() -> tuple[str, ...]:
    return tuple(sorted(words()["act"], key=len, reverse=True))


def _stage_outcomes(para: Paragraph, cl: _Clause, year: int, provisional: bool) -> list[Outcome]:
    w = words()
    loose = next((x for x in w["loose_completion"] if x in cl.text), None)
    title = next((x for x in w["title"] + w["event"] if x in cl.text), None)
    st = stage_of(cl.text)
    act = next((x for x in _acts_longest_first() if x in cl.text), None)
    stage = loose or title or (st[0] if st else None) or act
    if stage is None:
        return []
    return [Outcome(
        line=para.line_at(cl.start),
        span=cl.text,
        indicator=cl.text.replace(stage, ""),
        value=None,
        unit=None,
        year=year,
        provisional=provisional,
        stage=stage,
        quote=_sentence(para.text, cl),
        offset=cl.start,
    )]


def _statement_outcomes(
    para: Paragraph, cl: _Clause, year: int, provisional: bool
) -> list[Outcome]:
    kind = statement_kind(cl.text)
    if kind is None:
        return []
    return [Outcome(
        line=para.line_at(cl.start),
        span=cl.text,
        indicator=cl.text,
        value=None,
        unit=None,
        year=year,
        provisional=provisional,
        statement=kind,
        quote=_sentence(para.text, cl),
        offset=cl.start,
    )]


def statement_kind(text: str) -> str | None:
    """completed_task, or the directions stated (down / up / stable, comma-joined), or None.

    "弹性增强、保持基本稳定" states two: "up,stable".
    """
    w = words()
    if any(x in text for x in w["task_completed"]) or re.search(r"完成[^，。；]{0,20}(任务|目标)", text):
        return "completed_task"
    d = w["direction"]
    kinds = [k for k in ("down", "up", "stable") if any(x in text for x in d[k])]
    return ",".join(kinds) or None
