"""The HTML of each page, written with the standard library (html.escape, no templates).

Every function takes the rows it shows and returns a whole page. Words a reader sees are
Chinese first; verdict names keep their English word beside them, as the CLI prints them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from tracker.render.chart import ORDER
from tracker.render.output import md_url
from tracker.render.scorecard import REASON_LABEL, VERDICT_ORDER, compared_text, evidence_text
from tracker.site import paths
from tracker.site.svg import LABEL, target_outcome_chart, verdict_bar, years_chart

KIND_LABEL = {"work_report": "政府工作报告", "plan_report": "计划执行情况与计划草案"}
LEVEL_LABEL = {"province": "省级", "prefecture": "地级", "county": "县级", "country": "全国"}
HORIZON_LABEL = {"five_year": "五年目标"}


@dataclass
class Place:
    """A jurisdiction page: one held in the ledger, or a province / prefecture above some."""

    name: str
    level: str = ""  # province | prefecture | county | country | "" (not a known division)
    code: str = ""
    parents: list[str] = field(default_factory=list)  # names, province first
    children: list[str] = field(default_factory=list)  # places one level down with pages
    years: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    documents: list[Any] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(r["verdict"] for rows in self.years.values() for r in rows)


# --- small pieces ---------------------------------------------------------------------


def e(text: object) -> str:
    return escape("" if text is None else str(text))


def page(title: str, body: str, *, depth: int = 1, crumbs: Sequence[tuple[str, str | None]] = ()) -> str:
    """A whole page; `crumbs` are (label, site path or None) from the index down."""
    up = "../" * depth
    trail = " › ".join(
        f'<a href="{paths.href(p, depth=depth)}">{e(label)}</a>' if p else e(label) for label, p in crumbs
    )
    return (
        '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n"
        f'<link rel="stylesheet" href="{up}{paths.STYLE}">\n</head>\n<body>\n'
        f'<header class="site"><a href="{up}{paths.INDEX}">首页：各地目标达成情况</a>'
        f'<a href="{up}{paths.PANEL}">指标面板</a></header>\n'
        + (f'<nav class="note">{trail}</nav>\n' if trail else "")
        + f"<main>\n{body}\n</main>\n"
        '<footer class="note"><p>判定规则：只有当次年报告给出可比的数字或明确说明完成情况时，'
        "目标才判为“达成”或“未达成”；否则为“无法判断”，并写明原因。行号均为原始报告文件的行号。</p></footer>\n"
        "</body>\n</html>\n"
    )


def rate(counts: Mapping[str, int]) -> str:
    decided = counts.get("met", 0) + counts.get("missed", 0)
    return f"{counts.get('met', 0) / decided:.0%}" if decided else "—"


def headline(counts: Mapping[str, int]) -> str:
    total = sum(counts.get(v, 0) for v in ORDER)
    if not total:
        return "没有记录到目标。"
    if counts.get("pending", 0) == total:
        return f"共 {total} 项目标，均待核：审视这一年的报告尚未收录。"
    parts = [f"达成 {counts.get('met', 0):,} 项", f"未达成 {counts.get('missed', 0):,} 项",
             f"无法判断 {counts.get('unclear', 0):,} 项"]
    if counts.get("pending"):
        parts.append(f"待核 {counts['pending']:,} 项")
    return f"共 {total:,} 项目标：" + "，".join(parts) + f"。达成率 {rate(counts)}。"


def verdict_label(verdict: str) -> str:
    return f'<span class="v-{e(verdict)}">{LABEL.get(verdict, verdict)} {e(verdict)}</span>'


def web(url: str | None) -> str | None:
    """A report's official URL as a link target; None unless it is an http(s) address."""
    return md_url(url)


def cite(doc: str | None, line: int | None, url: str | None, *, depth: int = 1) -> str:
    """`文件 第N行`, linked to that line of the report's page; the official URL beside it."""
    if not doc:
        return ""
    where = f"{e(doc)} 第{line}行" if line else e(doc)
    link = paths.href(paths.report_page(doc), paths.line_id(line) if line else None, depth=depth)
    out = f'<a class="cite" href="{link}">{where}</a>'
    if web(url):
        out += f' <a class="cite" href="{e(web(url))}" rel="noreferrer">原文网址</a>'
    return out


def count_cells(counts: Mapping[str, int]) -> str:
    total = sum(counts.get(v, 0) for v in ORDER)
    return f'<td class="n">{total}</td>' + "".join(
        f'<td class="n">{counts.get(v, 0)}</td>' for v in ORDER
    ) + f'<td class="n">{rate(counts)}</td>'


