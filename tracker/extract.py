"""Targets from the plan parts of a report: quantitative, relative and deliverable.

    extract_targets(report) -> list[Target]
    targets_from_text(text, *, year, horizon="annual", breaks=None) -> list[Target]

A paragraph is cut into sentences (。；！？) and clauses (，：); a clause into items where a
list of quantities or stages is joined by 、 ("盘活建筑类资产100处、建筑面积70万平方米以上").
Each item gives at most one target of each kind, tried in this order: a number with a
unit, a relative pattern, a deliverable (a stage word and a concrete object). The word
lists live in tracker/rules/targets.toml.

Conventions that serve checking (each target can be verified on its own):
- a list of named things sharing one stage ("南开路中学、向阳幼儿园投入使用") gives one
  deliverable per thing; each span runs from its name to the shared stage, so the first
  span holds the whole list. Lists of places ("…地块"), of qualities ("规模化、集约化…"),
  summed up by a count ("两个核心景区") or after an aim verb ("打造A、B") stay one target.
- a clause that is only a stage ("力争年内开工建设") takes its thing from the clause before.
- events ("办好第八届…展销会", "认真谋划第十届…展销会"), titles sought mid-clause
  ("区医院要晋升为二级甲等医院"), bounded campaigns ("开展…保障试点") and policy acts
  ("对小规模纳税人阶段性免征增值税", "将…纳入…") are deliverables.
- a list of names sharing one number through 均/都/分别 ("城镇…收入、农村…收入均增长8%")
  gives one target per name, each span from its name to the number, each with its whole
  name ("城镇和农村居民…收入": 城镇居民…收入); so do two tasks sharing one goal
  ("完成职业技能提升和高职扩招三年行动目标") and two things sharing one head
  ("正阳和呼伦社区文体馆投入使用").
- facts spread over clauses: a topic clause ("对小微企业…的部分，…，再减半征收所得税") and
  a thing named clauses before its stage ("X建设，加大招商力度，…，确保盘活运营") are in
  the span; a number with no subject ("…增长7.5%，达到309亿元") takes the clause before's.
- money spent and what it pays for are one target ("投资1亿元，启动实施…改扩建工程").

Not targets: the closing call ("让我们…而努力奋斗"), a breakdown after 其中 ("其中，工业类3
个、…"), a number restating a target ("预期目标设定为6%以上"), numerals inside idioms
("千家万户"), an aim ("打造…的区域物流中心", "打造特色街区"), a plan naming nothing
("制定发展规划"), a verb and object as the topic of advice ("制定涉企政策要多听…").
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from tracker import divisions, docfreq, grammar, rules
from tracker.grammar import Quantity
from tracker.model import Paragraph, Report, Target

_SENTENCE_RE = re.compile(r"[^。！？；;!?]+[。！？；;!?]?")
# clause ends: Chinese comma/colon, or a half-width comma/colon not inside a number
_CLAUSE_RE = re.compile(r"(?:[，：]|,(?!\d{3})|:(?!\d))")
# a clause without one of these holds no quantity worth reading (a lone 一 is never a target)
_MAY_HOLD_NUMBER = re.compile(r"[0-9０-９二两三四五六七八九十百千万亿零〇]")
# a slogan in quotes counting its parts ("“两个中心”"): no thing to deliver
_SLOGAN = re.compile(r"“[^”]*[一二两三四五六七八九十][^”]*”?")
# a modal after a verb's object makes the verb and object a topic ("制定政策要遵循规律")
_TOPIC_MODAL = re.compile(r"[^主重需只]要(?![素塞求点闻])")
# a clause after a number that says what must be done about it ("…超过1000万人，要加强…")
_THEN_TASK = re.compile(r"[，,]\s*要(?![求素塞点闻])")
_TRIVIAL_TAIL = "”“’‘\"'）)》」』 \t.。；;，,、：:!！?？"


@dataclass(frozen=True)
class _Words:
    neutral: re.Pattern[str]
    leaders: re.Pattern[str]
    facilitating: re.Pattern[str]
    means: re.Pattern[str]
    vague: re.Pattern[str]
    enumerators: tuple[re.Pattern[str], ...]
    background: re.Pattern[str]
    past_opening: re.Pattern[str]
    coming_turn: re.Pattern[str]
    stretch: tuple[str, ...]
    creating: re.Pattern[str]
    set_phrases: tuple[str, ...]
    stage_after: re.Pattern[str]
    stage_before: re.Pattern[str]
    strong: frozenset[str]
    weak: frozenset[str]
    event_before: frozenset[str]
    concrete: tuple[str, ...]
    abstract: tuple[str, ...]
    event_heads: tuple[str, ...]
    event_not_heads: tuple[str, ...]
    event_not_held: tuple[str, ...]
    campaign_before: frozenset[str]
    reform_before: frozenset[str]
    reform_heads: tuple[str, ...]
    reform_min_weight: float
    reform_not: tuple[str, ...]
    campaign_heads: tuple[str, ...]
    generic: tuple[str, ...]
    unspecified: re.Pattern[str]
    trailing: tuple[str, ...]
    growth: re.Pattern[str]
    change: re.Pattern[str]
    cumulative: re.Pattern[str]
    rate_words: tuple[str, ...]
    needs_indicator: frozenset[str]
    soft_decrease: tuple[str, ...]
    exhortation: tuple[str, ...]
    funding: re.Pattern[str]
    restated: re.Pattern[str]
    progress: re.Pattern[str]
    measurable: tuple[str, ...]
    predicates: frozenset[str]
    floor: re.Pattern[str]
    generic_task: re.Pattern[str]
    name_suffixes: tuple[str, ...]
    compound_before: str
    aim_before: frozenset[str]
    aim_qualities: tuple[str, ...]
    aim_quality_words: re.Pattern[str]
    name_words: tuple[str, ...]
    mode_before: str
    copula: re.Pattern[str]
    shared_each: re.Pattern[str]
    name_joiners: str
    name_min: int
    not_name: re.Pattern[str]
    modifier_ends: tuple[str, ...]
    open_list: bool
    title_verbs: re.Pattern[str]
    creating_end: re.Pattern[str]
    lever_heads: tuple[str, ...]
    lever_verbs: tuple[str, ...]
    task_list: re.Pattern[str]
    state_ends: tuple[str, ...]
    supporting: re.Pattern[str]
    joined_work: re.Pattern[str]
    ordinal_event: re.Pattern[str]
    shared_head: re.Pattern[str]
    soon: re.Pattern[str]
    soon_stages: frozenset[str]
    soon_only: re.Pattern[str]
    trailing_when: re.Pattern[str]
    kept_verbs: re.Pattern[str] | None
    object_verbs: re.Pattern[str]
    stage_only: re.Pattern[str]
    continued_trailing: tuple[str, ...]
    title_heads: tuple[str, ...]
    acts: tuple[re.Pattern[str], ...]
    sites: re.Pattern[str]
    works: tuple[str, ...]
    counted: re.Pattern[str]
    respectively: re.Pattern[str]
    no_split_after: frozenset[str]
    topic_start: re.Pattern[str]
    topic_end: re.Pattern[str]
    topic_pass: re.Pattern[str]
    topic_acts: tuple[re.Pattern[str], ...]


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _words() -> _Words:
    t = rules.target_words()
    lead, stage, obj = t["leader"], t["stage"], t["object"]
    return _Words(
        neutral=re.compile(rf"^(?:{_alt(lead['neutral'])})"),
        leaders=re.compile(
            rf"\s*(?:(?P<facilitating>{_alt(lead['facilitating'])})|(?P<means>{_alt(lead['means'])})"
            rf"|(?P<neutral>{_alt(lead['neutral'])}))"
        ),
        facilitating=re.compile(rf"^(?:{_alt(lead['facilitating'])})"),
        means=re.compile(rf"^(?:{_alt(lead['means'])})"),
        vague=re.compile(rf"^(?:{_alt(lead['vague'])})"),
        enumerators=tuple(re.compile(p) for p in lead["enumerators"]),
        background=re.compile(_alt(lead["background"])),
        past_opening=re.compile(rf"^(?:各位代表[，,！!：:]\s*)?(?:{_alt(lead['past_opening'])})"),
        coming_turn=re.compile(_alt(lead["coming_turn"])),
        stretch=tuple(lead["stretch"]),
        creating=re.compile(rf"^(?:{_alt(t['quantity']['creating'])})"),
        set_phrases=tuple(t["quantity"]["set_phrases"]),
        stage_after=re.compile(rf"(?:{_alt(stage['after'])})$"),
        stage_before=re.compile(_alt(stage["before"])),
        strong=frozenset(stage["strong_before"]),
        weak=frozenset(stage["weak_before"]),
        aim_before=frozenset(stage["aim_before"]),
        aim_qualities=tuple(stage["aim_qualities"]),
        aim_quality_words=re.compile(_alt(stage["aim_quality_words"])),
        event_before=frozenset(stage["event_before"]),
        concrete=tuple(sorted(obj["concrete_heads"], key=len, reverse=True)),
        abstract=tuple(sorted(obj["abstract_heads"], key=len, reverse=True)),
        event_heads=tuple(obj["event_heads"]),
        event_not_heads=tuple(obj["event_not_heads"]),
        event_not_held=tuple(obj["event_not_held"]),
        campaign_before=frozenset(stage["campaign_before"]),
        reform_before=frozenset(stage["reform_before"]),
        reform_heads=tuple(obj["reform_heads"]),
        reform_min_weight=float(obj["reform_min_weight"]),
        reform_not=tuple(obj["reform_not"]),
        campaign_heads=tuple(obj["campaign_heads"]),
        generic=tuple(obj["generic"]),
        unspecified=re.compile(rf"(?<![{re.escape(''.join(obj['named_before_unspecified']))}])"
                               rf"(?:{_alt(obj['unspecified'])})"),
        trailing=tuple(sorted(obj["trailing"], key=len, reverse=True)),
        growth=re.compile(rf"(?:{_alt(t['measure']['growth'])})$"),
        change=re.compile(rf"(?:{_alt(t['measure']['change'])})$"),
        cumulative=re.compile(_alt(t["measure"]["cumulative"])),
        rate_words=tuple(t["measure"]["rate"]),
        needs_indicator=frozenset(t["relative_needs_indicator"]["relations"]),
        soft_decrease=tuple(t["relative_needs_indicator"]["soft_decrease"]),
        exhortation=tuple(t["part"]["exhortation"]),
        funding=re.compile(t["part"]["funding"]),
        restated=re.compile(t["part"]["restated"]),
        progress=re.compile(rf"(?:{_alt(obj['progress'])})$"),
        measurable=tuple(t["relative_needs_indicator"]["measurable_heads"]),
        predicates=frozenset(t["relative_needs_indicator"]["predicates"]),
        generic_task=re.compile(t["relative_generic"]["pattern"]),
        name_suffixes=tuple(t["relative_name"]["suffixes"]),
        floor=re.compile(rf"^[^，；。]{{0,6}}(?:{_alt(lead['floor_nouns'])})$"),
        compound_before=obj["compound_before"],
        name_words=tuple(obj["name_words"]),
        mode_before=obj["mode_before"],
        copula=re.compile(rf"^(?:{_alt(lead['copula'])})"),
        shared_each=re.compile(rf"(?:{_alt(lead['each'])})(?:再|将)?$"),
        name_joiners=obj["named_list"]["joiners"],
        name_min=obj["named_list"]["min_name"],
        not_name=re.compile(_alt(obj["named_list"]["not_in_name"] + lead["vague"])),
        modifier_ends=tuple(obj["named_list"]["modifier_ends"]),
        open_list=not obj["named_list"]["split_open_lists"],
        title_verbs=re.compile(_alt(t["title"]["verbs"])),
        creating_end=re.compile(rf"(?:{_alt(t['quantity']['creating'])})$"),
        lever_heads=tuple(t["relative_list"]["lever_heads"]),
        lever_verbs=tuple(t["relative_list"]["lever_verbs"]),
        task_list=re.compile(t["relative_list"]["task_list"]),
        state_ends=tuple(t["relative_list"]["state_ends"]),
        supporting=re.compile(rf"^(?:{_alt(lead['supporting'])})"),
        ordinal_event=re.compile(obj["ordinal_event"]),
        soon=re.compile(rf"(?:{_alt(obj['soon'])})$"),
        soon_stages=frozenset(obj["soon_stages"]),
        soon_only=re.compile(rf"(?:{'|'.join(f'(?<={re.escape(x)})' for x in obj['soon'])})"
                             rf"(?:{_alt(obj['soon_only'])})$"),
        trailing_when=re.compile(rf"(?:{_alt(obj['when'] + obj['soon'])})+$"),
        shared_head=re.compile(
            rf"(?P<qualifier>[^、和及等，“”]{{2,{obj['named_list']['max_qualifier']}}})[和、]"
            rf"(?P<name>[^、和及等，]{{4,}})"),
        joined_work=re.compile(rf"[^，；。、和及]{{2,20}}?(?:{_alt(t['quantity']['work_ends'])})[和及]"),
        kept_verbs=_kept_verbs(stage["before"], lead["neutral"], _leader_words(lead)),
        object_verbs=re.compile(rf"^(?:{_alt(obj['lead_verbs'])})"),
        stage_only=re.compile(rf"(?:{stage['continued_when']})?(?P<stage>{_alt(stage['after'] + stage['continued'])})"),
        continued_trailing=tuple(obj["continued_trailing"]),
        title_heads=tuple(t["title"]["heads"]),
        acts=tuple(re.compile(rf"(?:{_alt(lead['neutral'])})*(?:{p})") for p in t["act"]["patterns"]),
        sites=re.compile(_alt(obj["named_list"]["sites"])),
        works=tuple(obj["named_list"]["works"]),
        counted=re.compile(obj["named_list"]["counted"]),
        respectively=re.compile(rf"^(?:{_alt(lead['each'])})"),
        no_split_after=frozenset(obj["named_list"]["not_after"]),
        topic_start=re.compile(rf"^(?:{_alt(t['topic']['starts'])})"),
        topic_end=re.compile(rf"(?:{_alt(t['topic']['ends'])})$"),
        topic_pass=re.compile(t["topic"]["passing"]),
        topic_acts=tuple(re.compile(rf"(?:{_alt(lead['neutral'])})*(?:{p})")
                         for p in t["topic"]["acts"]),
    )


def _kept_verbs(verbs, neutral, leaders) -> re.Pattern[str] | None:
    """Stage verbs that are two leader words ("全面实现" = 全面 + 实现): stripping the
    leaders would leave no verb, so the leader loop stops before them. So do indicator
    names that open on a leader word ("利用外资": 利用 is no means there)."""
    kept = [v for v in verbs for n in neutral
            if v.startswith(n) and v != n and v[len(n):] in neutral]
    kept += [a for rule in rules.indicators() for a in rule.aliases if a.startswith(leaders)]
    return re.compile(_alt(kept)) if kept else None


def _leader_words(lead: dict) -> tuple[str, ...]:
    return tuple(w for group in lead.values() if isinstance(group, list) for w in group
                 if isinstance(w, str) and len(w) >= 2)


# --- public ------------------------------------------------------------------------------


def extract_targets(report: Report) -> list[Target]:
    """Every target stated in the report's plan and five-year parts, in reading order."""
    out: list[Target] = []
    for part in report.parts:
        if part.kind == "plan":
            horizon, year = "annual", part.year or report.plan_year
        elif part.kind == "five_year":
            horizon, year = "five_year", part.year or report.five_year_end or report.plan_year
        else:
            continue
        # Glossaries and notes after the plan are parts of their own (segment.py).
        for para in part.paragraphs:
            found = _paragraph_targets(para, year, horizon)
            if _words().past_opening.match(para.text):
                # "一年来，我们坚持…": an account of the year past inside the plan part, up to
                # where it turns to the coming one ("新的一年，我们要…")
                turn = _words().coming_turn.search(para.text)
                found = [t for t in found if turn and t.offset >= turn.start()]
            out.extend(found)
    return _without_restatements(out)


