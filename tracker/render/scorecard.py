"""A markdown scorecard a journalist can paste: headline, then the targets with evidence."""

from __future__ import annotations

from collections import Counter
from typing import Any

from tracker.grammar import lookup_indicator, to_base
from tracker.render.output import md_escape, md_url
from tracker.store.tables import DocumentRow

VERDICT_ORDER = ("missed", "met", "unclear", "pending")
VERDICT_LABEL = {"met": "达成 met", "missed": "未达成 missed", "unclear": "无法判断 unclear",
                 "pending": "待核 pending"}
# The rule each reason code applied, in words a reader can check (not the outcome: a
# target judged by the "at least" rule may be met or missed).
REASON_LABEL = {
    "at_least": "规则：不低于目标",
    "ceiling": "规则：不高于上限",
    "about": "规则：“左右”有容差",
    "range": "规则：区间目标",
    "direction": "规则：看变化方向",
    "relative_stated": "报告有明确表述",
    "stated_achieved": "报告有明确表述",
    "synchronous": "规则：收入与经济增长同步",
    "task_completed": "报告称完成任务",
    "deliverable_done": "报告称已完成",
    "deliverable_lesser_stage": "报告称尚在进行",
    "not_reported": "次年报告未提及",
    "different_measure": "次年报告口径不同",
    "external_data": "需报告以外的数据",
    "ambiguous": "表述含糊",
    "no_followup": "次年报告尚未收录",
}


def headline(rows: list[dict[str, Any]]) -> str:
    counts = Counter(r["verdict"] for r in rows)
    total = len(rows)
    if counts.get("pending", 0) == total:
        return f"{total} targets, all pending: the report reviewing this year is not in the ledger yet."
    parts = [f"{counts.get('met', 0)} of {total} targets met",
             f"{counts.get('missed', 0)} missed", f"{counts.get('unclear', 0)} unclear"]
    if counts.get("pending"):
        parts.append(f"{counts['pending']} pending")
    return ", ".join(parts) + "."


def _target_text(r: dict[str, Any]) -> str:
    """The target's words, with what it measures when the words alone don't say
    ("达到309亿元" → "达到309亿元（地区生产总值）")."""
    span, indicator = r["span"], r.get("indicator") or ""
    if indicator and indicator not in span and lookup_indicator(span) is None:
        return md_escape(f"{span}（{indicator}）")
    return md_escape(span)


_CLAUSE_ENDS = "。；;！？"
# Outcome words that open with one of these have left their subject behind them.
_SUBJECTLESS_OPENINGS = ("同比", "增长", "比上年", "较上年", "达到", "完成", "分别", "均",
                         "其中", "实现", "年均", "下降", "提高", "上涨", "降至", "降到")


def evidence_text(r: dict[str, Any], limit: int = 60) -> str:
    """The outcome's words; when they don't name their subject ("同比增长7.2%"), the
    sentence around them up to the previous clause end, so the reader sees what grew.
    Never cuts a clause in the middle: if the clause is too long, the words alone."""
    span, quote = r.get("outcome_span") or "", r.get("outcome_quote") or ""
    at = quote.find(span) if span else -1
    if at <= 0 or not span.startswith(_SUBJECTLESS_OPENINGS):
        return span
    start = max(quote.rfind(c, 0, at) for c in _CLAUSE_ENDS) + 1
    while at + len(span) - start > limit:
        comma = quote.find("，", start, at)
        if comma < 0:
            return span
        start = comma + 1
    return quote[start : at + len(span)]


def _cite(doc: str, line: int | None, url: str | None) -> str:
    """`file:line`, linked to the report's official URL when it has one."""
    where = md_escape(f"{doc}:{line}")
    target = md_url(url)
    return f"[{where}]({target})" if target else where


def _evidence(r: dict[str, Any]) -> str:
    if r.get("outcome_span"):
        where = _cite(r["outcome_doc"], r["outcome_line"], r.get("outcome_source"))
        mark = "（预计）" if r.get("provisional") else ""
        return f"“{md_escape(evidence_text(r))}”{mark} — {where}"
    return ""


def compared_text(r: dict[str, Any]) -> str:
    """The two numbers the verdict rests on, outcome first, both in the target's own unit
    (they were compared in a common base unit: 1.37万亿斤 vs 1.3万亿斤, not kilograms)."""
    if r.get("target_norm") is None or r.get("outcome_norm") is None:
        return ""
    unit = r.get("unit") or r.get("norm_unit") or ""
    scale, base = to_base(1.0, unit)
    if not scale or base != r.get("norm_unit"):
        unit, scale = r.get("norm_unit") or "", 1.0
    return f"{_num(r['outcome_norm'] / scale)}{unit} vs {_num(r['target_norm'] / scale)}{unit}"


def _num(x: float) -> str:
    return f"{round(x, 4):g}"


def _compared(r: dict[str, Any]) -> str:
    return md_escape(compared_text(r))