COUNT_HEADS = ('<th class="n">目标</th><th class="n">达成</th><th class="n">未达成</th>'
               '<th class="n">无法判断</th><th class="n">待核</th><th class="n">达成率</th>')


def year_span(years: Iterable[int]) -> str:
    ys = sorted(years)
    if not ys:
        return ""
    return f"{ys[0]}–{ys[-1]}" if len(ys) > 1 else str(ys[0])


def _place_row(place: Place, *, depth: int, css: str = "") -> str:
    link = paths.href(paths.jurisdiction_page(place.name), depth=depth)
    cls = f' class="{css}"' if css else ""
    return (f'<tr{cls}><td><a href="{link}">{e(place.name)}</a></td><td>{LEVEL_LABEL.get(place.level, "")}</td>'
            f"<td>{year_span(place.years)}</td>{count_cells(place.counts)}</tr>")


def places_table(rows: Sequence[tuple[Place, str]], *, depth: int) -> str:
    head = f"<tr><th>地区</th><th>级别</th><th>年份</th>{COUNT_HEADS}</tr>"
    body = "".join(_place_row(p, depth=depth, css=css) for p, css in rows)
    return f"<table>\n<thead>{head}</thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _descendants(place: Place, places: Mapping[str, Place], level: int = 0) -> list[tuple[Place, str]]:
    """Children, each followed by its own children (a prefecture's counties)."""
    out: list[tuple[Place, str]] = []
    for name in place.children:
        child = places[name]
        out.append((child, "sub" if level == 0 else "sub sub2"))
        out.extend(_descendants(child, places, level + 1))
    return out


def _total(place: Place, places: Mapping[str, Place]) -> Counter[str]:
    total = Counter(place.counts)
    for child, _ in _descendants(place, places):
        total.update(child.counts)
    return total


# --- the index ------------------------------------------------------------------------


def index_page(tops: Sequence[Place], places: Mapping[str, Place], n_reports: int, has_panel: bool) -> str:
    """Provinces (and 全国) with their met rates; under each, the places it holds."""
    all_counts: Counter[str] = Counter()
    for p in places.values():
        all_counts.update(p.counts)
    held = sum(1 for p in places.values() if p.years)
    parts = [
        "<h1>政府工作报告：说到做到了吗？</h1>",
        f'<p class="lead">{held:,} 个地区、{n_reports:,} 份报告。{headline(all_counts)}</p>',
        '<p class="note">每项目标对照次年同一地区报告的回顾部分判定。达成率 = 达成 ÷（达成 + 未达成）；'
        "“无法判断”和“待核”不计入。点击地区查看逐年记分卡，点击目标的出处跳到报告原文的那一行。</p>",
    ]
    if not places:
        parts.append("<p>账本里还没有报告：先用 <code>tracker ingest</code> 添加报告，"
                     "再运行 <code>tracker site</code>。</p>")
    if has_panel:
        parts.append(f'<p><a href="{paths.PANEL}">指标面板：主要指标的目标与实际</a></p>')
    head = f"<tr><th>地区</th><th>级别</th><th>年份</th>{COUNT_HEADS}</tr>"
    body = []
    for top in tops:
        below = _descendants(top, places)
        link = paths.href(paths.jurisdiction_page(top.name), depth=0)
        extra = f"（本级及下辖 {len(below)} 个地区合计）" if below else ""
        years = set(top.years).union(*(set(c.years) for c, _ in below)) if below else set(top.years)
        body.append(
            f'<tr class="province" id="{e(paths.safe(top.name))}"><th><a href="{link}">{e(top.name)}</a>{extra}</th>'
            f"<td>{LEVEL_LABEL.get(top.level, '')}</td><td>{year_span(years)}</td>"
            f"{count_cells(_total(top, places))}</tr>"
        )
        body.extend(_place_row(child, depth=0, css=css) for child, css in below)
    parts.append(f"<table>\n<thead>{head}</thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>")
    return page("政府工作报告目标追踪", "\n".join(parts), depth=0)


# --- a jurisdiction -------------------------------------------------------------------


def crumbs_for(place: Place) -> list[tuple[str, str | None]]:
    return [("首页", paths.INDEX)] + [(p, paths.jurisdiction_page(p)) for p in place.parents]


