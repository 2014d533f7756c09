"""Decoding report bytes: encodings are detected, non-text is refused with one line."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from conftest import BUNDLED_FILES, bundled
from tracker.errors import InputError
from tracker.pipeline import read_report, report_from_bytes
from tracker.readers import decode_text, read_text

JINGHAI = "000_8942062fdd05ce19.txt"
HEDONG = "002_1ba162837e526855.txt"


def _one_line_naming(exc: InputError, name: str) -> None:
    message = str(exc)
    assert message.startswith(f"{name}: ")
    assert "\n" not in message


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=lambda p: p.name)
def test_bundled_files_are_utf8(path: Path) -> None:
    text, encoding = decode_text(path.read_bytes(), path.name)
    assert encoding == "utf-8"
    assert "各位代表" in text


@pytest.mark.parametrize(
    ("encode", "expected"),
    [
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
        (lambda t: t.encode("gb18030"), "gb18030"),
        (lambda t: t.encode("gbk"), "gb18030"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: t.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=[
        "utf-8-bom",
        "utf-16-le",
        "utf-16-be",
        "gb18030",
        "gbk",
        "utf-16-le-no-bom",
        "utf-16-be-no-bom",
    ],
)
def test_other_encodings_give_the_same_text(encode, expected: str) -> None:
    original = bundled(JINGHAI).read_text(encoding="utf-8")
    text, encoding = decode_text(encode(original), "x.txt")
    assert encoding == expected
    assert text == original


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "gb18030"])
def test_encoded_variants_give_the_same_report(tmp_path: Path, encoding: str) -> None:
    source = bundled(HEDONG)
    variant = tmp_path / source.name
    variant.write_bytes(source.read_text(encoding="utf-8").encode(encoding))
    original = read_report(source)
    other = read_report(variant)
    assert other.encoding == encoding
    assert other.sha256 != original.sha256
    assert other.paragraphs == original.paragraphs
    assert [(p.kind, p.year, p.heading) for p in other.parts] == [
        (p.kind, p.year, p.heading) for p in original.parts
    ]
    assert (other.jurisdiction, other.plan_year, other.delivered) == (
        original.jurisdiction,
        original.plan_year,
        original.delivered,
    )


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n\n"])
def test_empty_file_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="empty") as info:
        report_from_bytes(data, "empty.txt")
    _one_line_naming(info.value, "empty.txt")


def test_random_bytes_are_refused() -> None:
    data = random.Random(7).randbytes(4096)
    with pytest.raises(InputError) as info:
        report_from_bytes(data, "noise.bin")
    _one_line_naming(info.value, "noise.bin")


def test_seed_with_nul_bytes_is_refused() -> None:
    data = bundled(JINGHAI).read_bytes()
    data = data[:500] + b"\x00\x00\x00" + data[500:]
    with pytest.raises(InputError, match="NUL") as info:
        report_from_bytes(data, "broken.txt")
    _one_line_naming(info.value, "broken.txt")


def test_undecodable_bytes_are_refused() -> None:
    # Valid UTF-8 text followed by bytes that are neither UTF-8 nor GB18030.
    data = bundled(JINGHAI).read_bytes()[:3000] + b"\xff\xfe\xfd\x80\x80"
    with pytest.raises(InputError, match="damaged") as info:
        report_from_bytes(data, "mixed.txt")
    _one_line_naming(info.value, "mixed.txt")


def test_control_characters_are_refused() -> None:
    data = ("政府工作报告" + "\x01\x02\x03\x04" * 50).encode("utf-8")
    with pytest.raises(InputError) as info:
        report_from_bytes(data, "ctrl.txt")
    _one_line_naming(info.value, "ctrl.txt")


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_report(tmp_path / "nowhere.txt")
    _one_line_naming(info.value, "nowhere.txt")


def test_name_is_the_basename_and_sha256_of_the_bytes(tmp_path: Path) -> None:
    import hashlib

    path = bundled(JINGHAI)
    report = report_from_bytes(path.read_bytes(), f"some/dir/{path.name}")
    assert report.name == path.name
    assert report.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_reader_dispatch_defaults_to_text() -> None:
    text, encoding = read_text("各位代表：".encode("gb18030"), "report.TXT")
    assert (text, encoding) == ("各位代表：", "gb18030")


# --- other formats -------------------------------------------------------------------------


def _seed_lines(name: str) -> list[str]:
    return bundled(name).read_text(encoding="utf-8").splitlines()


def _same_report(a, b, *, same_text: bool = True) -> None:
    assert (a.jurisdiction, a.kind, a.delivered, a.review_year, a.plan_year, a.five_year_end) == (
        b.jurisdiction,
        b.kind,
        b.delivered,
        b.review_year,
        b.plan_year,
        b.five_year_end,
    )
    assert [(p.kind, p.heading) for p in a.parts] == [(p.kind, p.heading) for p in b.parts]
    if same_text:
        assert [p.text for p in a.paragraphs] == [p.text for p in b.paragraphs]
    else:
        assert len(a.paragraphs) == len(b.paragraphs)
        texts = zip("".join(p.text for p in a.paragraphs), "".join(p.text for p in b.paragraphs))
        assert sum(x != y for x, y in texts) < 10  # conversion round trips are not exact


@pytest.mark.parametrize("charset", ["gb2312", "utf-8"])
def test_html_page_reads_like_the_text(charset: str) -> None:
    from html import escape

    body = "\n".join(f"<p>{escape(line)}</p>" for line in _seed_lines(JINGHAI))
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>标题</title><script>var x = '一、假的标题';</script></head><body>\n{body}\n"
        "</body></html>"
    )
    data = page.encode("gb18030" if charset == "gb2312" else charset)
    report = report_from_bytes(data, "jinghai.html")
    assert report.encoding == ("gb18030" if charset == "gb2312" else "utf-8")
    _same_report(report, read_report(bundled(JINGHAI)))


def test_html_without_text_is_refused() -> None:
    with pytest.raises(InputError) as info:
        report_from_bytes(b"<html><body><script>1</script></body></html>", "blank.html")
    _one_line_naming(info.value, "blank.html")


def test_docx_reads_like_the_text(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in _seed_lines(HEDONG):
        document.add_paragraph(line)
    path = tmp_path / "hedong.docx"
    document.save(path)
    report = read_report(path)
    assert report.encoding == "docx"
    _same_report(report, read_report(bundled(HEDONG)))


def test_broken_docx_is_refused() -> None:
    pytest.importorskip("docx")
    with pytest.raises(InputError) as info:
        report_from_bytes(b"PK\x03\x04 not really a zip", "broken.docx")
    _one_line_naming(info.value, "broken.docx")


def test_pdf_without_text_layer_is_refused() -> None:
    pypdf = pytest.importorskip("pypdf")
    import io

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(InputError, match="no text layer") as info:
        report_from_bytes(buffer.getvalue(), "scan.pdf")
    _one_line_naming(info.value, "scan.pdf")


def test_pdf_text_layer_is_read() -> None:
    pytest.importorskip("pypdf")
    from tracker.readers.pdf import read_pdf

    assert "Work Report 2024" in read_pdf(_tiny_pdf("Work Report 2024"), "tiny.pdf")


def test_broken_pdf_is_refused() -> None:
    pytest.importorskip("pypdf")
    with pytest.raises(InputError) as info:
        report_from_bytes(b"%PDF-1.4\n garbage", "broken.pdf")
    _one_line_naming(info.value, "broken.pdf")


def _tiny_pdf(words: str) -> bytes:
    """A one-page PDF showing `words` in Helvetica, with a correct cross-reference table."""
    stream = f"BT /F1 12 Tf 20 100 Td ({words}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    out += trailer % (len(objects) + 1, xref)
    return bytes(out)


def test_traditional_chinese_is_read_as_simplified() -> None:
    opencc = pytest.importorskip("opencc")
    original = bundled(HEDONG).read_text(encoding="utf-8")
    try:
        to_traditional = opencc.OpenCC("s2t").convert
    except Exception:
        to_traditional = opencc.OpenCC("s2t.json").convert
    traditional = to_traditional(original)
    assert traditional != original
    report = report_from_bytes(traditional.encode("utf-8"), "hedong-traditional.txt")
    _same_report(report, read_report(bundled(HEDONG)), same_text=False)


def test_damaged_utf8_is_not_read_as_gb18030() -> None:
    data = bundled(JINGHAI).read_bytes()
    data = data[:1001] + b"\xb0" + data[1001:]  # one stray byte inside Chinese text
    with pytest.raises(InputError, match="damaged") as info:
        report_from_bytes(data, "damaged.txt")
    _one_line_naming(info.value, "damaged.txt")


def test_html_table_cells_are_not_glued() -> None:
    page = (
        "<html><body><table><tr><td>发布时间：2024-01-20</td><td>来源：区政府办公室</td></tr>"
        "<tr><td>各位代表：</td></tr></table></body></html>"
    )
    text, _ = read_text(page.encode("utf-8"), "cells.html")
    assert text.split("\n") == ["发布时间：2024-01-20", "来源：区政府办公室", "各位代表："]
