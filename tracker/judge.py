"""Verdicts: a target checked against the review of its year (policy: docs/verdicts.md).

`judge(target, followup, outcomes)` finds the outcome that speaks of the target and
applies the verdict policy; `judge_all` does it for a list. Numbers of the policy
(左右 tolerance, synchronous-growth slack, matching thresholds) are read from
`rules/verdict_policy.toml`. Pure functions, no I/O beyond the rule files.

The policy core works on normalised numbers: `compare(...)` takes the target and
outcome values in one base unit and returns met/missed with the reason code, so it
can be tested without any text.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from tracker import docfreq, grammar
from tracker.extract import concrete_heads, event_names, reform_heads, trailing_when
from tracker.model import Outcome, Report, Target, Verdict
from tracker.outcomes import indicator_key, indicator_words, stage_of, to_base, words

RATE_UNITS = ("%", "个百分点")
# A number with its unit inside a project name ("5万平方米公安小区", "80吨污泥").
UNIT_NUMBER = r"[\d.]+[万亿千]*(平方米|公里|千米|米|吨|亩|户|座|所|条|家|套|栋|个|台|张|万|千瓦)?"
# Units of money and rates: a shared two-character word is no match for these.
MONEY_AND_RATES = ("%", "个百分点", "亿元", "万元", "元", "万亿元")


@lru_cache(maxsize=None)
def policy() -> dict:
    """The configurable numbers (rules/verdict_policy.toml)."""
    text = resources.files("tracker.rules").joinpath("verdict_policy.toml").read_text("utf-8")
    return tomllib.loads(text)


def _matching(key: str) -> float:
    return float(policy()["matching"][key])


# ---------------------------------------------------------------- the policy core


@dataclass(frozen=True)
class Decision:
    verdict: str  # met | missed | unclear
    reason_code: str
    rule: str


def tolerance(target_value: float, unit: str | None) -> float:
    """How far "左右" may fall short: points for % rates, a share of the value otherwise."""
    about = policy()["about"]
    if unit in RATE_UNITS:
        return float(about["rate_points"])
    return abs(target_value) * float(about["relative_share"])


def compare(
    t: float,
    o: float,
    *,
    comparator: str | None,
    polarity: int = 1,
    unit: str | None = None,
    t_max: float | None = None,
    outcome_comparator: str | None = None,
) -> Decision:
    """Met or missed for one number against another, both in the same base unit.

    A bare number is a floor when more is better and a ceiling when less is better;
    "左右" allows the configured tolerance on the bad side only; a range is read at
    its lower end (upper end when less is better).
    """
    if t_max is not None:
        bound = t_max if polarity < 0 else t
        return _bounded(bound, o, polarity, outcome_comparator, "range",
                        "a range is met at its lower end (upper end when less is better)")
    if comparator == "~":
        tol = tolerance(t, unit)
        bound = t + tol if polarity < 0 else t - tol
        code = "ceiling" if polarity < 0 else "about"
        return _bounded(bound, o, polarity, outcome_comparator, code,
                        f"'左右' is met unless the outcome is worse than the target by more than {tol:g}")
    if comparator == "<=" or (comparator in (None, "=") and polarity < 0):
        return _bounded(t, o, -1, outcome_comparator, "ceiling",
                        "a ceiling is met when the outcome does not exceed it")
    return _bounded(t, o, 1, outcome_comparator, "at_least",
                    "a floor (以上 or a bare number) is met when the outcome reaches it")


def _bounded(bound: float, o: float, direction: int, outcome_cmp: str | None,
             code: str, rule: str) -> Decision:
    ok = o >= bound - 1e-9 if direction > 0 else o <= bound + 1e-9
    # "超过126万亿元" or "近3000人" only bounds the outcome from one side.
    vague = (outcome_cmp == ">=" and direction > 0 and not ok) or (
        outcome_cmp == "<=" and direction < 0 and not ok) or (
        outcome_cmp == "<=" and direction > 0 and ok and o <= bound + 1e-9 and o >= bound - 1e-9)
    if vague:
        return Decision("unclear", "ambiguous", "the outcome is only bounded on one side: " + rule)
    return Decision("met" if ok else "missed", code, rule)


def synchronous(income_growth: float, gdp_growth: float) -> Decision:
    """ "与经济增长同步": income growth at least GDP growth minus the slack."""
    slack = float(policy()["synchronous"]["slack_points"])
    ok = income_growth >= gdp_growth - slack - 1e-9
    return Decision("met" if ok else "missed", "synchronous",
                    f"income growth must be at least GDP growth minus {slack:g} points")


# ---------------------------------------------------------------- matching


def bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)}


@lru_cache(maxsize=1 << 16)
def _bg(s: str) -> frozenset[str]:
    """bigrams(s), cached: judging compares every target with every outcome."""
    return frozenset(s[i:i + 2] for i in range(len(s) - 1))


_CLEAN_PUNCT = re.compile(r"\d+(\.\d+)?|[%％，,。；;、：:“”\"（）()\s　—]")
_CLEAN_TAIL = re.compile(r"(增速|增幅|增长率|涨幅)$")


@lru_cache(maxsize=None)
def _clean_rules() -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """(alias, canonical) pairs in the order clean() applies them, and filler words."""
    aliases = tuple((alt, canon) for canon, alts in words()["aliases"].items()
                    for alt in sorted(alts, key=len, reverse=True))
    filler = tuple(w for w in sorted(words()["filler"]["words"], key=len, reverse=True) if len(w) > 1)
    return aliases, filler


@lru_cache(maxsize=1 << 16)
def clean(s: str) -> str:
    """Indicator words without filler, numbers and punctuation; aliases rewritten."""
    s = _CLEAN_PUNCT.sub("", s)
    aliases, filler = _clean_rules()
    for alt, canon in aliases:
        if alt in s:
            s = s.replace(alt, canon)
    for w in filler:
        if w in s:
            s = s.replace(w, "")
    return _CLEAN_TAIL.sub("", s)


def _has(text: str, entry: str) -> bool:
    return any(alt in text for alt in entry.split("|"))


def conflict(a: str, b: str, kind: str = "conflict") -> bool:
    """True when a and b name different things of one look-alike group (`kind`: the list
    of groups in outcome_words.toml, "conflict" or "measure_conflict")."""
    for in_a, in_b in zip(_groups_in(a, kind), _groups_in(b, kind)):
        if in_a and in_b and not (in_a & in_b):
            return True
    return False


@lru_cache(maxsize=1 << 16)
def _groups_in(text: str, kind: str = "conflict") -> tuple[frozenset[str], ...]:
    """For each look-alike group, the entries found in text (as _present finds them)."""
    return tuple(frozenset(_present(text, group["words"])) for group in words()[kind])


def _present(text: str, entries: list[str]) -> set[str]:
    """Entries of a group found in text; a longer entry hides one it contains."""
    found = {e for e in entries if _has(text, e)}
    return {e for e in found if not any(e != x and any(alt in x for alt in e.split("|")) for x in found)}


def similarity(target_words: str, outcome_words: str) -> float:
    """0..1 likeness of two indicator names (after removing filler words).

    Bigram overlap (share of the target's bigrams, damped by a Dice score), raised
    when one name holds the other whole (再就业 in 失业人员再就业) or in order
    (节能减排任务 in 节能减排各项任务).
    """
    t, o = clean(target_words), clean(outcome_words)
    if len(t) < 2 or len(o) < 2:
        return 0.0
    a, b = _bg(t), _bg(o)
    common = len(a & b)
    score = 0.0
    if common >= 2 or (t == o):
        score = min(common / len(a), 0.5 + 2 * common / (len(a) + len(b)))
    short, long_ = sorted((t, o), key=len)
    if len(short) >= 3 and short in long_:
        # 再就业 for 失业人员再就业: the outcome covers the target. 西山保护区 for 保护区: the
        # outcome may be one part of it, a match too loose to call a miss on.
        covers = short == o or len(short) >= 0.6 * len(long_)
        score = max(score, 0.9 if covers else 0.7)
    elif len(short) >= 3 and len(short) >= 0.6 * len(long_) and _subsequence(short, long_):
        score = max(score, 0.8)
    return score


def dice(a: str, b: str) -> float:
    """Symmetric bigram likeness of two cleaned texts (both must be mostly the same words)."""
    x, y = _bg(clean(a)), _bg(clean(b))
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _subsequence(short: str, long_: str) -> bool:
    it = iter(long_)
    return all(ch in it for ch in short)


def indicator_match(target: Target, o: Outcome) -> float:
    """0..1: how surely outcome `o` speaks of the target's indicator.

    Lexicon keys must agree when both are known (a key is coarse: 城镇 and 农村
    income share one, so the names are still compared); look-alike names never match.
    """
    return _match(_TargetNames.of(target), o)


@dataclass(frozen=True)
class _TargetNames:
    """A target's names as indicator_match compares them, worked out once per target."""

    words: str  # target_words()
    own: str  # the words that decide look-alikes
    span_words: str
    key: str | None
    names: tuple[str, ...]  # names compared by similarity (non-empty)
    unit: str | None
    counted: str = ""  # the thing counted (counted_noun), compared with an outcome's
    context: str = ""  # the target's sentence before the span (_context)
    sentence: str = ""  # the target's sentence up to the end of its span
    quoted: tuple[str, ...] = ()  # the programmes named in quotes there (_programmes)
    span: str = ""

    @staticmethod
    def of(target: Target) -> "_TargetNames":
        t_words = target_words(target)
        span_words = _span_words(target)
        if span_words in words()["bare_verbs"] and counted_noun(target.span):
            span_words = ""  # "创建15个省教育强镇": the verb names nothing, the thing counted does
        # The target's own words decide look-alikes: the lexicon may file 登记失业率 under 调查失业率.
        own = span_words if clean(span_words) else t_words
        listed = ("分别" in span_words or "、" in span_words) and clean(target.indicator or "") \
            and target.indicator != span_words and _list_member(target.indicator, span_words)
        if listed:
            # "城镇…和农民人均纯收入分别增长10%和11%", "酿酒葡萄、黄花菜…稳定在23万亩、16万亩":
            # one name of a list, judged by its own name only
            own, span_words = target.indicator, target.indicator
        names = tuple(t for t in (t_words, span_words, _after_number(target.span)) if t)
        # "实施40个省级、266个市级重点项目": 省级 is 省级重点项目
        counted = target.indicator if _borrowed_head(target) else counted_noun(target.span)
        return _TargetNames(t_words, own, span_words, target.indicator_key or indicator_key(t_words), names,
                            target.unit, counted, _context(target),
                            sentence := _sentence_before(target.quote, target.span) + target.span,
                            _programmes(sentence), target.span)

    def chars(self) -> set[str]:
        """Characters of the cleaned names: an outcome sharing none cannot match by name."""
        out: set[str] = set()
        for n in self.names + (self.counted,):
            out.update(clean(n))
        return out


def _match(tn: _TargetNames, o: Outcome) -> float:
    if conflict(tn.own, o.indicator):
        return 0.0
    t_key = tn.key
    if t_key and o.indicator_key and t_key != o.indicator_key:
        return 0.0
    subjects = _bare_money_subjects(tn, o)
    if subjects is not None:
        # "完成投资265亿元" → "完成投资240亿元": money with no name of its own is about the
        # projects its sentence counts first; the same projects, or nothing
        same = subjects == ("", "") or similarity(*subjects) >= _matching("min_overlap")
        return _matching("missed_min_score") if same else 0.0
    if _bare_money_re().match(tn.span_words) and _bare_money_re().match(o.indicator):
        return 0.0  # "投入4177万元" (for a welfare home) ← "投入56.84亿元…城乡建设项目": the verb is all they share
    # Even where the lexicon keys agree: the key of "单位生产总值二氧化碳排放" reads as GDP's.
    if _other_subject_of_measure(tn, o):
        return 0.0  # "产量61万吨" (of 粮食, by its sentence) is not "原煤产量达7409万吨"
    counted = tn.counted if tn.unit not in MONEY_AND_RATES else ""  # not "百分点"
    if not any(_same_thing(words, o) for words in (tn.own, counted) if words):
        return 0.0
    score = max(similarity(t, x) for t in tn.names for x in (o.indicator, _after_number(o.span)) if x)
    o_counted = counted_noun(o.span) if tn.counted else ""
    if any(_other_share(x, o) for x in (tn.words, tn.own)):
        return 0.0  # "数字经济核心产业增加值占GDP比重" is not "重点产业增加值占GDP比重"
    if _other_quoted(tn, o):
        return 0.0  # "“十百千”示范工程…示范乡镇10个" is not counted by "“百千万”工程示范乡镇1个"
    if o_counted and _other_head(tn.counted, o_counted):
        return 0.0  # "打造3个电商平台" is not counted by "打造…8个网红打卡地"
    if o_counted and _other_kind_of_head(tn.counted, o_counted) and not _LISTED.search(o.indicator + tn.own):
        # "国家级龙头企业" is not counted by "国家级专精特新“小巨人”企业"; but a list's last item
        # is not all it counts ("认定国家高新技术企业、省级以上科技型中小企业58户")
        return 0.0
    t_phrase = counted_phrase(tn.span)
    if _LEVEL.fullmatch(t_phrase) and tn.counted.startswith(t_phrase):
        t_phrase = tn.counted  # the head borrowed from the next item ("40个省级、266个市级重点项目")
    if o_counted and _projects_for_things(t_phrase, counted_phrase(o.span)):
        return 0.0  # "创建现代农业产业园8个" is not counted by "实施现代农业建设项目66个"
    if o_counted:
        # The things counted, compared with each other only: "燃煤小锅炉" and "燃煤锅炉".
        score = max(score, similarity(tn.counted, o_counted), _counted_likeness(tn.counted, o_counted))
    if t_key and t_key == o.indicator_key:
        score = max(score, 0.7)
    if score < _matching("missed_min_score") and _qualified_in_context(tn, o):
        # "地产蔬菜种植面积达到2万亩，产量达到15万吨" → "全年蔬菜产量达到9.7万吨": the bare 产量
        # is the vegetables' of its sentence.
        score = _matching("missed_min_score")
    if score < 0.6 and o.unit and o.unit == tn.unit and o.unit not in MONEY_AND_RATES:
        # 大棚 in "新建大棚300个" and "建成蔬菜大棚300个": a short shared noun with one unit.
        # Enough to find the figure, too little to call it missed (see missed_min_score).
        for t in (tn.words, tn.span_words):
            t_clean, o_clean = clean(t), clean(o.indicator)
            if min(len(o_clean), len(t_clean)) >= 2 and (o_clean in t_clean or t_clean in o_clean):
                score = 0.6
    return score


_SHARE = re.compile(r"^(?P<part>[^占]*)占(?P<whole>[^占]*?)的?(?:比重|比例)(?:达到|达|为|提高到|提升到|超过)?$")
_GDP = re.compile(r"GDP|地区生产总值|生产总值")


def _other_subject_of_measure(tn: _TargetNames, o: Outcome) -> bool:
    """A target named by a bare measure (words.bare_measures) and a figure whose name adds a
    subject its sentence does not hold."""
    mine = clean(tn.own)
    if mine not in words()["bare_measures"]["words"]:
        return False
    theirs = clean(o.indicator)
    if not theirs.endswith(mine) or theirs == mine:
        return False
    extra = theirs[: -len(mine)]
    # "粮食总产量" for "…粮食种植面积…、产量…": the subject's words are in the sentence
    return len(extra) >= 2 and not bigrams(extra) & bigrams(tn.sentence)


def _other_share(t_words: str, o: Outcome) -> bool:
    """Two shares ("A占B比重") of different parts or of different wholes: the figure's part
    (or its clause's subject before: "…增加值355.2亿元，占GDP比重20.1%") must hold the target
    part's telling words, the wholes (全市, 全国, GDP) be alike."""
    a, b = _SHARE.match(t_words.strip()), _SHARE.match(o.indicator.strip())
    if not a or not b:
        return False
    wa, wb = _GDP.sub("GDP", a["whole"]), _GDP.sub("GDP", b["whole"])
    if wa and wb and dice(wa, wb) < 0.5 and wa not in wb and wb not in wa:
        return True
    pa, pb = clean(a["part"]), clean(b["part"])
    if not pb:
        before = re.split(r"[，,；;。]", _quote_before(o).rstrip("，,"))[-1]
        pb = clean(re.split(r"\d", before, maxsplit=1)[0])
    return bool(pa and pb) and docfreq.distinctive_share(pa, pb) < _matching("share_part_min")


_COUNTED_QUOTE = re.compile(r"\d[\d.]*[万亿千]*[个条座家所套栋台项辆件处间户]“[^”]{2,12}”")


def _programmes(sentence: str) -> tuple[str, ...]:
    """Names in quotes in a sentence, but not things counted in it ("新增5个“万元示范村”")."""
    return tuple(_QUOTED.findall(_COUNTED_QUOTE.sub("", sentence)))


def _other_quoted(tn: "_TargetNames", o: Outcome) -> bool:
    """The figure's name quotes a programme ("乡村振兴“百千万”工程示范乡镇") the target's
    sentence does not, and that sentence quotes another ("“十百千”示范工程…示范乡镇10个")."""
    theirs = _before_figure(o)
    # the figure's own name, or the list it closes ("“百千万”工程示范乡镇1个、精品村15个")
    o_names = _QUOTED.findall(o.indicator) or _QUOTED.findall(re.split(r"[，,]", theirs)[-1])
    # names in quotes are matched whole: "“百千万”" is not "“十百千”"
    return bool(o_names and tn.quoted) and not any(n in tn.sentence for n in o_names) \
        and not any(n in theirs for n in tn.quoted)


def _projects_for_things(a: str, b: str) -> bool:
    """One side counts projects (…项目), the other things of a kind (parks, firms): a count
    of projects says nothing of how many parks or firms there are."""
    a, b = _without_work(_COUNT_TAIL.sub("", a)), _without_work(_COUNT_TAIL.sub("", b))
    if len(a) < 2 or len(b) < 2:
        return False
    return a.endswith(_PROJECT_WORDS) != b.endswith(_PROJECT_WORDS)


_PROJECT_WORDS = ("项目",)


@lru_cache(maxsize=1)
def _work_tails() -> tuple[str, ...]:
    """Work words and level verbs that may follow a counted thing, longest first."""
    tails = [x for x in _work_words() if x not in _PROJECT_WORDS] + words()["level_verbs"] + ["力争", "确保"]
    return tuple(sorted(set(tails), key=len, reverse=True))


def _without_work(phrase: str) -> str:
    """The phrase without the work or the level verb named after its thing ("亿元以上项目
    开复工" → 亿元以上项目, "亿元以上重大项目力争达到" → 亿元以上重大项目)."""
    tails = _work_tails()
    for _ in range(3):
        w = next((x for x in tails if phrase.endswith(x)), "")
        if not w:
            break
        phrase = phrase[: -len(w)]
    return phrase.rstrip("的")


def _other_head(a: str, b: str) -> bool:
    """Two things counted, each named by telling words, that share no pair of characters:
    电商平台 and 网红打卡地. Names read loosely from a span (现代牧场建设, 现代化牧场) share some."""
    if min(docfreq.weight(a), docfreq.weight(b)) < _matching("other_count_min_weight"):
        return False
    return not _bg(clean(a)) & _bg(clean(b))


def _other_kind_of_head(a: str, b: str) -> bool:
    """Two things counted with one head whose words before it, levels aside, share no pair
    of characters and each tell a kind: 龙头企业 and 专精特新“小巨人”企业, 示范基地 and 产业基地."""
    a, b = (_LEVEL_AND_MARKS.sub("", clean(x)) for x in (a, b))
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    if n < 2:
        return False
    qa, qb = a[:-n], b[:-n]
    if any(x in q for q in (qa, qb) for x in _making_words() + tuple(words()["counted"]["verbs"])):
        return False  # "梯次培育科技型中小企业": a verb read with the name tells no kind
    if min(docfreq.weight(qa), docfreq.weight(qb)) < _matching("other_count_min_weight"):
        return False  # "燃煤锅炉" and "燃煤小锅炉", "公路" and "农村公路": one names no kind
    return not _bg(qa) & _bg(qb)


_LISTED = re.compile("[、和及与]")


def _counted_likeness(a: str, b: str) -> float:
    """Two counted things as alike as the rarer of their words say, both ways: 安置保障住房
    and 保障性住房 share their telling words; 公厕 and 旅游厕所, 卫生院 and 卫生室 do not."""
    if conflict(a, b) or min(docfreq.weight(a), docfreq.weight(b)) < _matching("counted_min_weight"):
        return 0.0  # a bare 道路 or 学校 says too little to be told apart by its words
    return min(docfreq.distinctive_share(a, b), docfreq.distinctive_share(b, a))


def _same_thing(target_words: str, o: Outcome) -> bool:
    """The outcome holds enough of the target's telling words (rare in real reports) to be
    about the same thing: "生产总值增长6%" is not about "单位生产总值二氧化碳排放下降3.9%".
    Tried on the target's own words and on the thing it counts ("完成呼伦大街、望城路等9条
    主次干道": 主次干道)."""
    share = _matching("min_distinctive_share")
    if share <= 0 or docfreq.weight(target_words) < _matching("min_distinctive_weight"):
        return True
    return docfreq.distinctive_share(target_words, f"{o.indicator} {o.span}") >= share


def _list_member(name: str, span_words: str) -> bool:
    """The name is one of the names listed in the span's words (by its first two characters)."""
    return any(clean(p)[:2] == clean(name)[:2] for p in re.split(r"[、和与及]", span_words) if clean(p))


_MONEY_OF_PROJECTS = re.compile(r"(?:投资|投入)额?$")  # "全年重点项目完成投资"
_COUNTER_LEAD = re.compile(r"^[个项座条家所批]")
_PROJECTS = re.compile(r"([^，。；、：\d]{2,14}?(?:项目|工程))(?:[（(][^）)]*[）)])?")


@lru_cache(maxsize=1)
def _bare_money_re() -> re.Pattern[str]:
    return re.compile(words()["bare_money"])


def _bare_money_subjects(tn: _TargetNames, o: Outcome) -> tuple[str, str] | None:
    """For a sum of money named only by its verb on both sides ("完成投资"), the projects
    each sentence names before it ("亿元以上重点项目", "亿元以上项目开复工"); ("", "") when
    both name only the year's key projects (words.key_projects); None when either side has
    a name of its own."""
    bare = _bare_money_re()
    if not bare.match(tn.span_words) or o.unit is None or "元" not in o.unit:
        return None
    if bare.match(o.indicator):
        o_text = _quote_before(o)
    elif _MONEY_OF_PROJECTS.search(o.indicator):
        o_text = o.indicator  # "全年重点项目完成投资337.13亿元"
    else:
        return None
    t_subject, o_subject = _PROJECTS.findall(tn.context), _PROJECTS.findall(o_text)
    if not t_subject or not o_subject:
        return None
    t_name, o_name = _COUNTER_LEAD.sub("", t_subject[-1]), _COUNTER_LEAD.sub("", o_subject[-1])
    key = tuple(words()["key_projects"])
    if t_name.endswith(key) and o_name.endswith(key) and not clean(t_name) and not clean(o_name):
        return "", ""  # the year's key projects on both sides: the same projects
    if not clean(t_name) or not clean(o_name):
        return None  # "重点项目" alone on one side: generic words say nothing of which projects
    return t_name, o_name


def _qualified_in_context(tn: _TargetNames, o: Outcome) -> bool:
    """The outcome's name is the target's bare name with a qualifier ("蔬菜" + 产量) that the
    target's own sentence gives before it."""
    t, x = clean(tn.words), clean(o.indicator)
    if len(t) < 2 or t not in x or not tn.context:
        return False
    extra = x.replace(t, "", 1)
    return len(extra) >= 2 and extra in tn.context


def target_words(target: Target) -> str:
    """The target's indicator words; for a bare "达到309亿元" the indicator named
    earlier in its sentence ("地区生产总值增长7.5%，达到309亿元")."""
    own = target.indicator or _span_words(target)
    if clean(own):
        return own
    q = target.quote
    i = q.find(target.span)
    if i <= 0:
        return own or target.span
    head = re.split(r"[。；;：:]", q[:i])[-1]
    head = re.split(r"\d", head, maxsplit=1)[0]
    return indicator_words(head) or own or target.span


def _after_number(span: str) -> str:
    """The noun after a counted number: "集中改造的11条背街巷道" → 背街巷道."""
    m = re.search(r"\d[\d.]*[万亿千]*[^\d\u4e00-\u9fff]?[个条座家所套栋台项辆件处间户]", span)
    return span[m.end():] if m else ""


_COUNT_TAIL = re.compile(r"(左右|以上|以内|之内|多|余)+$")


@lru_cache(maxsize=1 << 16)
def counted_noun(span: str) -> str:
    """The thing counted, without the work done on it or its description: "完成城区内178座
    10蒸吨及以下的各类燃煤小锅炉淘汰和清洁能源替代工作" → 燃煤小锅炉; "完成178座燃煤锅炉拆改"
    → 燃煤锅炉; "实施36个老旧小区的既有建筑节能改造" → 既有建筑节能 (what is worked on);
    "改造建华路、根河路等背街巷道10条" → 背街巷道 (named before its count)."""
    rest = counted_phrase(span)
    cut = re.search("|".join(map(re.escape, _work_words())), rest)
    rest = rest[:cut.start()] if cut else rest
    rest = rest.split("的")[-1]
    for w in words()["counted"]["drop"]:
        rest = rest.replace(w, "")
    return rest if len(rest) >= 2 else ""


@lru_cache(maxsize=1 << 16)
def counted_phrase(span: str) -> str:
    """The words of the thing counted with the work done on it ("乡村振兴项目" of "启动乡村振兴
    项目1314个"), as counted_noun reads them before it cuts the work away."""
    span = _COUNT_TAIL.sub("", span)  # "淘汰分散燃煤锅炉600台左右": 左右 is no thing
    rest = _after_number(span)
    if not rest:
        # "改造建华路、根河路等背街巷道10条": the thing is named before its count.
        m = re.search(r"[\d.]+[万亿千]*[个条座家所套栋台项辆件处间户]$", span)
        if not m:
            return ""
        rest = re.split("[的等、，,：:]", span[:m.start()])[-1]
        lead = re.match("|".join(map(re.escape, _work_words())), rest)
        rest = rest[lead.end():] if lead else rest
    return rest


@lru_cache(maxsize=None)
def _work_words() -> tuple[str, ...]:
    """Words of the work done on a counted thing (count acts, stage words, 工作 …), longest first."""
    w = words()
    found = [x for g in w["count_acts"]["groups"] for x in g.split("|")]
    found += [x for x, _ in _all_stage_words()] + w["counted"]["work"]
    return tuple(sorted(set(found), key=len, reverse=True))


def _span_words(target: Target) -> str:
    """Target span without its number and the words after it."""
    qs = re.search(r"\d", target.span)
    return target.span[:qs.start()] if qs else target.span


# ---------------------------------------------------------------- verdicts


def judge_all(targets: list[Target], followup: Report | None,
              outcomes: list[Outcome]) -> list[Verdict]:
    prepared = prepare(followup, outcomes) if followup is not None else None
    return [judge(t, followup, outcomes, prepared=prepared) for t in targets]


class Prepared:
    """What judging needs from one follow-up report's outcomes, worked out once.

    Indexes the outcomes so that each target is compared in full only with the
    outcomes that could match it: figures whose cleaned names share a character
    with the target's names (or its lexicon key), projects whose words share a
    character pair with the target's. The outcomes left out would score zero, so
    verdicts are the same as comparing with every outcome.
    """

    def __init__(self, followup: Report | None, outcomes: list[Outcome]):
        self.followup = followup
        self.outcomes = outcomes
        self._ids = tuple(map(id, outcomes))
        self.place = _place_names(followup) if followup is not None else ()
        self.numbers = [o for o in outcomes if o.value is not None]
        self._num_chars: dict[str, list[int]] = {}
        self._num_keys: dict[str, list[int]] = {}
        for i, o in enumerate(self.numbers):
            for c in set(clean(o.indicator)) | set(clean(_after_number(o.span))) | set(clean(counted_noun(o.span))):
                self._num_chars.setdefault(c, []).append(i)
            if o.indicator_key:
                self._num_keys.setdefault(o.indicator_key, []).append(i)
        bare = _bare_money_re()
        self._bare_money = [i for i, o in enumerate(self.numbers)
                            if bare.match(o.indicator) or _MONEY_OF_PROJECTS.search(o.indicator)]
        self._span_bg: dict[str, list[int]] = {}
        self._act_bg: dict[str, list[int]] = {}
        for i, o in enumerate(outcomes):
            if not o.stage:
                continue
            for b in _bg(o.span):
                self._span_bg.setdefault(b, []).append(i)
            for b in _bg(clean(_act_words(o.span))):
                self._act_bg.setdefault(b, []).append(i)

    def fits(self, followup: Report | None, outcomes: list[Outcome]) -> bool:
        """Prepared from these very objects, and the list unchanged since."""
        return (followup is self.followup and outcomes is self.outcomes
                and len(outcomes) == len(self._ids) and tuple(map(id, outcomes)) == self._ids)

    def figures_for(self, tn: "_TargetNames") -> list[Outcome]:
        """Figures that may match by name, in report order."""
        found: set[int] = set()
        for c in tn.chars():
            found.update(self._num_chars.get(c, ()))
        if tn.key:
            found.update(self._num_keys.get(tn.key, ()))
        if _bare_money_re().match(tn.span_words):
            found.update(self._bare_money)  # named by their sentences (_bare_money_subjects)
        return [self.numbers[i] for i in sorted(found)]

    def stages_for(self, span: str, act_words: str) -> list[Outcome]:
        """Outcomes with a stage that share a character pair with the target, in report order."""
        found: set[int] = set()
        for b in _bg(span):
            found.update(self._span_bg.get(b, ()))
        for b in _bg(clean(act_words)):
            found.update(self._act_bg.get(b, ()))
        return [self.outcomes[i] for i in sorted(found)]


_PREPARED: dict[int, Prepared] = {}
_PREPARED_MAX = 8


def prepare(followup: Report | None, outcomes: list[Outcome]) -> Prepared:
    """The prepared outcomes of one follow-up report, for judge(..., prepared=...).

    judge() prepares (and remembers, for the last few outcome lists) by itself; call
    this to hold the preparation explicitly when judging many targets against one report.
    """
    found = _PREPARED.get(id(outcomes))
    if found is not None and found.fits(followup, outcomes):
        return found
    prep = Prepared(followup, outcomes)
    if len(_PREPARED) >= _PREPARED_MAX:
        _PREPARED.pop(next(iter(_PREPARED)))
    _PREPARED[id(outcomes)] = prep  # holds the list, so its id cannot be reused meanwhile
    return prep


def judge(target: Target, followup: Report | None, outcomes: list[Outcome],
          prepared: Prepared | None = None) -> Verdict:
    """The verdict for one target, with its evidence.

    `prepared` (from prepare(followup, outcomes)) is optional: without it, the
    preparation of the same outcome list is found again or made once.
    """
    if followup is None:
        return Verdict("pending", "no_followup", "no report reviewing the target year yet",
                       f"The report reviewing {target.target_year} is not ingested yet.")
    reviewed = followup.review_year or followup.plan_year - 1
    if reviewed < target.target_year:
        # a five-year goal, or a target of the year's plan due later ("力争到2020年，…")
        return Verdict("pending", "no_followup", "goals due later wait for the review of their year",
                       f"This is a goal for {target.target_year}; the report reviewing "
                       f"{target.target_year} is not ingested yet.")
    if target.relation == "above_average" or _external(target):
        return Verdict("unclear", "external_data", "a comparison with data outside the reports",
                       "The target compares with an average or another jurisdiction that the "
                       "reports do not give.")
    if prepared is None or not prepared.fits(followup, outcomes):
        prepared = prepare(followup, outcomes)
    if target.kind == "quantitative" and target.value is not None and _has_numeral(target.span):
        v = _judge_number(target, outcomes, prepared)
        promise = promise_of(target) if v.reason_code == "not_reported" else None
        if promise is not None and (promise.kind in ("stage", "task", "title") or _founded_fund(target, promise)) \
                and not any(w in (target.indicator or "") for w in words()["bare_measures"]["words"]):
            # (but "完成规模工业产值700亿元" is a figure of output, not a task to be done)
            # "23万平方米的建材城完工": the number is the size of a project whose stage was
            # promised; with no figure for it, the project's stage may still be reported.
            d = _judge_deliverable(target, outcomes, prepared.place, prepared)
            if d.reason_code != "not_reported" and not (_a_count(target) and (
                    _running_total(d.outcome) or d.verdict == "missed" or _counts_of_its_own(target, d.outcome))):
                if _founded_fund(target, promise):
                    if not _fund_founding_said(d.outcome):
                        return v  # a fund founded is said so ("纳入…乡村振兴…工程" is not the fund)
                    d = replace(d, reason=f"{d.reason} The sum promised ({target.value:g}{target.unit}) is not "
                                          "restated.")
                return d  # a count is never shown short by a stage word ("推进…试点建设")
        return v
    if target.kind == "quantitative" and target.value is not None:
        # "万家惠农贸批发市场投入运营": a name read as 1万家; judge it as the project it is.
        return _judge_deliverable(target, outcomes, prepared.place, prepared)
    if target.kind == "deliverable":
        return _judge_deliverable(target, outcomes, prepared.place, prepared)
    return _judge_relative(target, outcomes)


def _net_for_gross(target: Target, o: Outcome, verdict: str) -> str:
    """What makes the figure the wrong side of net vs new for this verdict, or "": a net
    increase short of new ones promised, or new ones reaching a net increase promised."""
    w = words()["net_increase"]
    t_net, o_net = any(x in target.span for x in w["net"]), any(x in o.span for x in w["net"])
    if verdict == "missed" and o_net and not t_net:
        return "a net increase"
    if verdict == "met" and t_net and not o_net and any(x in o.span for x in w["gross"]):
        return "a number of new ones"
    return ""


def _founded_fund(target: Target, promise: Promise) -> bool:
    """ "设立10亿元技术改造专项奖励资金": the money is the size of a fund to found; its founding
    may be reported without the sum (a grant of money, "发放贷款10亿元", is the sum itself)."""
    w = words()["founded_fund"]
    return promise.kind == "act" and promise.words[0] in w["acts"] and bool(target.unit) \
        and target.unit.endswith("元") and target.span.rstrip().endswith(tuple(w["heads"]))


def _fund_founding_said(o: Outcome | None) -> bool:
    """The outcome says a fund was founded: a founding act and a fund named."""
    w, said = words()["founded_fund"], o.span if o else ""
    return any(x in said for x in w["acts"]) and any(x in said for x in w["heads"])


_COUNTERS = frozenset("个所条座家户套栋台项辆件处间批")


def _a_count(target: Target) -> bool:
    """The number counts things ("建成芙蓉学校37所"), not the size of one project."""
    return bool(target.unit) and target.unit[-1] in _COUNTERS


def _counts_of_its_own(target: Target, o: Outcome | None) -> bool:
    """The stage reported gives a count in the target's unit ("67座…病险水库…除险加固…竣工投用"):
    that count, not the stage, would be the evidence, and it was not the year's."""
    return o is not None and bool(re.search(rf"\d[\d.]*[万千]?{re.escape(target.unit or '')}", o.span))


def _running_total(o: Outcome | None) -> bool:
    """A stage reported with a running total ("累计建成芙蓉学校70所"): no count of the year."""
    return o is not None and any(w in o.span for w in words()["cumulative"])


def _place_names(report: Report) -> tuple[str, ...]:
    """The jurisdiction's name and its short form: 海拉尔区 → 海拉尔 (too common to match on)."""
    j = report.jurisdiction or ""
    short = re.sub(r"(区|市|县|旗|盟|省|自治区)$", "", j)
    # 怒江傈僳族自治州 → 怒江, 黔南布依族苗族自治州 → 黔南
    ethnic = re.match(r"^(.{2,4}?)(?:[\u4e00-\u9fff]{1,3}族)+自治(?:州|县|旗)$", j)
    names = {j, short, ethnic.group(1) if ethnic else ""}
    return tuple(sorted((x for x in names if len(x) >= 2), key=lambda x: (-len(x), x)))


def _has_numeral(span: str) -> bool:
    return bool(re.search(r"[\d零〇一二两三四五六七八九十百千]", span))


def _external(target: Target) -> bool:
    return any(w in target.span for w in policy()["external"]["words"])


def _not_reported(target: Target, what: str = "") -> Verdict:
    return Verdict("unclear", "not_reported", "nothing checkable found in the follow-up report",
                   f"The follow-up report says nothing checkable about “{target.span}”{what}.")


# -- numbers


def target_measure(target: Target) -> str:
    """The measure of a target, from extraction or from its words."""
    if target.measure != "none":
        return target.measure
    if target.unit == "个百分点":
        return "change"
    words_before = _words_before_value(target)
    if target.unit in ("%", "％"):
        if re.search(r"(增长|增速|增幅|涨幅|上涨|下降|降低|提高|减少)$", words_before.rstrip("均分别约")):
            return "growth"
        return "rate"
    if re.search(r"累计", target.span):
        return "cumulative"
    if re.search(r"(增加|提高|减少)$", words_before.rstrip("均分别约再")):
        return "change"
    return "level"


_LIST_BEFORE = re.compile(r"(\d[\d.]*[^\d，,。；;、和及与]{0,4}[、和及与])+$")


def _words_before_value(target: Target) -> str:
    """Span text right before the target's own number ("…，同比增长" before 21%)."""
    if target.value is not None:
        num = f"{target.value:g}"
        for m in re.finditer(re.escape(num), target.span):
            tail = target.span[m.end():m.end() + 1]
            if not tail.isdigit() and tail != ".":
                # "分别再提高30元和5元": the words before 5元 are those before the list.
                return _LIST_BEFORE.sub("", target.span[:m.start()])
    return _span_words(target)


def polarity_of(target: Target) -> int:
    if target.polarity < 0:
        return -1
    if any(w in (target.indicator + target.span) for w in policy()["polarity"]["less_is_better"]):
        return -1
    return 1


def _decrease_target(target: Target) -> bool:
    return bool(re.search(r"(下降|降低|减少)", _span_words(target)))


def _judge_number(target: Target, outcomes: list[Outcome], prep: Prepared | None = None) -> Verdict:
    measure = target_measure(target)
    if prep is not None:
        scored = _candidates(target, prep.numbers, prep)
    else:
        scored = _candidates(target, [o for o in outcomes if o.value is not None])
    if not scored:
        return _not_reported(target)
    t_norm, t_unit = to_base(target.value, target.unit)
    same = [(s, o) for s, o in scored if _same_measure(measure, o, target) and
            _same_unit(target, t_unit, o) and not _other_stage(target, o) and not _stock_for_increment(target, o)
            and not _increment_for_stock(target, o)]
    if not same:
        best = scored[0][1]
        given, promised = _measure_name(best), _measure_word(measure)
        if _increment_for_stock(target, best):
            given, promised = "the year's increase", "total"
        elif _stock_for_increment(target, best):
            given, promised = "a total", "increase"
        return Verdict("unclear", "different_measure",
                       "only a different measure is reported (growth vs level, annual vs total, other unit)",
                       f"The follow-up report gives “{best.span}” ({given}), "
                       f"not the {promised} promised in “{target.span}”.",
                       outcome=best, provisional=best.provisional)
    whole_year = [(sc, o) for sc, o in same if not o.period]
    if not whole_year:
        # "前三季度，…规上工业增加值增长4.5%" in a report delivered in December: the year's
        # figure is not in it, and part of a year neither reaches nor misses a year's target.
        best = same[0][1]
        return Verdict("unclear", "different_measure", "only a figure for part of the year is reported",
                       f"The follow-up report gives “{best.span}” for {best.period} only, not for the "
                       f"whole year promised in “{target.span}”.", outcome=best, provisional=best.provisional)
    same = whole_year
    top = same[0][0]
    tied = [o for sc, o in same if sc >= top - 1e-9]
    # Several figures fit equally ("城乡居民收入" → 城镇 and 农村 figures): decide only
    # when every one of them gives the same verdict; show the least favourable.
    decided = [(_decide(target, measure, t_norm, o), o) for o in tied]
    if len({d.verdict for d, _ in decided}) > 1:
        decided = _same_theme(target, decided)
    verdicts = {d.verdict for d, _ in decided}
    if len(verdicts) > 1:
        s0 = tied[0]
        return Verdict("unclear", "ambiguous", "several outcomes fit equally and disagree",
                       f"Several figures in the follow-up report could be “{target.span}”, "
                       "and they do not agree.", outcome=s0, provisional=s0.provisional)
    # One verdict from every fitting figure: the evidence is the most specific figure (same
    # scope words, same theme as the target's sentence); among equals, the least favourable.
    d, best = min(decided, key=lambda p: (tuple(-x for x in _specificity(target, p[1])),
                                          _outcome_norm(target, measure, p[1]) * polarity_of(target)))
    o_norm = _outcome_norm(target, measure, best)
    if _aggregate(target, best):
        return Verdict("unclear", "ambiguous", "the figure covers several items together",
                       f"“{best.span}” counts several things together; “{target.span}” is one of them.",
                       outcome=best, provisional=best.provisional)
    if d.verdict == "missed" and (parts := _joined_things_not_named(target, best)):
        # "开工建设、货币化安置公租房和棚户区改造住房41万套" → "实施棚户区改造39.6万套": a
        # part short of the whole says nothing of the whole.
        return Verdict("unclear", "ambiguous", "the figure counts only part of what was promised",
                       f"“{best.span}” does not count {'、'.join(parts)} of “{target.span}”.",
                       outcome=best, provisional=best.provisional)
    if (d.verdict == "missed" or not _additive(target, measure)) and (word := _narrower_than_promised(target, best)):
        # A part short says nothing of the whole; nor does a part's rate or growth met
        # ("草原植被盖度达到60%" for "植被盖度达到60%"). A part's count met is the whole's met.
        return Verdict("unclear", "ambiguous", "the figure is about only part of what was promised",
                       f"“{best.span}” is about the {word} ones only; “{target.span}” is about them all.",
                       outcome=best, provisional=best.provisional)
    if (side := _net_for_gross(target, best, d.verdict)):
        return Verdict("unclear", "different_measure", "a net increase and a number of new ones differ",
                       f"“{best.span}” is {side}; “{target.span}” is not.", outcome=best, provisional=best.provisional)
    if d.verdict == "missed" and (head := _borrowed_head(target)) and head not in best.span:
        # "创建3个国家级、30个省级产业融合发展示范园区" → "新增国家级现代农业产业园2个": the
        # thing counted was named after the next item; a figure not naming it shows no shortfall
        return Verdict("unclear", "ambiguous", "the closest figure may be about something else",
                       f"“{best.span}” does not name the {head} of “{target.span}”.",
                       outcome=best, provisional=best.provisional)
    if d.verdict == "missed" and (level := _level_unnamed(target, best)):
        # "创建74条市级、89条区级美丽乡村" → "74条美丽乡村": a figure naming no level shows no
        # shortfall of one level
        return Verdict("unclear", "ambiguous", "the figure names no level, the target one",
                       f"“{best.span}” does not say it counts the {level} ones of “{target.span}”.",
                       outcome=best, provisional=best.provisional)
    if d.verdict == "missed" and top < float(policy()["matching"]["missed_min_score"]):
        # A wrong "missed" is the worst error: a loose name match is not enough for it.
        return Verdict("unclear", "ambiguous", "the closest figure may be about something else",
                       f"“{best.span}” may not be the figure of “{target.span}”.",
                       outcome=best, provisional=best.provisional)
    if _sized_project(target) and not _done_stage(best.span):
        # "80万吨乙烯及其配套工程建设": 80万吨 names the plant; "80万吨乙烯" again says nothing
        # of how far it got.
        return Verdict("unclear", "ambiguous", "the target's number is the size of a project",
                       f"“{target.span}” names a project by its size; “{best.span}” does not say it was "
                       "finished.", outcome=best, provisional=best.provisional)
    if d.verdict == "missed" and _project_size(target) and not _done_stage(best.span):
        # "确保中心城区68公里供水、15公里雨水管网二期工程按期竣工": 68公里 is the size of a
        # project to finish; "实施了中心城区26公里供水" is the year's work on it.
        return Verdict("unclear", "ambiguous", "the target's number is the size of a project to finish",
                       f"“{target.span}” gives the size of a project whose completion was promised; "
                       f"“{best.span}” does not say it was finished or stopped short.",
                       outcome=best, provisional=best.provisional)
    # a later item of a list naming no work of its own shares the first's ("引进…项目50个以上、
    # 超亿元项目400个以上")
    t_acts = _acts(_span_words(target) + _after_number(target.span))
    shared_work = _clause_before(target.quote, target.span)
    if not t_acts and shared_work.endswith("、"):
        t_acts = _acts(shared_work)
    o_acts = _acts(best.span)
    if t_acts and o_acts and (not t_acts & o_acts or d.verdict == "missed" and not t_acts <= o_acts):
        # and a miss needs every kind of work promised: "启动51个老旧小区改造" is not shown
        # short by "改造老旧小区13个" (those finished, not those started)
        # "新建5条主干道路" → "3条主干道路完工": roads finished are not all the roads built.
        return Verdict("unclear", "ambiguous", "the figure counts another kind of work than the one promised",
                       f"“{best.span}” counts other work than “{target.span}”.",
                       outcome=best, provisional=best.provisional)
    if d.verdict == "missed" and _pushed_only(target) and _done_stage(best.span):
        # "加快推进58个医疗卫生重点项目" → "建成投用…16个重点医疗卫生项目": work on them all was
        # promised, not their completion; the rest may be under way.
        return Verdict("unclear", "ambiguous", "the figure counts those finished; work on them was promised",
                       f"“{best.span}” counts those finished; “{target.span}” promised work on them, "
                       "not that all would be finished.", outcome=best, provisional=best.provisional)
    if _prospective(best):
        # "29个贫困县即将摘帽": about to happen is not done (nor failed).
        return Verdict("unclear", "ambiguous", "the review says it is still to come",
                       f"“{best.span}” says it is still to come, not that it was done.",
                       outcome=best, provisional=best.provisional)
    if d.verdict == "met" and _counts_all_kinds(target, best):
        # "完成9.2公里的城区供水主管网改造" → "全年完成管网改造38.6公里": every network together.
        return Verdict("unclear", "ambiguous", "the figure counts every kind together",
                       f"“{best.span}” counts every kind together; “{target.span}” is one kind.",
                       outcome=best, provisional=best.provisional)
    if d.verdict == "met" and t_acts and (_joined_acts(best.span) - t_acts):
        # "建成20座公厕" → "改造新建公厕28座": renovated and new together.
        return Verdict("unclear", "ambiguous", "the figure counts several kinds of work together",
                       f"“{best.span}” counts several kinds of work together; “{target.span}” is one of them.",
                       outcome=best, provisional=best.provisional)
    return Verdict(d.verdict, d.reason_code, d.rule, _number_reason(target, best, d),
                   outcome=best, provisional=best.provisional,
                   target_norm=t_norm, outcome_norm=o_norm, norm_unit=t_unit)


_TASK_WORDS = ("完成", "全面完成", "全部完成")


def _prospective(o: Outcome) -> bool:
    return any(w in o.span for w in words()["prospective"])


def _project_size(target: Target) -> bool:
    """The span is one item of a list closed by a completion stage ("…工程按期竣工")."""
    closing = _list_closing(target)
    st = stage_of(closing) if closing else None
    return bool(st and st[1] >= 4 and st[0] not in _TASK_WORDS and not stage_of(target.span))


_SIZED_PROJECT = re.compile(r"\d[\d.]*[万亿千百]*(?:吨|千瓦|瓦|立方米|标箱)[^，。；、\d]{2,20}?(?:工程|项目)(?:建设)?$")


def _sized_project(target: Target) -> bool:
    """A project named by its capacity: "80万吨乙烯及其配套工程建设", "100万千瓦火电项目"."""
    return bool(_SIZED_PROJECT.search(target.span))


def _done_stage(text: str) -> bool:
    st = stage_of(text)
    return bool(st and st[1] >= 3)


def _acts(text: str) -> frozenset[str]:
    """Kinds of work a count is about (新建, 改造, 完工 …: groups of rules/outcome_words.toml)."""
    return frozenset(e for e in words()["count_acts"]["groups"] if any(x in text for x in e.split("|")))


def _counts_all_kinds(target: Target, o: Outcome) -> bool:
    """The target names one kind of a look-alike group marked counts_all_when_unnamed
    (供水 of the pipe networks) and the figure names none of them."""
    mine = target.span + target.indicator
    for group, t_in, o_in in zip(words()["conflict"], _groups_in(mine), _groups_in(o.indicator + o.span)):
        if group.get("counts_all_when_unnamed") and t_in and not o_in:
            return True
    return False


def _joined_acts(text: str) -> frozenset[str]:
    """Kinds of work named side by side ("改造新建", "新建及改造"): a count of them together."""
    found: set[str] = set()
    groups = words()["count_acts"]["groups"]
    for a in groups:
        for b in groups:
            if a != b and re.search(f"({a})[及和与、]?({b})", text):
                found.update((a, b))
    return frozenset(found)


def _same_theme(target: Target, decided: list[tuple[Decision, Outcome]]) -> list[tuple[Decision, Outcome]]:
    """Among equally named figures ("产量": 蔬菜 or 鲜奶?), keep the one whose name shares
    most with the words of the target's sentence; all of them when that does not decide."""
    context = _context(target)
    scored = [(len(bigrams(clean(o.indicator)) & bigrams(context)), d, o) for d, o in decided]
    top = max(s for s, _, _ in scored)
    best = [(d, o) for s, d, o in scored if s == top]
    return best if top > 0 and len(best) < len(decided) else decided


def _specificity(target: Target, o: Outcome) -> tuple[int, int]:
    """How specifically an outcome speaks of the target, to pick evidence among figures
    that fit equally well ("全年新增就业5700人以上": the district's "全年实现新增就业5650人" in
    the employment sentence, not a project's "…新增营业面积10万平方米，新增就业3000人").

    (scope, theme): scope words the two share before their numbers (全年, 全区 …), less
    one when the outcome names a part (其中); theme: character pairs the outcome's
    sentence shares with the target's.
    """
    w = words()["specific"]
    t_scope = _scope(_clause_before(target.quote, target.span) + _span_words(target), w["scope"])
    o_head = _head(o.span)
    o_scope = _scope(o_head, w["scope"])
    narrower = any(x in _sentence_before(o.quote, o.span) + o_head for x in w["narrower"])
    theme = len(_bg(o.quote or o.span) & _bg(target.quote or target.span))
    return (len(t_scope & o_scope) - int(narrower), theme)


def _scope(text: str, scope: list[str]) -> set[str]:
    return {x for x in scope if x in text}


def _head(span: str) -> str:
    """Words before the first number."""
    m = re.search(r"\d", span)
    return span[:m.start()] if m else span


def _clause_before(quote: str, span: str) -> str:
    """The target's clause up to its span ("…，全年新增就业" before "5700人")."""
    i = quote.find(span) if quote else -1
    if i <= 0:
        return ""
    return re.split(r"[，,。；;：:]", quote[:i])[-1]


def _sentence_before(quote: str, span: str) -> str:
    i = quote.find(span) if quote else -1
    if i <= 0:
        return ""
    return re.split(r"[。；;]", quote[:i])[-1]


def _context(target: Target) -> str:
    """The target's sentence up to the span (its theme: "建成蔬菜大棚…产量达到15万吨")."""
    q = target.quote
    i = q.find(target.span)
    return q[max(0, i - 60):i] if i > 0 else ""


def _pushed_only(target: Target) -> bool:
    """A count of things to work on ("加快推进58个…重点项目"): the stage of its verb, in the
    span or just before it, is progress (rank 2), not completion."""
    if not _a_count(target):
        return False
    st = stage_of(_clause_before(target.quote, target.span) + _span_words(target))
    return bool(st and st[1] == 2)


def _other_stage(target: Target, o: Outcome) -> bool:
    """ "启动8家企业迁建" vs "5家企业完成迁建": a count of starts is not a count of completions."""
    t, x = stage_of(target.span), stage_of(o.span)
    if t is None or x is None:
        return False
    return (t[1] <= 1 and x[1] >= 3) or (t[1] >= 4 and x[1] <= 2)


def _aggregate(target: Target, o: Outcome) -> bool:
    """ "实施公路、村屯、矿区绿化3920亩": one figure for a list, the target names one item;
    "新增智能工厂和数字化车间120个": one count of two things, the target counts one; or
    "新建中小学校（幼儿园）263所": one figure for several things of a look-alike group."""
    mine = target_words(target) + _span_words(target)
    for group, t_in, o_in in zip(words()["conflict"], _groups_in(mine), _groups_in(o.indicator)):
        if group.get("together") and len(t_in) == 1 and len(o_in) >= 2 and t_in <= o_in:
            return True
    if "分别" in target.span and re.search("[和、]", o.indicator) and "分别" not in o.span:
        return True  # "焚烧、生化处理比例分别提高到20%和30%" ← "焚烧和生化处理比重…提高到50%": one for two
    joined = counted_noun(o.span)
    parts = [clean(x) for x in re.split(r"[和及与]", joined)] if joined and "、" not in joined else []
    if len(parts) == 2 and all(len(x) >= 2 for x in parts) and not re.search("[和及与]", mine) \
            and sum(x in mine for x in parts) == 1:
        return True  # "新增智能工厂和数字化车间120个" counts both; "培育智能工厂20个" one
    if "、" not in o.indicator:
        return False
    items = [clean(x) for x in o.indicator.split("、")[:-1]]
    return "、" not in mine and any(len(x) >= 2 and x in mine for x in items)


def _outcome_norm(target: Target, measure: str, o: Outcome) -> float:
    o_norm, _ = to_base(o.value, o.unit)
    if measure == "growth" and _decrease_target(target):
        o_norm = -o_norm  # "降低3%": the size of the fall is what was promised
    return o_norm


def _decide(target: Target, measure: str, t_norm: float, o: Outcome) -> Decision:
    t_max = to_base(target.value_max, target.unit)[0] if target.value_max is not None else None
    polarity = polarity_of(target)
    if measure == "growth" and _decrease_target(target):
        # "能耗下降5%": the size of the fall was promised, and a bigger fall is better
        # whatever the indicator's own polarity (能耗 less is better, 下降 more).
        polarity = 1
    return compare(t_norm, _outcome_norm(target, measure, o), comparator=target.comparator,
                   polarity=polarity, unit=target.unit, t_max=t_max,
                   outcome_comparator=o.comparator)


def _candidates(target: Target, outcomes: list[Outcome],
                prep: Prepared | None = None) -> list[tuple[float, Outcome]]:
    """Figures that name the target's indicator well enough, best first.

    With `prep` (whose .numbers must be `outcomes`), only figures sharing a character
    of the names or the lexicon key are scored: the others score 0.
    """
    floor = float(policy()["matching"]["min_overlap"])
    tn = _TargetNames.of(target)
    pool = prep.figures_for(tn) if prep is not None and floor > 0 else outcomes
    scored = [(_match(tn, o), o) for o in pool]
    # A part's figure ("（其中市区82.5%）") is evidence for that part only.
    scope = grammar.scope_of(target.indicator)
    scored = [(s, o) for s, o in scored if s >= floor and grammar.scope_of(o.indicator) == scope
              and _thresholds_in(target.indicator, o.span) and not _part_only(target, o)
              and not _whole_for_part(target, o) and not _count_under_way(target, o)
              and not _other_growth_measure(target, o)]
    scored.sort(key=lambda p: (-p[0], p[1].line))
    return scored


def _other_growth_measure(target: Target, o: Outcome) -> bool:
    """Real growth and nominal growth are other measures (words.measure_conflict), and a
    group's unmarked side is what a figure saying neither is ("实际增长10%" of an income
    against "增长13%")."""
    if conflict(target.span, o.span, "measure_conflict"):
        return True  # "实际增长" vs "名义增长"
    mine = _words_before_value(target) + (target.indicator or "")
    for group in words()["measure_conflict"]:
        unmarked = group.get("unmarked")
        if not unmarked or not any(x in mine for x in group.get("unmarked_of", [])):
            continue
        t_entries, o_entries = _present(target.span, group["words"]), _present(_clause_of(o), group["words"])
        if t_entries and not o_entries and unmarked not in t_entries:
            return True
        if group.get("both_ways") and o_entries and not t_entries and unmarked not in o_entries:
            return True  # "一般公共预算收入增长3%" against "…剔除减税降费因素增长6.5%"
    return False


def _same_unit(target: Target, t_unit: str | None, o: Outcome) -> bool:
    """One base unit, or units the policy counts as one for the target's thing
    ("新增就业岗位5000个" and "新增就业5487人": a job is a person employed)."""
    o_unit = to_base(o.value, o.unit)[1]
    if o_unit == t_unit:
        return True
    for thing, units in policy()["equivalent_units"].items():
        if thing in target.span + target.indicator and {t_unit, o_unit} <= set(units):
            return True
    return False


def _stock_for_increment(target: Target, o: Outcome) -> bool:
    """An increase promised ("新增135公里") and a stock reported ("通车总里程达到1580公里")."""
    w = words()["stock"]
    said = any(x in target.span for x in w["increment"])
    if not said and not _promises_increment(target):
        return False
    if any(x in o.span for x in w["stock"]) or _grown_to(o):
        return True
    if not said:
        # an increase read from the list's verb or a word of a new kind ("新认定"): only a
        # figure that says it is a total ("达到483家") is one
        return bool(_reach_re().search(o.span)) and not any(x in _clause_of(o) for x in _making_words())
    # the clause up to the figure: a list shares the verb that opens it ("完成创建A54万亩、B100个")
    clauses = re.split(r"[，,；;。]", _quote_before(o))
    before = clauses[-1] + o.span  # "28个新建村台完成淤筑": the words of making may follow the number
    if before.startswith("其中") and len(clauses) > 1:
        before = clauses[-2] + before  # "新开工项目1200个，其中亿元以上工业项目533个"
    return not any(x in before for x in _making_words())


@lru_cache(maxsize=1)
def _reach_re() -> re.Pattern[str]:
    """A reach word before its figure ("达到483家", "超过400家"; not the 达 of "宝世达")."""
    reach = "|".join(sorted(map(re.escape, words()["stock"]["reach"]), key=len, reverse=True))
    return re.compile(rf"(?:{reach})[\d零一二两三四五六七八九十百千万]")


def _clause_before_figure(o: Outcome) -> str:
    return re.split(r"[，,；;。]", _quote_before(o))[-1]


def _clause_of(o: Outcome) -> str:
    return _clause_before_figure(o) + o.span


def _grown_to(o: Outcome) -> bool:
    """"规模以上工业企业发展到330户", "由492家增加到1751家": how many there are now."""
    w = words()["stock"]
    return any(x in o.span for x in w["grown_to"]) and not any(x in o.span for x in w["increment"])


def _promises_increment(target: Target) -> bool:
    """A count the year adds: said ("新增", "新认定"), or the verb its list shares
    ("新增科技型中小企业5户、高新技术企业10户、瞪羚企业5户"). Money and rates are flows,
    never stocks, whatever the list's verb."""
    w = words()["stock"]
    if any(x in target.span for x in w["increment"] + w["new_of_kind"]):
        return True
    if target.unit in ("%", "％") or grammar.unit_dimension(target.unit) in ("money", "usd"):
        return False
    if any(x in target.span for x in w["held"] + w["reach"] + list(_making_words())):
        return False  # "…、省级科技创新平台达500家", "失业人员实现再就业10万人": its own verb
    return any(x in _clause_before(target.quote, target.span) for x in w["increment"])


def _increment_for_stock(target: Target, o: Outcome) -> bool:
    """A stock promised ("高新技术企业存量达1900家") and the year's increase reported
    ("新增高新技术企业305家") that falls short of it: the stock may still have been reached.
    An increase as large as the stock promised shows it (there is at least that much)."""
    w = words()["stock"]
    if target.measure not in ("level", "cumulative") or _promises_increment(target):
        return False
    held = any(x in target.span for x in w["held"])
    reached = any(x in target.span for x in w["reach"]) and not any(x in target.span for x in _making_words())
    if not (held or reached):
        return False
    if not any(x in o.span for x in w["increment"]):
        if any(x in o.span for x in w["reach"] + w["held"]):
            return False  # "新增软件企业6400家、主营业务收入预计达到4200亿元": its own verb
        if not any(x in _clause_before_figure(o) for x in w["increment"]):
            return False
    if polarity_of(target) < 0 or target.value is None or o.value is None:
        return True
    return to_base(o.value, o.unit)[0] < to_base(target.value, target.unit)[0]


@lru_cache(maxsize=1)
def _making_words() -> tuple[str, ...]:
    """Words saying a figure counts what was made or added (stock.made and the like)."""
    w = words()
    found = w["stock"]["made"] + w["stock"]["increment"] + w["bare_verbs"]
    found += [x for g in w["count_acts"]["groups"] for x in g.split("|")]
    return tuple(sorted(set(found), key=len, reverse=True))


def _same_measure(measure: str, o: Outcome, target: Target) -> bool:
    if target.horizon == "five_year":
        return True  # the review of a plan period gives totals and averages, as its goals do
    if o.measure == "cumulative":
        return False
    if measure == o.measure:
        return True
    return {measure, o.measure} <= {"rate", "growth"} and "价格" in (target.indicator + target.span)


def _measure_name(o: Outcome) -> str:
    return {"growth": "a growth rate", "level": "a level", "cumulative": "a total over several years",
            "change": "a change", "rate": "a rate or share"}.get(o.measure, "another figure")


def _measure_word(measure: str) -> str:
    return {"growth": "growth rate", "level": "level", "cumulative": "running total",
            "change": "change", "rate": "rate"}.get(measure, "figure")


def _fmt(v: float | None, unit: str | None) -> str:
    return "?" if v is None else f"{v:g}{unit or ''}"


def _number_reason(target: Target, o: Outcome, d: Decision) -> str:
    shown = _fmt(o.value, o.unit)
    promised = _fmt(target.value, target.unit)
    if target.value_max is not None:
        promised = f"{_fmt(target.value, None)}–{_fmt(target.value_max, target.unit)}"
    est = " (estimate)" if o.provisional else ""
    word = {"met": "meets", "missed": "falls short of", "unclear": "cannot settle"}[d.verdict]
    if d.verdict == "missed" and d.reason_code == "ceiling":
        word = "exceeds"
    return f"{o.indicator}: {shown}{est} {word} the target {promised} ({target.span})."


# -- deliverables


@dataclass(frozen=True)
class Promise:
    """What a deliverable target promised: its stage words and the stage to reach."""

    words: tuple[str, ...]  # every stage word of the promise (建成, 投入使用)
    rank: int  # rank of the last one: the stage to reach
    kind: str  # stage | title | event | task


def promise_of(target: Target) -> Promise | None:
    """The promise: extraction's stage, else the span's words, else the words closing
    the list the span belongs to ("完成东海写字楼、国税局综合业务用房主体建设")."""
    w = words()
    closing = _list_closing(target)
    # "完成东海写字楼、…主体建设": a leading verb yields to the words closing the list;
    # "确保时代广场城市综合体开工、…": a stage at the end of the span is its own.
    own_end = stage_of(target.span[-4:])
    text = closing if closing and stage_of(closing) and not own_end else target.span
    text = f"{target.stage or ''} {text}"
    after_title = _after_title(target.span)
    if after_title is not None and _stage_words_in_order(after_title):
        # "大唐700万吨露天矿一季度完成核准并开工建设": the approval comes first, the promise
        # ends with the start of works; the approval alone does not keep it.
        text = after_title
    elif after_title is not None:
        return Promise((), 5, "title")
    if any(x in target.span for x in w["promise_event"]):
        return Promise((), 5, "event")
    found = _stage_words_in_order(text)
    tasks = ("完成", "全面完成", "全部完成")
    specific = [(x, r) for x, r in found if x not in tasks]
    if specific and len(specific) < len(found) and text.rstrip().endswith(specific[-1][0]):
        # "完成…主体建设", "完成…前期工作": a stage closing the span is the promise, not the
        # verb; in "完成A前期工作和B工程" it is not, and both words stay.
        found = specific
    if not found:
        act = next((x for x in w["promise_act"] if x in target.span), None)
        return Promise((act,), 1, "act") if act else None
    top = max(found, key=lambda p: p[1])
    kind = "task" if top[0] in ("完成", "全面完成", "全部完成") else "stage"
    return Promise(tuple(x for x, _ in found), found[-1][1], kind)


def _after_title(span: str) -> str | None:
    """The words after the last title word of a promise ("核准", "创建" …), None without one."""
    ends = [span.rfind(x) + len(x) for x in words()["promise_title"] if x in span]
    return span[max(ends):] if ends else None


def _stage_words_in_order(text: str) -> list[tuple[str, int]]:
    from tracker.outcomes import not_stage_spans, stage_ranks

    taken: list[tuple[int, int, str, int]] = [(a, b, "", -1) for a, b in not_stage_spans(text)]
    for wd, rank in stage_ranks():
        if wd not in text:
            continue
        for m in re.finditer(re.escape(wd), text):
            if not any(m.start() < e and s < m.end() for s, e, _, _ in taken):
                taken.append((m.start(), m.end(), wd, rank))
    return [(wd, rank) for _, _, wd, rank in sorted(taken) if wd]


def _list_closing(target: Target) -> str | None:
    """Words after the span when the span is an item of a list (、/和 follows)."""
    q = target.quote
    i = q.find(target.span)
    if i < 0:
        return None
    rest = q[i + len(target.span):]
    if not rest.startswith(("、", "和", "及")):
        return None
    return re.split("[，。；;]", rest, maxsplit=1)[0]


@lru_cache(maxsize=1 << 16)
def _act_words(text: str) -> str:
    """A measure's words without act, stage and filler words ("出台碳达峰行动方案" → 碳达峰行动方案)."""
    w = words()
    for x in sorted(w["act"] + w["promise_act"] + [s for s, _ in _all_stage_words()], key=len, reverse=True):
        text = text.replace(x, "")
    return re.sub(r"\d+(\.\d+)?[万亿千]*[个项条家]?|年前", "", text)


@lru_cache(maxsize=1 << 16)
def deliverable_name(text: str, extra_generic: tuple[str, ...] = (), generic: bool = True) -> str:
    """The words that name a project, pieces split by "|": no stage words, filler,
    money, numbers with units, or words too common to tell projects apart."""
    s = re.sub(r"(总)?投资[\d.]+[万亿]*元的?", "|", text)
    # "在西部地区脱贫县中集中支持…": where it happens frames the promise, it names no project.
    s = re.sub(r"(^|[，,；;])在[^，,；;。]{1,12}?(中|里|内)", "|", s)
    s = re.sub(UNIT_NUMBER, "|", s)
    for w, _ in _all_stage_words():
        s = s.replace(w, "|")
    s = re.sub(r"[\d.]+|[，,。；;、：:“”\"（）()\s　—·]", "|", s)
    drop = words()["filler"]["words"] + list(extra_generic)
    if generic:
        drop += words()["generic"]["words"]
    for w in sorted(drop, key=len, reverse=True):
        if len(w) > 1 or w == "对":
            s = s.replace(w, "|")
    # "23万平方米的建材城": a piece does not start with the 的 that tied it to a size.
    return "|".join(p for p in (x.lstrip("的") for x in s.split("|")) if len(p) >= 2)


def _all_stage_words() -> list[tuple[str, int]]:
    from tracker.outcomes import stage_ranks

    return stage_ranks()


def name_overlap(name: str, text: str) -> int:
    """Longest run of a name piece found in `text` (both after deliverable_name).

    A run counts from the head of a piece (the proper noun usually comes first:
    东海写字楼, 红星美凯龙主力店) or, when long, from anywhere in it.
    """
    best = 0
    for piece in name.split("|"):
        for size in range(len(piece), 1, -1):
            if size <= best:
                break
            starts = range(len(piece) - size + 1) if size >= _matching("long_run") else range(1)
            if any(piece[i:i + size] in text for i in starts):
                best = size
                break
    return best


def name_coverage(name: str, text: str) -> float:
    """Share of the name's characters found in `text` in runs of two or more."""
    chars = [c for c in name if c != "|"]
    if not chars:
        return 0.0
    covered = 0
    for piece in name.split("|"):
        i = 0
        while i < len(piece):
            size = next((k for k in range(len(piece) - i, 1, -1) if piece[i:i + k] in text), 0)
            covered += size
            i += max(size, 1)
    return covered / len(chars)


def _name_conflict(t: str, o: str) -> bool:
    """Different phases, editions or capacities: 一期/二期, 第十届/第十一届, 400万吨/200万吨."""
    if conflict(t, o):
        return True
    for a, b in zip(_editions(t), _editions(o)):
        if a and b and not a & b:
            return True
    return False


_EDITIONS = (re.compile(r"第?([一二三四五六七八九十\d]+)届"), re.compile(r"([\d.]+)万?(吨|千瓦|床)"))


@lru_cache(maxsize=1 << 16)
def _editions(text: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(map(str, p.findall(text))) for p in _EDITIONS)


def list_item(target: Target) -> Target | None:
    """The first item of a list target, as its own target, or None.

    Extraction gives one deliverable per named thing of a list sharing one stage, the
    first span holding the whole list ("学府路中学、向阳幼儿园投入使用", then
    "向阳幼儿园投入使用") and the indicator naming the thing ("学府路中学投入使用"). The
    first span is judged for its own thing, with the stage words the list shares:
    "学府路中学投入使用". The other things have their own targets.
    """
    span, item = target.span, target.indicator or ""
    if target.stage and item.endswith(target.stage):
        item = item[:-len(target.stage)]
    if len(item) < 2 or any(c in item for c in "、，,；;"):
        return None
    i = span.find(item)
    end = i + len(item)
    if i < 0 or end >= len(span) or span[end] not in "、和及":
        return None
    shared = "".join(w for w, _ in _stage_words_in_order(span[end:]))
    return replace(target, span=span[:end] + shared, quote="")


def _judge_deliverable(target: Target, outcomes: list[Outcome], place: tuple[str, ...] = (),
                       prep: Prepared | None = None) -> Verdict:
    item = list_item(target)
    whole_span = target.span
    if item is not None:
        target = item
    # The telling words of the whole promise: a name cut short ("三年行动" of
    # "生态环保基础设施建设三年行动") would be found in any other three-year campaign.
    telling = ((_act_words(target.indicator or target.span), _act_words(whole_span)) if item is not None
               else (_act_words(whole_span),))
    name = deliverable_name(target.span, place)
    need = max(int(policy()["matching"]["min_name_run"]), 2)
    raw = deliverable_name(target.span, place, generic=False)
    promise = promise_of(target)
    t_words = _act_words(target.span)
    if len(clean(t_words)) < need:
        return _not_reported(target, " (no project name to look for)")
    scored = []
    short_name = all(len(p) < need for p in name.split("|"))
    whole_min = int(policy()["matching"]["whole_name_short" if short_name else "whole_name"])
    if prep is not None and _matching("same_words") > 0:
        outcomes = prep.stages_for(target.span, t_words)  # the others share no words
    for o in outcomes:
        if not o.stage or _name_conflict(target.span, o.span) or _prospective(o):
            continue  # "…春节前可正式投用": still ahead, never done nor short
        if max(docfreq.distinctive_share(t, o.span) for t in telling) < _matching("min_deliverable_share"):
            continue  # "成立民营企业维权投诉中心" ≠ "设立…民营企业纾困基金": too few telling words
        if not _quoted_names_in(telling[-1], o.span):
            continue  # "“政区合一”管理体制改革" ≠ "“三校”管理体制改革": another thing of the kind
        if not _route_named(target.span, o.span):
            continue  # "南宁至崇左…城际铁路" ≠ "南宁至广州等7条高速铁路": another line
        if not _reform_named(target, o.span):
            continue  # "建立政府目标管理制度" ≠ "建立食品安全信息追溯管理制度": another system
        if not _kind_named(target, o.span):
            continue  # "开展社会化管理城市试点" ≠ "…退休人员全部实行社会化管理": no pilot named
        if not _title_named(target.span, o.span):
            continue  # "建成乡村旅游示范村20个" ≠ "创建成为国家级全域旅游示范区"
        if not _event_named(target, o.span):
            continue  # "第五届国际道教论坛" ≠ "第五届国际低碳（镇江）大会暨…峰会": another event
        if _other_ordinal(target.span, o.span):
            continue  # "启动第二批乡村振兴样板区" ≠ "第一批6个乡村振兴样板区"; "试验场四期" ≠ "三期"
        if promise is not None and promise.rank == 4 and _phase_only(target.span, o.span):
            continue  # "完成中材锂膜…项目建设" ≠ "中材锂膜二期…建成投产": one phase done (in use is in use)
        if promise is None and not _head_named(target, o.span):
            continue  # "轨道交通产业园" (no stage) ≠ "建成轨道交通300公里": no park named
        if _other_of_kind(target.indicator, o.span, place):
            continue  # "二七长江大桥" ≠ "天兴洲公铁两用长江大桥": one head, another name before it
        o_name = deliverable_name(o.span, place)
        run = name_overlap(name, o_name)
        share = name_coverage(name, o_name)
        coverage = share if _all_heads(name, o_name) else 0.0
        # "健康社区卫生服务中心" found whole: a long raw name is enough on its own; so is a
        # shorter one made with a common word ("智慧城市") when nothing else names the project.
        whole = max((len(p) for p in raw.split("|") if len(p) >= whole_min and p in o.span), default=0)
        if whole:
            run, coverage = max(run, whole), max(coverage, 1.0 if raw in o.span else coverage)
        # Policy measures have no proper names: the same words are the match.
        if run >= need and share < float(policy()["matching"]["min_name_coverage"]) and not whole:
            run = 0  # 哈萨尔 of "哈萨尔桥以北伊敏河两岸景观" is not enough to name the project
        # Measures and short names: nearly the same words are the match (never a "missed").
        if run < need and dice(t_words, _act_words(o.span)) >= _matching("same_words"):
            run, coverage = need, 0.0
        if run >= need:
            scored.append((run, len(bigrams(target.span) & bigrams(o.span)), coverage, o))
    if not scored:
        return _not_reported(target)
    scored.sort(key=lambda x: (-x[0], -x[1], x[3].line))
    run, _, coverage, best = scored[0]
    v = _stage_verdict(target, promise, best, coverage)
    if v.verdict == "missed" and _other_part_named(name, deliverable_name(best.span, place)):
        # "乌海职业技术学院教学楼…建成投用" → "乌海职业技术学院升级…工作有序推进": the owner's
        # name is there, the building is not; a stage of another of its works shows no miss
        return _unclear_stage(target, best, "the outcome names the project's owner, not the works promised")
    missing = _items_not_named(target.span, best.span, place) if v.verdict == "met" else []
    if missing:
        # "完成对胜利大街、西大街、胜利三路等主干道路的综合改造" → only 胜利三路 is reported.
        return _unclear_stage(target, best, f"only part of the list is reported ({'、'.join(missing)} not named)")
    other = _other_part(raw, deliverable_name(best.span, place, generic=False), target.span, best.span)
    if v.verdict == "met" and other:
        # "启动区医院扩建工程" → "区医院120急救中心项目开工建设": one site, another project.
        return _unclear_stage(target, best, f"the report names another project at the same place ({other})")
    return v


_ROUTE = re.compile(r"(?<=[\u4e00-\u9fff]{2})至(?=[\u4e00-\u9fff]{2})")


def _routes(text: str) -> list[tuple[str, str]]:
    """The ends of the lines a text names by them ("南宁至崇左" → 南宁, 崇左), two characters each."""
    return [(text[m.start() - 2:m.start()], text[m.end():m.end() + 2]) for m in _ROUTE.finditer(text)]


def _route_named(span: str, text: str) -> bool:
    """A line named by its ends ("南宁至崇左") is named in the text when one of the
    promise's routes is there by both ends; a text naming routes of its own names another line."""
    mine, theirs = _routes(span), _routes(text)
    if not mine or not theirs:
        return True
    return any(a in text and b in text for a, b in mine)


def _reform_named(target: Target, text: str) -> bool:
    """A reform or a system promised (targets.toml object.reform_heads) is named in the text
    by most of the telling words before its head."""
    thing = _strip_work(target.indicator or target.span)
    head = next((h for h in reform_heads() if thing.endswith(h)), None)
    if head is None or len(thing) <= len(head) + 1:
        return True
    return docfreq.distinctive_share(thing[: -len(head)], text) >= _matching("reform_name_share")


_PHASE_IN = re.compile(r"[一二三四五六七八九十\d]+期")
_PHASE = re.compile(r"^.{0,2}?[一二三四五六七八九十\d]+期")


@lru_cache(maxsize=1)
def _title_res() -> tuple[re.Pattern[str], dict[str, int], re.Pattern[str]]:
    t = words()["title_names"]
    group_of = {h: i for i, g in enumerate(t["groups"]) for h in g.split("|")}
    return (re.compile("|".join(sorted(map(re.escape, group_of), key=len, reverse=True))), group_of,
            re.compile("|".join(sorted(map(re.escape, t["cut"]), key=len, reverse=True))))


def _title_named(span: str, text: str) -> bool:
    """A title sought (words.title_names) is named in the text: most of the words that say
    which one it is stand before a title of the same kind."""
    heads, group_of, cut = _title_res()
    found = list(heads.finditer(span))
    if not found:
        return True
    head = found[-1]
    pieces = [p for p in cut.split(re.sub(r"[“”\"「」]", "", span[:head.start()])[-12:]) if p]
    core = re.split(r"[，,、和及与]", pieces[-1])[-1] if pieces else ""
    if len(core) < 2:
        return True  # "创建全国文明城市": the kind is the name
    t = words()["title_names"]
    plain = re.sub(r"[“”\"「」]", "", text)
    wanted = bigrams(core)
    for m in heads.finditer(plain):
        if group_of[m.group(0)] != group_of[head.group(0)]:
            continue
        # the verbs and levels between name and title take no room ("宕昌官鹅沟成功创建为国家5A级景区")
        reach = int(t["reach"])
        window = cut.sub("", plain[max(0, m.start() - 2 * reach):m.start()])[-reach:]
        if len(wanted & bigrams(window)) >= float(t["min_share"]) * len(wanted):
            return True
    return False


_ORDINAL = re.compile(r"第?(?P<n>[一二三四五六七八九十\d]+)(?P<kind>期|批|届|次|轮)")


@lru_cache(maxsize=1)
def _name_size_re() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in sorted(words()["name_sizes"], key=len, reverse=True))
    return re.compile(rf"(?<![\d.])(?P<n>\d+(?:\.\d+)?)(?P<kind>{units})")


