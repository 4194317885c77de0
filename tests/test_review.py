"""Review pages: static HTML showing every correction, checked as HTML and
in a real headless Chromium (Debian's `chromium`; skipped where it cannot run)."""
from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html

import cleanup
from cleanup.api import Document
from cleanup.cli import main
from cleanup.model import PARAGRAPH, Block, Division, Line, Page, Para, Text
from cleanup.review import page_counts, page_html, review_files

from conftest import SEEDS

SHOT_FOR_LEAD = Path("/tmp/review-shot.png")


def tree(page_source: str) -> html.HtmlElement:
    return html.fromstring(page_source)


def count(doc: html.HtmlElement, css_class: str) -> int:
    """Elements of a class in the page's two columns (not in the legend)."""
    return len(doc.xpath(f"//main//*[contains(concat(' ', @class, ' '), ' {css_class} ')]"))


# ------------------------------------------------------------ as HTML

# (raw page, class, how many): what the page must show.
SHOWN = [
    ("空间格局空间格局\n\n本报讯 今天,重庆发布了新政策。", "sic", 1),        # doubled glyphs removed
    ("空间格局空间格局\n\n本报讯 今天,重庆发布了新政策。", "orig", 1),       # punctuation regularised
    ("本报讯 今天重庆发布了新政策，\n全市企业可以申请创新\n资金支持。", "joinmark", 2),  # 3 lines joined
    ("本报讯 今天重庆发布了新政策，\n全市企业可以申请创新\n资金支持。", "ln", 3),
    # must not mark: a clean one-line page
    ("本报讯 今天重庆发布了新政策。", "fix", 0),
    ("本报讯 今天重庆发布了新政策。", "joinmark", 0),
    ("本报讯 今天重庆发布了新政策。", "unclassified", 0),
]


@pytest.mark.parametrize("raw, css_class, n", SHOWN)
def test_page_shows(raw, css_class, n):
    doc = tree(page_html(cleanup.convert(raw.encode()), "p.txt"))
    assert count(doc, css_class) == n


def test_correction_keeps_printed_and_corrected_text():
    doc = tree(page_html(cleanup.convert("空间格局空间格局\n\n本报讯 今天,重庆发布了新政策。".encode()), "p.txt"))
    (sic,) = doc.xpath("//main//*[contains(@class, 'fix sic')]")
    assert (sic.findtext("del"), sic.findtext("ins")) == ("空间格局空间格局", "空间格局")
    (orig,) = doc.xpath("//main//*[contains(@class, 'fix orig')]")
    assert (orig.findtext("del"), orig.findtext("ins")) == (",", "，")


def unclassified_page() -> Document:
    """A page whose one block no rule placed (built by hand: the stages change)."""
    text = Text(["孤立的文字"])
    line = Line(1, 0, 5, text)
    return Document(Page(source="u.txt", text="孤立的文字", lines=[line], blocks=[Block(PARAGRAPH, [line], text)],
                         body=[Division("unclassified", [Para.of("ab", text)])]))


def test_unclassified_text_is_marked_on_both_sides():
    doc = tree(page_html(unclassified_page(), "u.txt"))
    assert doc.xpath("//section[contains(@class, 'unclassified')]//p/text()") == ["孤立的文字"]
    assert doc.xpath("//div[contains(@class, 'lost')]/@id") == ["L1"]
    assert page_counts(unclassified_page().page).unclassified == 1


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "&amp; </div>"])
def test_page_text_is_escaped(hostile):
    page = page_html(cleanup.convert(f"{hostile}\n\n本报讯 今天重庆发布了新政策。".encode()), hostile)
    doc = tree(page)
    assert len(doc.xpath("//script")) == 1 and not doc.xpath("//img")
    assert hostile in doc.text_content()


def test_no_external_assets():
    page = page_html(cleanup.convert(SEEDS[0].read_bytes(), source=SEEDS[0].name), SEEDS[0].name)
    doc = tree(page)
    assert not doc.xpath("//link[@rel='stylesheet'] | //script[@src] | //img")
    assert [h for h in doc.xpath("//a/@href") if not (h.startswith("#") or h.endswith(".html"))] == []
    assert "http://" not in page and "https://" not in page


def test_site_has_a_page_per_input_and_an_index_with_failures():
    files = review_files([(Path("2022/p1.txt"), cleanup.convert("本报讯 今天,重庆。".encode(), source="p1.txt")),
                          (Path("p2.txt"), "cannot decode: not text")])
    assert sorted(files) == ["2022/p1.html", "index.html"]
    assert 'href="../index.html"' in files["2022/p1.html"]
    index = tree(files["index.html"])
    assert index.xpath("//tbody/tr/td[1]/a/@href") == ["2022/p1.html"]
    assert index.xpath("//tr[@class='fail']/td[1]/text()") == ["p2.txt"]
    assert "cannot decode: not text" in index.xpath("string(//main/ul)")


def test_review_command(tmp_path):
    bad = tmp_path / "in" / "broken.txt"
    bad.mkdir(parents=True)            # a folder named like a page: it fails
    seed = tmp_path / "in" / SEEDS[0].name
    seed.write_bytes(SEEDS[0].read_bytes())
    result = CliRunner().invoke(main, ["review", str(tmp_path / "in"), "-o", str(tmp_path / "review")])
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in (tmp_path / "review").iterdir()) == sorted(["index.html", f"{SEEDS[0].stem}.html"])
    index = (tmp_path / "review" / "index.html").read_text(encoding="utf-8")
    assert "broken.txt" in index and "1 failed" in index