def jurisdiction_page(place: Place, places: Mapping[str, Place], panel: Sequence[dict[str, Any]] | None) -> str:
    parts = [f"<h1>{e(place.name)}</h1>"]
    if place.years:
        by_year = [(y, Counter(r["verdict"] for r in place.years[y])) for y in sorted(place.years)]
        parts.append(f'<p class="lead">{e(headline(place.counts))}</p>')
        parts.append(years_chart(by_year, f"{place.name} 各年目标判定（柱上为达成率）"))
        rows = []
        for y, counts in by_year:
            link = paths.href(paths.year_page(place.name, y), depth=1)
            rows.append(f'<tr><td><a href="{link}">{y}年</a></td>{count_cells(counts)}</tr>')
        parts.append(f"<h2>逐年记分卡</h2>\n<table><thead><tr><th>目标年份</th>{COUNT_HEADS}</tr></thead>"
                     f"<tbody>{''.join(rows)}</tbody></table>")
    else:
        parts.append('<p class="lead">本级政府的报告尚未收录。</p>')
    if panel:
        parts.append(panel_section(place.name, panel))
    below = _descendants(place, places)
    if below:
        parts.append(f"<h2>下辖地区（{len(below)}）</h2>\n{places_table(below, depth=1)}")
    if place.documents:
        parts.append("<h2>报告</h2>\n" + documents_list(place.documents, depth=1))
    return page(f"{place.name}：目标达成情况", "\n".join(parts), crumbs=crumbs_for(place) + [(place.name, None)])


def doc_title(d: Any) -> str:
    """The report's own title, else what it is: 全国 2022年政府工作报告."""
    return d.title or f"{d.jurisdiction} {d.plan_year}年{KIND_LABEL.get(d.kind, '报告')}"


def documents_list(documents: Sequence[Any], *, depth: int) -> str:
    items = []
    for d in documents:
        link = paths.href(paths.report_page(d.name), depth=depth)
        title = doc_title(d)
        url = (f' · <a href="{e(web(d.source_url))}" rel="noreferrer">原文网址</a> '
               f'<span class="note">{e(d.source_url)}</span>'
               if web(d.source_url) else ' · <span class="note">原文网址未记录</span>')
        when = f"{d.delivered}" if d.delivered else "日期未知"
        items.append(f'<li><a href="{link}">{e(title)}</a>（{e(d.name)}，{when}）{url}</li>')
    return "<ul>\n" + "\n".join(items) + "\n</ul>"


def panel_section(name: str, rows: Sequence[dict[str, Any]]) -> str:
    """One small chart per headline indicator: target and outcome over the years."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault((r.get("label") or r["indicator"], r.get("unit") or ""), []).append(r)
    figures = []
    for (label, unit), group in groups.items():
        seen: dict[int, dict[str, Any]] = {}
        for r in group:
            seen.setdefault(r["year"], r)
        pts = [(y, _float(seen[y].get("target_value")), _float(seen[y].get("outcome_value")), seen[y]["verdict"])
               for y in sorted(seen)]
        chart = target_outcome_chart(pts, unit, f"{name} {label}：目标与实际")
        if not chart:
            continue
        cells = "".join(
            f"<tr><td>{y}</td><td>{_value_cite(seen[y], 'target', unit)}</td>"
            f"<td>{_value_cite(seen[y], 'outcome', unit)}</td><td>{verdict_label(seen[y]['verdict'])}</td></tr>"
            for y in sorted(seen)
        )
        figures.append(f"<figure><figcaption>{e(label)}</figcaption>{chart}<table><thead><tr><th>年份</th>"
                       f"<th>目标</th><th>实际</th><th>判定</th></tr></thead><tbody>{cells}</tbody></table></figure>")
    if not figures:
        return ""
    return '<h2>主要指标：目标与实际</h2>\n<div class="charts">' + "\n".join(figures) + "</div>"


def _row_anchor(r: Mapping[str, Any]) -> str | None:
    """The scorecard row of a panel entry's target, when the panel names it."""
    return paths.target_id(r["target_id"]) if r.get("target_id") else None


def _float(x: Any) -> float | None:
    try:
        return None if x is None else float(x)
    except (TypeError, ValueError):
        return None