def _event_named(target: Target, text: str) -> bool:
    """Each numbered event promised is named in the text by its own words, not only by its
    edition and its head (一届 of many fairs and forums, 洽谈会, 论坛)."""
    names = event_names(target.indicator or "") or event_names(target.span)
    # "第十七届中国金鸡百花电影节和中日韩文化产业论坛": each event joined must be named
    pieces = [p for n in names for p in re.split("[和及与、]", n) if p]
    return all(docfreq.distinctive_share(p, text) >= _matching("event_name_share") for p in pieces)


def _other_ordinal(span: str, text: str) -> bool:
    """The promise names a phase, batch or edition (二期, 第二批, 第十届) and the text names
    only other ones of that kind: another thing of the same name."""
    mine: dict[str, set[str]] = {}
    theirs: dict[str, list[str]] = {}
    # and a size in the name ("750千伏输变电工程" is not "220千伏输变电工程")
    for pattern in (_ORDINAL, _name_size_re()):
        for m in pattern.finditer(span):
            mine.setdefault(m["kind"], set()).add(m["n"])
        for m in pattern.finditer(text):
            theirs.setdefault(m["kind"], []).append(m["n"])
    # "莞番高速一二期" names 二期 too
    return any(kind in theirs and not any(n in x for n in ns for x in theirs[kind])
               for kind, ns in mine.items())