def _without_restatements(targets: list[Target]) -> list[Target]:
    """Drop a number that only restates an earlier target ("预期目标设定为6%以上" after
    "国内生产总值增长6%以上"): same value, unit and horizon, its subject the target itself."""
    seen: set[tuple] = set()
    out = []
    for t in targets:
        key = (t.horizon, t.value, t.unit, t.comparator)
        if t.kind == "quantitative" and key in seen and _words().restated.match(t.indicator or ""):
            continue
        if t.kind == "quantitative":
            seen.add(key)
        out.append(t)
    return out


def targets_from_text(text: str, *, year: int, horizon: str = "annual") -> list[Target]:
    """Targets in a piece of plan text (one paragraph); lines count from 1."""
    return _without_restatements(_paragraph_targets(Paragraph(text, ((0, 1),)), year, horizon))


# --- paragraphs, sentences, clauses ------------------------------------------------------


def _paragraph_targets(para: Paragraph, year: int, horizon: str) -> list[Target]:
    out: list[Target] = []
    for sm in _SENTENCE_RE.finditer(para.text):
        sentence = sm.group(0)
        start = sm.start()
        previous: list[Target] = []
        levels: list[Target] = []  # the run of level quantities just before ("…370万人次，…38亿元")
        prev_text = ""
        topic = -1  # paragraph offset of a pending topic clause ("对小微企业…的部分")
        earlier: list[tuple[int, str]] = []
        lead_year = 0  # a year named by a clause of its own earlier in the sentence
        for c_start, c_end in _clauses(sentence):
            if any(w in sentence[c_start:c_end] for w in _words().exhortation):
                break  # "让我们…，为圆满完成全年的工作任务…而努力奋斗": the closing call
            ctx = _Clause(para, year, horizon, sentence.strip(), start + c_start, sentence[c_start:c_end])
            ctx.after_deliverable = any(t.kind == "deliverable" for t in previous)
            ctx.breakdown = (sentence[:c_start].rstrip("，,： ").endswith("其中")
                             or sentence[c_start:c_end].lstrip().startswith("其中"))
            ctx.previous_text = prev_text
            ctx.topic = topic
            ctx.earlier = earlier
            ctx.lead_year = lead_year
            lead = _due_lead_re().match(_strip_tail(sentence[c_start:c_end].strip()))
            if lead:
                lead_year = int(lead.group(1))
            before = previous
            previous = ctx.targets()
            if (previous and _THEN_TASK.match(sentence, c_end) and not _words().creating.match(ctx.text, ctx.core_start)
                    and all(t.kind == "quantitative" for t in previous)):
                previous = []  # "今年高校毕业生超过1000万人，要加强…": the fact the task answers
            if (before and previous and before[-1].kind == "quantitative" and before[-1].indicator
                    and all(t.kind == "quantitative" and not t.indicator for t in previous)):
                src = before[-1]
                if (ctx.text.lstrip().startswith(_words().stretch)
                        and all(t.unit == src.unit for t in previous)):
                    previous = []  # "生产煤炭5200万吨，力争突破5500万吨": the target is the first figure
                else:
                    # "地区生产总值增长7.5%，达到309亿元": a number with no subject of its own
                    # measures the subject of the clause before; the span holds both
                    previous = [dataclasses.replace(
                        t, indicator=src.indicator, indicator_key=src.indicator_key,
                        polarity=src.polarity, offset=src.offset, line=src.line,
                        span=para.text[src.offset:t.offset + len(t.span)]) for t in previous]
            core = _strip_tail(ctx.text[ctx.core_start:])
            here = (ctx.offset + ctx.core_start, core)
            earlier = [here] if previous else [*earlier, here]
            if previous and topic >= 0:
                previous = [ctx.with_topic(t) for t in previous]
            if previous:
                topic = -1
            elif ctx.is_topic():
                topic = start + c_start + _enumerated(ctx.text)
            elif topic >= 0 and not _words().topic_pass.match(ctx.text[ctx.core_start:]):
                topic = -1
            if len(previous) == 1 and len(levels) > 1 and _words().respectively.match(
                    ctx.text[ctx.core_start:]) and previous[0].measure == "growth":
                # "旅游人数…370万人次，旅游收入…38亿元，分别增长20%": a growth for each level
                previous = [dataclasses.replace(previous[0], indicator=t.indicator,
                                                indicator_key=t.indicator_key, polarity=t.polarity)
                            for t in levels]
            levels = ([*levels, *previous] if previous and all(
                t.kind == "quantitative" and t.measure == "level" for t in previous) else [])
            if (len(before) == 1 and out and out[-1] is before[0] and before[0].kind == "quantitative"
                    and _words().funding.match(before[0].span) and prev_text.endswith(before[0].span)):
                money = before[0]
                if previous and all(t.kind == "deliverable" for t in previous):
                    # "投资1亿元，启动实施黑羊站水厂改扩建工程": the money pays for the thing
                    out.pop()
                    first = previous[0]
                    previous[0] = dataclasses.replace(
                        first, offset=money.offset, line=money.line,
                        span=para.text[money.offset:first.offset + len(first.span)])
                elif not previous and _words().creating.match(ctx.text, ctx.core_start):
                    # "投资3.1亿元，实施桃李中学、三中分校、第五中学扩建工程": what it pays for
                    end = ctx.offset + len(_strip_tail(ctx.text))
                    out[-1] = dataclasses.replace(money, span=para.text[money.offset:end])
            prev_text = _strip_tail(ctx.text[ctx.core_start:])
            out.extend(previous)
    return out


