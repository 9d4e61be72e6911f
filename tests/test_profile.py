"""The furniture profile (BLP004): `newslint profile` learns each folder's
furniture from a large run; later runs on a few files read it (named by
--profile, by the config's `profile` key, or found next to the config)."""
from __future__ import annotations

import json
import time

import pytest

from conftest import run_cli

HEADLINES = ["ارتفاع أسعار الخضر في الأسواق", "افتتاح معرض الكتاب بالعاصمة", "الفريق الوطني يستعد للمباراة",
             "تقلبات جوية منتظرة الليلة", "انطلاق موسم جني الزيتون", "تراجع نسبة البطالة في الجهات",
             "وزارة الصحة تطلق حملة تلقيح", "إقبال كبير على المهرجان الصيفي"]
FURNITURE = "للتواصل أرسل كلمة خبر إلى {} من هاتفك"


def article(i: int, furniture: bool = True) -> str:
    head = HEADLINES[i]
    top = FURNITURE.format(9120 + i) + "\n" if furniture else ""
    return (f"{top}{head}\n\nقال مصدر مطلع إن {head} يأتي في سياق ما تشهده البلاد هذه الأيام من تحولات.\n"
            f"وأضاف المصدر أن {head} سيتواصل حسب المعطيات الأولية.\n\nالمصدر: Jawhara FM\n")


def make_site(root, name: str = "site-a", files: int = 8, furniture: bool = True):
    folder = root / name
    folder.mkdir(parents=True)
    for i in range(files):
        (folder / f"a{i}.txt").write_text(article(i, furniture), encoding="utf-8")
    return folder


def blp004(root, *args):
    r = run_cli("check", *args, "--format", "json", "--no-cache", "--select", "BLP004", cwd=root)
    assert r.code in (0, 1), r.err
    return [(f["path"], f["line"]) for f in json.loads(r.out)["findings"]]


def learn(root, *args):
    r = run_cli("profile", "site-a", *args, cwd=root)
    assert r.code == 0, r.err
    return r


