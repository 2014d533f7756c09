"""Real reports in other formats give the same targets as their plain-text seed.

Each variant is built here from a bundled report: a .docx (one paragraph per line), a
GB18030 web page declaring gb2312 (with markup, entities, script and style) and one in
the one-cell-with-<br> layout between a navigation bar and a footer, a PDF with a
Chinese text layer (reportlab's built-in STSong-Light CID font: lines wrapped at the
page width, pages broken with a running header and a page-number footer) and one in
another layout, a GB18030 .txt and a Traditional-Chinese .txt (OpenCC s2t).

Line numbers of a .docx, .pdf or .html report are lines of the extracted text (see
tracker/readers/__init__.py); the tests check that each target's line holds its span.
"""

from __future__ import annotations

import functools
import html
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import bundled
from tracker.errors import InputError
from tracker.extract import extract_targets
from tracker.model import Target
from tracker.normalise import clean_line, split_lines
from tracker.pipeline import read_report
from tracker.readers import read_text

REPORTS = ["000_8942062fdd05ce19.txt", "hailar-2015-gwr.txt", "002_1ba162837e526855.txt"]


# --- building the variants ----------------------------------------------------------------


def seed_lines(name: str) -> list[str]:
    return split_lines(bundled(name).read_text(encoding="utf-8"))


def build_docx(lines: list[str], path: Path) -> None:
    """One paragraph per line, as Word saves a report: indented paragraphs, a bold lead
    sentence in its own run."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for i, line in enumerate(lines):
        if i % 3 == 1 and "。" in line[:-1]:
            lead, rest = line.split("。", 1)
            paragraph = document.add_paragraph()
            paragraph.add_run("\u3000\u3000" + lead + "。").bold = True
            paragraph.add_run(rest)
        else:
            document.add_paragraph(line)
    document.save(str(path))


def build_html(lines: list[str], path: Path) -> None:
    """A gb2312-declared page in GB18030 bytes, one <p> per line, with noise around."""
    body = ["<!-- 正文开始 -->"]
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        escaped = html.escape(line, quote=False)
        if i % 7 == 3 and "，" in line:  # a line break, and an entity, inside a sentence
            body.append("<p>" + escaped.replace("，", "&#xff0c;<br>\n", 1) + "</p>")
        elif i % 7 == 5:
            body.append(f'<div class="c"><span>&emsp;&emsp;{escaped}</span></div>')
        elif i % 7 == 6 and "。" in line[:-1]:
            lead, rest = escaped.split("。", 1)
            body.append(f"<p>&nbsp;&nbsp;<strong>{lead}。</strong>{rest}</p>")
        else:
            body.append(f"<p style='text-indent:2em'>\n  {escaped}\n</p>")
    page = (
        "<!DOCTYPE html>\n<html><head>\n"
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">\n'
        "<title>政府工作报告</title>\n"
        "<style>p { margin: 0 } .c::after { content: '2024年增长9%' }</style>\n"
        "<script>var target = '地区生产总值增长99%左右。'; if (a < b && c) {}</script>\n"
        "</head><body>\n<div id=\"content\">\n"
        + "\n".join(body)
        + "\n</div>\n<script>document.write('预计增长88%。')</script>\n</body></html>\n"
    )
    path.write_bytes(page.encode("gb18030"))


def build_html_br(lines: list[str], path: Path) -> None:
    """Another common layout: the report in one table cell, lines split by <br>,
    indented with &nbsp;, between a navigation bar and a copyright footer (gbk)."""
    body = "<br/>\n".join("&nbsp;" * 4 + html.escape(line, quote=False) for line in lines)
    page = (
        '<html><head><meta charset="gbk"><title>政府工作报告</title></head><body>\n'
        '<div class="nav"><a href="/">首页</a> &gt; <a>政务公开</a> &gt; 政府工作报告</div>\n'
        "<table><tr><td>发布时间：2024-01-20　来源：区政府办公室</td></tr>\n"
        f"<tr><td><font size=3>{body}</font></td></tr></table>\n"
        '<div class="footer">版权所有：区人民政府办公室 | 津ICP备05004476号</div>\n'
        "</body></html>"
    )
    path.write_bytes(page.encode("gb18030"))


def build_pdf(lines: list[str], path: Path) -> None:
    path.write_bytes(pdf_bytes(lines))


def build_pdf_plain(lines: list[str], path: Path) -> None:
    """Another layout: no running header, a bare page number, big type, no indent."""
    path.write_bytes(pdf_bytes(lines, header="", footer="{n}", size=16, indent=""))


PDF_FONT = "STSong-Light"
# Chinese typesetting (kinsoku): these never start a line; they hang on the one before.
NO_LINE_START = "，。、；：？！”’）》」』】…%"


def pdf_bytes(
    lines: list[str],
    *,
    header: str = "政府工作报告",
    footer: str = "- {n} -",
    size: float = 12,
    indent: str = "\u3000\u3000",
) -> bytes:
    """A text-layer PDF laid out like a published report: each line of the text is a
    paragraph, wrapped at the page width; a running header and a page-number footer."""
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    width, height = A4
    margin = 72
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    page = 1

    def furniture(text: str, y: float) -> None:
        if text:
            c.setFont(PDF_FONT, 9)
            c.drawCentredString(width / 2, y, text)
        c.setFont(PDF_FONT, size)

    def measure(s: str) -> float:
        return pdfmetrics.stringWidth(s, PDF_FONT, size)

    furniture(header, height - 40)
    y = height - margin
    for line in lines:
        line = line.strip()
        if not line:
            continue
        for piece in _wrap(indent + line, width - 2 * margin, measure):
            if y < margin:
                furniture(footer.format(n=page), 30)
                c.showPage()
                page += 1
                furniture(header, height - 40)
                y = height - margin
            c.drawString(margin, y, piece)
            y -= size * 1.6
    furniture(footer.format(n=page), 30)
    c.save()
    return buf.getvalue()


def _wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Break at the page width like a word processor: never inside a run of Latin
    letters and digits ("12.4%"), never before closing punctuation."""
    def latin(ch: str) -> bool:
        return ch.isascii() and (ch.isalnum() or ch in ".%")

    tokens: list[str] = []
    for ch in text:
        if tokens and (ch in NO_LINE_START or (latin(ch) and latin(tokens[-1][-1]))):
            tokens[-1] += ch
        else:
            tokens.append(ch)
    out: list[str] = []
    current = ""
    for token in tokens:
        if current and measure(current + token) > width:
            out.append(current)
            current = token
        else:
            current += token
    out.append(current)
    return out