def _reason(r: dict[str, Any]) -> str:
    label = REASON_LABEL.get(r["reason_code"], r["reason_code"])
    text = r.get("reason") or ""
    why = f"{label}: {text}" if text and text != label else label
    if r.get("reviewed_by"):
        why = (f"reviewed by {r['reviewed_by']}: {r['review_note']} "
               f"(machine said {r['machine_verdict']}: {why})")
    return md_escape(why) + _restated_mark(r)


def _restated_mark(r: dict[str, Any]) -> str:
    """The flag on a verdict whose figure a later report contradicts or disowns."""
    if not r.get("restated"):
        return ""
    where = _cite(r["restated_doc"], r["restated_line"], None)
    return f" **⚠ 数据存疑 restated:** {md_escape(r.get('restated_note') or '')} — {where}"


def later_section(rows: list[dict[str, Any]]) -> list[str]:
    """Targets later reports say more of: done late (with both citations) and never
    mentioned again. The verdicts above, and their counts, stay those of the N+1 review."""
    late = [r for r in rows if r.get("followup") == "met_late" and r["verdict"] != "met"]
    dropped = [r for r in rows if r.get("followup") == "dropped" and r["verdict"] != "met"]
    if not (late or dropped):
        return []
    lines = ["## 后来的报告 Later reports", "",
             "What the reports after the follow-up one say of targets not met in it; the verdicts "
             "and counts above are unchanged.", ""]
    if late:
        lines += [f"### 迟到完成 met late ({len(late)})", "",
                  "| target | source | 次年报告 (verdict) | 后来报告称完成 (reported done) |", "|---|---|---|---|"]
        for r in late:
            first = VERDICT_LABEL[r["verdict"]]
            if r.get("outcome_span"):
                first += f": {_evidence(r)}"
            done = (f"{r['followup_year']}年: “{md_escape(r['followup_quote'])}” — "
                    f"{_cite(r['followup_doc'], r['followup_line'], r.get('followup_source'))}")
            lines.append(f"| {_target_text(r)} | {_cite(r['target_doc'], r['line'], r.get('target_source'))} "
                         f"| {first} | {done} |")
        lines.append("")
    if dropped:
        lines += [f"### 未再提及 dropped ({len(dropped)})", "",
                  "| target | source | 查找范围 (searched) |", "|---|---|---|"]
        for r in dropped:
            searched = (f"次年报告及其后{r['followup_searched']}份报告均未提及（查至{r['followup_year']}年的回顾）; "
                        f"the follow-up and {r['followup_searched']} later report(s) never mention it")
            lines.append(f"| {_target_text(r)} | {_cite(r['target_doc'], r['line'], r.get('target_source'))} "
                         f"| {md_escape(searched)} |")
        lines.append("")
    return lines


def scorecard(
    jurisdiction: str,
    year: int,
    rows: list[dict[str, Any]],
    documents: list[DocumentRow],
    *,
    chart: str | None = None,
) -> str:
    """Markdown for the targets of one jurisdiction due in one year. `chart` is the file
    name of the verdict bar (see chart.py) to show under the headline."""
    lines = [f"# {md_escape(jurisdiction)} {year}: did the government do what it said?", ""]
    lines.append(f"**{headline(rows)}**" if rows else "**No targets recorded for this year.**")
    lines.append("")
    if chart and rows:
        lines += [f"![verdicts: {md_escape(headline(rows))}]({chart})", ""]
    for verdict in VERDICT_ORDER:
        group = [r for r in rows if r["verdict"] == verdict]
        if not group:
            continue
        lines += [f"## {VERDICT_LABEL[verdict]} ({len(group)})", ""]
        lines.append("| target | source | outcome (evidence) | compared | why |")
        lines.append("|---|---|---|---|---|")
        for r in group:
            source = _cite(r["target_doc"], r["line"], r.get("target_source"))
            lines.append(
                f"| {_target_text(r)} | {source} | {_evidence(r)} | {_compared(r)} | {_reason(r)} |"
            )
        lines.append("")
    lines += later_section(rows)
    lines += ["## Sources", ""] + _sources(documents) + [""]
    lines.append(
        "Verdicts follow the policy in docs/verdicts.md: a target is *met* or *missed* only "
        "when the follow-up report states a comparable figure or completion; otherwise it is "
        "*unclear*, with the reason. Line numbers are lines of the original report files."
    )
    return "\n".join(lines) + "\n"


def _sources(documents: list[DocumentRow]) -> list[str]:
    """The table of cited documents; with a column for the official URL when any has one."""
    with_url = any(md_url(d.source_url) for d in documents)
    head = "| document | kind | delivered | reviews | plans | sha256 |" + (" source |" if with_url else "")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for d in documents:
        row = (f"| {md_escape(d.name)} | {d.kind} | {d.delivered or 'unknown'} | {d.review_year or ''} "
               f"| {d.plan_year} | `{d.sha256[:16]}` |")
        if with_url:
            target = md_url(d.source_url)
            row += f" [{md_escape(d.source_url)}]({target}) |" if target else " |"
        lines.append(row)
    return lines