def _clauses(sentence: str) -> list[tuple[int, int]]:
    spans, last = [], 0
    for m in _CLAUSE_RE.finditer(sentence):
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(sentence.rstrip("。！？；;!?"))))
    return [(a, b) for a, b in spans if b > a]


def _strip_tail(s: str) -> str:
    return s.rstrip(_TRIVIAL_TAIL)


def _within(whole: Target, part: Target) -> Target:
    """A bracketed part of the figure before it ("（其中市区85%）") is that figure's
    indicator with its own scope: 城镇生活污水集中处理率（其中市区）."""
    name = grammar.scoped(whole.indicator, part.indicator)
    return dataclasses.replace(part, indicator=name, indicator_key=whole.indicator_key) if name else part


def _aside_cuts(text: str, qs: list[Quantity]) -> list[int]:
    """Where a bracketed aside with numbers of its own opens after a number: a target of
    its own. "城镇生活污水集中处理率达到73.8%（其中市区85%）" promises 73.8%, and 85% for 市区."""
    cuts, last_end = [], -1
    for q in qs:
        head = text[:q.num_start]
        opened = max(head.rfind("（"), head.rfind("("))
        closed = max(head.rfind("）"), head.rfind(")"))
        if opened > closed and 0 <= last_end <= opened and opened not in cuts:
            cuts.append(opened)
        last_end = q.end
    return cuts


