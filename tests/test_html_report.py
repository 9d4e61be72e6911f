"""`--format html`: one self-contained page (checked with html.parser), the
findings and counts the JSON report has, everything from the batch escaped,
and a page that renders (headless Chromium, when installed)."""
from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from html.parser import HTMLParser

import pytest

from conftest import run_cli
from newslint.reporters import html as html_reporter
from newslint.reporters.html import common_root, folder_of
from newslint.reporters.html_quote import quote

CHROMIUM = "/usr/bin/chromium"
NBSP = "\u00a0"
HOSTILE = "<script>alert(1)</script>"


class Page(HTMLParser):
    """The parts of a report page the tests look at."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.tags = Counter()
        self.links = []          # every href / src value
        self.ids = set()
        self.findings = []       # attrs of each tr.finding
        self.marks = []          # text inside each <mark>
        self.contexts = []       # (attrs, text) of each div.ctx
        self.text = []
        self._open = []          # (tag, attrs, text parts) of the open <mark>s and <div>s
        self.feed(source)
        self.close()
        self.cards = {label: int(n.replace(",", "")) for n, label in _CARD.findall(source)}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags[tag] += 1
        self.links += [attrs[a] for a in ("href", "src") if a in attrs]
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "tr" and attrs.get("class") == "finding":
            self.findings.append(attrs)
        if tag in ("mark", "div"):
            self._open.append((tag, attrs, []))

    def handle_endtag(self, tag):
        if tag in ("mark", "div"):
            name, attrs, parts = self._open.pop()
            assert name == tag, (name, tag)
            if tag == "mark":
                self.marks.append("".join(parts))
            elif "ctx" in attrs.get("class", "").split():
                self.contexts.append((attrs, "".join(parts)))

    def handle_data(self, data):
        self.text.append(data)
        for _, _, parts in self._open:
            parts.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


_CARD = re.compile(r'<div class="card[^"]*"><b>([\d,]+)</b><span>([^<]*)</span></div>')


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.fixture
def batch(tmp_path):
    """Two sites, four files; one line quotes a script tag, one file name is hostile."""
    root = tmp_path / "batch"
    write(root / "site1" / "a.txt", f"عنوان الخبر\n\nقال الوزير{NBSP}إن {HOSTILE} الاجتماع كان مثمرا.\n")
    write(root / "site1" / "b.txt", "عنوان آخر\n\nنص الخبر هنا بدون سطر أخير")
    write(root / "site2" / "c.txt", f"خبر\n{NBSP}{NBSP}\nنص.\n")
    write(root / "site2" / f"{HOSTILE}\u202e.txt", "خبر آخر\n\nنص الخبر هنا بدون سطر أخير")
    return root


def report(tmp_path, *args, cwd=None):
    out = tmp_path / "report.html"
    result = run_cli("check", *args, "--format", "html", "-o", out, "--no-cache", cwd=cwd)
    assert result.code in (0, 1), result.err
    return out.read_text(encoding="utf-8"), result


def json_report(*args, cwd=None):
    return json.loads(run_cli("check", *args, "--format", "json", "--no-cache", cwd=cwd).out)


def test_html_report_is_one_self_contained_page(tmp_path, batch):
    source, result = report(tmp_path, "batch", cwd=tmp_path)
    page = Page(source)
    assert result.out == "" and source.startswith("<!DOCTYPE html>")
    assert page.tags["html"] == 1 and page.tags["head"] == 1 and page.tags["body"] == 1
    # nothing to fetch: no script, no style sheet, font, image or frame from anywhere, every link in the page
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(page.tags)
    assert page.links and all(link.startswith("#") for link in page.links), page.links
    assert "url(" not in source and "@import" not in source and "http://" not in source and "https://" not in source
    assert all(link[1:] in page.ids for link in page.links)  # every anchor lands somewhere
    assert page.tags["svg"] >= 3  # per rule, per category, per folder


def test_every_finding_and_count_of_the_json_report_is_in_the_page(tmp_path, batch):
    page = Page(report(tmp_path, "batch", cwd=tmp_path)[0])
    data = json_report("batch", cwd=tmp_path)
    expected = Counter((f["code"], f["severity"], str(f["line"]), str(f["column"])) for f in data["findings"])
    shown = Counter((f["data-code"], f["data-severity"], f["data-line"], f["data-column"]) for f in page.findings)
    assert shown == expected and len(page.findings) == 8
    summary = data["summary"]
    assert page.cards["files checked"] == summary["files"] == 4
    assert page.cards["findings"] == summary["findings"]
    assert page.cards["files with findings"] == summary["files_with_findings"]
    assert page.cards["warnings"] == summary["by_severity"]["warning"]
    assert page.cards["info"] == summary["by_severity"]["info"]
    assert "Fails at --fail-on warning" in " ".join(page.all_text.split())


def test_article_text_and_file_names_render_as_text(tmp_path, batch):
    source = report(tmp_path, "batch", cwd=tmp_path)[0]
    page = Page(source)
    assert page.tags["script"] == 0
    assert HOSTILE not in source  # only its escaped form is in the markup
    assert HOSTILE in page.all_text  # ... and it reads as the article's words
    assert any(HOSTILE in text for _, text in page.contexts)
    # the direction override of the file name is spelled out, not obeyed (it would reorder the line)
    assert "\u202e" not in source and f"{HOSTILE}\\u202e.txt" in page.all_text


def test_folder_names_and_unlintable_files_render_as_text(tmp_path):
    site = "<img src=x onerror=alert(1)>"  # a folder name cannot hold the "/" of a closing tag
    write(tmp_path / "b" / site / "x.txt", f"خبر\n{NBSP}\n")
    (tmp_path / "b" / "other").mkdir()
    (tmp_path / "b" / "other" / "bin.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe")
    source = report(tmp_path, "b", cwd=tmp_path)[0]
    page = Page(source)
    assert page.tags["img"] == 0 and site not in source
    assert page.all_text.count(site) >= 4  # folder table, chart label and tooltip, file path
    assert "1 file could not be linted" in " ".join(page.all_text.split())
    assert '<td class="path">b/other/bin.txt</td><td>not linted</td><td>binary file' in source


def test_each_finding_quotes_its_line_right_to_left_with_the_span_marked(tmp_path, batch):
    page = Page(report(tmp_path, "batch", cwd=tmp_path)[0])
    assert all(attrs.get("dir") == "auto" and attrs.get("lang") == "ar" for attrs, _ in page.contexts)
    nbsp = next(text for _, text in page.contexts if HOSTILE in text)
    assert nbsp.startswith("قال الوزير") and "الاجتماع كان مثمرا." in nbsp
    assert "NBSP" in page.marks  # the no-break space of WSP001, shown as a labelled box, marked
    assert "NBSPNBSP" in page.marks  # the line of WSP002 is two of them


def test_rule_codes_link_to_their_embedded_explanation(tmp_path, batch, registry):
    page = Page(report(tmp_path, "batch", cwd=tmp_path)[0])
    codes = {f["data-code"] for f in page.findings}
    assert {"rule-" + code for code in codes} <= page.ids
    for code in codes:
        assert registry.by_code[code].summary() in page.all_text


def test_folders_are_the_sites_under_the_checked_folder(tmp_path, batch):
    source = report(tmp_path, "batch", cwd=tmp_path)[0]
    section = source[source.index('<section id="folders">'):source.index('<section id="worst">')]
    rows = [" ".join(re.sub("<[^>]*>", "", cell) for cell in re.findall("<td[^>]*>(.*?)</td>", row))
            for row in section.split("<tr>")[2:]]
    # folder, files, with findings, error, warning, info, findings, not linted
    assert rows == ["site1 2 2 0 3 1 4 0", "site2 2 2 0 3 1 4 0"]


@pytest.mark.parametrize("paths, root, folder", [
    (["b/site1/a.txt", "b/site2/c.txt"], "b", "site1"),
    (["b/a.txt", "b/site2/c.txt"], "b", "b"),
    (["a.txt", "c.txt"], ".", os.path.basename(os.getcwd())),
    (["/x/y/a.txt", "rel/c.txt"], "", "y"),
    (["/a.txt", "/b.txt"], "/", "/"),
])
def test_folder_of_a_file_is_its_site_or_the_checked_folder(paths, root, folder):
    assert common_root(paths) == root
    assert folder_of(paths[0], root) == folder


def test_a_long_batch_page_shares_its_budget_and_says_where_it_cuts(tmp_path, batch, monkeypatch):
    monkeypatch.setattr(html_reporter, "FINDINGS_SHOWN", 5)  # 4 files with 2 findings each: 1 each fits, 2 do not
    page = Page(report(tmp_path, "batch", cwd=tmp_path)[0])
    assert Counter(f["data-code"] for f in page.findings) == {"SRC001": 4}  # each file's first
    text = " ".join(page.all_text.split())
    assert "The page lists at most 5 findings: each file its first 1. 4 more are counted" in text
    assert text.count("1 more finding in this file not listed") == 4
    assert page.cards["findings"] == 8  # the counts still cover every finding
    monkeypatch.setattr(html_reporter, "FINDINGS_PER_FILE", 1)
    monkeypatch.setattr(html_reporter, "FINDINGS_SHOWN", 100)
    assert len(Page(report(tmp_path, "batch", cwd=tmp_path)[0]).findings) == 4


@pytest.mark.parametrize("counts, budget, limit", [
    ([3, 1, 1], 5, 50), ([3, 1, 1], 4, 2), ([3, 3], 5, 2), ([9, 9], 1, 0), ([], 10, 50), ([100], 1000, 50)])
def test_per_file_limit_is_the_largest_that_fits(counts, budget, limit):
    assert html_reporter.per_file_limit(counts, budget) == limit


def test_standard_input_is_not_quoted_from_a_file_of_its_name(tmp_path, batch):
    """`--stdin-filename batch/site1/a.txt`: the findings are of the piped
    text; quoting the file of that name on disk would show other lines."""
    out = tmp_path / "stdin.html"
    piped = f"سطر{NBSP}أول\n"
    result = run_cli("check", "-", "--stdin-filename", "batch/site1/a.txt", "--format", "html", "-o", out,
                     "--no-cache", cwd=tmp_path, stdin=piped)
    assert result.code == 1, result.err
    page = Page(out.read_text(encoding="utf-8"))
    assert "WSP001" in {f["data-code"] for f in page.findings}
    assert HOSTILE not in page.all_text  # the disk file's line 3
    # not quoted at all, or quoted from the piped text itself
    assert all(text == "line not available" or text.startswith("سطرNBSP") for _, text in page.contexts)


def test_diff_run_never_quotes_the_unfixed_file(tmp_path, batch):
    """Under --diff the findings are of the fixed text, which is not on
    disk: the page says it quotes no line (or the run refuses, one line)."""
    out = tmp_path / "diff.html"
    result = run_cli("check", "batch", "--diff", "--format", "html", "-o", out, "--no-cache", cwd=tmp_path)
    if result.code == 2:
        assert result.err.count("\n") == 1 and "--diff" in result.err
        return
    page = Page(out.read_text(encoding="utf-8"))
    assert "Lines are not quoted in this run" in " ".join(page.all_text.split())
    assert all("line not available" in text for _, text in page.contexts)


def test_fix_run_quotes_the_fixed_lines(tmp_path):
    """After --fix the report quotes the text as written, which is what the
    findings left point into: the no-break space before the date is gone."""
    write(tmp_path / "fx" / "a.txt", f"عنوان\n\nقال{NBSP}الوزير يوم 12 March 2020 إن الاجتماع كان مثمرا.\n")
    page = Page(report(tmp_path, "fx", "--fix", cwd=tmp_path)[0])
    assert [f["data-code"] for f in page.findings] == ["SRC001", "NUM003"]
    assert "12 March 2020" in page.marks
    assert any(text.startswith("قال الوزير يوم 12 March 2020") for _, text in page.contexts)
    assert page.cards["fixed"] == 1


def test_clean_batch_passes(tmp_path):
    write(tmp_path / "ok" / "a.txt", "عنوان\n\nنص الخبر.\n\nالمصدر: وكالة\n")
    page = Page(report(tmp_path, "ok", "--select", "WSP", cwd=tmp_path)[0])
    assert not page.findings and page.cards["findings"] == 0
    assert "Passes at --fail-on warning" in " ".join(page.all_text.split())


def test_verdict_follows_fail_on_and_exit_zero(tmp_path, batch):
    def banner(*args):
        return " ".join(Page(report(tmp_path, "batch", *args, cwd=tmp_path)[0]).all_text.split())

    assert "Fails at --fail-on info: 8 findings at or above info." in banner("--fail-on", "info")
    assert "Passes at --fail-on error: nothing at or above it" in banner("--fail-on", "error")
    assert "Passes: --exit-zero, nothing fails the run." in banner("--exit-zero")


def test_quote_cuts_long_lines_and_marks_empty_and_line_end_spans():
    line = "ا" * 100 + "ب" + "ج" * 100
    html = quote(line, 1, 101, 1, 102)
    assert html.count("…") == 2 and "<mark>ب</mark>" in html and len(html) < 400
    assert '<mark class="at"></mark>' in quote("نص", 1, 2, 1, 2)          # an insertion point
    assert "<mark>ص" in quote("نص", 1, 2, 1, 4) and "⏎" in quote("نص", 1, 3, 1, 4)  # the line break itself
    assert "⏎" in quote("نص", 1, 1, 4, 1)                                  # a span into later lines
    assert quote("نص", 1, 1, 1, 3) == "<mark>نص</mark>"
    assert 'title="U+202E RIGHT-TO-LEFT OVERRIDE"' in quote("\u202eنص", 1, 1, 1, 2)


# ---------------------------------------------------------------- rendering

def png_colours(path, rows: int) -> int:
    """How many distinct colours the first `rows` rows of an 8-bit RGB(A)
    PNG hold (decoded here: no imaging library needed)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, [], 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat.append(chunk)
        pos += 12 + length
    raw = zlib.decompressobj().decompress(b"".join(idat), (width * channels + 1) * rows)
    stride = width * channels
    previous, colours = bytearray(stride), set()
    for y in range(min(rows, height)):
        kind, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        _unfilter(kind, row, previous, channels)
        colours.update(bytes(row[x:x + 3]) for x in range(0, stride, channels))
        previous = row
    return len(colours)


