"""Numerals family (NUM): digit systems, numbers glued to words, English
dates and inconsistent number formats."""
from newslint.rule import family_plugin

newslint_rules = family_plugin(__name__)
