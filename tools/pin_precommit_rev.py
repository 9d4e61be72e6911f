"""Pin the README's pre-commit snippet ("## In pre-commit") to a commit.

    python tools/pin_precommit_rev.py              # pin to HEAD
    python tools/pin_precommit_rev.py REVISION     # pin to a commit (resolved to its full SHA)
    python tools/pin_precommit_rev.py --url URL    # also set the snippet's repo: URL

The rev is a full 40-hex commit SHA, as `pre-commit autoupdate --freeze`
writes it, never a tag: a tag may not survive how this repository is
published, a commit on main does. A pin is refused unless the commit is an
ancestor of HEAD and its .pre-commit-hooks.yaml equals the one in the work
tree (else users would install a hook other than the documented one);
tests/test_precommit_readme.py checks the same through `pin_problem`.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
HOOKS = ".pre-commit-hooks.yaml"
SECTION = "## In pre-commit"
FENCE = re.compile(r"^```yaml\n(.*?)^```", re.S | re.M)
REV = re.compile(r"^(?P<lead>\s*rev:\s*)(?P<value>\S+)", re.M)
URL = re.compile(r"^(?P<lead>\s*-\s*repo:\s*)(?P<value>\S.*?)\s*$", re.M)
FULL_SHA = re.compile(r"[0-9a-f]{40}")


def snippet_span(readme: str) -> tuple[int, int]:
    """Where the YAML block of the pre-commit section is (its text only,
    without the fences)."""
    start = readme.find(f"\n{SECTION}\n")
    block = FENCE.search(readme, start) if start >= 0 else None
    if block is None:
        raise ValueError(f"README.md has no ```yaml block under {SECTION!r}")
    return block.span(1)


def snippet(readme: str) -> str:
    start, end = snippet_span(readme)
    return readme[start:end]


def _field(pattern: re.Pattern, text: str, name: str) -> re.Match:
    found = list(pattern.finditer(text))
    if len(found) != 1:
        raise ValueError(f"the README's pre-commit snippet has {len(found)} {name}: lines, not one")
    return found[0]


def pinned_rev(readme: str) -> str:
    return _field(REV, snippet(readme), "rev")["value"]


def repo_url(readme: str) -> str:
    return _field(URL, snippet(readme), "repo")["value"]


def _replace_field(readme: str, pattern: re.Pattern, name: str, value: str) -> str:
    start, end = snippet_span(readme)
    text = readme[start:end]
    field = _field(pattern, text, name)
    text = text[:field.start("value")] + value + text[field.end("value"):]
    return readme[:start] + text + readme[end:]


def with_rev(readme: str, sha: str) -> str:
    return _replace_field(readme, REV, "rev", sha)


def with_url(readme: str, url: str) -> str:
    return _replace_field(readme, URL, "repo", url)


def git(*args: str, root: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)


def resolve(revision: str, root: Path = ROOT) -> str:
    done = git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", root=root)
    if done.returncode != 0:
        raise ValueError(f"{revision} is not a commit of {root}")
    return done.stdout.strip()


def pin_problem(sha: str, root: Path = ROOT) -> str | None:
    """Why `sha` is not a good pin for the work tree at `root` (None: it is)."""
    if not FULL_SHA.fullmatch(sha):
        return f"rev {sha} is not a full 40-hex commit SHA"
    if git("merge-base", "--is-ancestor", sha, "HEAD", root=root).returncode != 0:
        return f"rev {sha} is not an ancestor of HEAD"
    pinned = git("show", f"{sha}:{HOOKS}", root=root)
    if pinned.returncode != 0 or pinned.stdout != (root / HOOKS).read_text(encoding="utf-8"):
        return f"{HOOKS} at rev {sha} differs from the current one: pin a newer commit"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("revision", nargs="?", default="HEAD", help="the commit to pin (default: HEAD)")
    parser.add_argument("--url", help="also set the snippet's repo: URL")
    args = parser.parse_args(argv)
    try:
        sha = resolve(args.revision)
        problem = pin_problem(sha)
        if problem:
            raise ValueError(problem)
        readme = with_rev(README.read_text(encoding="utf-8"), sha)
        if args.url:
            readme = with_url(readme, args.url)
    except ValueError as exc:
        print(f"pin_precommit_rev: {exc}", file=sys.stderr)
        return 2
    README.write_text(readme, encoding="utf-8")
    print(f"README.md: pre-commit rev {sha}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
