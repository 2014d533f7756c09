"""Numbers, units, comparators and indicator names in report Chinese; reads tracker/rules/.

Stable API (extend only):

    parse_number(s) -> float
        "1,000" -> 1000.0, "4.5" -> 4.5, "三千万" -> 3e7, "两" -> 2.0, "百分之五" -> 5.0.
        Raises ValueError when `s` is not a number.
    find_quantities(text) -> list[Quantity]
        every number + unit in `text`, with its comparator words:
        "新增就业1万人以上" -> Quantity(value=1, unit="万人", comparator=">=", ...),
        "新认定各类专精特新企业 5-8 家" -> value=5, value_max=8, unit="家", comparator=">=",
        "超万人" -> value=1, unit="万人", comparator=">=", "两个百分点" -> 2 个百分点.
        A bare number has comparator "=" (the verdict policy reads it as "at least" for
        more-is-better indicators). Start/end cover the comparator words too.
    to_base(value, unit) -> (float, base_unit)
        1.3 万亿斤 -> (6.5e11, "千克"); 28 亿元 -> (2.8e9, "元"); 3 所 -> (3, "所");
        an unknown unit comes back unchanged.
    unit_dimension(unit) -> str | None
        "万吨" -> "mass", "家" -> "count:家": two quantities compare only in one dimension.
    lookup_indicator(text) -> IndicatorRule | None
        the lexicon entry named in `text` (longest alias wins), with key, name, polarity.
    find_indicators(text) -> list[tuple[int, int, IndicatorRule]]
        every alias occurrence, left to right, longest first where they overlap.
    find_relative(text) -> list[tuple[int, int, str]]
        relative patterns ("与经济增长同步", "双下降", "完成市下达目标任务") as (start, end, relation).
    find_stage_after(text) / STAGE_AFTER, STAGE_BEFORE: deliverable stage words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tracker import rules

__all__ = [
    "Quantity",
    "IndicatorRule",
    "parse_number",
    "find_quantities",
    "to_base",
    "unit_dimension",
    "lookup_indicator",
    "find_indicators",
    "find_relative",
    "find_stage_after",
]

IndicatorRule = rules.IndicatorRule


@dataclass(frozen=True)
class Quantity:
    """A number with its unit and comparator, as found in a text."""

    start: int  # first character, comparator words included
    end: int  # one past the last character, comparator words included
    value: float  # as written in `unit` (lower end of a range)
    unit: str | None  # as written, magnitude included: "万人", "亿元", "%", "个百分点"
    comparator: str = "="  # ">=", "<=", "~", "="
    value_max: float | None = None  # upper end of a range
    approx: bool = False  # 左右 / 约 / 近
    below: bool = False  # 近 / 接近: just under the value
    num_start: int = 0  # where the number itself starts (no comparator words)
    chinese: bool = False  # written with Chinese numerals ("百场", "两个百分点")
    text: str = ""
    implied: bool = False  # no unit written; the noun after it names one ("8万…人口")


# --- numbers -----------------------------------------------------------------------------

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


def _parse_cn(s: str) -> float:
    """Chinese numerals: 三千万 → 3e7, 十二 → 12, 一百零五 → 105, 千 → 1000."""
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit = None
        elif ch in _CN_BIG:
            section += digit or 0
            total = (total + (section or 1)) * _CN_BIG[ch] if ch == "亿" else total + (section or 1) * _CN_BIG[ch]
            section, digit = 0, None
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return float(total + section + (digit or 0))


def parse_number(s: str) -> float:
    """An Arabic or Chinese number as written in a report."""
    t = s.strip().translate(_FULLWIDTH).replace(" ", "")
    if not t:
        raise ValueError("empty number")
    if t.startswith("百分之"):
        return parse_number(t[3:])
    if re.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?", t):
        return float(t.replace(",", ""))
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(万亿|亿|万|千|百)", t)
    if m:  # "1.3万亿"
        return float(m.group(1)) * _magnitude(m.group(2))
    return _parse_cn(t)


def _magnitude(mag: str) -> float:
    return rules.units().magnitudes.get(mag, 1.0)


# --- quantities --------------------------------------------------------------------------

_ARABIC = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_NUM = r"[零〇一二两三四五六七八九十百千]+"


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _quantity_re() -> re.Pattern[str]:
    table = rules.units()
    words, seps = rules.comparators()
    unit_alts = []
    for name in sorted(table.units, key=len, reverse=True):
        guard = table.not_before.get(name)
        unit_alts.append(re.escape(name) + (f"(?![{re.escape(guard)}])" if guard else ""))
    unit_alts.append("％")
    for i, nouns in enumerate(table.implied.values()):
        # no unit written: "8万农村贫困人口" (group implied_<i> names the i-th implied unit)
        unit_alts.append(rf"(?P<implied_{i}>(?<=[{_alt_chars(table.magnitudes)}])"
                         rf"(?=[\u4e00-\u9fff]{{0,{table.implied_gap}}}(?:{_alt(nouns)})))")
    before = _alt(w.text for w in words if w.place == "before")
    after = _alt(w.text for w in words if w.place == "after")
    infix = _alt(w.text for w in words if w.place == "infix")
    mags = _alt(table.magnitudes)
    sep = _alt(seps)
    num = rf"(?:{_ARABIC}|{_CN_NUM})"
    pattern = (
        rf"(?:(?P<pre>{before})\s*)?"
        rf"(?:百分之(?P<pct>{num})"
        rf"|(?<![\d.A-Za-z_第])(?P<num>{num})?"
        # a range needs its first number: "提高到100%"
        rf"(?(num)(?:\s*(?:%|％|(?P<mag1>{mags}))?\s*(?P<sep>{sep})\s*(?P<num2>{num}))?)"
        rf"(?P<infix>{infix})?"
        rf"\s*(?P<mag>{mags})?"
        rf"\s*(?P<unit>{'|'.join(unit_alts)}))"
        rf"(?P<post>\s*(?:{after}))?"
    )
    return re.compile(pattern)


def _alt_chars(words) -> str:
    """The characters of one-character words, for a character class."""
    return "".join(re.escape(w) for w in words if len(w) == 1)


@cache
def _word_table() -> dict[tuple[str, str], rules.ComparatorWord]:
    words, _ = rules.comparators()
    return {(w.place, w.text): w for w in words}


def find_quantities(text: str) -> list[Quantity]:
    """Every number with a unit in `text`, left to right, with comparator words."""
    out: list[Quantity] = []
    table = _word_table()
    idioms = [m.span() for m in _idiom_re().finditer(text)]
    for m in _quantity_re().finditer(text):
        q = _quantity_from_match(m, table)
        if q is not None and not any(a < q.end and q.num_start < b for a, b in idioms):
            out.extend(_sharing_unit(text, q, out[-1].end if out else 0))
            out.append(q)
    return out


_BARE_BEFORE = re.compile(r"(\d+(?:\.\d+)?)([万亿])[、和及]$")


def _sharing_unit(text: str, q: Quantity, floor: int) -> list[Quantity]:
    """Numbers listed before `q` with its magnitude and no unit of their own take its unit:
    "分别净增参保人员6万、8万、6万、10万和5万人" → 6万人, 8万人 … (left to right)."""
    if not q.unit or q.unit[0] not in "万亿" or q.chinese or q.comparator != "=":
        return []
    found, end = [], q.num_start
    while (m := _BARE_BEFORE.search(text, floor, end)) and m.group(2) == q.unit[0]:
        found.append(Quantity(m.start(), m.end() - 1, float(m.group(1)), q.unit, num_start=m.start(),
                              text=m.group(0)[:-1]))
        end = m.start()
    return found[::-1]


@cache
def _idiom_re() -> re.Pattern[str]:
    """Set phrases whose numerals count nothing ("千家万户"), from units.toml [idioms]."""
    return re.compile(_alt(rules.load("units")["idioms"]["words"]))


def _quantity_from_match(m: re.Match[str], table) -> Quantity | None:
    g = m.groupdict()
    unit = "%" if g["unit"] == "％" else g["unit"]
    if unit == "":
        if not g["mag"] or g["num"] is None or g["infix"] or g["pre"]:
            return None  # only a plain number with its magnitude implies a unit: "8万…人口"
        implied = list(rules.units().implied)
        unit = next(implied[int(k[len("implied_"):])] for k, v in g.items()
                    if k.startswith("implied_") and v is not None)
    if g["pct"] is not None:
        value, vmax, chinese, mag = parse_number(g["pct"]), None, not g["pct"][0].isdigit(), ""
        unit = "%"
    else:
        num, mag = g["num"], g["mag"] or ""
        if num is None and not mag:
            return None  # a bare unit word ("个", "家") is no quantity
        if num is None and not g["pre"] and not g["infix"]:
            return None  # "万家惠": a bare 万 counts only after a comparator ("超万人")
        chinese = num is not None and not num[0].isdigit()
        try:
            value = parse_number(num) if num is not None else 1.0  # "超万人" = 1 万人
            vmax = parse_number(g["num2"]) if g["num2"] is not None else None
        except ValueError:
            return None
        if g["mag1"] and vmax is not None and not mag:
            mag = g["mag1"]
        unit = mag + unit
    comparator, approx, below = "=", False, False
    pre = table.get(("before", g["pre"])) if g["pre"] else None
    post = table.get(("after", g["post"].strip())) if g["post"] else None
    infix = table.get(("infix", g["infix"])) if g["infix"] else None
    for w in (pre, infix, post):  # later words win: "控制在5.5%以内", "稳定在98%以上"
        if w is not None and (w.op != "=" or comparator == "="):
            comparator, approx, below = w.op, w.approx, w.below
    if vmax is not None and comparator == "=":
        comparator = ">="  # a range is met at its lower end
    start = m.start()
    num_start = m.start("pct") - 3 if g["pct"] is not None else (m.start("num") if g["num"] else m.start("mag"))
    return Quantity(
        start=start,
        end=m.end(),
        value=value,
        unit=unit,
        comparator=comparator,
        value_max=vmax,
        approx=approx,
        below=below,
        num_start=num_start,
        chinese=chinese,
        text=m.group(0),
        implied=g["unit"] == "",
    )


# --- units -------------------------------------------------------------------------------


def _split_unit(unit: str) -> tuple[float, rules.UnitInfo | None]:
    """'万人' → (1e4, 人); '千米' is a unit of its own, not 千 × 米."""
    table = rules.units()
    if unit in table.units:
        return 1.0, table.units[unit]
    for mag in sorted(table.magnitudes, key=len, reverse=True):
        if unit.startswith(mag) and unit[len(mag):] in table.units:
            return table.magnitudes[mag], table.units[unit[len(mag):]]
    return 1.0, None


def to_base(value: float, unit: str | None) -> tuple[float, str | None]:
    """The value in its dimension's base unit: (28, '亿元') → (2.8e9, '元')."""
    if not unit:
        return float(value), unit
    mult, info = _split_unit(unit)
    if info is None:
        return float(value), unit
    base = rules.units().bases[info.dimension]
    return float(value) * mult * info.factor, base


