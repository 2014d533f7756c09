"""The static site: built from the bundled reports, every link resolves, every citation lands
on its line, and a journalist's click path works in a real headless Chromium.

The browser tests need Debian's `chromium` and `chromium-driver` and the `selenium`
package; they skip without them, except where TRACKER_REQUIRE_BROWSER=1 (CI), where a
missing browser fails them."""

from __future__ import annotations

import os
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from conftest import LARGE_CORPUS, SEEDS
from tracker.cli import app
from tracker.errors import InputError
from tracker.ledger import ingest
from tracker.normalise import clean_line
from tracker.queries import ledger_rows
from tracker.site import build_site
from tracker.site import paths
from tracker.site.pages import evidence
from tracker.site.source import report_lines
from tracker.store.database import open_engine
from tracker.store.tables import DocumentRow

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
HIGHLIGHT = "rgba(255, 226, 122, 1)"  # --mark in tracker/site/style.py: the line in the URL's #fragment


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    engine = open_engine(str(tmp_path_factory.mktemp("site-ledger") / "l.db"))
    ingest(engine, [SEEDS])  # the seeds and seeds/corpus: 海拉尔区 2012-2018, 全国 2021-2024, …
    return engine


@pytest.fixture(scope="module")
def site(ledger, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "out"
    summary = build_site(ledger, out)
    assert summary.reports == 16 and summary.scorecards > 10 and summary.files > 40
    return out


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.lang = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang", "")
        for key in ("href", "src"):
            if a.get(key):
                self.links.append(a[key])


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_every_relative_link_and_anchor_resolves(site):
    pages = {p: _parse(p) for p in site.rglob("*.html")}
    checked = 0
    for path, page in pages.items():
        assert page.lang == "zh-CN", path
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                continue  # a report's official URL
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            assert target.is_file(), f"{path.relative_to(site)}: {link}"
            if parts.fragment:
                ids = pages[target].ids if target in pages else set()
                assert unquote(parts.fragment) in ids, f"{path.relative_to(site)}: {link}"
            checked += 1
    assert checked > 4000


def test_index_goes_province_then_city(site):
    index = (site / paths.INDEX).read_text(encoding="utf-8")
    # 海拉尔区 is listed under its province (内蒙古自治区) and prefecture (呼伦贝尔市), in that order.
    at = [index.index(f">{name}<") for name in ("内蒙古自治区", "呼伦贝尔市", "海拉尔区")]
    assert at == sorted(at)
    province = (site / paths.jurisdiction_page("内蒙古自治区")).read_text(encoding="utf-8")
    assert paths.href(paths.jurisdiction_page("海拉尔区")) in province
    assert "WenQuanYi Micro Hei" in (site / paths.STYLE).read_text(encoding="utf-8")


def test_met_rates_on_the_jurisdiction_page_are_the_ledgers(ledger, site):
    rows = ledger_rows(ledger, jurisdiction="海拉尔区", year=2016)
    met = sum(r["verdict"] == "met" for r in rows)
    missed = sum(r["verdict"] == "missed" for r in rows)
    page = (site / paths.jurisdiction_page("海拉尔区")).read_text(encoding="utf-8")
    row = page.split(">2016年</a>", 1)[1].split("</tr>", 1)[0]
    assert f'<td class="n">{len(rows)}</td><td class="n">{met}</td><td class="n">{missed}</td>' in row
    assert f"{met / (met + missed):.0%}" in row


def test_report_lines_are_the_lines_citations_count(ledger):
    """Line N of a report page holds the words every target and outcome citing line N quotes
    (the start or the end of its span, which may run over a line break)."""
    with Session(ledger) as session:
        lines = {d.name: report_lines(d.content, d.name) for d in session.exec(select(DocumentRow)).all()}
    checked = 0
    for r in ledger_rows(ledger):
        for doc, line, span in ((r["target_doc"], r["line"], r["span"]),
                                (r["outcome_doc"], r["outcome_line"], r["outcome_span"])):
            if doc:
                text = clean_line(lines[doc][line - 1])
                assert span[:4] in text or span[-4:] in text, (doc, line, span)
                checked += 1
    assert checked > 1000


def test_report_page_numbers_every_line_and_shades_the_cited_ones(ledger, site):
    row = ledger_rows(ledger, jurisdiction="海拉尔区", year=2016, verdict="missed")[0]
    page = _parse(site / paths.report_page(row["outcome_doc"]))
    source = (SEEDS / "corpus" / row["outcome_doc"]).read_bytes()
    n_lines = len(report_lines(source, row["outcome_doc"]))
    assert {f"L{n}" for n in range(1, n_lines + 1)} <= page.ids
    html = (site / paths.report_page(row["outcome_doc"])).read_text(encoding="utf-8")
    assert f'<p id="L{row["outcome_line"]}" class="c">' in html
    assert paths.href(paths.year_page("海拉尔区", 2016), paths.target_id(row["id"])) in html


def test_later_reports_are_shown_when_the_ledger_has_them(ledger):
    row = dict(ledger_rows(ledger, jurisdiction="海拉尔区", year=2014, verdict="missed")[0])
    row.update(followup="met_late", followup_year=2016, followup_doc="hailar-2017-gwr.txt", followup_line=13,
               followup_quote="地区生产总值完成303.6亿元", restated=True, restated_note="2015年报告称该年增速为6.1%",
               restated_doc="hailar-2015-gwr.txt", restated_line=40)
    html = evidence(row)
    assert "后来达成（2016年）" in html and "地区生产总值完成303.6亿元" in html
    assert 'href="../r/hailar-2017-gwr.txt.html#L13"' in html
    assert "另有说法：2015年报告称该年增速为6.1%" in html and 'href="../r/hailar-2015-gwr.txt.html#L40"' in html
    row.update(followup=None, restated=False)
    assert "后来达成" not in evidence(row) and "另有说法" not in evidence(row)
    row.update(followup="dropped")
    assert "再未提起" in evidence(row)


@pytest.mark.skipif(not LARGE_CORPUS.exists(), reason="large corpus not present")
def test_reports_with_an_official_url_cite_it_everywhere(tmp_path):
    """Real Markdown reports with a front-matter header (source, title): the URL is on the
    report page, the place's list of reports and every citation of the scorecard; lines
    still count the file's own lines, header included."""
    engine = open_engine(str(tmp_path / "l.db"))
    files = [LARGE_CORPUS / f"haikoushi-{y}-gwr.txt" for y in (2007, 2008)]
    ingest(engine, files)
    out = tmp_path / "out"
    build_site(engine, out)
    url = "https://www.haikou.gov.cn/xxgk/szfbjxxgk/jhzj/zfgzbg/200703/t403611.shtml"
    report = (out / paths.report_page("haikoushi-2007-gwr.txt")).read_text(encoding="utf-8")
    assert f'href="{url}"' in report and "<h1>2007年海口市政府工作报告</h1>" in report
    assert f'<p id="L2"><a href="#L2">2</a><span>source: {url}</span></p>' in report
    assert url in (out / paths.jurisdiction_page("海口市")).read_text(encoding="utf-8")
    rows = [r for r in ledger_rows(engine, jurisdiction="海口市", year=2007) if r["outcome_doc"]]
    assert rows
    card = (out / paths.year_page("海口市", 2007)).read_text(encoding="utf-8")
    assert card.count(f'href="{url}"') >= len(rows)
    index = (out / paths.INDEX).read_text(encoding="utf-8")
    assert index.index(">海南省<") < index.index(">海口市<")
    lines = report_lines(files[0].read_bytes(), files[0].name)
    for r in ledger_rows(engine, jurisdiction="海口市", year=2007):
        text = clean_line(lines[r["line"] - 1])
        assert r["span"][:4] in text or r["span"][-4:] in text, (r["line"], r["span"])


def test_refuses_a_folder_that_is_not_a_site(ledger, tmp_path):
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError, match="not empty"):
        build_site(ledger, foreign)
    build_site(ledger, foreign, force=True)
    assert (foreign / "mine.txt").read_text(encoding="utf-8") == "keep me"
    assert (foreign / paths.INDEX).is_file()


