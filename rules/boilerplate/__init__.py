"""Boilerplate family (BLP): site furniture and other articles scraped along
with the article: read-more links, appended sections, share and legal lines.

Structure comes from the zone parser (`newslint.zones`); this module only
decides what to report."""
from newslint.rule import family_plugin

newslint_rules = family_plugin(__name__)
