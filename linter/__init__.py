"""newslint: a data-quality linter for scraped news articles, Arabic first."""
from __future__ import annotations

__all__ = ["__version__"]


def __getattr__(name: str):
    """`__version__`, looked up when first asked (`newslint.entry_points`
    reads it without importing importlib.metadata, which costs every run the
    email package's import; the standard library answers where it cannot)."""
    if name != "__version__":
        raise AttributeError(f"module 'newslint' has no attribute {name!r}")
    from .entry_points import distribution_version

    version = distribution_version("newslint")
    if version is None:
        from importlib.metadata import PackageNotFoundError, version as standard

        try:
            version = standard("newslint")
        except PackageNotFoundError:  # pragma: no cover - running from an unusual checkout
            version = "0.0.0"
    globals()["__version__"] = version
    return version