def test_profile_is_written_valid_and_names_the_folders_template(tmp_path):
    make_site(tmp_path)
    r = learn(tmp_path)
    # the line, and its first word alone (the first line is taken for the
    # headline, and the real headline stands after it: a header line)
    assert "2 furniture templates in 1 of 1 folders" in r.err
    data = json.loads((tmp_path / ".newslint-profile.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["rule"] == "BLP004"
    templates = data["folders"]["site-a"]["templates"]
    assert {(t["position"], t["files"]) for t in templates} == {("start", 8)}
    assert sorted(t["example"][:30] for t in templates) == ["للتواصل أرسل كلمة خبر إلى 0 من", "∗ للتواصل *…"]
    assert data["folders"]["site-a"]["files"] == 8


def test_a_run_on_two_files_flags_what_the_profile_knows(tmp_path):
    make_site(tmp_path)
    # two files are too few to learn from in the run itself
    assert blp004(tmp_path, "site-a/a0.txt", "site-a/a1.txt") == []
    learn(tmp_path, "-o", "furniture.json")
    found = blp004(tmp_path, "--profile", "furniture.json", "site-a/a0.txt", "site-a/a1.txt")
    assert found == [("site-a/a0.txt", 1), ("site-a/a1.txt", 1)]


def test_one_file_is_enough_with_a_profile(tmp_path):
    make_site(tmp_path)
    learn(tmp_path, "-o", "furniture.json")
    r = run_cli("check", "--no-cache", "--select", "BLP004", "--profile", "furniture.json", "site-a/a3.txt",
                cwd=tmp_path)
    assert r.code == 1
    assert "site furniture: this line starts 8 of 8 files under site-a/ (profile)" in r.out


def test_the_profile_next_to_the_config_is_found_and_no_profile_skips_it(tmp_path):
    make_site(tmp_path)
    (tmp_path / ".newslint.yaml").write_text("select: [ALL]\n", encoding="utf-8")
    learn(tmp_path)
    assert blp004(tmp_path, "site-a/a0.txt", "site-a/a1.txt") == [("site-a/a0.txt", 1), ("site-a/a1.txt", 1)]
    assert blp004(tmp_path, "--no-profile", "site-a/a0.txt", "site-a/a1.txt") == []


def test_the_config_profile_key_names_it_relative_to_the_config(tmp_path):
    make_site(tmp_path)
    (tmp_path / "conf").mkdir()
    (tmp_path / ".newslint.yaml").write_text("profile: conf/site.json\n", encoding="utf-8")
    learn(tmp_path, "-o", "conf/site.json")
    assert blp004(tmp_path, "site-a/a2.txt", "site-a/a5.txt") == [("site-a/a2.txt", 1), ("site-a/a5.txt", 1)]


def test_a_profile_from_another_folder_says_nothing_about_this_one(tmp_path):
    make_site(tmp_path)
    make_site(tmp_path, "site-b", furniture=True)
    learn(tmp_path)  # learns site-a only
    assert blp004(tmp_path, "site-b/a0.txt", "site-b/a1.txt") == []


@pytest.mark.parametrize("content,says", [
    ("{not json", "is not JSON"),
    ('{"version": 2, "rule": "BLP004", "template": {"words": 8, "tail-words": 20, "max-chars": 250}, "folders": {}}',
     "is not a newslint profile (version 1): at version"),
    ('{"version": 1, "rule": "BLP004", "template": {"words": 8, "tail-words": 20, "max-chars": 250}, '
     '"folders": {"a": {"files": 3, "templates": [{"key": "xyz", "position": "end", "files": 3}]}}}',
     "at folders/a/templates/0/key"),
    ('{"version": 1, "rule": "BLP004", "template": {"words": 5, "tail-words": 20, "max-chars": 250}, "folders": {}}',
     "was learned with words=5, the run uses words=8"),
    ('{"version": 1, "rule": "BLP004", "template": {"words": 8, "tail-words": 20, "max-chars": 250}, "folders": {}}',
     "was learned with template scheme 1, this newslint uses 3"),
])
def test_a_broken_profile_is_one_line_and_exit_2(tmp_path, content, says):
    make_site(tmp_path, files=2)
    (tmp_path / "p.json").write_text(content, encoding="utf-8")
    r = run_cli("check", "--no-cache", "--profile", "p.json", "site-a", cwd=tmp_path)
    assert r.code == 2
    assert says in r.err and len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err


def test_a_missing_named_profile_is_an_error(tmp_path):
    make_site(tmp_path, files=2)
    r = run_cli("check", "--no-cache", "--profile", "nope.json", "site-a", cwd=tmp_path)
    assert r.code == 2 and "cannot read profile nope.json" in r.err


def test_a_changed_profile_invalidates_the_cached_batch_results(tmp_path):
    make_site(tmp_path)
    learn(tmp_path, "-o", "p.json")
    args = ("check", "--format", "json", "--select", "BLP004", "--profile", "p.json", "--cache-dir", "cache",
            "site-a/a0.txt", "site-a/a1.txt")
    assert len(json.loads(run_cli(*args, cwd=tmp_path).out)["findings"]) == 2
    data = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    data["folders"]["site-a"]["templates"] = []
    (tmp_path / "p.json").write_text(json.dumps(data), encoding="utf-8")
    assert json.loads(run_cli(*args, cwd=tmp_path).out)["findings"] == []


def test_the_profile_is_written_atomically_over_the_old_one(tmp_path):
    make_site(tmp_path)
    (tmp_path / "p.json").write_text("old", encoding="utf-8")
    learn(tmp_path, "-o", "p.json")
    assert json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["version"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.json", "site-a"]


def test_an_unwritable_profile_target_is_one_line(tmp_path):
    make_site(tmp_path)
    r = run_cli("profile", "site-a", "-o", "no/such/folder/p.json", cwd=tmp_path)
    assert r.code == 2 and "cannot write profile" in r.err


def _packed(rows) -> bytes:
    """BLP004's sketch rows as line_sketch packs them."""
    from array import array

    return array("q", [value for row in rows for value in row]).tobytes()


def test_learning_is_linear_in_the_number_of_lines():
    from newslint.rules.boilerplate.BLP004 import SiteFurniture, learn as learn_folders

    options = SiteFurniture.defaults()
    # 20,000 files of 30 lines in 200 folders, every file with one shared end line
    sketches = [(f"f{i % 200}/{i}.txt", (1200, _packed(tuple((n, 1, (i * 31 + n) * 7919, 40, 39, 0) for n in range(1, 30))
                                                   + ((30, 2, 42, 20, 19, 0),)), i)) for i in range(20_000)]
    started = time.perf_counter()
    learned, totals = learn_folders(sketches, options)
    found = list(SiteFurniture().compare(sketches, options))
    assert time.perf_counter() - started < 20
    assert len(learned) == 200 and all(set(t) == {42} for t in learned.values())
    assert len(found) == 20_000


def test_the_phrase_prior_is_read_from_the_line_as_written():
    from newslint.document import Document
    from newslint.rules.boilerplate.BLP004 import PRIOR, SiteFurniture, line_sketch, sketch_rows

    doc = Document("x.txt", "عنوان الخبر\n\nفقرة المقال الأولى هنا.\n\nإقرأ المزيد\nجميع الحقوق محفوظة © 2016\n".encode())
    flags = {row[0]: row[5] for row in sketch_rows(line_sketch(doc, SiteFurniture.defaults()))}
    assert flags[6] & PRIOR and not flags[3] & PRIOR


def test_a_known_phrase_needs_half_the_share():
    from newslint.rules.boilerplate.BLP004 import PRIOR, SiteFurniture, learn as learn_folders

    def sketch(i, key, flags):
        rows = ((1, 0, 1000 + i, 30, 29, 0),) + (((5, 2, key, 20, 19, flags),) if i < 5 else ())
        return f"site/{i}.txt", (900, _packed(rows), i)  # every file its own story

    options = dict(SiteFurniture.defaults(), **{"min-share": 0.5})  # 5 of 12 files is not enough without the prior
    assert [set(t) for t in learn_folders([sketch(i, 7, PRIOR) for i in range(12)], options)[0].values()] == [{7}]
    assert [set(t) for t in learn_folders([sketch(i, 7, 0) for i in range(12)], options)[0].values()] == [set()]


@pytest.mark.parametrize("text, mask_tail, shape, column", [
    # the head as written, less digits and case; a long rest only as its coarse length
    ("تابعونا على Facebook 24/24", True, "تابعونا على facebook 0/0", None),
    ("اقرأ أيضا في العدد 12 من مجلة Jawhara الأسبوعية اليوم " + "كلمة " * 30, True,
     "اقرأ أيضا في العدد 0 من مجلة jawhara +8", None),
    # given names masked, alone or with digits and Latin capitals around them
    ("محمد علي ينشر 3 صور على INSTAGRAM", True, "N N ينشر 0 صور على instagram", None),
    ("مقال: محمد", False, "مقال: N", None),
    # a label's colon masks the rest, and a long rest leaves only the head as furniture
    ("أحمد علي- سبق- القاهرة: " + "كلمة " * 25, True, "N علي- سبق- القاهرة:…", 24),
    ("رابط الخبر بصحيفة الوئام: عنوان قصير", True, "رابط الخبر بصحيفة الوئام:…", None),
])
def test_a_line_template_masks_digits_names_and_case(text, mask_tail, shape, column):
    from newslint.rules.boilerplate.BLP004 import template

    assert template(text, 8, 20, mask_tail) == (shape, column)
