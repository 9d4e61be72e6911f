"""Whitespace family (WSP): spaces, invisible characters and blank lines."""
from newslint.rule import family_plugin

newslint_rules = family_plugin(__name__)