def _phase_only(span: str, text: str) -> bool:
    """The report names one phase (二期) of the thing promised whole: right after the
    longest run of the promise's words that it shares."""
    if _PHASE_IN.search(span):
        return False
    run = _common_run(span, text)
    return len(run) >= 3 and bool(_PHASE.match(text[text.find(run) + len(run):]))


def _head_named(target: Target, text: str) -> bool:
    """The concrete head of the thing promised (产业园, 中学, 医院 …) is in the text, by its
    last character at least (园 in "…园区")."""
    thing = trailing_when().sub("", _strip_work(target.indicator or ""))
    head = next((h for h in concrete_heads() if thing.endswith(h)), None)
    return head is None or head[-1] in text


def _kind_named(target: Target, text: str) -> bool:
    """A pilot, plan or document promised (words.kind_heads) is named as one in the text."""
    thing = _strip_work(target.indicator or target.span)
    kind = next((k.split("|") for k in words()["kind_heads"] if thing.endswith(k.split("|")[0])), None)
    return kind is None or any(h in text for h in kind)


def _other_part(t_name: str, o_name: str, t_text: str, o_text: str) -> str:
    """The outcome's own project when target and outcome start with one place name but go on
    to different projects there: 区医院扩建 vs "区医院120急救中心项目" → 120急救中心."""
    best = ("", "")
    for tp in t_name.split("|"):
        for op in o_name.split("|"):
            run = _common_run(tp, op)
            if len(run) > len(best[0]) and tp.startswith(run) and op.startswith(run):
                best = (run, tp)
    run, tp = best
    t_rest = tp[len(run):]
    if len(run) < 3 or len(t_rest) < 2 or t_rest in o_text:
        return ""
    m = re.search(re.escape(run) + r"([^，。；、]{2,12}?)(项目|工程)", o_text)
    if not m or m.group(1) in t_text or any(x in m.group(1) for x in (t_rest[:2],)):
        return ""
    return m.group(1)


