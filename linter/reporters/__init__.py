"""Built-in output formats, registered like any plugin's."""
from ..hookspecs import hookimpl
from .github import GithubReporter
from .html import HtmlReporter
from .json import JsonLinesReporter, JsonReporter
from .junit import JunitReporter
from .sarif import SarifReporter
from .text import FullTextReporter, TextReporter


@hookimpl
def newslint_reporters():
    return {"text": TextReporter, "json": JsonReporter, "jsonl": JsonLinesReporter, "sarif": SarifReporter,
            "github": GithubReporter, "junit": JunitReporter, "full": FullTextReporter,
            "html": HtmlReporter}