class _Clause:
    """One clause of a plan sentence and the targets it states."""

    def __init__(self, para: Paragraph, year: int, horizon: str, quote: str, offset: int, text: str):
        self.para, self.year, self.horizon, self.quote = para, year, horizon, quote
        self.offset = offset  # of `text` in the paragraph
        self.text = text
        self.core_start, self.lead = _leader(text)
        self.after_deliverable = False  # the previous clause of the sentence was a deliverable
        self.breakdown = False  # the clause follows 其中: it parts a total stated before
        self.previous_text = ""  # the previous clause of the sentence, leader stripped
        self.first_number = 0  # offset of the clause's first number
        self.topic = -1  # paragraph offset of the topic clause this one completes, if any
        # (paragraph offset, text) of the sentence's clauses before this one, leaders stripped,
        # back to the last that gave a target
        self.earlier: list[tuple[int, str]] = []
        self.lead_year = 0  # a year named by an earlier clause of its own ("力争到2020年，")

    # -- topic clauses: "对小微企业…不到100万元的部分，在现行优惠政策基础上，再减半征收所得税"
    def is_topic(self) -> bool:
        """A clause that only names what the next clause acts on: "对X…的部分", "X的事项"."""
        w = _words()
        core = _strip_tail(self.text[self.core_start:])
        return bool(w.topic_start.match(core) or w.topic_end.search(core)) and not self.lead

    def with_topic(self, t: Target) -> Target:
        """A target of a clause with no subject of its own, its span reaching back to the
        topic clause ("企业和群众经常办理的事项，今年要基本实现“跨省通办”")."""
        head = self.offset + self.core_start
        if t.kind != "deliverable" or t.offset > head + 4 or self.topic >= t.offset:
            return t
        end = t.offset + len(t.span)
        return dataclasses.replace(t, offset=self.topic, span=self.para.text[self.topic:end],
                                   line=self.para.line_at(self.topic))

    # -- driver
    def targets(self) -> list[Target]:
        if _words().copula.match(self.text[self.core_start:]):
            return []  # "是完成全年目标任务的关键": a statement about the plan
        items = self._items()
        out: list[Target] = []
        shared = self._shared_comparator(items)
        distributed = self._distributed(items)
        for i, (a, b, qs) in enumerate(items):
            item_out = self._quantitative(a, b, qs, shared, distributed.get(i))
            if not item_out:
                item_out = self._relative(a, b)
            if not item_out:
                item_out = self._deliverable(a, b)
            if not item_out and i < len(items) - 1 and not qs:
                item_out = self._sharing_stage(a, b)
            if not item_out and i > 0 and not qs and items[i - 1][2]:
                item_out = self._sharing_verb(a, b)
            if a > 0 and self.text[a - 1] in "（(" and out and item_out:
                item_out = [_within(out[-1], t) for t in item_out]
            out.extend(item_out)
        return out

    def _sharing_stage(self, a: int, b: int) -> list[Target]:
        """An item with no number of a list whose last item ends on a stage ("城区“六横六纵”
        绿带、14块绿地布景造园…等工程按时完工"): the thing, with the list's stage."""
        w = _words()
        whole = _strip_tail(self.text)
        m = w.stage_after.search(whole)
        name = _strip_tail(self.text[a:b])
        if not m or self.lead in ("vague", "facilitating") or not self._object_ok(name):
            return []
        return [self._target(a, len(whole), "deliverable", name + m.group(0), key_at=a,
                             stage=m.group(0))]

    def _sharing_verb(self, a: int, b: int) -> list[Target]:
        """A named thing after a quantified work, under the clause's completion verb
        ("完成80吨污泥焚烧处置和金丰再生资源分拣中心项目")."""
        w = _words()
        m = w.stage_before.match(self.text, self.core_start)
        name = _strip_object(self.text[a:b])
        if (not m or m.group(0) not in w.strong or not name.endswith(w.concrete)
                or not self._object_ok(name) or _named_list(name)):
            return []
        return [self._target(a, len(_strip_tail(self.text[:b])), "deliverable", name, key_at=a,
                             stage=m.group(0))]

    # -- items: a list of quantities or stages joined by 、/和/及
    def _items(self) -> list[tuple[int, int, list[Quantity]]]:
        text = self.text
        qs = []
        if _MAY_HOLD_NUMBER.search(text):
            qs = [q for q in grammar.find_quantities(text) if self._is_measure(q)]
        cuts = _aside_cuts(text, qs)
        for q in qs:
            rest = text[q.end:q.end + 1]
            if rest in ("、", "和", "及"):
                cuts.append(q.end)
            elif q.num_start > 0 and text[q.num_start - 1] in "、和及" and q.num_start - 1 > self.core_start:
                cuts.append(q.num_start - 1)  # "实施5个养殖场、10万亩种薯基地…": one item each
        if qs and self.lead not in ("vague", "facilitating"):
            # "完成80吨污泥焚烧处置和金丰再生资源分拣中心项目": a quantified work and a named
            # thing under one verb, one item each
            m = _words().joined_work.match(text, qs[-1].end)
            if m and _strip_tail(text[m.end():]).endswith(_words().concrete):
                cuts.append(m.end() - 1)
        for q1, q2 in zip(qs, qs[1:]):  # "1万亩节水灌溉、哈克镇7000平方米…": one item each
            between = text[q1.end:q2.num_start]
            if between.count("、") == 1 and not re.search("[和及与]", between[between.index("、"):]):
                # "22.8公里道路的扩建和绿化、沿街163栋楼体的亮化": a 和 inside the first item
                k = q1.end + between.index("、")
                if k not in cuts and k - 1 not in cuts:
                    cuts.append(k)
        if "、" in text:  # "贷款明显增长、…比重继续提升": a list of relative goals
            for m in re.finditer("、", text):
                found = grammar.find_relative(text[self.core_start:m.start()])
                if (found and found[-1][1] == m.start() - self.core_start and m.start() not in cuts
                        and (found[-1][2] != "direction" or text.startswith(_words().lever_verbs, m.end()))):
                    # but "提高A、B" moves both levers with one verb
                    cuts.append(m.start())
        for m in re.finditer("、|及", text):  # "南片竣工、北扩展区开工建设": a list of stages
            before = _strip_tail(text[: m.start()])
            if _words().stage_after.search(before) and m.start() not in cuts:
                cuts.append(m.start())
        cuts.sort()
        self.first_number = qs[0].num_start if qs else 0
        items, a = [], self.core_start
        for c in cuts:
            if c > a:
                items.append((a, c))
                a = c + 1
        items.append((a, len(text)))
        return [(a, b, [q for q in qs if a <= q.num_start < b]) for a, b in items if b > a]

    def _is_measure(self, q: Quantity) -> bool:
        """A number worth reading: not a set phrase ("一批", "两个确立") nor background."""
        if (q.chinese and q.value < 10 and q.unit and q.unit[-1] not in "%点"
                and not q.text.startswith("百分之") and _strip_tail(self.text[q.end:])):
            head = self.text[self.core_start:q.num_start]
            if head and head[-1] not in "、等" and not _words().creating_end.search(head):
                return False  # "一批", "两项补贴"; but "新建幼儿园两所" ends on its number,
                # and "金星村等四个村" counts the list before it
            # "改造提升四个城市出入口", "一条特色景观环路、两条风情滨河路": a count of things made
        if any(self.text.startswith(p, q.num_start) for p in _words().set_phrases):
            return False
        head = self.text[: q.num_start]
        if head.endswith("有"):
            return False  # "重点调度项目有66个": a fact, not a promise
        if _words().background.match(self.text[self.core_start:]):
            return False  # "目前我省人均地区生产总值…只有全国水平的75.4%": the clause tells the present
        if head.count("“") > head.count("”"):
            return False  # inside a name in quotes: "十项行动"
        if q.comparator != "=" and self.text.startswith("的", q.end):
            return False  # a bar things are counted over: "财政总收入超10亿元的经济强县"
        return not _words().background.search(head[-6:])

    def _shared_comparator(self, items) -> Quantity | None:
        """'100处、建筑面积70万平方米以上': a trailing 以上 covers the whole list."""
        last = [qs[-1] for _, _, qs in items if qs]
        if len(last) > 1 and last[-1].comparator != "=":
            return last[-1]
        return None

    def _distributed(self, items) -> dict[int, str]:
        """'粮食播种面积和产量分别稳定在100万亩、35万吨以上': names in order of the numbers."""
        k = self.text.find("分别")
        qitems = [i for i, (_, _, qs) in enumerate(items) if qs]
        if len(qitems) < 2:
            return {}
        if k < 0:
            k = self._listed_in_order(items, qitems)  # "A、B、C种植面积稳定在23万亩、16万亩、36万亩"
        if k < 0:
            return {}
        # "城乡居民收入分别增长8%和9%"; "失业、工伤和生育保险": short items share the last's tail
        names = grammar.split_list(self.text[self.core_start:k])
        if len(names) != len(qitems):
            return {}
        head = names[0]
        out = {}
        for i, name in zip(qitems, names):
            if len(name) <= 2 < len(head) and not grammar.lookup_indicator(name):
                name = head[: max(len(head) - len(name), 0)][:2] + name
            out[i] = name
        return out

    def _listed_in_order(self, items, qitems) -> int:
        """Where the names end when a list of names is followed by as many bare numbers, in
        order, without 分别 ("酿酒葡萄、黄花菜、瓜菜种植面积稳定在23万亩、16万亩、36万亩"); -1 if not."""
        text = self.text
        first_q = items[qitems[0]][2][0]
        names = text[self.core_start:first_q.start]
        if "、" not in names or qitems != list(range(qitems[0], qitems[0] + len(qitems))):
            return -1
        for i in qitems[1:]:  # every later item is its number alone
            a, b, qs = items[i]
            rest = text[a:qs[0].start] + text[qs[-1].end:b]
            if len(qs) != 1 or re.search(r"[\u4e00-\u9fff]", rest):
                return -1
        end = self.core_start + len(_MEASURE_VERBS.sub("", names))
        return end if len(grammar.split_list(text[self.core_start:end])) == len(qitems) else -1

    # -- quantitative
    def _quantitative(self, a: int, b: int, qs: list[Quantity], shared, name) -> list[Target]:
        if not qs:
            return []
        q = qs[-1]  # earlier numbers qualify a noun ("引进超亿元北京项目10个")
        if not self._quantity_is_target(a, b, q):
            return []
        comparator = q.comparator
        if comparator == "=" and shared is not None and shared is not q:
            comparator = shared.comparator
        if comparator == "=" and _words().floor.match(_strip_tail(self.text[q.end:b])):
            comparator = ">="
        span_end = q.end
        if _strip_tail(self.text[q.end:b]) and q.comparator == "=":
            span_end = len(_strip_tail(self.text[:b]))  # "新建1200座农村无害化卫生户厕"
        if name is not None:  # a distributed list: the whole clause is the span
            a, span_end = self.core_start, len(_strip_tail(self.text))
        before = self.text[a:q.num_start]
        # a distributed list reads its measure before the first number ("分别降低13.5%、18%")
        measure_text = self.text[: self.first_number] if name else before
        out = []
        after = self.text[q.end:b]
        if _LEVEL_ONLY.match(after) and (m := _NEXT_LEVEL_ITEM.match(self.text[b:])):
            after += m["head"]  # "实施40个省级、266个市级重点项目": 省级重点项目
        elif not _strip_tail(after) and _LEVEL_ONLY.match(before) and (
                m := _PREVIOUS_LEVEL_ITEM.search(self.text[:a])):
            before += m["head"]  # "省级以上龙头企业达120家、国家级8家": 国家级龙头企业
        for indicator, rule, at in self._indicators(before, after, q, name):
            out.append(self._target(
                a + at, span_end, "quantitative", indicator, key_at=q.num_start,
                comparator=comparator, value=q.value, unit=q.unit, value_max=q.value_max,
                measure=_measure(measure_text, q, rule), polarity=rule.polarity if rule else 1,
                indicator_key=rule.key if rule else None,
            ))
        return out

    def _indicators(self, before: str, after: str, q: Quantity, name: str | None):
        """(indicator, lexicon rule or None, offset of its span in `before`) for each
        target one number states."""
        if name is not None:
            # the item's own words, which tell 城镇 from 农村 where the rule's name would not
            return [(name, grammar.lookup_indicator(name), 0)]
        shared = _shared_list(before)
        if shared:  # "城镇…收入、农村…收入均增长8%": the number holds for each name
            return [(n, grammar.lookup_indicator(n), at) for n, at in shared]
        found = _distinct_rules(grammar.find_indicators(before))
        if len(found) > 1 and re.search("[和、及与]", before):
            return [(r.name, r, 0) for r in found]  # "生活垃圾分类覆盖率、无害化处理率达100%"
        rule = grammar.lookup_indicator(before) if found else None
        if rule is None:
            rule = grammar.lookup_indicator(after)  # "严守18亿亩耕地红线"
        if rule is None and not _derive_indicator(before, ""):
            rule = grammar.lookup_indicator(self.text[: q.num_start])  # "…，达到326亿元"
        return [(rule.name if rule else _derive_indicator(before, after), rule, 0)]

    def _quantity_is_target(self, a: int, b: int, q: Quantity) -> bool:
        tail = _strip_tail(self.text[q.end:b])
        if tail and grammar.unit_dimension(q.unit) == "age":
            return False  # "3岁以下婴幼儿": an age qualifies the people counted
        w = _words()
        if self.breakdown and q.comparator == "=":
            head = self.text[self.core_start:q.num_start]
            if not (w.growth.search(head) or w.change.search(head) or w.creating.search(head)):
                return False  # "其中，工业类3个、城市建设类28个": parts of a total, no promise
        if q.implied and not (w.creating.match(self.text[self.core_start:]) or q.num_start == self.core_start):
            return False  # "全区80余万干部群众": people counted only where a work counts them
        if q.comparator != "=" and not q.text.startswith(("达", "保持")):
            return True  # 以上 / 以内 / 左右 / 突破 / 超过 / 控制在 ...
        if tail and _words().floor.match(tail):
            return True  # "守住18亿亩耕地红线"
        before = self.text[a:q.num_start]
        w = _words()
        if q.chinese and q.value >= 10 and (tail or not (
                w.growth.search(before) or w.change.search(before) or w.creating.search(before[-4:]))):
            return False  # "实施百家企业专利破零行动", "关乎千家万户": numerals inside words
        if q.chinese and q.value < 10 and not (
                w.creating.match(self.text[self.core_start:]) or q.num_start == self.core_start
                or self.text[q.num_start - 1] in "、等"):
            return False  # "一项", "两所" only in a count of things made or listed
        if not tail:
            return True  # the clause ends on the number: "新建提升口袋公园3个"
        if _words().growth.search(before) or _words().change.search(before) or before.endswith(("达到", "达", "按")):
            return True
        if self.lead in ("vague", "facilitating") and q.num_start > self.core_start:
            return False  # "加快…等3所中小学建设": the number only names the things pushed
        if before.endswith("等"):
            return True  # "海拉尔大街、贝尔大街等7条主干道路进行综合改造": a counted list
        if w.creating_end.search(before) and q.num_start > self.core_start:
            return True  # "投资8000万元实施10公里雨水管网及泵站改造": what the money makes
        if q.num_start == self.core_start:
            return True  # "12家免疫规划门诊智慧化全覆盖"
        if q.num_start == a and _words().creating.match(self.text[self.core_start:]):
            return True  # a later item of "实施5个养殖场、10万亩种薯基地等项目"
        if q.num_start == a and self.first_number == self.core_start:
            return True  # "一条特色景观环路、两条风情滨河路": a list of counted things
        counted = (grammar.unit_dimension(q.unit) or "").startswith("count")
        if (b < len(_strip_tail(self.text)) or a > self.core_start or counted) and _words().stage_after.search(
                _strip_tail(self.text)):
            # "确保中心城区68公里供水、15公里雨水管网二期工程按期竣工": a list sharing a stage;
            # "保护区4家企业全部退出": a count of things (but "700万吨露天矿完成核准" names one)
            return True
        return bool(_words().creating.match(self.text[self.core_start:]))

    # -- relative
    def _relative(self, a: int, b: int) -> list[Target]:
        text = self.text
        w = _words()
        for start, end, relation in grammar.find_relative(text[a:b]):
            start, end = start + a, end + a
            if text[end:end + 1] == "的" or text.startswith(w.name_suffixes, end):
                continue  # "是完成全年目标任务的关键": a noun phrase, not a promise
            subject = text[a:start]
            cut = subject.rfind("、")
            if cut > 0 and subject[:cut].endswith(w.state_ends) and start - a - cut > 2:
                a += cut + 1  # "政府债务减量、养老金按时足额发放": 养老金 is the subject
                subject = text[a:start]
            if not _strip_tail(subject) and w.generic_task.match(text[start:end]):
                continue  # "完成全年目标任务": the whole plan, nothing to check
            found = [f for f in grammar.find_indicators(subject)]
            if relation in w.needs_indicator or (
                relation == "decrease" and text[start:end] in w.soft_decrease
            ):
                measurable = _strip_tail(subject).rstrip("和与及、").endswith(w.measurable)
                if not (found or measurable) or start == a:
                    continue  # "不断提升生态系统质量": an exhortation, not a comparison
            if w.unspecified.search(subject):
                continue  # "促进更多企业专利破零": no one thing is promised
            span_end = len(_strip_tail(text[:b])) if b > end else end
            if not _strip_tail(subject) and self.previous_text and relation in w.predicates:
                return [self._borrowed(relation, span_end, start)]  # "确保X就业，实现动态清零"
            rules_found = _distinct_rules(found)
            if len(rules_found) > 1 and re.search("[和、及与]", subject):
                return [
                    self._target(a, span_end, "relative", r.name, key_at=start, relation=relation,
                                 polarity=r.polarity, indicator_key=r.key)
                    for r in rules_found
                ]
            rule = rules_found[0] if rules_found else None
            indicator = rule.name if rule else (_derive_indicator(subject, "") or text[start:end])
            tasks = w.task_list.match(text[start:end]) if relation == "assigned_task" else None
            if tasks and rule is None:  # "完成职业技能提升和高职扩招三年行动目标": one per task
                return [self._target(a, span_end, "relative",
                                     tasks.group(name) + tasks.group("tail"),
                                     key_at=start, relation=relation) for name in ("first", "rest")]
            if relation == "direction" and rule is None:
                cut = _lever_cut(text[start:end])
                if cut:  # "提高退休人员基本养老金和优抚对象抚恤和生活补助标准": one per lever
                    return [self._target(a, start + cut, "relative", text[start:start + cut],
                                         key_at=start, relation=relation),
                            self._target(a, span_end, "relative", text[start + cut + 1:end],
                                         key_at=start, relation=relation)]
            return [
                self._target(a, span_end, "relative", indicator, key_at=start, relation=relation,
                             polarity=rule.polarity if rule else 1,
                             indicator_key=rule.key if rule else None)
            ]
        return []

    def _borrowed(self, relation: str, span_end: int, key_at: int) -> Target:
        """A relative target whose subject is the clause before it."""
        prev = self.previous_text
        t = self._target(self.core_start, span_end, "relative", _derive_indicator(prev, ""),
                         key_at=key_at, relation=relation)
        t.span = prev + "，" + t.span
        t.offset -= len(prev) + 1
        t.line = self.para.line_at(t.offset)
        return t

    # -- deliverable
    def _deliverable(self, a: int, b: int) -> list[Target]:
        w = _words()
        text = self.text
        body = _strip_tail(text[a:b])
        only = w.stage_only.fullmatch(body) if a == self.core_start and self.previous_text else None
        if only:
            return self._continued(only.group("stage"))  # "加快推进X前期工作，力争年内开工建设"
        if len(body) < 4 or w.unspecified.search(body):
            return []
        # "积极支持古纳河酒业、贝伦公司等企业新三板挂牌": a vague verb of support over named
        # things reaching a stage promises the stage for each; anything else it leads, nothing
        support = w.supporting.match(body) if self.lead == "vague" else None
        if self.lead == "vague" and not support:
            return self._ordinal_event(a, body)  # "认真谋划第十届中俄蒙经贸洽谈暨商品展销会"
        m = w.stage_after.search(body) or w.soon_only.search(body)
        if (m and m.start() >= 2 and (not w.progress.search(body[: m.start()]) or (
                m.group(0) in w.soon_stages and w.soon.search(body[: m.start()])))
                and body[m.start() - 1] not in "的和与及" + w.mode_before):  # "…的管理和运营"
            # "实施七中西校、南开路中学扩建续建": the verb before the names stays in the span only
            head = support or w.object_verbs.match(body)
            k = head.end() if head else 0
            if not support and k and not self._object_ok(body[k: m.start()]):
                k = 0  # "完成项目核准": the verb and its generic object are the thing
            obj = body[k: m.start()]
            if self._object_ok(obj):
                pieces = [] if m.group(0) in w.no_split_after else _named_list(obj)
                if pieces:  # "南开路中学、向阳幼儿园投入使用": one target per named thing
                    return self._each_named(a, a + k, pieces, a + len(body), m.group(0),
                                            a + m.start())
                shared = [] if m.group(0) in w.no_split_after else _shared_head(obj)
                if shared:  # "正阳和呼伦社区文体馆按时投入使用": 正阳社区文体馆, 呼伦社区文体馆
                    out = self._each_named(a, a + k, shared, a + len(body), m.group(0),
                                           a + m.start())
                    (p, q), (p2, q2) = shared
                    first = obj[p:q] + obj[p2 + q - p:q2] + m.group(0)
                    return [dataclasses.replace(out[0], indicator=first), *out[1:]]
                if not support:  # the name without "年内", "要尽快"
                    name = w.trailing_when.sub("", obj) or obj
                    return [self._target(a, a + len(body), "deliverable", name + m.group(0),
                                         key_at=a + m.start(), stage=m.group(0))]
        if support:
            return []
        # a stage verb before its object: at the clause head, or later after a means or
        # a push ("通过国资平台组建…", "推动国有资本与社会资本合作设立新基金")
        for m in w.stage_before.finditer(body):
            if m.start() > 0 and self.lead not in ("facilitating", "means"):
                break
            verb = m.group(0)
            if m.start() > 0 and body[m.start() - 1] in w.compound_before:
                continue  # "改扩建", "重建": part of another word
            if body.startswith(w.name_words, m.start()):
                continue  # "经济技术开发区": part of a name
            raw = _strip_tail(body[m.end():])
            if raw.startswith("了"):
                return []  # "编制了…": done already, a review
            if _TOPIC_MODAL.search(raw):
                continue  # "制定涉企政策要多听市场主体意见": how to do it, not a thing to do
            obj = _strip_object(raw)
            if not obj or raw[0] in "、，" or not self._verb_object_ok(verb, obj, raw):
                continue
            if m.start() > 0 and not (obj.endswith(w.concrete) or _proper_name(verb, obj)):
                continue  # a verb inside the clause needs a concrete thing after it
            if verb in w.weak and self.after_deliverable and not _proper_name(verb, obj):
                return []  # "盘活X旧居，打造…展馆": the second clause says what X is for
            span_a = a if self.lead == "facilitating" else a + m.start()
            whole = verb in w.no_split_after or verb in w.event_before or verb in w.campaign_before
            pieces = _named_list(raw)
            if whole and not (verb in w.event_before and _all_ordinal_events(raw, pieces)):
                pieces = []  # but numbered events are held one by one: "办好第五届A、第六届B"
            if pieces:  # "完成自来水泵站、污水泵站建设": one target per named thing
                return self._each_named(span_a, a + m.end(), pieces, a + len(body), verb, a + m.start())
            return [self._target(span_a, a + len(body), "deliverable", obj,
                                 key_at=a + m.start(), stage=verb)]
        return self._title_or_act(a, b) or (self._ordinal_event(a, body) if not self.lead else [])

    def _ordinal_event(self, a: int, body: str) -> list[Target]:
        """A numbered event is held or not, whatever verb leads it ("认真谋划第十届中俄蒙经贸
        洽谈暨商品展销会", "认真组织第十届村民委员会换届工作"); a bid for it or its
        preparation is not holding it ("申办第十五届全运会")."""
        w = _words()
        m = w.ordinal_event.match(body)
        if not m:
            return []
        at = body.rindex("第", 0, m.end())
        verb, rest = body[:at], _strip_object(body[at:])  # "…换届工作": the 换届
        if any(x in verb for x in w.event_not_held) or not _event_head(rest):
            return []
        return [self._target(a, a + len(body), "deliverable", rest, key_at=a, stage=verb)]

    def _continued(self, stage: str) -> list[Target]:
        """A clause that is only a stage ("力争年内开工建设") promises it for the thing the
        clause before it names; the span holds both."""
        w = _words()
        prev = self.previous_text
        k = w.vague.match(prev).end() if w.vague.match(prev) else 0
        obj = _continued_thing(prev[k:])
        if not self._object_ok(obj) or w.unspecified.search(obj) or _leader(obj)[1]:
            return []
        start = self.offset - 1 - len(prev)
        if obj == prev[k:] and not obj.endswith(w.concrete):  # names no thing under way
            # "加快中俄蒙国际汽车产业园建设，加大招商力度，解决遗留问题，确保盘活运营": the
            # thing is named some clauses back, the clauses between say how
            for at, before in reversed(self.earlier[:-1]):
                thing = _continued_thing(before)
                if thing and thing.endswith(w.concrete) and self._object_ok(thing):
                    prev, k, obj, start = before, 0, thing, at
                    break
        t = self._target(_enumerated(self.text), len(_strip_tail(self.text)), "deliverable",
                         obj + stage, key_at=self.core_start, stage=stage)
        if self.para.text[start:start + len(prev)] != prev:
            return [t]
        end = t.offset + len(t.span)
        out = []  # the span as written, both clauses; one per named thing
        for p, q in _named_list(obj) or [(0, len(obj))]:
            offset = start + (k + p if p else 0)
            out.append(dataclasses.replace(
                t, offset=offset, span=self.para.text[offset:end], line=self.para.line_at(offset),
                indicator=_strip_object(obj[p:q]) + stage if p else t.indicator))
        return out

    def _title_or_act(self, a: int, b: int) -> list[Target]:
        """A title sought ("区医院要晋升为二级甲等医院", "通过…国家验收") or a policy act
        ("将…纳入清单管理", "对小规模纳税人阶段性免征增值税"): the verb may stand mid-clause."""
        w = _words()
        if self.lead in ("vague", "facilitating") or a != self.core_start:
            return []
        head = _enumerated(self.text)
        end = len(_strip_tail(self.text[:b]))
        for m in w.title_verbs.finditer(self.text, head, end):
            obj = _strip_object(self.text[m.end():end])
            if len(obj) >= 4 and obj.endswith(w.title_heads) and not _vague_start(obj):
                return [self._target(head, end, "deliverable", obj, key_at=m.start(), stage=m.group(0))]
        for pattern in w.acts + (w.topic_acts if self.topic >= 0 else ()):
            m = pattern.match(self.text, head, end)
            if m and not w.unspecified.search(self.text[head:end]):
                obj = _strip_object(self.text[m.end("verb"):end]) or _strip_object(self.text[head:m.start("verb")])
                if pattern in w.topic_acts:  # "小微企业" of "对小微企业…的部分，…再减半征收所得税"
                    topic = self.para.text[self.topic:self.offset]
                    lead = w.topic_start.match(topic)
                    topic = topic[lead.end() if lead else 0:]
                    obj = re.split(r"[和、的，\d]|年应", topic)[0] + obj
                return [self._target(head, end, "deliverable", obj, key_at=m.start("verb"),
                                     stage=m.group("verb"))]
        return []

    def _each_named(self, span_a: int, at: int, pieces, end: int, stage: str, key_at: int) -> list[Target]:
        """One deliverable per named thing of a list sharing one stage word.

        Each span runs from its name to the end of the list, so that it holds the stage
        word it shares ("南开路中学、向阳幼儿园投入使用", "向阳幼儿园投入使用"); the first
        keeps the clause's verb ("完成自来水泵站、污水泵站建设"). Each is judged alone.
        """
        out = []
        for i, (p, q) in enumerate(pieces):
            a = span_a if i == 0 else at + p
            b = end
            name = _strip_object(self.text[at + p:at + q])
            out.append(self._target(a, b, "deliverable", name + stage if key_at >= at + q else name,
                                    key_at=max(key_at, a) if i else key_at, stage=stage))
        return out

    def _object_ok(self, obj: str) -> bool:
        w = _words()
        bare = _strip_object(obj)
        start, _ = _leader(bare)
        bare = bare[start:]  # "力争2018年投入使用": a date is no object
        if bare.endswith(w.abstract) and not bare.endswith(w.concrete):
            return False  # "城市管理全覆盖"
        if len(bare) < 3 or bare.startswith(w.generic) and len(bare) <= 6:
            return False
        if any(bare == g for g in w.generic) or _vague_start(bare):
            return False
        return True

    def _verb_object_ok(self, verb: str, obj: str, raw: str) -> bool:
        w = _words()
        if obj.startswith(w.generic) and len(obj) <= 6 or re.split("[、和及]", obj)[0] in w.generic:
            return False  # "开通新线路、增加公交站点": the first thing named is no thing
        if verb in w.aim_before and ("的" in raw or obj.startswith(w.aim_qualities)
                                     or w.aim_quality_words.search(raw)):
            return False  # "打造联通俄蒙、对接东北的区域物流中心", "打造特色街区": an aim
        if _SLOGAN.fullmatch(_strip_tail(raw)) or _SLOGAN.fullmatch(obj):
            return False  # a slogan in quotes: 打造“两个中心”
        if verb in w.event_before:
            return _event_head(obj)  # "办好杨柳青灯展", not "做好乡村产业发展"
        if verb in w.campaign_before:
            return obj.endswith(w.campaign_heads)
        if verb in w.reform_before and obj.endswith(w.reform_heads) and not _vague_start(obj) \
                and not any(x in raw for x in w.reform_not):
            head = next(h for h in w.reform_heads if obj.endswith(h))
            return docfreq.weight(obj[: -len(head)]) >= w.reform_min_weight  # "实施各项改革": none
        if verb in w.reform_before and verb not in w.strong | w.weak:
            return False  # "实施市区道路畅通工程": 实施 carries out reforms only
        if obj.endswith(w.concrete):
            return True
        if _names_each(verb, raw):
            return True  # "新建滨河东路南延、阳兴大道、迎宾桥": a list of things with names
        if _vague_start(obj) or obj.endswith(w.abstract):
            return False
        if _proper_name(verb, obj):
            return True  # "开工建设文兴北路", "拓宽改造茨齐路": a thing with a name of its own
        if verb not in w.strong and raw.endswith(w.abstract):
            return False  # "建立…工作机制"; but "完成…布展工作" is a completion
        return verb in w.strong and len(obj) >= 3

    # -- record
    def _target(self, a: int, b: int, kind: str, indicator: str, *, key_at: int, **fields) -> Target:
        span = self.text[a:b].strip()
        if span.count("“") > span.count("”") and self.text[b:b + 1] == "”":
            span += "”"  # keep the closing quote of "双下降”"
        lead = len(self.text[a:b]) - len(self.text[a:b].lstrip())
        offset = self.offset + a + lead
        line = self.para.line_at(offset)
        key_line = self.para.line_at(self.offset + key_at)
        if key_line != line and self.para.line_at(self.offset + b - 1) == key_line:
            line = key_line  # a span broken across lines: cite the line holding its number/stage
        return Target(
            line=line, span=span, kind=kind, indicator=indicator.strip("，、 "),
            comparator=fields.pop("comparator", None), value=fields.pop("value", None),
            unit=fields.pop("unit", None), horizon=self.horizon,
            target_year=max(_due_year(self.text[:b], self.year), self.lead_year),
            quote=self.quote, offset=offset, **fields,
        )


