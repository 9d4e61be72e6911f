"""Bad input: a clear message, the right exit code, no traceback, no write."""
from __future__ import annotations

import json


from conftest import run_cli

ARTICLE = ("أعلن وزير الخارجية الروسي، سيرغي لافروف، عن خطة لعقد قمة ثلاثية لزعماء روسيا وأرمينيا وأذربيجان هذا العام.\n"
           "\nالمصدر: RT Arabic\n")


def check_json(path, cwd):
    r = run_cli("check", path, "--format", "json", cwd=cwd)
    assert "Traceback" not in r.err
    return r, (json.loads(r.out) if r.out else None)


def test_binary_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(bytes(range(256)) * 10)
    r, rep = check_json("a.txt", tmp_path)
    assert r.code == 1 and rep["errors"][0]["path"] == "a.txt" and "binary" in rep["errors"][0]["message"]


def test_empty_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    r, rep = check_json("a.txt", tmp_path)
    assert r.code == 1 and [f["code"] for f in rep["findings"]] == ["WSP008"]


def test_cp1256_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode("cp1256"))
    r, rep = check_json("a.txt", tmp_path)
    enc = [f for f in rep["findings"] if f["code"] == "ENC001"]
    assert r.code == 1 and enc and "cp1256" in enc[0]["message"] and enc[0]["fix"]["transcode"] == "utf-8"


def test_utf16_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode("utf-16"))
    r, rep = check_json("a.txt", tmp_path)
    assert r.code == 1 and "utf-16" in rep["findings"][0]["message"]


def test_five_megabyte_single_line(tmp_path):
    (tmp_path / "a.txt").write_text("كلمة " * 1_000_000, encoding="utf-8")
    r, rep = check_json("a.txt", tmp_path)
    assert r.code in (0, 1) and rep["summary"]["files"] == 1


def test_bom_and_crlf(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode())
    r, rep = check_json("a.txt", tmp_path)
    assert [f["code"] for f in rep["findings"]] == ["ENC002"]    # CRLF throughout is fine


def test_unreadable_file(tmp_path, monkeypatch):
    import builtins

    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    real_open = builtins.open

    def deny(file, *args, **kwargs):  # chmod 000 does not stop root, so refuse like the OS would
        if str(file).endswith("a.txt") and "b" in (args[0] if args else kwargs.get("mode", "r")):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", deny)
    r, rep = check_json("a.txt", tmp_path)
    assert r.code == 1 and rep["errors"] == [{"path": "a.txt", "message": "cannot read: Permission denied",
                                                 "kind": "lint"}]


def test_directory_named_like_a_file_is_walked(tmp_path):
    (tmp_path / "d.txt").mkdir()
    r, rep = check_json(".", tmp_path)
    assert r.code == 0 and rep["summary"]["files"] == 0


def test_broken_symlink(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "missing.txt")
    r, rep = check_json(".", tmp_path)
    assert r.code == 1 and rep["errors"] == [{"path": "a.txt", "message": "broken symbolic link", "kind": "lint"}]


def test_missing_path(tmp_path):
    r = run_cli("check", "nope.txt", cwd=tmp_path)
    assert r.code == 2 and r.err == "newslint: error: path not found: nope.txt\n"


def test_nothing_is_written(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode("cp1256"))
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    run_cli("check", ".", cwd=tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_unknown_option_is_one_line(tmp_path):
    r = run_cli("check", "--frobnicate", cwd=tmp_path)
    assert r.code == 2 and r.err.count("\n") == 1 and "--frobnicate" in r.err


HEADLINE = "صورة مخيفة تقتل جينات استعدادا عن النوم القصيرة عربية الأولى"   # 60 bytes in cp1256


def test_short_cp1256_headline_is_fixed_into_arabic(tmp_path):
    (tmp_path / "a.txt").write_bytes((HEADLINE + "\n").encode("cp1256"))
    r = run_cli("check", "a.txt", "--fix", "--no-cache", "--select", "ENC001", cwd=tmp_path)
    assert r.code == 0, r.out + r.err
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == HEADLINE + "\n"


def test_uncertain_encoding_fix_is_unsafe_and_says_why(tmp_path):
    data = "Новости дня: президент встретился с министрами.\n".encode("cp1251")
    (tmp_path / "a.txt").write_bytes(data)
    r, rep = check_json("a.txt", tmp_path)
    enc = next(f for f in rep["findings"] if f["code"] == "ENC001")
    assert enc["fix"]["applicability"] == "unsafe" and "not read as Arabic" in enc["message"]
    run_cli("check", "a.txt", "--fix", "--no-cache", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_bytes() == data           # a safe --fix leaves it alone


def test_utf16_without_bom_is_an_encoding_finding(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode("utf-16-le"))
    r, rep = check_json("a.txt", tmp_path)
    assert rep["errors"] == [] and [f["code"] for f in rep["findings"]][:1] == ["ENC001"]
    assert "utf-16-le" in rep["findings"][0]["message"]
    run_cli("check", "a.txt", "--fix", "--no-cache", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == ARTICLE


def test_nul_after_the_first_8k_is_reported_where_it_is(tmp_path):
    text = ARTICLE * 60 + "فقرة\x00 أخيرة.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    r, rep = check_json("a.txt", tmp_path)
    nul = [f for f in rep["findings"] if f["code"] == "ENC005"]
    assert [(f["line"], f["column"]) for f in nul] == [(text.count("\n"), 5)]
