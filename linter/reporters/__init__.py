"""Built-in output formats, registered like any plugin's."""
from ..hookspecs import hookimpl
from .json import JsonLinesReporter, JsonReporter
from .text import TextReporter


@hookimpl
def newslint_reporters():
    return {"text": TextReporter, "json": JsonReporter, "jsonl": JsonLinesReporter}