def unit_dimension(unit: str | None) -> str | None:
    if not unit:
        return None
    _, info = _split_unit(unit)
    return info.dimension if info else None


# --- indicators --------------------------------------------------------------------------


@cache
def _indicator_re() -> tuple[re.Pattern[str], dict[str, rules.IndicatorRule]]:
    by_alias: dict[str, rules.IndicatorRule] = {}
    for rule in rules.indicators():
        for alias in rule.aliases:
            by_alias.setdefault(alias, rule)
    return re.compile(_alt(by_alias)), by_alias


# How far after another indicator's alias a head word still belongs to it ("生产总值综合能耗").
HEAD_REACH = 4


@cache
def _denominator_res() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """(before, after) pairs around an alias that make it a denominator: a share's
    ("占全市地区生产总值比重") and an intensity's ("每万元地区生产总值用水量")."""
    rule = rules.load("indicators")["denominator"]
    return ((re.compile(f"(?:{_alt(rule['before'])})(?:{_alt(rule['scope'])})?$"),
             re.compile(f"的?(?:{_alt(rule['after'])})")),
            (re.compile(f"(?:{_alt(rule['per'])})$"), re.compile(_alt(rule["intensity"]))))


def _is_denominator(text: str, start: int, end: int) -> bool:
    return any(after.match(text, end) and before.search(text[max(0, start - 6):start])
               for before, after in _denominator_res())


