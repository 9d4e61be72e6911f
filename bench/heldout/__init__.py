"""The held-out evaluation set of issue 12 (run it with `python bench/heldout.py`).

Modules: `articles` (reading the corpus, the tune/report split, an article's
parts), `edits` (one change to a text and its exact ground-truth record),
`defects` (the defect classes injected into single articles), `furniture`
(pseudo-sites with site furniture), `scoring` (which findings count as
detecting which class), `build` (assembling the set on disk) and `cli`.
"""
