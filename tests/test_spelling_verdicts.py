"""SPL006's build-time verdicts (rules/spelling/_verdicts.py): current, and
never a different answer from judging the word in full."""
from __future__ import annotations

import re
from pathlib import Path

from newslint import lexicon
from newslint.rules.spelling import _orthography, _verdicts

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
DEFAULT_CODE = _orthography.min_code(3.0)


def test_the_packaged_verdicts_are_current():
    verdicts = _verdicts.read()
    assert verdicts is not None, ("rules/data/lexicon/ar-verdicts.bin is missing or stale: "
                                  "pip install -e '.[lexicon]' && python bench/build_spelling_verdicts.py")
    assert verdicts.min_code == DEFAULT_CODE
    assert 1000 < len(verdicts.lead_keys) < 100_000


def _seed_words() -> set[str]:
    words = set()
    for path in SEEDS.rglob("*.txt"):
        words |= set(_orthography._WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return words


def test_a_word_known_quiet_has_no_lead_when_judged_in_full(monkeypatch):
    words = _seed_words() | {"الاحداث", "الحكومه", "اعلان", "علي", "الي", "لدي", "نضام", "كدلك", "الان"}
    quiet = {word for word in words if _orthography._known_quiet(lexicon.normalise(word), DEFAULT_CODE)}
    assert len(quiet) > 0.5 * len(words)  # most words of an article are settled by the table
    monkeypatch.setattr(_verdicts, "lead_keys", lambda code: None)
    judged = {word: _orthography._lead(word, DEFAULT_CODE) for word in words}
    assert [word for word in quiet if judged[word] is not None] == []
    assert all(judged[word] is not None for word in ("الاحداث", "الحكومه", "اعلان", "علي"))


def test_stale_verdicts_are_ignored(monkeypatch, tmp_path):
    data = _verdicts.encode(DEFAULT_CODE, [1, 2, 3])
    stale = data[:10] + bytes(32) + data[42:]  # another fingerprint
    monkeypatch.setattr(_verdicts, "fingerprint", lambda: bytes(range(32)))
    for blob in (stale, data, b"garbage"):
        monkeypatch.setattr(_verdicts.resources, "files", lambda package, blob=blob: _Files(blob))
        assert _verdicts.read() is None


def test_verdicts_for_another_variant_code_are_not_used(monkeypatch):
    _verdicts.lead_keys.cache_clear()
    try:
        assert _verdicts.lead_keys(DEFAULT_CODE + 1) is None
        assert _verdicts.lead_keys(DEFAULT_CODE) is not None
    finally:
        _verdicts.lead_keys.cache_clear()


class _Files:
    def __init__(self, blob):
        self.blob = blob

    def joinpath(self, name):
        return self

    def read_bytes(self):
        return self.blob


def test_the_format_round_trips():
    keys = [lexicon.word_key(word) for word in ("الاحداث", "اعلان")]
    verdicts = _verdicts.Verdicts(_verdicts.encode(DEFAULT_CODE, keys))
    assert verdicts.lead_keys == frozenset(keys) and verdicts.fingerprint == _verdicts.fingerprint()
    assert re.fullmatch(r"NLVERD1\x00", _verdicts.MAGIC.decode("ascii"))