def _common_run(a: str, b: str) -> str:
    """Longest common substring of two short names."""
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if a[i:j] in b:
                best = a[i:j]
            else:
                break
    return best


def _items_not_named(span: str, text: str, place: tuple[str, ...] = ()) -> list[str]:
    """Items of a listed promise ("A、B、C等…") whose names the outcome does not give."""
    items = span.split("、")
    if len(items) < 2:
        return []
    missing = []
    for item in items:
        name = next((p.lstrip("的对") for p in deliverable_name(item, place).split("|")
                     if len(p.lstrip("的对")) >= 2), "")
        if name and name[:4] not in text:
            missing.append(name)
    return missing


def _other_part_named(name: str, o_name: str) -> bool:
    """The outcome's name starts as the target's (the owner: "乌海职业技术学院") and goes on
    to another thing of it: "升级应用型本科院校" where "教学楼" was promised."""
    drop = tuple(words()["name_tail_drop"])

    def rest(s: str) -> str:
        while s.endswith(drop) and len(s) > 2:
            s = next(s.removesuffix(w) for w in drop if s.endswith(w))
        return s

    for t in (x for x in name.split("|") if len(x) >= 2):
        for o in (x for x in o_name.split("|") if len(x) >= 2):
            n = len(os.path.commonprefix([t, o]))
            t_rest, o_rest = rest(t[n:]), rest(o[n:])
            if n >= 2 and len(t_rest) >= 2 and len(o_rest) >= 2 and not set(t_rest) & set(o_rest):
                return True
    return False


