"""Spelling family (SPL): high-precision checks, not a dictionary dump.

Each check relies on a pattern or a context that is wrong in itself
(a duplicated function word, hamzat qat on a derived-form verbal noun, a
truncated dual before two coordinated adjectives), never on "this word is
not in our list"."""
from newslint.rule import family_plugin

newslint_rules = family_plugin(__name__)
