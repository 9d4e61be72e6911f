"""newslint: a data-quality linter for scraped news articles, Arabic first."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newslint")
except PackageNotFoundError:  # pragma: no cover - running from an unusual checkout
    __version__ = "0.0.0"

__all__ = ["__version__"]