def test_rebuild_replaces_a_previous_site(ledger, tmp_path):
    out = tmp_path / "out"
    build_site(ledger, out)
    stale = out / "j" / "gone-1999.html"
    stale.write_text("old", encoding="utf-8")
    build_site(ledger, out)
    assert not stale.exists() and (out / paths.year_page("海拉尔区", 2016)).is_file()


def test_cli_site_prints_one_line_and_refuses_with_exit_2(ledger, tmp_path):
    runner = CliRunner()
    db = str(ledger.url).removeprefix("sqlite:///")
    out = tmp_path / "site"
    result = runner.invoke(app, ["--db", db, "site", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.count("\n") == 1 and "scorecards" in result.output and "MB" in result.output
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "a.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["--db", db, "site", str(tmp_path / "other")])
    assert result.exit_code == 2 and "--force" in result.output


# --- in a real browser -------------------------------------------------------------------

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1280,900")


def _browser_missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the selenium package is not installed (pip install -e '.[test]')"
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        return "Debian's chromium is not installed"
    if not shutil.which("chromedriver"):
        return "Debian's chromium-driver is not installed"
    return None


@pytest.fixture
def browser(tmp_path):
    missing = _browser_missing()
    if missing:
        if os.environ.get("TRACKER_REQUIRE_BROWSER"):
            pytest.fail(f"TRACKER_REQUIRE_BROWSER is set but {missing}")
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser")
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    driver = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver")), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def _screenshot(driver, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 10_000
    return path


def test_journalist_clicks_from_the_index_to_the_line_that_shows_a_miss(ledger, site, browser):
    from selenium.webdriver.common.by import By

    missed = ledger_rows(ledger, jurisdiction="海拉尔区", year=2016, verdict="missed")
    assert missed
    row = missed[0]
    browser.get((site / paths.INDEX).as_uri())
    assert "说到做到" in browser.title or "目标" in browser.title
    _screenshot(browser, "site-index.png")

    browser.find_element(By.LINK_TEXT, "内蒙古自治区").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "内蒙古自治区"
    browser.find_element(By.LINK_TEXT, "海拉尔区").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "海拉尔区"
    browser.find_element(By.LINK_TEXT, "2016年").click()
    assert "海拉尔区 2016年" in browser.find_element(By.TAG_NAME, "h1").text

    # The missed target's row, then the citation of the outcome that shows the miss.
    target_row = browser.find_element(By.ID, paths.target_id(row["id"]))
    assert row["span"] in target_row.text and "未达成" in browser.find_element(By.ID, "missed").text
    expected = f"{row['outcome_doc']} 第{row['outcome_line']}行"
    target_row.find_element(By.LINK_TEXT, expected).click()

    url = urlsplit(browser.current_url)
    assert unquote(url.path).endswith(paths.report_page(row["outcome_doc"]))
    assert url.fragment == f"L{row['outcome_line']}"
    line = browser.find_element(By.ID, url.fragment)
    assert line.value_of_css_property("background-color") == HIGHLIGHT
    assert row["outcome_span"][:4] in line.text or row["outcome_span"][-4:] in line.text
    # Only the line in the URL is highlighted; the line before it is not.
    before = browser.find_element(By.ID, f"L{row['outcome_line'] - 1}")
    assert before.value_of_css_property("background-color") != HIGHLIGHT
    assert browser.execute_script("return arguments[0].getBoundingClientRect().top", line) >= 0
    _screenshot(browser, "site-missed-line.png")

    # Back on the scorecard, the target's own citation lands on the line that set it.
    browser.back()
    browser.find_element(By.ID, paths.target_id(row["id"])).find_element(
        By.LINK_TEXT, f"{row['target_doc']} 第{row['line']}行").click()
    fragment = urlsplit(browser.current_url).fragment
    assert fragment == f"L{row['line']}"
    assert browser.find_element(By.ID, fragment).value_of_css_property("background-color") == HIGHLIGHT


def test_every_page_kind_loads_in_the_browser(ledger, site, browser):
    from selenium.webdriver.common.by import By

    for page, expect in ((paths.PANEL, "指标面板"), (paths.jurisdiction_page("全国"), "全国"),
                         (paths.year_page("全国", 2022), "全国 2022年"),
                         (paths.report_page("national-2022-gwr.txt"), "政府工作报告")):
        browser.get((site / page).as_uri())
        assert expect in browser.find_element(By.TAG_NAME, "h1").text, page
        # Charts are inline SVG that the browser lays out (not a broken image).
        for svg in browser.find_elements(By.CSS_SELECTOR, "svg.chart")[:3]:
            assert svg.size["width"] > 100
    browser.get((site / paths.jurisdiction_page("海拉尔区")).as_uri())
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.chart")) >= 2
    _screenshot(browser, "site-jurisdiction.png")