def _unfilter(kind: int, row: bytearray, up: bytearray, bpp: int) -> None:
    for i in range(len(row)):
        left = row[i - bpp] if i >= bpp else 0
        if kind == 1:
            row[i] = (row[i] + left) & 255
        elif kind == 2:
            row[i] = (row[i] + up[i]) & 255
        elif kind == 3:
            row[i] = (row[i] + (left + up[i]) // 2) & 255
        elif kind == 4:
            corner = up[i - bpp] if i >= bpp else 0
            p = left + up[i] - corner
            pa, pb, pc = abs(p - left), abs(p - up[i]), abs(p - corner)
            row[i] = (row[i] + (left if pa <= pb and pa <= pc else up[i] if pb <= pc else corner)) & 255


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
def test_page_renders_in_headless_chromium(tmp_path, batch):
    source = report(tmp_path, "batch", cwd=tmp_path)[0]
    page = tmp_path / "report.html"
    assert page.read_text(encoding="utf-8") == source
    shot, profile = tmp_path / "shot.png", tmp_path / "profile"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={profile}", f"--screenshot={shot}", "--window-size=1000,900",
                    page.as_uri()], capture_output=True, timeout=120, check=False)
    shutil.rmtree(profile, ignore_errors=True)
    assert shot.exists(), "chromium wrote no screenshot"
    # a blank page is one colour; text, the verdict banner, the cards and the severity bars make hundreds
    assert png_colours(shot, rows=600) > 50