def build_gb18030(lines: list[str], path: Path) -> None:
    path.write_bytes("\n".join(lines).encode("gb18030"))


@functools.cache
def _s2t_converter() -> Callable[[str], str]:
    from opencc import OpenCC

    return OpenCC("s2t").convert


def s2t(text: str) -> str:
    return _s2t_converter()(text)


def build_traditional(lines: list[str], path: Path) -> None:
    path.write_text("\n".join(s2t(line) for line in lines), encoding="utf-8")


BUILDERS: dict[str, tuple[str, Callable[[list[str], Path], None]]] = {
    "docx": (".docx", build_docx),
    "html": (".html", build_html),
    "html-br": (".htm", build_html_br),
    "pdf": (".pdf", build_pdf),
    "pdf-plain": (".pdf", build_pdf_plain),
    "gb18030": (".txt", build_gb18030),
    "traditional": (".txt", build_traditional),
}


@pytest.fixture(scope="module")
def variants(tmp_path_factory) -> Callable[[str, str], Path]:
    folder = tmp_path_factory.mktemp("formats")
    made: dict[tuple[str, str], Path] = {}

    def get(name: str, fmt: str) -> Path:
        if (name, fmt) not in made:
            suffix, build = BUILDERS[fmt]
            path = folder / f"{Path(name).stem}-{fmt}{suffix}"
            build(seed_lines(name), path)
            made[name, fmt] = path
        return made[name, fmt]

    return get


_seed_targets: dict[str, list[Target]] = {}


def seed_targets(name: str) -> list[Target]:
    if name not in _seed_targets:
        _seed_targets[name] = extract_targets(read_report(bundled(name)))
    return _seed_targets[name]


def key(t: Target) -> tuple:
    return (t.kind, t.indicator, t.comparator, t.value, t.unit, t.target_year)


def on_line(line: str, span: str) -> bool:
    """The (cleaned) line holds part of the span: a target broken across lines cites the
    line where it starts or the one holding its number (see extract.py)."""
    n = min(3, len(span))
    if any(span[i:i + n] in line for i in range(len(span) - n + 1)):
        return True
    # only its first characters, or only its last ones (the number of "…增长\n2%")
    return any(line.endswith(span[:k]) or line.startswith(span[-k:]) for k in range(1, n))


