"""China's administrative divisions, current and historical, looked up by name.

The data is tracker/rules/divisions.tsv (built by scripts/build_divisions.py from GB/T 2260
revisions 2002-2014 and adcode tables of 2016 and 2025): one row per (code, name) ever
seen, with the short name people use (浙江, 内蒙古, 阿坝), the level, the parent's code and
the first and last year the name stood under that code. It is read once per process.

    lookup(name)             divisions whose full, short or usual name is `name`
    is_division(name)        whether lookup finds anything
    province_of(x)           the province-level division of a name or Division
    parent_of(division)      the division one level up, as it was at the time
    same_place(a, b)         whether two names stand for one division (浙江 / 浙江省)
    find_places(text)        the names in a text, left to right, longest first
    count_places(text)       how often each division is named in a text, by full name

Order of lookup(): most recent first (the later `last` year), then the higher level, so
lookup("河北") gives 河北省 before 天津's 河北区 and lookup("吉林") gives 吉林省 before
吉林市; then the later `first` year, then the code.

Besides full and short names, lookup knows the usual name of an autonomous unit: its short
name with the unit's last character (阿坝州, 长阳县, 莫力达瓦旗).

In a text, full names and usual names count for every level; short names only for
province- and prefecture-level divisions (a short name stands for the first division
lookup gives of those levels: 吉林 → 吉林省). Matching is by substring, longest first, so
words that hold a name without being one are read as words and skipped: the districts
城区, 老城区, 东区 (主城区, 老城区改造), and the phrases in NOT_NAMES (示范县, 长治久安).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

LEVELS = ("province", "prefecture", "county")
_RANK = {level: rank for rank, level in enumerate(LEVELS)}
COLUMNS = ("code", "name", "short", "level", "parent", "first", "last")
# District names that are everyday words in a report ("主城区", "老城区改造", "华东区域").
GENERIC = frozenset({"城区", "郊区", "矿区", "东区", "西区", "老城区", "新城区"})
# Common words and phrases of the reports that hold a name but do not name it; each is
# skipped whole. Two-character county names followed by 域, 级, 乡, 城 or 处 (和县域, 完成县级)
# are added to these in _index().
NOT_NAMES = frozenset({
    "示范县", "模范县",  # 范县
    "长治久安",  # 长治
    "文山会海",  # 文山
    "阿里巴巴",  # 阿里
    "真金白银",  # 白银
    "幸福安康",  # 安康
    "周年大庆",  # 大庆
    "大同心圆",  # 大同
    "隆重庆祝",  # 重庆
    "新增城市", "滨海城市", "沿海城市",  # 增城市, 海城市
    "创新乡村",  # 新乡
    "江河源", "渭河源",  # 河源
    "长白山",  # 白山
    "祁连山", "天山南",  # 山南
    "贺兰山",  # 山东
    "巴丹吉林",  # 吉林
    "海西经济区",  # 海西 (海峡西岸, not 海西州)
    "东北海陆",  # 北海
})
_COUNTY_WORD_ENDS = "域级乡城处"
_AUTONOMOUS = ("自治州", "自治县", "自治旗")


@dataclass(frozen=True)
class Division:
    code: str  # 6 digits, GB/T 2260
    name: str  # full name: 内蒙古自治区, 呼伦贝尔市, 海拉尔区
    short: str  # without the unit word: 内蒙古, 呼伦贝尔, 海拉尔; "" when none
    level: str  # province | prefecture | county
    parent: str  # code one level up; "" for a province
    first: int  # first year the name stood under this code
    last: int  # last year it did


@dataclass(frozen=True)
class Place:
    """A division named in a text: text[start:end] is its full, short or usual name."""

    start: int
    end: int
    text: str
    division: Division


@dataclass(frozen=True)
class _Index:
    by_name: dict[str, tuple[Division, ...]]  # full, short and usual names
    by_code: dict[str, tuple[Division, ...]]
    heads: dict[str, tuple[str, ...]]  # first two characters -> names to scan for, longest first
    named: dict[str, Division | None]  # a name found in a text -> its division; None: a word
    levels: dict[str, frozenset[str]]  # full name -> the levels it has had


def _order(division: Division) -> tuple[int, int, int, str]:
    return (-division.last, _RANK[division.level], -division.first, division.code)


def _usual(division: Division) -> str:
    """阿坝州 for 阿坝藏族羌族自治州, 长阳县 for 长阳土家族自治县; "" for the rest."""
    if division.short and division.name.endswith(_AUTONOMOUS):
        return division.short + division.name[-1]
    return ""


def _read() -> list[Division]:
    text = resources.files("tracker.rules").joinpath("divisions.tsv").read_text("utf-8")
    lines = text.splitlines()
    if tuple(lines[0].split("\t")) != COLUMNS:
        raise ValueError(f"divisions.tsv: header is not {COLUMNS}")
    rows = []
    for line in lines[1:]:
        code, name, short, level, parent, first, last = line.split("\t")
        rows.append(Division(code, name, short, level, parent, int(first), int(last)))
    return rows


@cache
def _index() -> _Index:
    rows = sorted(_read(), key=_order)
    full: dict[str, list[Division]] = {}
    by_name: dict[str, list[Division]] = {}
    by_code: dict[str, list[Division]] = {}
    for d in rows:
        full.setdefault(d.name, []).append(d)
        by_code.setdefault(d.code, []).append(d)
        for key in {d.name, d.short}:
            if key:
                by_name.setdefault(key, []).append(d)
    for d in rows:
        usual = _usual(d)
        if usual and usual not in full and d not in by_name.setdefault(usual, []):
            by_name[usual].append(d)
    for found in by_name.values():
        found.sort(key=_order)

    # What a name found in a text stands for: a full name first, then a usual name, then a
    # province's or prefecture's short name (rows are in lookup order, so the first wins).
    named: dict[str, Division | None] = dict.fromkeys(GENERIC | NOT_NAMES)
    for name in full:
        if len(name) == 2 and name.endswith("县"):
            named.update(dict.fromkeys(name + end for end in _COUNTY_WORD_ENDS if name + end not in full))
    for name, found in full.items():
        named.setdefault(name, found[0])
    for d in rows:
        usual = _usual(d)
        if usual and usual not in named:
            named[usual] = d
    for d in rows:
        if d.level != "county" and len(d.short) >= 2 and d.short not in named:
            named[d.short] = d
    heads: dict[str, list[str]] = {}
    for name in named:
        heads.setdefault(name[:2], []).append(name)
    return _Index(
        by_name={k: tuple(v) for k, v in by_name.items()},
        by_code={k: tuple(v) for k, v in by_code.items()},
        heads={k: tuple(sorted(v, key=len, reverse=True)) for k, v in heads.items()},
        named=named,
        levels={k: frozenset(d.level for d in v) for k, v in full.items()},
    )


def lookup(name: str) -> list[Division]:
    """Divisions whose full, short or usual name is `name`, most recent first."""
    return list(_index().by_name.get(name.strip(), ()))


def is_division(name: str) -> bool:
    """Whether `name` is the full, short or usual name of some division."""
    return name.strip() in _index().by_name


def _at(code: str, near: Division) -> Division | None:
    """The division under `code` whose years overlap those of `near` most (else the latest)."""
    found = _index().by_code.get(code, ())
    if not found:
        return None
    overlap = [d for d in found if d.first <= near.last and near.first <= d.last]
    return overlap[0] if overlap else found[0]


def _resolve(name_or_division: str | Division) -> Division | None:
    if isinstance(name_or_division, Division):
        return name_or_division
    found = lookup(name_or_division)
    return found[0] if found else None


def parent_of(division: Division) -> Division | None:
    """The division one level up, as named when `division` was; None for a province."""
    return _at(division.parent, division) if division.parent else None


def province_of(name_or_division: str | Division) -> Division | None:
    """The province-level division of a name (its first lookup) or of a Division."""
    division = _resolve(name_or_division)
    if division is None:
        return None
    if division.level == "province":
        return division
    return _at(division.code[:2] + "0000", division)


def _identity(division: Division) -> tuple[str, str, str]:
    # 那曲地区 (542400) became 那曲市 (540600): one place under one parent, at one level.
    return (division.parent, division.level, division.short or division.name)


def same_place(a: str, b: str) -> bool:
    """Whether two names stand for one division: 浙江 / 浙江省, 阿坝州 / 阿坝, 襄樊市 / 襄阳市.

    Each name is read as its first lookup() result, so 吉林 (the province) is not 吉林市.
    Two divisions are one place when they share a code (a renaming) or a parent, a level
    and a short name (a 地区 that became a 市 under a new code). Identical strings are
    always the same place, divisions or not (全国).
    """
    if a.strip() == b.strip():
        return True
    da, db = _resolve(a), _resolve(b)
    if da is None or db is None:
        return False
    return da.code == db.code or _identity(da) == _identity(db)


def find_places(text: str) -> list[Place]:
    """The division names in `text`, left to right, not overlapping, the longest at each
    place (呼伦贝尔市, not 呼伦贝尔); short names only of provinces and prefectures."""
    index = _index()
    heads, named = index.heads, index.named
    found = []
    i, end = 0, len(text) - 1
    while i < end:
        for name in heads.get(text[i : i + 2], ()):
            if text.startswith(name, i):
                division = named[name]
                if division is not None:
                    found.append(Place(i, i + len(name), name, division))
                i += len(name)
                break
        else:
            i += 1
    return found


def count_places(text: str, level: str | None = None) -> Counter[str]:
    """How often each division is named in `text`, by full name; only those that have
    been of `level` when it is given. Matching is as in find_places."""
    if level is not None and level not in _RANK:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    counts = Counter(place.division.name for place in find_places(text))
    if level is None:
        return counts
    levels = _index().levels
    return Counter({name: n for name, n in counts.items() if level in levels[name]})
