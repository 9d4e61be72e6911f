"""Whether to colour a stream: the --color flag first, then the
environment's conventions (https://no-color.org, https://force-color.org),
then whether the stream is a terminal."""
from __future__ import annotations

import os


def use_color(choice: str, stream) -> bool:
    """`choice` is the --color flag: always, never or auto. NO_COLOR and
    FORCE_COLOR count only when set and non-empty; opting out wins."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def add_color_argument(parser) -> None:
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                        help="colour the output (default auto: on a terminal, unless NO_COLOR is set; "
                             "FORCE_COLOR colours a pipe too)")