def _all_heads(name: str, text: str) -> bool:
    """Every piece of the name shows up by its first two characters (红星美凯龙|主力店)."""
    return all(p[:2] in text for p in name.split("|") if len(p) >= 2)


def _stage_verdict(target: Target, promise: Promise | None, o: Outcome, coverage: float) -> Verdict:
    w = words()
    rank = _outcome_rank(o.stage)
    is_title = o.stage in w["title"]
    is_event = o.stage in w["event"]
    if promise is not None and promise.kind == "stage" and _started(promise, o):
        return _met_stage(target, o, f"promised “{promise.words[-1]}”; the works are reported under way "
                                     f"or further (“{o.stage}”)")
    if o.stage in w["loose_completion"] or ("完成" in target.span and any(x in o.span for x in w["progress_only"])):
        # "完成鹦鹉洲长江大桥前期工作" → "…前期工作取得重要进展": progress, not done
        return _unclear_stage(target, o, "the follow-up report's wording does not say whether it was done")
    if promise is None:
        if is_event or rank >= 4:
            return _met_stage(target, o, "promised without a stage; reported done")
        return _unclear_stage(target, o, "no stage was promised, and the reported stage is not a completion")
    if promise.kind == "title" and o.stage in w["title_pending"] and not is_title:
        # "大唐700万吨露天矿完成核准" → "…项目已进入国家核准程序": the approval is still pending.
        if _approval_coverage(target, o) >= float(policy()["matching"]["missed_name_coverage"]) \
                and o.measure != "cumulative":
            return Verdict("missed", "deliverable_lesser_stage",
                           "missed when the follow-up report names a lesser stage than promised",
                           f"An approval was promised ({target.span}); the follow-up report says it is "
                           f"still pending: {o.span}.", outcome=o, provisional=o.provisional)
    if promise.kind in ("title", "event"):
        ok = is_title if promise.kind == "title" else (is_event or is_title)
        if ok:
            return _met_stage(target, o, f"a {promise.kind} was promised and the report states it")
        return _unclear_stage(target, o, f"a {promise.kind} was promised; the report speaks of “{o.stage}”")
    if is_title or (is_event and rank < 0):
        # but an event word that is a completion ("顺利完成…改革") reads as one
        return _unclear_stage(target, o, f"the report speaks of “{o.stage}”, not of the promised stage")
    is_act = o.stage in w["act"] and rank < 0
    if promise.kind == "act" or (is_act and promise.rank <= 1):
        if is_act or rank in (1, 4, 5):
            return _met_stage(target, o, f"promised “{promise.words[-1]}”, reported “{o.stage}”")
        return _unclear_stage(target, o, f"promised “{promise.words[-1]}”, reported “{o.stage}”")
    if is_act:
        return _unclear_stage(target, o, f"“{o.stage}” does not say the promised stage was reached")
    p_word = promise.words[-1]
    ranks = [_outcome_rank(x) for x in promise.words]
    if o.stage in _BARE_COMPLETIONS and promise.kind != "task" and not _is_task(target):
        return _unclear_stage(target, o, f"“{o.stage}” does not say the promised “{p_word}” was reached")
    if o.stage in promise.words or (rank >= max(ranks) and rank != 2):
        return _met_stage(target, o, f"promised “{p_word}”, reported “{o.stage}”")
    if min(ranks) >= 4 and rank <= 3:
        if rank == 2 and _is_task(target):
            # "完成农产品现代流通综合试点" → "推进…试点": a review's verb for a task, no stage
            return _unclear_stage(target, o, f"“{o.stage}” says the task went on, not that it stopped short")
        if _PHASE_IN.search(target.span) and not _PHASE_IN.search(o.span):
            # "建成十字门中央商务区一期" → "十字门中央商务区建设进展顺利": the whole, not phase one
            return _unclear_stage(target, o, "the report speaks of the whole project, the promise of one phase")
        # A wrong "missed" is the worst error: the outcome must name the project nearly whole.
        if coverage < float(policy()["matching"]["missed_name_coverage"]):
            return _unclear_stage(target, o, "the outcome may be about another part of the project")
        if o.measure == "cumulative":
            return _unclear_stage(target, o, "the stage is from a review of several years")
        return Verdict("missed", "deliverable_lesser_stage",
                       "missed when the follow-up report names a lesser stage than promised",
                       f"Promised “{p_word}” ({target.span}); the follow-up report says only "
                       f"“{o.stage}”: {o.span}.", outcome=o, provisional=o.provisional)
    return _unclear_stage(target, o, f"promised “{p_word}”, reported “{o.stage}”")


