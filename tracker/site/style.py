"""The site's one stylesheet: a Chinese font stack, readable tables, a highlighted cited line."""

from __future__ import annotations

# Fonts a reader's machine is likely to have for Chinese, the free one used in CI last
# before the generic family, so no page falls back to boxes.
FONTS = ('"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", '
         '"Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif')

CSS = f"""\
:root {{ --met: #2e7d32; --missed: #c62828; --unclear: #757575; --pending: #b26a00; --mark: #ffe27a; }}
body {{ font-family: {FONTS}; line-height: 1.7; color: #1b1b1b; margin: 0 auto; max-width: 72em;
  padding: 0 1.2em 3em; }}
header.site {{ border-bottom: 1px solid #ddd; margin-bottom: 1em; padding: .6em 0; font-size: .95em; }}
header.site a {{ margin-right: 1em; }}
h1 {{ font-size: 1.6em; margin: .4em 0; }}
h2 {{ font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #eee; }}
a {{ color: #0b57a4; }}
.lead {{ font-size: 1.1em; }}
.note {{ color: #555; font-size: .9em; }}
table {{ border-collapse: collapse; width: 100%; margin: .6em 0; }}
th, td {{ border-bottom: 1px solid #e4e4e4; padding: .35em .5em; text-align: left; vertical-align: top; }}
th {{ background: #f5f5f5; font-weight: 600; }}
td.n, th.n {{ text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }}
tr.province th, tr.province td {{ background: #eef3f8; font-size: 1.05em; }}
tr.sub td:first-child {{ padding-left: 2em; }}
tr.sub2 td:first-child {{ padding-left: 3.5em; }}
.v-met {{ color: var(--met); font-weight: 600; }}
.v-missed {{ color: var(--missed); font-weight: 600; }}
.v-unclear {{ color: var(--unclear); }}
.v-pending {{ color: var(--pending); }}
.cite {{ white-space: nowrap; font-size: .9em; }}
.quote {{ color: #333; }}
.extra {{ display: block; font-size: .9em; color: #444; }}
svg.chart {{ display: block; max-width: 100%; height: auto; margin: .5em 0; font-size: 12px; }}
svg.chart text {{ font-family: {FONTS}; }}
.charts {{ display: flex; flex-wrap: wrap; gap: 1em 2em; }}
.charts figure {{ margin: 0; }}
.charts figcaption {{ font-size: .95em; }}
tr:target, li:target {{ background: var(--mark); }}
.src {{ font-size: 1.02em; border-top: 1px solid #ddd; }}
.src p {{ margin: 0; display: grid; grid-template-columns: 4.2em 1fr; white-space: pre-wrap;
  word-break: break-all; scroll-margin-top: 35vh; }}
.src p > a:first-child {{ color: #999; text-align: right; padding-right: 1em; text-decoration: none;
  user-select: none; font-variant-numeric: tabular-nums; }}
.src p.c {{ background: #fff8d6; }}
.src p:target {{ background: var(--mark); outline: 2px solid #e0a800; }}
.src p .to {{ font-size: .8em; margin-left: .8em; white-space: nowrap; }}
"""
