"""Truncation family (TRN): body paragraphs that stop mid-sentence.

Only body paragraphs of the article are examined (see `newslint.zones`):
headlines, sub-headings, list items, source and tags lines and everything
appended after the article never are."""
from newslint.rule import family_plugin

newslint_rules = family_plugin(__name__)