# ----------------------------------------------------- in a real browser

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--remote-debugging-pipe"]
ANSWER_TIMEOUT = 60


class Chromium:
    """Headless Chromium driven over the DevTools protocol on a pipe (fds 3
    and 4, NUL-separated JSON): no websocket, no network port."""

    def __init__(self, exe: str, profile: Path):
        to_chrome, from_chrome = os.pipe(), os.pipe()

        def use_pipe_fds() -> None:   # in the child: its ends become fds 3 and 4
            read_end, write_end = os.dup(to_chrome[0]), os.dup(from_chrome[1])
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.proc = subprocess.Popen([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                     close_fds=False, preexec_fn=use_pipe_fds,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        os.close(to_chrome[0])
        os.close(from_chrome[1])
        self.out = os.fdopen(to_chrome[1], "wb", buffering=0)
        self.inp = os.fdopen(from_chrome[0], "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict] = []

    def _receive(self) -> dict:
        while b"\0" not in self.buffer:
            if not select.select([self.inp], [], [], ANSWER_TIMEOUT)[0]:
                raise RuntimeError(f"chromium gave no answer in {ANSWER_TIMEOUT} s")
            chunk = self.inp.read(1 << 16)
            if not chunk:
                raise RuntimeError(f"chromium exited: {self.proc.stderr.read().decode(errors='replace')[-800:]}")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method: str, session: str | None = None, **params) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.out.write(json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def wait_for(self, method: str) -> dict:
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._receive())

    def open(self, url: str, width: int = 1400, height: int = 1000) -> "Tab":
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session)
        self.call("Emulation.setDeviceMetricsOverride", session, width=width, height=height,
                  deviceScaleFactor=1, mobile=False)
        self.events.clear()
        self.call("Page.navigate", session, url=url)
        self.wait_for("Page.loadEventFired")
        return Tab(self, session)

    def close(self) -> None:
        try:
            self.call("Browser.close")
            self.proc.wait(timeout=10)
        except (RuntimeError, OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        finally:
            self.out.close()
            self.inp.close()
            self.proc.stderr.close()


class Tab:
    def __init__(self, browser: Chromium, session: str):
        self.browser, self.session = browser, session

    def eval(self, expression: str):
        result = self.browser.call("Runtime.evaluate", self.session, expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def problems(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions, and any request
        that is not for a local file: all that happened in this tab so far."""
        self.eval("0")   # let pending events arrive
        found = []
        for event in self.browser.events:
            if event.get("sessionId") != self.session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "warning", "assert"):
                found.append(f"console {params['type']}: {params['args']}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params['exceptionDetails']}")
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                found.append(f"log: {params['entry']['text']}")
            elif method == "Network.requestWillBeSent" and not params["request"]["url"].startswith(("file:", "data:")):
                found.append(f"network: {params['request']['url']}")
        return found

    def screenshot(self, path: Path) -> None:
        data = self.browser.call("Page.captureScreenshot", self.session, format="png")["data"]
        path.write_bytes(base64.b64decode(data))


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    exe = shutil.which("chromium")
    if exe is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium): the review pages "
                    "were not checked in a browser")
    try:
        browser = Chromium(exe, tmp_path_factory.mktemp("chromium-profile"))
        browser.call("Browser.getVersion")
    except (RuntimeError, OSError) as e:
        pytest.skip(f"chromium cannot run here: {e}")
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory, seed_docs):
    """The seeds' review pages, made now (the stages keep changing)."""
    out = tmp_path_factory.mktemp("review")
    for rel, page in review_files([(Path(p.name), seed_docs[p.stem]) for p in SEEDS]).items():
        (out / rel).write_text(page, encoding="utf-8")
    return out


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_page_renders_without_console_errors(seed, seed_docs, site, chromium):
    tab = chromium.open((site / f"{seed.stem}.html").as_uri())
    assert tab.problems() == []
    counts = page_counts(seed_docs[seed.stem].page)
    shown = tab.eval("['.fix.sic', '.fix.orig', 'article', '.joinmark']"
                     ".map(s => document.querySelectorAll('main ' + s).length)")
    assert shown == [counts.sic, counts.orig, counts.articles, counts.joined]
    # the switch hides the printed originals, in the browser's own layout
    tab.eval("document.querySelector('[data-toggle=no-printed]').click()")
    assert tab.eval("[...document.querySelectorAll('.fix del')].every(d => getComputedStyle(d).display == 'none')")
    assert tab.problems() == []


def test_index_lists_the_batch(site, chromium):
    tab = chromium.open((site / "index.html").as_uri())
    assert tab.problems() == []
    assert tab.eval("[...document.querySelectorAll('tbody a')].map(a => a.getAttribute('href'))") == \
        [f"{p.stem}.html" for p in SEEDS]


SCROLL_TO_FIRST_CORRECTION = """{
  const fix = document.querySelector('.result .fix');
  if (fix) {
    const col = fix.closest('.col');
    col.scrollTop += fix.getBoundingClientRect().top - col.getBoundingClientRect().top - 250;
  }
}"""


def test_screenshot_of_a_seed_page(site, chromium, tmp_path):
    tab = chromium.open((site / f"{SEEDS[0].stem}.html").as_uri())
    tab.eval(SCROLL_TO_FIRST_CORRECTION)
    shot = tmp_path / "review.png"
    tab.screenshot(shot)
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000
    try:
        shutil.copyfile(shot, SHOT_FOR_LEAD)
    except OSError:
        pass   # only a copy for people to look at