def _value_cite(r: Mapping[str, Any], side: str, unit: str, depth: int = 1) -> str:
    value = r.get(f"{side}_value")
    if value is None:
        return "—"
    text = f"{_float(value):g}{e(unit)}" if _float(value) is not None else e(value)
    if side == "target" and r.get("target_value_max") is not None:
        text = f"{_float(r['target_value']):g}–{_float(r['target_value_max']):g}{e(unit)}"
    doc, line = r.get(f"{side}_doc"), r.get(f"{side}_line")
    if not doc:
        return text
    link = paths.href(paths.report_page(doc), paths.line_id(line) if line else None, depth=depth)
    return f'<a href="{link}">{text}</a>'


# --- a jurisdiction's year: the scorecard ---------------------------------------------


def target_text(r: Mapping[str, Any]) -> str:
    """The target's words, with what it measures when the words alone don't say."""
    span, indicator = r["span"], r.get("indicator") or ""
    text = e(span)
    if indicator and indicator not in span:
        text += f'<span class="note">（{e(indicator)}）</span>'
    if r.get("horizon") in HORIZON_LABEL:
        text += f' <span class="note">[{HORIZON_LABEL[r["horizon"]]}]</span>'
    return text


def reason_text(r: Mapping[str, Any]) -> str:
    label = REASON_LABEL.get(r.get("reason_code") or "", r.get("reason_code") or "")
    text = r.get("reason") or ""
    why = f"{label}：{text}" if text and text != label else label
    if r.get("reviewed_by"):
        why = (f"人工复核（{r['reviewed_by']}）：{r.get('review_note') or ''}；"
               f"机器判定为 {LABEL.get(r['machine_verdict'], r['machine_verdict'])}：{why}")
    return e(why)


def evidence(r: Mapping[str, Any]) -> str:
    parts = []
    if r.get("outcome_span"):
        mark = "（预计）" if r.get("provisional") else ""
        parts.append(f'<span class="quote">“{e(evidence_text(dict(r)))}”</span>{mark}<br>'
                     + cite(r.get("outcome_doc"), r.get("outcome_line"), r.get("outcome_source")))
    followup = r.get("followup")
    if followup == "met_late":
        year = r.get("followup_year")
        quote = f"“{e(r['followup_quote'])}” " if r.get("followup_quote") else ""
        parts.append(f'<span class="extra">后来达成{f"（{year}年）" if year else ""}：{quote}'
                     f'{cite(r.get("followup_doc"), r.get("followup_line"), r.get("followup_source"))}</span>')
    elif followup == "dropped":
        parts.append('<span class="extra">此后的报告再未提起这项目标。</span>')
    if r.get("restated"):
        note = f"：{e(r['restated_note'])}" if r.get("restated_note") else "。"
        parts.append(f'<span class="extra">后来的报告对这一数据另有说法{note} '
                     f'{cite(r.get("restated_doc"), r.get("restated_line"), None)}</span>')
    return "".join(parts)


def scorecard_page(place: Place, year: int, rows: Sequence[dict[str, Any]], documents: Sequence[Any]) -> str:
    counts = Counter(r["verdict"] for r in rows)
    years = sorted(place.years)
    i = years.index(year)
    steps = []
    if i > 0:
        steps.append(f'<a href="{paths.href(paths.year_page(place.name, years[i - 1]))}">‹ {years[i - 1]}年</a>')
    if i + 1 < len(years):
        steps.append(f'<a href="{paths.href(paths.year_page(place.name, years[i + 1]))}">{years[i + 1]}年 ›</a>')
    parts = [
        f"<h1>{e(place.name)} {year}年目标：说到做到了吗？</h1>",
        f'<p class="lead">{e(headline(counts))}</p>',
        verdict_bar(counts, f"{place.name} {year}年：{headline(counts)}"),
        f'<p class="note">{" · ".join(steps)}</p>' if steps else "",
    ]
    groups = [(v, [r for r in rows if r["verdict"] == v]) for v in VERDICT_ORDER]
    toc = " · ".join(f'<a href="#{v}">{LABEL[v]}（{len(g)}）</a>' for v, g in groups if g)
    parts.append(f"<p>{toc}</p>")
    for verdict, group in groups:
        if not group:
            continue
        parts.append(f'<h2 id="{verdict}">{verdict_label(verdict)}（{len(group)} 项）</h2>')
        body = []
        for r in group:
            compared = e(compared_text(dict(r)))
            body.append(
                f'<tr id="{paths.target_id(r["id"])}"><td>{target_text(r)}</td>'
                f'<td>{cite(r["target_doc"], r["line"], r.get("target_source"))}</td>'
                f"<td>{evidence(r)}</td><td>{compared}</td><td>{reason_text(r)}</td></tr>"
            )
        parts.append("<table><thead><tr><th>目标</th><th>出处</th><th>结果（证据）</th><th>比较</th>"
                     "<th>理由</th></tr></thead><tbody>\n" + "\n".join(body) + "\n</tbody></table>")
    if documents:
        parts.append("<h2>所引报告</h2>\n" + documents_list(documents, depth=1))
    crumbs = crumbs_for(place) + [(place.name, paths.jurisdiction_page(place.name)), (f"{year}年", None)]
    return page(f"{place.name} {year}年目标：说到做到了吗？", "\n".join(p for p in parts if p), crumbs=crumbs)