# Completion words that name no works: they meet a promise to complete, not one to start.
_BARE_COMPLETIONS = ("完成", "全面完成", "全部完成", "顺利完成", "圆满完成")


def _is_task(target: Target) -> bool:
    """A promise about a task, not works: its thing ends on a task head ("…政府机构改革")."""
    return _strip_work(target.indicator).endswith(tuple(words()["task_heads"]))


def _strip_work(name: str) -> str:
    return name[:-2] if name.endswith("工作") else name


def _started(promise: Promise, o: Outcome) -> bool:
    """A promise to start works (开工, 启动实施) is kept when the report says they are under
    way or further on: "远山红郡住宅小区一期建设顺利推进", "综合指挥大厅…建设基本完成",
    not a bare "完成" (other work at the same place). Progress words must speak of building ("建设", "施工"), and
    preparation words ("前期工作", "规划设计") say nothing of a start."""
    w = words()
    if max(_outcome_rank(x) for x in promise.words) > 1 or o.stage in w["act"] + w["title"] + w["event"]:
        return False
    if o.stage in _TASK_WORDS:
        return False  # "大商友谊完成提档升级": a bare 完成 may be other work at the same place
    if any(x in o.span for x in w["stages"]["0"] + w["preparation"]):
        return False
    rank = _outcome_rank(o.stage)
    if o.stage in w["loose_completion"]:
        return o.stage in w["loose_works"]
    if rank >= 3:
        return True
    return rank == 2 and any(x in o.span for x in w["works_under_way"])


