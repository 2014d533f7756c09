"""Raw report text → logical paragraphs, each keeping a map back to original lines.

Three kinds of work:
- Traditional Chinese text is converted to Simplified first (when OpenCC is installed),
  line by line and one character for one, so the patterns here and downstream need
  only one script and every offset still points into the original Traditional line;
- per line: strip conversion debris (`[bookmark: …]`), fold full-width letters and
  digits to half-width while keeping Chinese punctuation full-width, turn half-width
  punctuation in Chinese text into full-width, drop spaces next to Chinese characters;
- across lines: PDF extraction and web copies break sentences over lines and pages,
  so a line that does not end a sentence is joined to the next text line, skipping
  blank lines, page numbers and footnote bodies.

Nothing here may change a digit of the report: digits are only ever width-folded,
and two digit runs are never glued together.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tracker.model import Paragraph

# --- report language and conversion debris -------------------------------------------

# Tags left by .docx → text converters.
DEBRIS_RE = re.compile(r"\[(?:bookmark|anchor|image):[^\]\n]*\]", re.IGNORECASE)

# The salutation that ends the title block; before it lines are never joined.
SALUTATION_RE = re.compile(
    r"^(?:各位代表|各位委员|同志们)(?:[，,、](?:各位代表|各位委员|同志们))*[：:，,！!]?$"
)

CN_NUM = "一二三四五六七八九十"
# Numbered heading starts: "一、", "（一）" / "(一)", "第一部分"/"第一章".
HEADING_START_RE = re.compile(
    rf"^(?:[{CN_NUM}]+、|[（(][{CN_NUM}]+[）)]|第[{CN_NUM}]+(?:部分|章|节))"
)
# A line this short before one this many times longer stands alone (a heading).
STANDALONE_MAX_LEN = 24
STANDALONE_RATIO = 2
# A numbered section heading with its first paragraph run on after a space, on one line.
RUN_IN_HEADING_RE = re.compile(
    rf"^(?P<head>\s*(?:[{CN_NUM}]{{1,3}}、|第[{CN_NUM}]{{1,3}}部分)[^。！？；\s]{{2,40}})\s+(?P<rest>\S.{{20,}})$"
)
# A heading line is short and has no sentence break inside (a trailing one is fine).
HEADING_MAX_LEN = 60
# The end of a heading pushed onto the next line by a page break ("…激发高质" / "量发展活力").
HEADING_TAIL_MAX_LEN = 12
SENTENCE_END = "。！？!?"
# A line ending in one of these ends its paragraph (after closing quotes/brackets).
PARAGRAPH_END = "。！？；：…!?;:"
CLOSERS = "”’」』）)】》\"'"

# Page numbers left by PDF extraction: "3", "- 3 -", "— 3 —", "第3页", "3/20".
PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–－\s]*\d{1,3}[-—–－\s]*|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})$"
)
# Page headers/footers repeated by PDF extraction: short, unpunctuated, seen this often.
RUNNING_LINE_MAX_LEN = 30
RUNNING_LINE_MIN_COUNT = 3
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# A footnote body: a line starting with a superscript marker ("¹ 该数据系…").
FOOTNOTE_BODY_RE = re.compile(rf"^[{SUPERSCRIPT_DIGITS}]+\s*\S")
# A footnote marker inside running text, right after a word or a number.
FOOTNOTE_MARK_RE = re.compile(rf"(?<=\S)\s*[{SUPERSCRIPT_DIGITS}]+")

# Full-width forms folded to half-width: letters, digits and the signs used in numbers.
_FOLD_SIGNS = set("％．＋－／＝＜＞＠＃＆＊＿～＄")
# Invisible characters (zero-width space/joiners, BOM, soft hyphen) count as a space, so
# "1\u200b2" stays two numbers; spaces next to Chinese text are dropped later anyway.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), " ")

_CJK_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FA1F),
    (0x3000, 0x303F),  # CJK punctuation: 、。《》「」【】
    (0xFF00, 0xFFEF),  # full-width forms: ，：；（）
)
_CJK_EXTRA = set("“”‘’—…·")


# --- character level -------------------------------------------------------------------


def is_cjk(ch: str) -> bool:
    """Chinese characters and the punctuation that goes with them."""
    if ch in _CJK_EXTRA:
        return True
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _CJK_RANGES)


def is_ideograph(ch: str) -> bool:
    cp = ord(ch)
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x2FA1F


def fold_char(ch: str) -> str:
    """Safe NFKC: fold what is compatible without touching Chinese punctuation or digits.

    Full NFKC would make "，" into "," and "¹" or "①" into digits; here only full-width
    letters/digits/number signs, compatibility ideographs and Kangxi radicals are folded.
    """
    cp = ord(ch)
    if 0xFF01 <= cp <= 0xFF5E:
        if ch.isalnum() or ch in _FOLD_SIGNS:
            return chr(cp - 0xFEE0)
        return ch
    if 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F or 0x2E80 <= cp <= 0x2FDF:
        folded = unicodedata.normalize("NFKC", ch)
        return folded if len(folded) == 1 and is_ideograph(folded) else ch
    if ch == "\u00a0" or ch == "\u3000" or ch == "\t":
        return " "
    return ch


def fold_width(text: str) -> str:
    text = text.translate(_FOLD_TABLE)
    if _COMPAT_RE.search(text):
        text = _COMPAT_RE.sub(lambda m: fold_char(m.group()), text)
    return text


# fold_char for the common characters as one str.translate table; compatibility
# ideographs and radicals (rare) go through fold_char itself.
_FOLD_TABLE: dict[int, str] = {
    **_INVISIBLE,
    **{cp: fold_char(chr(cp)) for cp in range(0xFF01, 0xFF5F) if fold_char(chr(cp)) != chr(cp)},
    **{ord(ch): " " for ch in "\u00a0\u3000\t"},
}
_COMPAT_RE = re.compile("[\uf900-\ufaff\u2e80-\u2fdf\U0002f800-\U0002fa1f]")


# --- spaces ------------------------------------------------------------------------------

_SPACES_RE = re.compile(r"[ \f\v\u2000-\u200a\u202f\u205f]+")


def squeeze_spaces(text: str) -> str:
    """Drop spaces next to Chinese text ("165 家" → "165家", "政 府" → "政府").

    A space between two digits is kept so that two numbers never merge into one.
    """
    text = _SPACES_RE.sub(" ", text).strip()
    if " " not in text:
        return text
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch == " " and _space_is_noise(text[i - 1], text[i + 1]):
            continue
        out.append(ch)
    return "".join(out)


def _space_is_noise(left: str, right: str) -> bool:
    if left.isdecimal() and right.isdecimal():
        return False
    if is_cjk(left) or is_cjk(right):
        return True
    # "5.5 %" → "5.5%"
    return left.isdecimal() and right in "%‰℃"


# --- half-width punctuation in Chinese text ------------------------------------------

_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_TIME_COLON_RE = re.compile(r"(?<=\d):(?=\d)")
_PAREN_PAIR_RE = re.compile(r"\(([^()]*)\)")
_PUNCT_MAP = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_HALF_PUNCT_RE = re.compile(r"[,:;?!()]")
_IDEOGRAPH_RE = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")


def widen_punctuation(text: str) -> str:
    """"," ":" ";" "(一)" in Chinese text → "，" "：" "；" "（一）"; "1,000" and "10:30" stay.

    One character for one: offsets into the text stay valid.
    """
    if not _HALF_PUNCT_RE.search(text) or not _IDEOGRAPH_RE.search(text):
        return text
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch in _PUNCT_MAP and _widen_here(text, i):
            out.append(_PUNCT_MAP[ch])
        else:
            out.append(ch)
    # Brackets last: a widened "，" next to them makes them Chinese too. Inner pairs
    # first, so "((一))" takes as many rounds as it is deep.
    text = "".join(out)
    while (widened := _PAREN_PAIR_RE.sub(_widen_parens, text)) != text:
        text = widened
    return text


def _widen_parens(m: re.Match[str]) -> str:
    inner = m.group(1)
    before = m.string[m.start() - 1] if m.start() > 0 else ""
    after = m.string[m.end()] if m.end() < len(m.string) else ""
    chinese_inside = any(is_ideograph(ch) for ch in inner)
    if chinese_inside or (before and is_cjk(before)) or (after and is_cjk(after)):
        return f"（{inner}）"
    return m.group(0)


def _widen_here(text: str, i: int) -> bool:
    ch = text[i]
    left = text[i - 1] if i > 0 else ""
    right = text[i + 1] if i + 1 < len(text) else ""
    if ch == "," and _THOUSANDS_RE.match(text, i):
        return False
    if ch == ":" and _TIME_COLON_RE.match(text, i):
        return False
    # English inside Chinese text ("Hello, world") keeps its own punctuation.
    english = left.isascii() and left.isalpha()
    return not (english and (right == " " or (right.isascii() and right.isalpha())))


# --- one line --------------------------------------------------------------------------


def clean_line(raw: str) -> str:
    """Normalise one original line (no joining)."""
    text = fold_width(remove_keeping_apart(DEBRIS_RE, raw))
    if not FOOTNOTE_BODY_RE.match(text.strip()):
        # The marker would read as a digit glued to the number before it ("左右¹").
        text = remove_keeping_apart(FOOTNOTE_MARK_RE, text)
    text = squeeze_spaces(text)
    # Widened punctuation is Chinese, so spaces next to it go too.
    return squeeze_spaces(widen_punctuation(text))


def remove_keeping_apart(pattern: re.Pattern[str], text: str) -> str:
    """Delete matches, leaving a space where the deletion would glue two words or numbers."""

    def repl(m: re.Match[str]) -> str:
        left = m.string[m.start() - 1] if m.start() > 0 else ""
        right = m.string[m.end()] if m.end() < len(m.string) else ""
        return " " if _is_word_char(left) and _is_word_char(right) else ""

    return pattern.sub(repl, text)


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == ".")


def is_heading(text: str) -> bool:
    """A numbered heading standing on its own line ("一、2023年工作回顾", "（一）…")."""
    if not HEADING_START_RE.match(text) or len(text) > HEADING_MAX_LEN:
        return False
    body = text.rstrip(SENTENCE_END)
    return not any(mark in body for mark in SENTENCE_END)


def ends_paragraph(text: str) -> bool:
    """Ends with a full stop, colon or the like, maybe inside closing quotes ("…。”")."""
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in PARAGRAPH_END


def is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER_RE.match(text))


def is_footnote_body(text: str) -> bool:
    return bool(FOOTNOTE_BODY_RE.match(text))


# --- joining lines into paragraphs ----------------------------------------------------


@dataclass
class _Line:
    number: int  # 1-based line in the original file
    text: str  # cleaned
    after_blank: bool = False  # a blank line comes before it
    marked: bool = False  # marked as a heading by the source's markup


@dataclass
class _Builder:
    parts: list[str]
    breaks: list[tuple[int, int]]

    marked: bool = False

    @classmethod
    def start(cls, line: _Line) -> _Builder:
        return cls([line.text], [(0, line.number)], line.marked)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def add(self, line: _Line) -> None:
        current = self.text
        glue = " " if _needs_glue(current[-1], line.text[0]) else ""
        offset = len(current) + len(glue)
        self.parts.append(glue + line.text)
        self.breaks.append((offset, line.number))

    def build(self) -> Paragraph:
        text, breaks = self.text, self.breaks
        if len(self.parts) > 1:
            # A bracket pair may only be complete now that the lines are joined.
            text, breaks = _drop_noise_spaces(widen_punctuation(text), breaks)
        return Paragraph(text=text, breaks=tuple(breaks), marked=self.marked)


Breaks = list[tuple[int, int]]


def _drop_noise_spaces(text: str, breaks: Breaks) -> tuple[str, Breaks]:
    """squeeze_spaces for a joined paragraph, moving the line breaks along."""
    keep = [
        not (ch == " " and 0 < i < len(text) - 1 and _space_is_noise(text[i - 1], text[i + 1]))
        for i, ch in enumerate(text)
    ]
    if all(keep):
        return text, breaks
    shift = [0] * (len(text) + 1)
    for i, kept in enumerate(keep):
        shift[i + 1] = shift[i] + (0 if kept else 1)
    moved = [(offset - shift[offset], line) for offset, line in breaks]
    return "".join(ch for ch, kept in zip(text, keep) if kept), moved


def _needs_glue(left: str, right: str) -> bool:
    """Keep two numbers or two words apart when joining broken lines."""
    return _is_word_char(left) and _is_word_char(right)


def split_lines(text: str) -> list[str]:
    """Lines as a text editor numbers them (\\r\\n, \\r or \\n end a line)."""
    return re.split(r"\r\n|\r|\n", text)


# Share of Chinese characters that must change under Traditional→Simplified conversion
# before a text is taken as Traditional (Simplified text changes at about 0%).
TRADITIONAL_SHARE = 0.02


@functools.lru_cache(maxsize=1)
def _t2s_converter() -> Callable[[str], str] | None:
    try:
        from opencc import OpenCC  # opencc-python-reimplemented (or opencc)
    except ImportError:
        return None
    config = "t2s"
    try:
        return OpenCC(config).convert
    except Exception:  # the C++ binding spells its configs "t2s.json"
        return OpenCC(f"{config}.json").convert


@functools.lru_cache(maxsize=1)
def t2s_table() -> dict[int, str]:
    """Character-level Traditional → Simplified table (OpenCC's TSCharacters, first
    choice of each entry, one character for one); empty when the dictionary is not found.
    """
    try:
        import opencc
    except ImportError:
        return {}
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:  # the C++ binding keeps its dictionaries elsewhere
        return {}
    table: dict[int, str] = {}
    for line in lines:
        traditional, _, simplified = line.partition("\t")
        choices = simplified.split()
        if len(traditional) == 1 and choices and len(choices[0]) == 1 and choices[0] != traditional:
            table[ord(traditional)] = choices[0]
    return table


@functools.lru_cache(maxsize=1)
def _traditional_only() -> dict[int, None]:
    return dict.fromkeys(t2s_table())


def _is_traditional(text: str) -> bool:
    """Enough Chinese characters are Traditional-only forms (Simplified text: about 0%)."""
    hanzi = len(_IDEOGRAPH_RE.findall(text))
    if not hanzi:
        return False
    table = t2s_table()
    if table:
        changed = len(text) - len(text.translate(_traditional_only()))
    else:
        convert = _t2s_converter()
        if convert is None:
            return False
        changed = sum(a != b for a, b in zip(text, convert(text)))
    return changed >= hanzi * TRADITIONAL_SHARE


def to_simplified(text: str) -> str:
    """Traditional Chinese text → Simplified, line by line; other text is returned as is.

    Every line keeps its length, character for character, so offsets into a converted
    line are offsets into the original one (quotes trace back to the Traditional text):
    OpenCC's phrase conversion is used where it keeps the length (its t2s phrases all
    do), the character table otherwise. Without OpenCC, text is returned unchanged.
    """
    if not _is_traditional(text):
        return text
    convert = _t2s_converter()
    table = t2s_table()
    converted = []
    for line in split_lines(text):
        new = convert(line) if convert is not None else line.translate(table)
        if len(new) != len(line):
            new = line.translate(table)
        converted.append(new)
    return "\n".join(converted)


def normalise(
    text: str, *, marked: set[int] | frozenset[int] = frozenset(), blank_ends_paragraph: bool = False
) -> list[Paragraph]:
    """Turn raw report text into logical paragraphs with their original line numbers.

    `marked`: original lines the source marked as headings. `blank_ends_paragraph`: the
    text is Markdown, where a blank line always ends a paragraph.
    """
    text = to_simplified(text)
    lines: list[_Line] = []
    blank = False
    for i, raw in enumerate(split_lines(text), start=1):
        cleaned = clean_line(raw)
        if not cleaned:
            blank = True
            continue
        run_in = RUN_IN_HEADING_RE.match(raw)
        if run_in:  # "一、2010年的主要工作 2010年是…": the heading, then its first paragraph
            lines.append(_Line(i, clean_line(run_in.group("head")), after_blank=True, marked=True))
            cleaned, blank = clean_line(run_in.group("rest")), True
        lines.append(_Line(i, cleaned, after_blank=blank and (blank_ends_paragraph or bool(run_in)),
                           marked=i in marked and not run_in))
        blank = False
    body_start = _title_block_end(lines)
    paragraphs = [Paragraph(ln.text, ((0, ln.number),), ln.marked) for ln in lines[:body_start]]
    paragraphs.extend(_join(lines[body_start:]))
    return paragraphs


def _title_block_end(lines: list[_Line]) -> int:
    """Index of the first line after the salutation ("各位代表："), 0 when there is none."""
    for i, ln in enumerate(lines):
        if SALUTATION_RE.match(ln.text):
            return i + 1
    return 0


def _running_lines(lines: list[_Line]) -> set[str]:
    """Page headers/footers: short lines repeated on many pages ("政府工作报告")."""
    counts: dict[str, int] = {}
    for ln in lines:
        text = ln.text
        if len(text) <= RUNNING_LINE_MAX_LEN and not ends_paragraph(text) and not is_heading(text):
            counts[text] = counts.get(text, 0) + 1
    return {text for text, n in counts.items() if n >= RUNNING_LINE_MIN_COUNT}


def _join(lines: list[_Line]) -> list[Paragraph]:
    running = _running_lines(lines)
    out: list[Paragraph] = []
    current: _Builder | None = None
    held: list[Paragraph] = []  # footnotes, page headers: out once the broken sentence ends

    def flush() -> None:
        nonlocal current
        if current is not None:
            out.append(current.build())
            current = None
        out.extend(held)
        held.clear()

    for ln in lines:
        if is_page_number(ln.text):
            continue
        if is_footnote_body(ln.text) or ln.text in running:
            # Out of the sentence's way, but kept: they may hold digits.
            held.append(Paragraph(ln.text, ((0, ln.number),)))
            continue
        if current is not None and not ln.after_blank and not ln.marked and not current.marked \
                and not _stands_alone(current, ln) and _continues(current.text, ln.text):
            current.add(ln)
            continue
        flush()
        current = _Builder.start(ln)
    flush()
    return out


def _stands_alone(current: _Builder, following: _Line) -> bool:
    """A short line of its own before a much longer one is a heading ("2026年重点工作",
    "“十四五”时期工作回顾"), not a sentence broken by a page: a broken line runs the page's
    full width."""
    text = current.text
    return (len(current.parts) == 1 and len(text) <= STANDALONE_MAX_LEN
            and len(following.text) >= STANDALONE_RATIO * len(text))


def _continues(previous: str, following: str) -> bool:
    """Whether `following` carries on the sentence that `previous` left unfinished."""
    if ends_paragraph(previous) or is_heading(following):
        return False
    if is_heading(previous):
        return _ends_broken_heading(previous, following)
    return True


def _ends_broken_heading(heading: str, following: str) -> bool:
    """A page break inside a heading leaves its last words alone on a short line."""
    return (
        len(following) <= HEADING_TAIL_MAX_LEN
        and not any(mark in following for mark in PARAGRAPH_END + "，,")
        and len(heading) + len(following) <= HEADING_MAX_LEN
    )
