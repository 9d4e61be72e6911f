"""Paths as fsspec URLs (`s3://bucket/prefix`, `file:///data`, `memory://`):
listing what a URL names and reading a listed file's bytes. Only the Dask
executor takes URLs (its workers read them); fsspec and the scheme's
backend (s3fs for s3://, ...) must be installed where the run and the
workers are."""
from __future__ import annotations

import re

from ..errors import UsageError
from ..models import FileError

# A scheme as RFC 3986 spells it, then "://": "C:\\x" and "./a:b" are not URLs.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# What a URL naming a folder lints: every .txt under it.
GLOB = "**/*.txt"


def is_url(path: str) -> bool:
    return bool(_URL.match(path))


def _filesystem(url: str):
    """The fsspec filesystem of `url` and the path inside it; a one-line
    UsageError when fsspec or the scheme's backend is missing."""
    try:
        import fsspec
    except ImportError:
        raise UsageError(f"{url}: URLs need fsspec (pip install 'newslint[dask]')") from None
    try:
        return fsspec.core.url_to_fs(url)
    except (ValueError, ImportError) as exc:  # "Protocol not known", a backend not installed
        raise UsageError(f"{url}: cannot open this URL: {_one_line(exc)}") from None


def list_url(url: str) -> list[str]:
    """The files `url` names: itself when it is a file, else every file
    matching GLOB under it, as URLs with the same scheme, sorted."""
    fs, root = _filesystem(url)
    try:
        if fs.isfile(root):
            return [url]
        if not fs.isdir(root):
            raise UsageError(f"path not found: {url}")
        found = fs.glob(root.rstrip("/") + "/" + GLOB)
    except OSError as exc:
        raise UsageError(f"{url}: cannot list: {_one_line(exc)}") from None
    return sorted(fs.unstrip_protocol(path) for path in found if fs.isfile(path))


def read_url(url: str) -> bytes | FileError:
    """The bytes at `url`, or a FileError saying why they cannot be had."""
    try:
        fs, path = _filesystem(url)
        with fs.open(path, "rb") as fh:
            return fh.read()
    except UsageError as exc:
        return FileError(url, str(exc))
    except (OSError, ValueError) as exc:
        return FileError(url, f"cannot read: {_one_line(exc)}")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def discover_with_urls(paths: list[str], configs, walk, config):
    """discovery.discover, where the URLs among `paths` are listed with
    fsspec (their files use the run's `config`: no config file is looked
    for beside them)."""
    from ..discovery import STDIN, Found, discover

    urls = [path for path in paths if is_url(path)]
    local = [path for path in paths if not is_url(path)]
    found = discover(local, configs, walk) if local or not urls else Found()
    for url in urls:
        for path in list_url(url):
            found.paths.append(path)
            found.configs[path] = config
    found.paths = sorted(dict.fromkeys(found.paths), key=lambda p: (p == STDIN, p))
    if not found.paths and not found.warnings:
        found.warnings.append("no files found under the given paths")
    return found
