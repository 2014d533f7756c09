"""Markdown reports: a front-matter header, `**bold**` or `#` headings, HTML comments.

Reports copied from the web are often kept as Markdown: a header between `---` lines
(`source:` the official URL, `title:`), headings in bold, captions of photos in HTML
comments. The markup is blanked out in place, so every line keeps its number and the
text of each line keeps its place; lines that were marked as headings are remembered,
since that is how the page showed its structure. In Markdown a blank line ends a
paragraph, so the normaliser joins only consecutive lines of such a text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

FRONT_MATTER_FENCE = "---"
# Lines of a header: "source: https://…", "title: …", a continued value ("- https://…").
HEADER_KEY_RE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
HEADER_ITEM_RE = re.compile(r"^\s*-\s+(?P<value>.+)$")
SOURCE_KEYS = ("source", "url", "link")
TITLE_KEYS = ("title",)
# A header is at most this many lines long; a longer fenced block is text.
HEADER_MAX_LINES = 20

COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
# A whole line in bold ("**二、2024年工作安排**"), maybe with a trailing colon outside.
BOLD_LINE_RE = re.compile(r"^\s*(?:\*\*|__)(?P<body>.+?)(?:\*\*|__)\s*[：:]?\s*$")
ATX_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
EMPHASIS_RE = re.compile(r"\*\*|__")
# Markers that show a text is Markdown rather than plain text that happens to hold a "*".
MARKDOWN_SIGNS_RE = re.compile(r"^\s*(?:\*\*.+\*\*|#{1,6}\s+\S)|<!--", re.M)


@dataclass
class MarkdownText:
    """Plain text with the markup blanked out, and what the markup said."""

    text: str
    source_url: str | None = None
    title: str | None = None
    heading_lines: set[int] = field(default_factory=set)  # 1-based lines marked as headings


def is_markdown(text: str, name: str) -> bool:
    """A .md file, or a text file that opens with a front-matter header or uses Markdown marks."""
    if PurePath(name).suffix.lower() in (".md", ".markdown"):
        return True
    head = text.lstrip("\ufeff")
    if head.startswith(FRONT_MATTER_FENCE) and _header_end(head.splitlines()) is not None:
        return True
    return bool(MARKDOWN_SIGNS_RE.search(text))


def read_markdown(text: str) -> MarkdownText:
    """Blank out the header, comments and emphasis marks; keep the lines and their numbers."""
    text = COMMENT_RE.sub(lambda m: "\n" * m.group().count("\n"), text)
    lines = text.lstrip("\ufeff").split("\n")
    result = MarkdownText(text="")
    end = _header_end(lines) if lines and lines[0].strip() == FRONT_MATTER_FENCE else None
    if end is not None:
        _read_header(lines[1:end], result)
        for i in range(end + 1):
            lines[i] = ""
    for i, line in enumerate(lines):
        if not line or ("*" not in line and "_" not in line and "#" not in line):
            continue
        bold = BOLD_LINE_RE.match(line)
        atx = ATX_HEADING_RE.match(line)
        if bold or atx:
            result.heading_lines.add(i + 1)
        if atx:
            line = line[atx.end():]
        lines[i] = EMPHASIS_RE.sub("", line)
    result.text = "\n".join(lines)
    return result


def _header_end(lines: list[str]) -> int | None:
    """Index of the closing fence of a front-matter header that opens the text."""
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return None
    for i in range(1, min(len(lines), HEADER_MAX_LINES + 1)):
        line = lines[i].strip()
        if line == FRONT_MATTER_FENCE:
            return i
        if line and not (HEADER_KEY_RE.match(line) or HEADER_ITEM_RE.match(line)):
            return None
    return None


def _read_header(lines: list[str], result: MarkdownText) -> None:
    values: dict[str, list[str]] = {}
    key = None
    for line in lines:
        if m := HEADER_KEY_RE.match(line.strip()):
            key = m.group("key").lower()
            values[key] = [m.group("value").strip()] if m.group("value").strip() else []
        elif (m := HEADER_ITEM_RE.match(line)) and key is not None:
            values[key].append(m.group("value").strip())
    result.source_url = _first(values, SOURCE_KEYS, url=True)
    result.title = _first(values, TITLE_KEYS)


def _first(values: dict[str, list[str]], keys: tuple[str, ...], *, url: bool = False) -> str | None:
    for key in keys:
        for value in values.get(key, []):
            value = value.strip().strip("'\"")
            if value and (not url or value.startswith(("http://", "https://"))):
                return value
    return None