# --- small helpers -----------------------------------------------------------------------


# A counted thing named by its level only, the head after the next item's level:
# "40个省级、266个市级重点项目".
_LEVEL_WORD = "(?:国家|省|市|州|区|县)级"
_LEVEL_ONLY = re.compile(rf"^{_LEVEL_WORD}$")
_NEXT_LEVEL_ITEM = re.compile(
    rf"^[、和及与][\d.]+[万千]?[个所家座项条处]?{_LEVEL_WORD}(?P<head>[^，,；;。、\d]{{2,12}})")
# ... or named before its number by its level only, the head of the item before:
# "省级以上龙头企业达120家、国家级8家".
_PREVIOUS_LEVEL_ITEM = re.compile(
    rf"{_LEVEL_WORD}(?:以上)?(?P<head>[^，,；;。、\d]{{2,12}}?)(?:达到|达|超过|突破|为)?"
    r"[\d.]+[万千]?[个所家座项条处]?[、和及与]$")


@cache
def _due_re() -> re.Pattern[str]:
    return re.compile(rules.target_words()["due"]["year"])


@cache
def _due_lead_re() -> re.Pattern[str]:
    return re.compile(rules.target_words()["due"]["lead"])


def _due_year(span: str, year: int) -> int:
    """The year the target falls due: its part's year, unless its own words name a later one."""
    named = [int(m.group(1)) for m in _due_re().finditer(span)]
    return max([year, *named])


