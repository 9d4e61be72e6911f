"""Records: one article of a container file, or why it cannot be one."""
from __future__ import annotations

from dataclasses import dataclass, field

# A record past this is not linted (a per-record error): one runaway line
# must not take the run's memory and time.
MAX_RECORD_BYTES = 16 * 1024 * 1024
# what a compressed shard may expand to (its bytes are held in memory)
MAX_SHARD_BYTES = 2 * 1024 * 1024 * 1024

# Hugging Face datasets' usual column names; `containers: {jsonl: {...}}`
# and `containers: {parquet: {...}}` in the config rename them.
DEFAULT_FIELDS = {"title": "title", "text": "text", "url": "url", "source": "source"}
ROLES = tuple(DEFAULT_FIELDS)


class UnreadableShard(Exception):
    """The whole shard cannot be read, as one line."""


class BadRecord(Exception):
    """Why a record is not linted, as the short phrase after "record N: "."""


@dataclass(frozen=True)
class Record:
    """An article's fields by role (title, text, url, source), and for a
    JSONL line where each field's value sits in it (for --fix)."""

    number: int                    # 1-based: the line of a JSONL shard, the row of a Parquet one
    values: dict                   # role -> str (text always; the others when present)
    line: str = ""                 # JSONL: the decoded line
    spans: dict = field(default_factory=dict)  # JSONL: field name -> (start, end) of its value in `line`


def field_names(config, kind: str) -> dict:
    """role -> field name for container `kind`, from the config's
    `containers: {<kind>: {role: name}}` over the defaults."""
    section = (config.get("containers") or {}).get(kind) or {}
    return {**DEFAULT_FIELDS, **section}


def record_values(fields: dict, row: dict) -> dict:
    """The roles' string values of one record (raises BadRecord): text must
    be a string; the others a string, null or absent."""
    text = row.get(fields["text"])
    if not isinstance(text, str):
        what = "missing" if fields["text"] not in row else f"a {_json_type(text)}, not a string"
        raise BadRecord(f"field {fields['text']!r} is {what}")
    values = {"text": text}
    for role in ROLES:
        if role == "text":
            continue
        value = row.get(fields[role])
        if value is None:
            continue
        if not isinstance(value, str):
            raise BadRecord(f"field {fields[role]!r} is a {_json_type(value)}, not a string")
        values[role] = value
    for role, value in values.items():
        if _has_lone_surrogate(value):
            raise BadRecord(f"field {fields[role]!r} holds a lone surrogate (not Unicode text)")
    return values


def _has_lone_surrogate(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _json_type(value) -> str:
    return {bool: "boolean", int: "number", float: "number", list: "list", dict: "object",
            type(None): "null"}.get(type(value), type(value).__name__)
