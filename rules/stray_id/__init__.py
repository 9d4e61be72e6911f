"""Stray-id family (SID): identifiers and lone marks left by the scraper."""
from newslint.rule import family_plugin

newslint_rules = family_plugin(__name__)