@cache
def _proper_name_rule() -> tuple[frozenset[str], int, tuple[str, ...], frozenset[str]]:
    rule = rules.target_words()["object"]["proper_name"]
    return (frozenset(rule["verbs"]), int(rule["max_length"]), tuple(rule["not_in"]),
            frozenset(rule["joint_chars"]))


def _proper_name(verb: str, obj: str) -> bool:
    """The object names one particular thing: it holds a pair of characters few real
    reports use (docfreq.rare_pairs: "茨齐路", "东戴河客运总站") or a place name with
    something after it ("绥中疏港公路"); common words alone ("营商环境", "宜居城市") name
    a kind of thing (rules: targets.toml [object.proper_name])."""
    verbs, max_length, not_in, joints = _proper_name_rule()
    if verb not in verbs or len(obj) > max_length or any(w in obj for w in not_in):
        return False
    if not "\u4e00" <= obj[-1:] <= "\u9fff":
        return False
    if any(not (set(p) & joints) for p in docfreq.rare_pairs(obj)):
        return True
    return any(len(obj) - p.end >= 2 for p in divisions.find_places(obj))


def _names_each(verb: str, obj: str) -> bool:
    """A list of things (_named_list) after a verb of building or founding, most of whose
    pieces, two at least, end on a concrete head or have a name of their own
    ("新建滨河东路南延、阳兴大道、迎宾桥")."""
    verbs = _proper_name_rule()[0]
    pieces = _named_list(obj) if verb in verbs else []  # an aim (打造…等特色承接载体) stays an aim
    heads = _words().concrete
    named = sum((name := re.split("等", obj[p:q])[0]).endswith(heads) or _proper_name(verb, name)
                for p, q in pieces)
    return named >= 2 and 2 * named >= len(pieces)