def find_indicators(text: str) -> list[tuple[int, int, rules.IndicatorRule]]:
    pattern, by_alias = _indicator_re()
    out = []
    for m in pattern.finditer(text):
        rule, end = by_alias[m.group(0)], m.end()
        for other, window in _headed():
            near = text[end:end + window]
            hit = next((h for h in other.heads if h in near and near.index(h) <= HEAD_REACH), None)
            if other is not rule and hit:
                rule, end = other, end + near.index(hit) + len(hit)
                break
        else:
            if _is_denominator(text, m.start(), m.end()):
                continue  # "…占地区生产总值比重", "每万元地区生产总值用水量"
        out.append((m.start(), end, rule))
    return out


@cache
def _headed() -> tuple[tuple[rules.IndicatorRule, int], ...]:
    """Indicators with head words, each with how much text after an alias to look at."""
    return tuple((r, HEAD_REACH + max(map(len, r.heads))) for r in rules.indicators() if r.heads)


def lookup_indicator(text: str) -> rules.IndicatorRule | None:
    """The indicator `text` names, by its longest alias; None when the lexicon has none."""
    found = find_indicators(text)
    if not found:
        return None
    return max(found, key=lambda f: f[1] - f[0])[2]


# --- relative patterns and stage words ---------------------------------------------------


