"""Built-in output formats, registered like any plugin's.

Each is named by "module:Class" and imported only when chosen
(`newslint.cli.settings._reporter`): importing all eight cost a one-file
run 15-40 ms (the HTML and SARIF writers, JSON, XML) for the one it
prints."""
from ..hookspecs import hookimpl

_BUILT_IN = {"text": "text:TextReporter", "json": "json:JsonReporter", "jsonl": "json:JsonLinesReporter",
             "sarif": "sarif:SarifReporter", "github": "github:GithubReporter", "junit": "junit:JunitReporter",
             "full": "text:FullTextReporter", "html": "html:HtmlReporter"}


@hookimpl
def newslint_reporters():
    return {name: f"{__name__}.{where}" for name, where in _BUILT_IN.items()}