# --- the same targets from every format ---------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(BUILDERS))
@pytest.mark.parametrize("name", REPORTS)
def test_variant_gives_the_seed_targets(variants, name: str, fmt: str) -> None:
    path = variants(name, fmt)
    report = read_report(path)
    seed = read_report(bundled(name))
    assert (report.jurisdiction, report.plan_year, report.review_year) == (
        seed.jurisdiction, seed.plan_year, seed.review_year,
    )
    assert [p.kind for p in report.parts] == [p.kind for p in seed.parts]
    got = extract_targets(report)
    expected = seed_targets(name)
    assert expected
    assert [key(t) for t in got] == [key(t) for t in expected]
    assert [t.span for t in got] == [t.span for t in expected]


@pytest.mark.parametrize("fmt", sorted(BUILDERS))
@pytest.mark.parametrize("name", REPORTS[:2])
def test_variant_lines_hold_the_spans(variants, name: str, fmt: str) -> None:
    """Target lines point into the extracted text: the line there holds the span."""
    path = variants(name, fmt)
    text, _ = read_text(path.read_bytes(), path.name)
    lines = split_lines(text)
    report = read_report(path)
    for t in extract_targets(report):
        original = lines[t.line - 1]
        if fmt == "traditional":
            original = original.translate(t2s_chars())  # compare in one script
        assert on_line(clean_line(original), t.span), (t.line, t.span, original)


@pytest.mark.parametrize("fmt", ["docx", "gb18030", "traditional"])
def test_line_for_line_formats_keep_the_seed_line_numbers(variants, fmt: str) -> None:
    name = REPORTS[0]
    got = extract_targets(read_report(variants(name, fmt)))
    assert [t.line for t in got] == [t.line for t in seed_targets(name)]


def t2s_chars() -> dict[int, str]:
    from tracker.normalise import t2s_table

    return t2s_table()


@pytest.mark.parametrize("name", REPORTS[:2])
def test_traditional_quote_traces_to_the_traditional_line(variants, name: str) -> None:
    """The span is Simplified; the original line at `line` holds its Traditional form."""
    path = variants(name, "traditional")
    lines = split_lines(path.read_text(encoding="utf-8"))
    report = read_report(path)
    targets = extract_targets(report)
    assert targets
    converted = 0
    for t in targets:
        original = clean_line(lines[t.line - 1])
        head = clean_line(s2t(t.span[:4]))
        assert head in original, (t.line, t.span, original)
        converted += head != t.span[:4]
    assert converted  # some spans really were in Traditional characters


@pytest.mark.parametrize("name", REPORTS)
def test_traditional_paragraph_offsets_match_the_original_lines(variants, name: str) -> None:
    """Conversion keeps one character for one: every paragraph offset maps to its line."""
    path = variants(name, "traditional")
    lines = [clean_line(line) for line in split_lines(path.read_text(encoding="utf-8"))]
    table = t2s_chars()
    for p in read_report(path).paragraphs:
        for offset, line in p.breaks:
            piece = p.text[offset:offset + 5]
            assert piece and piece in lines[line - 1].translate(table), (line, piece)


# --- PDFs that cannot be read ----------------------------------------------------------------


@pytest.mark.parametrize("name", REPORTS[:2])
def test_generated_pdf_text_layer_is_the_seed_text(variants, name: str) -> None:
    """pypdf gets the Chinese back: all of it, in order, with page furniture between."""
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(variants(name, "pdf").read_bytes()))
    assert len(reader.pages) > 5
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        text = re.sub(r"\s+", "", page.extract_text())
        header, footer = "政府工作报告", f"-{number}-"
        assert text.startswith(header) and text.endswith(footer)
        pages.append(text[len(header):-len(footer)])
    assert "".join(pages) == re.sub(r"\s+", "", "".join(seed_lines(name)))


def test_truncated_pdf_is_refused(variants, tmp_path: Path) -> None:
    data = variants(REPORTS[0], "pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as info:
        read_report(path)
    message = str(info.value)
    assert message.startswith("cut.pdf: ") and "cut short" in message and "\n" not in message


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for _ in range(2):  # a "scan": shapes, no text
        c.rect(72, 72, 400, 600, fill=1)
        c.showPage()
    c.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(buf.getvalue())
    with pytest.raises(InputError) as info:
        read_report(path)
    message = str(info.value)
    assert message.startswith("scan.pdf: ") and "text layer" in message and "\n" not in message


def test_html_ignores_script_and_style(variants) -> None:
    path = variants(REPORTS[0], "html")
    text, encoding = read_text(path.read_bytes(), path.name)
    assert encoding == "gb18030"
    assert "99%" not in text and "88%" not in text and "content:" not in text
    assert "各位代表" in text and "&#" not in text and "<" not in text