# --- a report ---------------------------------------------------------------------------


def report_page(doc: Any, lines: Sequence[str], cited: Mapping[int, list[tuple[str, str]]],
                place: Place | None) -> str:
    """Every line of the report, numbered; a cited line is shaded and links back to the
    scorecard rows that cite it; the line in the URL's #fragment is highlighted."""
    title = doc_title(doc)
    meta = [f"地区：{e(doc.jurisdiction)}", f"类别：{KIND_LABEL.get(doc.kind, e(doc.kind))}",
            f"计划年度：{doc.plan_year}"]
    if doc.review_year:
        meta.append(f"回顾年度：{doc.review_year}")
    meta.append(f"日期：{doc.delivered or '未知'}")
    source = (f'原文网址：<a href="{e(web(doc.source_url))}" rel="noreferrer">{e(doc.source_url)}</a>'
              if web(doc.source_url) else "原文网址：未记录")
    out = [f"<h1>{e(title)}</h1>", f"<p>{'；'.join(meta)}</p>", f"<p>{source}</p>",
           f'<p class="note">文件 {e(doc.name)}，sha256 {e(doc.sha256)}，共 {len(lines)} 行。'
           "行号为原始文件的行号；被引用的行以底色标出，行末链接回到引用它的记分卡。</p>",
           '<div class="src">']
    for n, text in enumerate(lines, start=1):
        back = cited.get(n)
        links = "".join(f'<a class="to" href="{link}">→ {e(label)}</a>' for link, label in back) if back else ""
        cls = ' class="c"' if back else ""
        out.append(f'<p id="L{n}"{cls}><a href="#L{n}">{n}</a><span>{e(text)}{links}</span></p>')
    out.append("</div>")
    crumbs = (crumbs_for(place) + [(doc.jurisdiction, paths.jurisdiction_page(doc.jurisdiction))]
              if place else [("首页", paths.INDEX)])
    return page(f"{title}（{doc.jurisdiction}）", "\n".join(out), crumbs=crumbs + [(doc.name, None)])


# --- the panel --------------------------------------------------------------------------


def panel_page(rows: Sequence[dict[str, Any]] | None) -> str:
    """Headline indicators across every jurisdiction: verdicts by year, and where to look."""
    if rows is None:
        body = "<h1>指标面板</h1>\n<p>这一版本没有指标面板数据。</p>"
        return page("指标面板", body, depth=0)
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(r.get("label") or r["indicator"], []).append(r)
    parts = ["<h1>指标面板：主要指标的目标与实际</h1>",
             f'<p class="lead">{len(rows)} 条记录（地区 × 年份 × 指标）。柱上为达成率；'
             "各地区页面有逐年的目标与实际对照。</p>"]
    for label, group in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        by_year: dict[int, Counter[str]] = {}
        for r in group:
            by_year.setdefault(r["year"], Counter())[r["verdict"]] += 1
        counts = Counter(r["verdict"] for r in group)
        missed = sorted((r for r in group if r["verdict"] == "missed"),
                        key=lambda r: -abs(_float(r.get("gap")) or 0.0))[:10]
        worst = "".join(
            f'<li><a href="{paths.href(paths.year_page(r["jurisdiction"], r["year"]), _row_anchor(r), depth=0)}">'
            f'{e(r["jurisdiction"])} {r["year"]}年</a>：目标 {_value_cite(r, "target", r.get("unit") or "", 0)}，'
            f'实际 {_value_cite(r, "outcome", r.get("unit") or "", 0)}</li>'
            for r in missed
        )
        parts.append(f"<h2>{e(label)}</h2>\n<p>{e(headline(counts))}</p>\n"
                     + years_chart(sorted(by_year.items()), f"{label}：各年判定"))
        if worst:
            parts.append(f"<p>差距最大的未达成目标：</p><ul>{worst}</ul>")
    return page("指标面板", "\n".join(parts), depth=0)