def _approval_coverage(target: Target, o: Outcome) -> float:
    """Share of the project's name in the outcome, the approval words (核准 …) left out;
    0 unless every piece of the name shows up."""
    name = deliverable_name(target.span)
    for x in words()["promise_title"]:
        name = name.replace(x, "")
    name = "|".join(p for p in name.split("|") if len(p) >= 2)
    o_name = deliverable_name(o.span)
    return name_coverage(name, o_name) if name and _all_heads(name, o_name) else 0.0


def _outcome_rank(stage: str | None) -> int:
    st = stage_of(stage or "")
    return st[1] if st else -1


def _met_stage(target: Target, o: Outcome, why: str) -> Verdict:
    return Verdict("met", "deliverable_done", "met on an explicit completion word matching the promise",
                   f"{why}: {o.span}.", outcome=o, provisional=o.provisional)


def _unclear_stage(target: Target, o: Outcome, why: str) -> Verdict:
    return Verdict("unclear", "ambiguous", "the reported stage neither meets nor clearly falls short",
                   f"{why} ({target.span} → {o.span}).", outcome=o, provisional=o.provisional)


# -- relative targets


def _judge_relative(target: Target, outcomes: list[Outcome]) -> Verdict:
    span = target.span
    if (target.relation == "synchronous" or "同步" in span) and "收入" in span + target.indicator:
        return _judge_synchronous(target, outcomes)
    if target.relation == "synchronous" or "匹配" in span:
        # "货币供应量…增速同名义经济增速基本匹配": the reports give no such pair of growths.
        return _not_reported(target, " (the growth rates to compare are not both reported)")
    if target.relation == "assigned_task" or re.search(r"完成.*(任务|目标)", span):
        return _judge_task(target, outcomes)
    return _judge_direction(target, outcomes)


def _growth_of(outcomes: list[Outcome], pattern: str) -> list[Outcome]:
    return [o for o in outcomes if o.measure == "growth" and not o.period and re.search(pattern, o.indicator)]


def _judge_synchronous(target: Target, outcomes: list[Outcome]) -> Verdict:
    kinds = words()["synchronous_income"]
    subject = target.span.split("与")[0]
    named = [k for k in ("residents", "fiscal") if re.search(kinds[k], subject)] or ["residents"]
    gdp = _growth_of(outcomes, r"^(国内|地区)生产总值$|^经济$")
    revenue = [o for o in _growth_of(outcomes, r"收入")
               if "本级" not in subject or "本级" in o.span]  # a budget's own share is not the whole
    # residents' income names 居民 or 农民 ("城镇居民人均可支配收入"); the government's, its budget
    each = [[o for o in revenue if re.search(r"居民|农民" if kind == "residents" else kinds["fiscal"], o.indicator)]
            for kind in named]
    income = [o for found in each for o in found] if all(each) else []
    if not income or not gdp:
        return _not_reported(target, " (income and GDP growth are not both reported for the year)")
    g = gdp[0]
    decisions = [(synchronous(i.value, g.value), i) for i in income]
    verdicts = {d.verdict for d, _ in decisions}
    d, i = decisions[0]
    if len(verdicts) > 1:
        return Verdict("unclear", "ambiguous", d.rule,
                       "Some income figures keep pace with GDP growth and some do not.",
                       outcome=i, provisional=i.provisional)
    return Verdict(d.verdict, d.reason_code, d.rule,
                   f"{i.indicator} grew {i.value:g}% against GDP growth of {g.value:g}%.",
                   outcome=i, provisional=i.provisional or g.provisional,
                   target_norm=g.value, outcome_norm=i.value, norm_unit="%")


def _statements(target: Target, outcomes: list[Outcome], kinds: tuple[str, ...]) -> list[tuple[float, Outcome]]:
    floor = float(policy()["matching"]["min_overlap"])
    checked = _checked_clause(target.span)
    t = _relative_words(checked)
    if _names_nothing(t):
        # "…深入实施农村牧区“十个全覆盖”工程，…，全面完成各项任务": the tasks are those of the
        # sentence's named programme, not every task of the report ("完成了…各项目标任务").
        named = re.findall(r"“([^”]{2,})”", _context(target))
        if not named:
            return []
        t = named[-1]
    # One of several targets cut from one sentence ("能耗和主要污染物排放量继续下降"):
    # its own indicator must match too (unless it is only a verb: "牢牢守住").
    own = target.indicator if target.indicator and target.indicator in checked else ""
    if own and not clean(_relative_words(own)):
        own = ""
    out = []
    for o in outcomes:
        if not set(kinds) & set((o.statement or "").split(",")) or conflict(target.span, o.span):
            continue
        s = similarity(t, _relative_words(o.span))
        if own and similarity(own, _relative_words(o.span)) < floor:
            continue
        if s >= floor:
            out.append((s, o))
    out.sort(key=lambda p: (-p[0], p[1].line))
    return out