def _leader(text: str) -> tuple[int, str]:
    """Where the clause's own words start, and what kind of verb led it.

    lead is "" (none or neutral words only), "facilitating" (推动/推进/加快…), "means"
    (通过/联合/依托…) or "vague" (深化/加强/完善…).
    """
    w = _words()
    i, lead = 0, ""
    for pattern in w.enumerators:
        m = pattern.match(text)
        if m:
            i = m.end()
            break
    while True:
        m = w.leaders.match(text, i)
        if not m or w.kept_verbs and w.kept_verbs.match(text, i):
            break  # "全面实现": a stage verb made of leader words stays whole
        if text[m.end():m.end() + 1] in _NOUN_AFTER_LEADER:
            break  # "服务业增加值": a leader word that starts a noun (服务业) leads nothing
        i = m.end()
        kind = m.lastgroup
        if kind != "neutral" and not lead:
            lead = kind
    while i < len(text) and text[i].isspace():
        i += 1
    if not lead and w.vague.match(text[i:]) and not w.creating.match(text[i:]):
        lead = "vague"
    return i, lead


_OPEN, _CLOSE = "“《（(「", "”》）)」"
_NOUN_AFTER_LEADER = frozenset("业")  # 服务业: the leader word is part of a noun


_BRACKETED = re.compile(r"[（(][^（()）]*(?:[）)]|$)")


def concrete_heads() -> tuple[str, ...]:
    """Heads that name a concrete thing (targets.toml): 大桥, 学校, 医院 …"""
    return _words().concrete


def reform_heads() -> tuple[str, ...]:
    """Heads of a reform or a system carried out (targets.toml): 改革, 制度."""
    return _words().reform_heads


