"""Embed family (EMB): social posts, other-language paragraphs, URLs and
e-mail addresses scraped into the article text."""
from newslint.rule import family_plugin

newslint_rules = family_plugin(__name__)