def _names_nothing(words_: str) -> bool:
    """Relative-target words that name nothing once generic words are gone ("各项任务")."""
    rest = clean(words_)
    for g in _generic_longest_first():
        rest = rest.replace(g, "")
    return len(rest) < 2


@lru_cache(maxsize=None)
def _generic_longest_first() -> tuple[str, ...]:
    return tuple(sorted((g for g in words()["generic"]["words"] if len(g) > 1), key=len, reverse=True))


def _checked_clause(span: str) -> str:
    """The clause of a relative target that states what to check: "完善落实防止返贫监测帮扶
    机制，不发生规模性返贫" → 不发生规模性返贫 (the last clause with a direction or task word)."""
    parts = [p for p in re.split(r"[，,；;]", span) if p]
    if len(parts) < 2:
        return span
    d = words()["direction"]
    marks = d["up"] + d["down"] + d["stable"] + words()["task_completed"]
    hits = [p for p in parts if any(m in p for m in marks)]
    return hits[-1] if hits else span


@lru_cache(maxsize=1 << 16)
def _relative_words(s: str) -> str:
    d = words()["direction"]
    for w in sorted(d["up"] + d["down"] + d["stable"] + words()["task_completed"], key=len, reverse=True):
        s = s.replace(w, "")
    return s


def _judge_task(target: Target, outcomes: list[Outcome]) -> Verdict:
    found = _statements(target, outcomes, ("completed_task",))
    if not found:
        return _not_reported(target)
    o = found[0][1]
    missing = _parts_not_named(target.span, o.span)
    if missing:
        return _partial(target, o, missing)
    if any(w in o.span for w in words()["loose_completion"]):
        # "基本完成了2025年经济社会发展主要目标任务": not said to be done
        return _unclear_stage(target, o, "the follow-up report's wording does not say whether it was done")
    return Verdict("met", "task_completed", "met when the follow-up report says the task was completed",
                   f"The follow-up report states: {o.span}.", outcome=o, provisional=o.provisional)


def _part_only(target: Target, o: Outcome) -> bool:
    """The figure names a part (加工贸易, 民间投资) the target does not: it is not the whole."""
    mine = target.span + target.indicator
    theirs = o.indicator + _own_clauses(o)
    for group in words()["parts"]:
        if group.get("of", "") in o.indicator and any(w in theirs for w in group["words"]) \
                and not any(w in mine for w in group["words"]):
            return True
    return False


def _additive(target: Target, measure: str) -> bool:
    """A count or an amount, which a part's figure reaching shows the whole reaches."""
    return measure in ("level", "cumulative") and target.unit not in ("%", "％")


def _borrowed_head(target: Target) -> str:
    """The head a count named by its level only took from the next item of its list
    ("40个省级、266个市级重点项目" → 重点项目) or the one before ("…龙头企业达120家、国家级8家"),
    or ""."""
    level = counted_noun(target.span)
    if not level:  # "国家级8家" of "省级以上龙头企业达120家、国家级8家": the level before the number
        level = re.split(r"[\d.]", target.span, maxsplit=1)[0]
    if _LEVEL.fullmatch(level) and (target.indicator or "").startswith(level) and target.indicator != level:
        return target.indicator[len(level):]
    return ""


def _narrower_than_promised(target: Target, o: Outcome) -> str:
    """A word narrowing the figure to a part (words.narrower) that the target's sentence lacks."""
    mine = target.quote or target.span
    theirs = o.indicator + "、" + o.span
    for start, end, rule in grammar.find_indicators(theirs):
        if rule.key != target.indicator_key:  # "工业增加值和社会消费品零售总额…分别增长": another's name
            theirs = theirs[:start] + "　" * (end - start) + theirs[end:]
    items = [x for x in re.split(r"[、和及与]", theirs) if x.strip("　")]
    if "分别" in o.span and len(items) > 1:
        # "规上工业、数字经济增加值分别增长10%和15%": the target's item of the list only
        theirs = max(items, key=lambda x: similarity(target.indicator or target.span, x))
    return next((w for w in words()["narrower"]["words"]
                 if w in theirs and w.removesuffix("级") not in mine), "")


_LEVEL = re.compile(r"(?:国家|省|市|区|县|州|盟|旗)级")
_LEVEL_AND_MARKS = re.compile(rf"{_LEVEL.pattern}(?:以上)?|[“”\"「」]")


def _level_unnamed(target: Target, o: Outcome) -> str:
    """The level the target names ("89条区级美丽乡村": 区级) when the figure's clause names none."""
    mine = _LEVEL.findall(target.span)
    return mine[0] if mine and not _LEVEL.search(_own_clauses(o) + o.span) else ""


def _count_under_way(target: Target, o: Outcome) -> bool:
    """A count in a sentence of works under way ("新建10所镇中心幼儿园全面推进"): so many are
    being built, not built; no evidence for a count of things made."""
    if not _a_count(target) or o.value is None:
        return False
    # the figure's clause in its sentence: the span stops a few words after the number
    # ("两项改革“后半篇”文章有序推" of "…有序推进")
    at = o.quote.find(o.span) if o.quote else -1
    clause = re.split(r"[，,；;。]", o.quote[at:])[0] if at >= 0 else o.span
    after = re.split(r"\d[\d.]*[万千]?[^\d]", clause if len(clause) > len(o.span) else o.span, maxsplit=1)[-1]
    # up to the next item with a number of its own ("…79个、新增整镇推进“五好”乡镇15个")
    after = re.split(r"、(?=[^、]*?\d)", after, maxsplit=1)[0]
    return any(x in after for x in _progress_of_counts())


@lru_cache(maxsize=1)
def _progress_of_counts() -> tuple[str, ...]:
    """Progress words (rank 2) that say things are being made: not those of works done
    (建设, 施工) nor money spent (完成投资)."""
    w = words()
    return tuple(x for x in w["stages"]["2"] if x not in w["works_under_way"] + ["完成投资"])


def _whole_for_part(target: Target, o: Outcome) -> bool:
    """The target names a part (words.own_parts: 县域) the figure's clause does not."""
    theirs = _before_figure(o)
    # a part listed with others ("大中城市、县城和乡镇新建…500所中小学校") is one of a whole
    return any(w in target.span and w not in theirs and not re.search(f"[、和及与]{w}|{w}[、和及与]", target.span)
               for w in words()["own_parts"])


def _own_clauses(o: Outcome) -> str:
    """The figure's clause, and the clauses before it back to the one naming its indicator
    ("与“一带一路”沿线…实现进出口额51.7亿元，增长35.2%"); not the sentence's other clauses."""
    pieces = re.split(r"[，,]", _before_figure(o))
    text, key = pieces[-1], clean(o.indicator)[:2]
    for piece in reversed(pieces[:-1]):
        if not key or key in text:
            break
        text = piece + "，" + text
    return text


def _before_figure(o: Outcome) -> str:
    """The outcome's clause up to its figure ("与“一带一路”沿线60个国家和地区实现进出口额51.7亿元")."""
    return re.split(r"[。；;]", _quote_before(o))[-1] + o.span


def _quote_before(o: Outcome) -> str:
    """The outcome's sentence before its span ("" when the span does not stand in it)."""
    i = o.quote.find(o.span)
    return o.quote[:i] if i > 0 else ""


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_BAR = re.compile(r"(?:超|过|突破)[\d.零一二两三四五六七八九十百千]*[万亿]元")
_BAR_ABOVE = re.compile(r"[\d.零一二两三四五六七八九十百千]+[万亿]元(?=以上)")  # "产值百亿元以上"


def _thresholds_in(name: str, text: str) -> bool:
    """The numbers and bars inside a target's name ("销售收入过20亿元的企业", "超亿元的园区")
    are in the figure's text: "过百亿元的企业达到5家" counts firms above another line."""
    name = name or ""
    return all(n in _NUMBER.findall(text) for n in _NUMBER.findall(name)) \
        and all(b[1:] in text for b in _BAR.findall(name)) \
        and all(b in text for b in _BAR_ABOVE.findall(name))


def _other_of_kind(name: str, text: str, place: tuple[str, ...] = ()) -> bool:
    """The text names a thing with the target's concrete head but another name before it:
    "二七长江大桥" → "天兴洲公铁两用长江大桥建成通车". The target's own name (二七) shares no
    pair of characters with the text, and other words stand before the head there."""
    name = re.split(r"等", name or "")[0]  # "山口岩水利枢纽等重点项目": the named one
    stage = next((x for x, _ in _all_stage_words() if name.endswith(x)), "")
    name = trailing_when().sub("", name[: len(name) - len(stage)])  # "康平路公铁立交桥早日通车": the thing
    if len(name) < 4 or re.search(r"\d", name):
        return False
    head = next((name[k:] for k in range(len(name) - 1) if name[k:] in text), "")
    own = name[: len(name) - len(head)]
    for p in place:  # "海拉尔客运总站": the jurisdiction's own name is no other name
        own = own.replace(p, "")
    if len(head) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]{2,}", own) \
            or not (head.endswith(concrete_heads()) or len(head) >= 4
                    and not head.endswith(tuple(words()["not_thing_heads"]))) \
            or _bg(own) & _bg(text):
        return False
    return bool(re.search(r"[\u4e00-\u9fff][\u4e00-\u9fff](?<!的)$", text[: text.find(head)]))


_QUOTED = re.compile(r"“([^”]{2,12})”")


def _quoted_names_in(promise: str, text: str) -> bool:
    """Every quoted name of the promise ("“政区合一”") is in the text by nearly all of its
    telling words ("义务教育发展基本均衡县" in "…义务教育基本均衡县验收")."""
    least = _matching("quoted_name_share")
    return all(docfreq.distinctive_share(name, text) >= least for name in _QUOTED.findall(promise))


def _joined_things_not_named(target: Target, o: Outcome) -> list[str]:
    """Things a count joins ("公租房和棚户区改造住房") that the outcome does not speak of."""
    name = target.indicator or ""
    if "等" in name:
        return []  # "孙家屯、团结村等7个现代牧场": the members of one count, not things joined
    return _unnamed_parts(name, clean(o.indicator + o.span))


def _parts_not_named(span: str, text: str) -> list[str]:
    """Parts of a joined promise ("职业技能提升和高职扩招三年行动", "能耗和主要污染物排放量")
    that the outcome does not speak of (shares no pair of characters with)."""
    return _unnamed_parts(_relative_words(_checked_clause(span)), clean(_relative_words(text)))


def _unnamed_parts(joined: str, text: str) -> list[str]:
    """The parts of `joined` ("A和B", "A、B") sharing no pair of characters with `text`;
    none when it joins fewer than two parts."""
    parts = [clean(p) for p in re.split(r"[和、及与]", joined)]
    if len([p for p in parts if len(p) >= 2]) < 2:
        return []
    have = _bg(text)
    return [p for p in parts if len(p) >= 2 and not (_bg(p) & have)]


def _partial(target: Target, o: Outcome, missing: list[str]) -> Verdict:
    return Verdict("unclear", "ambiguous", "the follow-up report speaks of only part of the promise",
                   f"“{o.span}” does not speak of {'、'.join(missing)} in “{target.span}”.",
                   outcome=o, provisional=o.provisional)


def _over_period(o: Outcome) -> bool:
    """A statement about the whole plan period; "连续上调" (every year) still holds for each year."""
    if any(w in o.span for w in words()["every_year"]):
        return False
    return o.measure == "cumulative" or any(w in o.span for w in words()["cumulative"] if len(w) > 1)


def _direction(text: str) -> str | None:
    d = words()["direction"]
    for key in ("down", "up", "stable"):
        if any(w in text for w in d[key]):
            return key
    return None


def _judge_direction(target: Target, outcomes: list[Outcome]) -> Verdict:
    want = _direction(target.span)
    if want is None:
        return _not_reported(target)
    found = _statements(target, outcomes, ("up", "down", "stable"))
    ok = {want, "down"} if want == "stable" and polarity_of(target) < 0 else {want}
    same = [o for _, o in found if ok & set((o.statement or "").split(","))]
    if want in ("up", "down") and target.horizon != "five_year":
        # A rise over five years ("年均增长24%") does not say the promised year rose; a state
        # that held for the whole period ("守住了…底线") did hold in that year.
        yearly = [o for o in same if not _over_period(o)]
        if same and not yearly:
            o = same[0]
            return Verdict("unclear", "different_measure", "only a change over several years is reported",
                           f"“{o.span}” is a change over several years, not in the year of “{target.span}”.",
                           outcome=o, provisional=o.provisional)
        same = yearly
    if not same:
        if found:
            o = found[0][1]
            return Verdict("unclear", "ambiguous", "the follow-up report speaks of it in other terms",
                           f"The follow-up report says “{o.span}” about “{target.span}”.",
                           outcome=o, provisional=o.provisional)
        return _not_reported(target)
    o = same[0]
    missing = _parts_not_named(target.span, o.span)
    if missing:
        return _partial(target, o, missing)
    code = "stated_achieved" if want == "stable" else "direction"
    if want == "stable" and "stable" not in (o.statement or "").split(","):
        code = "ceiling"  # "保持宏观杠杆率基本稳定" → "宏观杠杆率下降": less is better
    return Verdict("met", code, "met when the follow-up report states the promised direction",
                   f"The follow-up report states: {o.span}.", outcome=o, provisional=o.provisional)