def trailing_when() -> re.Pattern[str]:
    """Time and soon words at the end of a thing's name ("…年内", "…早日"), as one pattern."""
    return _words().trailing_when


def _event_head(name: str) -> bool:
    """The name ends on an event's head ("…展销会", "…雕塑展"), not on a word that only ends
    like one ("…产业发展")."""
    w = _words()
    return name.endswith(w.event_heads) and not name.endswith(w.event_not_heads)


@cache
def _event_name_re() -> re.Pattern[str]:
    return re.compile(rf"第[一二三四五六七八九十百\d]+届(?P<name>[^，；。、]*?)(?:{_alt(_words().event_heads)})")


def event_names(text: str) -> list[str]:
    """The own words of each numbered event a text names, between its edition and its head:
    "中非经贸" of "第四届中非经贸博览会"."""
    return [m["name"] for m in _event_name_re().finditer(text) if m["name"]]


def _all_ordinal_events(obj: str, pieces: list[tuple[int, int]]) -> bool:
    """Every piece of a list is a numbered event ("第五届东北亚博览会、第六届汽车博览会等展会")."""
    return len(pieces) > 1 and all(_words().ordinal_event.match(obj[p:q]) for p, q in pieces)


def _named_list(obj: str) -> list[tuple[int, int]]:
    """Pieces of a list of named things ("华融二期、天润商厦等项目"), as offsets in `obj`.

    Cut at a 、 outside quotes and brackets, and at 和/及 after a concrete head
    ("海拉尔客运总站和…调度中心"); empty when `obj` is no such list: a piece too short to
    name anything ("道路、桥梁"), a generic or vague piece, a list qualifying one noun
    ("三角地、西大街等街道的人行步道板").
    """
    w = _words()
    if "、" not in obj and not any(c in obj for c in w.name_joiners):
        return []
    cuts, depth = [], 0
    for i, ch in enumerate(obj):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0 and ch == "等":
            break  # "A、B等道路及配套管线工程": 等 closes the list
        elif depth == 0 and ch == "、":
            cuts.append(i)
        elif depth == 0 and ch in w.name_joiners and _strip_tail(obj[:i]).endswith(w.concrete):
            cuts.append(i)
    if not cuts:
        return []
    pieces, a = [], 0
    for c in cuts + [len(obj)]:
        pieces.append((a, c))
        a = c + 1
    last = obj[pieces[-1][0]:]
    k = last.find("等")
    if k >= 0 and "的" in last[k:] and not last.endswith(w.works):
        return []  # "等街道的人行步道板": the names say where, the thing is after 的
    if k >= 0 and w.open_list:
        return []
    if w.sites.search(obj):
        return []  # "11-D、15号地块、新开路地块等开工建设": places, not things
    if re.search(r"“[^”]*[一二两三四五六七八九十][^”]*(?:”|$)", obj[pieces[-1][0]:]):
        return []  # "资源库、项目库、人才库和工具箱“三库一箱”平台": parts of one thing
    if w.counted.search(obj[pieces[-1][0]:]):
        return []  # "纪念园、遗址公园两个核心旅游景区二期建设": a counted whole, one target
    for p, q in pieces:
        name = _strip_object(obj[p:q])
        if k >= 0 and (p, q) == pieces[-1]:
            name = name[: name.find("等")] if "等" in name else name
        if len(name) < w.name_min or name.startswith(w.generic) or _vague_start(name):
            return []
        if len(_BRACKETED.sub("", name)) < w.name_min:
            return []  # "市（州）、县（市、区）政府机构改革": levels of one thing, not names
        verb = w.stage_before.match(name)
        if verb and name[verb.end():verb.end() + 1] != "的" or (
                name.endswith(w.abstract) and not name.endswith(w.concrete)):
            return []  # a list of tasks or aims, not of things
        if w.leaders.match(name) or w.not_name.search(name) or (p, q) != pieces[-1] and name.endswith(w.modifier_ends):
            return []  # "规模化、集约化…养殖小区", "…谋划、高标准启动": qualities or manners
    return pieces


def _continued_thing(clause: str) -> str:
    """The thing a clause pushes along ("X的前期工作" → X), for a stage-only clause after it."""
    obj = clause
    changed = True
    while changed:
        changed = False
        for t in _words().continued_trailing:
            if obj.endswith(t) and len(obj) > len(t) + 2:
                obj, changed = obj[: -len(t)], True
    return obj


def _shared_head(obj: str) -> list[tuple[int, int]]:
    """Two things sharing one head ("正阳和呼伦社区文体馆"): the short qualifier before 和
    and the whole name after it, as offsets in `obj`; empty when `obj` is no such pair (a
    counted whole, "哈萨尔和东升路两个市民广场", stays one)."""
    w = _words()
    m = w.shared_head.fullmatch(obj, 0, len(w.trailing_when.sub("", obj)))  # "…文体馆按时"
    if not m or not m.group("name").endswith(w.concrete) or w.counted.search(obj):
        return []
    qualifier = m.group("qualifier")
    if qualifier.startswith(w.generic) or _vague_start(qualifier) or w.stage_before.match(qualifier):
        return []
    return [m.span("qualifier"), m.span("name")]


def _lever_cut(phrase: str) -> int:
    """Where "提高A和B" splits into two levers: at a 和 after one of the levers' heads."""
    for m in re.finditer("[和、]", phrase):
        if phrase[: m.start()].endswith(_words().lever_heads) and m.start() < len(phrase) - 3:
            return m.start()
    return 0


def _enumerated(text: str) -> int:
    """Where a clause starts after its enumerator ("一是", "（三）") and spaces."""
    i = 0
    for pattern in _words().enumerators:
        m = pattern.match(text)
        if m:
            i = m.end()
            break
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _vague_start(s: str) -> bool:
    return bool(_words().vague.match(s)) or bool(_words().facilitating.match(s))


def _strip_object(obj: str) -> str:
    obj = _strip_tail(obj)
    changed = True
    while changed:
        changed = False
        for t in _words().trailing:
            if obj.endswith(t) and len(obj) > len(t) + 1:
                obj, changed = _strip_tail(obj[: -len(t)]), True
    return obj.strip("“”\"")


def _shared_list(before: str) -> list[tuple[str, int]]:
    """Names of a list sharing one number through 均/都/分别 ("城镇常住居民人均可支配收入、
    农村常住居民人均可支配收入均增长8%"), each with its offset in `before`; empty when
    `before` is no such list. The qualifier is the one right before the measure verb, so
    the 均 of 人均 is never taken for it."""
    head = _MEASURE_VERBS.sub("", before)
    m = _words().shared_each.search(head)
    if not m:
        return []
    names = head[: m.start()]
    lead = _enumerated(names)
    out, at = [], lead
    for piece in re.split("([、和])", names[lead:]):
        if piece in ("、", "和"):
            at += 1
            continue
        name = piece.strip("，：的 ")
        if len(name) < 2:
            return []
        out.append((name, at + piece.find(name)))
        at += len(piece)
    if len(out) < 2:
        return []
    last = out[-1][0]
    # "城镇和农村居民人均可支配收入": a short qualifier shares the last name's head
    return [(n if len(n) > 3 or grammar.lookup_indicator(n) else n + last[len(n):], k)
            for n, k in out]


def _distinct_rules(found) -> list[rules.IndicatorRule]:
    out: list[rules.IndicatorRule] = []
    for _, _, r in found:
        if r not in out:
            out.append(r)
    return out


_MEASURE_VERBS = re.compile(
    r"(?:同比|比上年|比去年)?(?:增长|增速|增幅|达到|达|突破|超过|保持在|保持|稳定在|控制在|"
    r"不低于|不少于|提高到|提高|提升至|提升|增加|到位|实现|完成|下降到|下降至|降到|降至|降低到|降低至|下降|降低)?$"
)


def _derive_indicator(before: str, after: str) -> str:
    name = _MEASURE_VERBS.sub("", before).strip("，、：的 ")
    verb = _words().creating.match(name)
    if not name or verb and verb.end() == len(name) and _strip_tail(after):
        name = _strip_tail(after)[:16]  # "新建3个…", "使用1000亿元失业保险基金…": what is made
    return name


def _measure(before: str, q: Quantity, rule) -> str:
    w = _words()
    if q.unit == "个百分点" or w.change.search(before):
        return "change"
    if w.cumulative.search(before):
        return "cumulative"
    if q.unit and q.unit.endswith("%"):
        if w.growth.search(before):
            return "growth"
        if any(r in before for r in w.rate_words) or (rule and rule.measure == "rate"):
            return "rate"
        return rule.measure if rule else "rate"
    return "level"
