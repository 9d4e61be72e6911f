#!/usr/bin/env python3
"""Build the held-out evaluation set from the real corpus, lint it, print
recall per defect class and mission findings per control file.

    python bench/heldout.py [--seed 12] [--half report|tune] [--per-class 60] [--keep DIR] [--json]

See docs/heldout.md. The code lives in the package bench/heldout/.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout.cli import main  # noqa: E402  (the package next to this script)

if __name__ == "__main__":
    sys.exit(main())