@cache
def _relative_res() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((r["relation"], re.compile(r["pattern"])) for r in rules.target_words()["relative"])


@cache
def _relative_any() -> re.Pattern[str]:
    # one pass to rule out the many clauses that hold no relative pattern at all
    return re.compile("|".join(f"(?:{p.pattern})" for _, p in _relative_res()))


def find_relative(text: str) -> list[tuple[int, int, str]]:
    if not _relative_any().search(text):
        return []
    out = []
    for relation, pattern in _relative_res():
        out.extend((m.start(), m.end(), relation) for m in pattern.finditer(text))
    return sorted(out)


STAGE_AFTER: tuple[str, ...] = tuple(rules.target_words()["stage"]["after"])
STAGE_BEFORE: tuple[str, ...] = tuple(rules.target_words()["stage"]["before"])
_STAGE_AFTER_RE = re.compile(_alt(STAGE_AFTER))


def find_stage_after(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _STAGE_AFTER_RE.finditer(text)]


def split_list(name: str) -> list[str]:
    """ "城镇和农村居民人均可支配收入" → [城镇居民人均可支配收入, 农村居民人均可支配收入]."""
    if name.startswith("城乡"):
        rest = name[2:]
        return ["城镇" + rest, "农村" + rest]
    items = [x for x in re.split("[和、与及]", name) if x]
    if len(items) < 2:
        return [name]
    # Short heads share the tail of the next item that has one: 城镇 + 居民人均可支配收入,
    # 生猪 + 出栏量 (of "生猪、肉牛出栏量、大鹅饲养量"); a qualifier as long as the last item
    # shares its head: 基本养老 + 保险 (of 生育保险).
    last = items[-1]
    return [_share_tail(it, next((x for x in items[i + 1:] if len(x) > 2), last) if len(it) == 2 else last)
            for i, it in enumerate(items[:-1])] + [last]


_PLACE_END = "区市县镇乡村旗盟州城"
_PLACE_HEAD = re.compile(rf"^[\u4e00-\u9fff]{{1,3}}?[{_PLACE_END}]")


def _share_tail(item: str, last: str) -> str:
    # a place names where, the next item's place is replaced by it: 城八区 + 城镇污水处理率
    # (of "城八区和郊区城镇污水处理率")
    place = _PLACE_HEAD.match(last)
    if 2 <= len(item) <= 4 and item[-1] in _PLACE_END and place and len(last) > place.end() + 1:
        return item + last[place.end():]
    # only a two-character qualifier lines up with the last item's own ("居民医保" and
    # "基本公共卫生服务经费…标准" share nothing)
    if len(item) == 2 < len(last):
        return item + last[len(item):]
    head = last[-2:]
    if len(item) == len(last) == 4 and head not in item:
        return item + head
    return item


_ASIDE_LEAD = re.compile(r"^[（(]?(?:其中|含)?")


def scoped(parent: str, aside: str) -> str:
    """The indicator of a bracketed part of a figure ("73.8%（其中市区85%）"): the figure's
    own indicator with the part's scope, 城镇生活污水集中处理率（其中市区）; "" when the aside
    names an indicator of its own."""
    scope = _ASIDE_LEAD.sub("", aside).strip("（）() ")
    if not scope or not parent or lookup_indicator(scope):
        return ""
    return f"{parent}（其中{scope}）"


def scope_of(indicator: str) -> str:
    """The scope a scoped() indicator carries, "" for any other."""
    m = re.search(r"（其中([^（）]+)）$", indicator or "")
    return m.group(1) if m else ""
