"""Metadata family (MET): the tags line ("كلمات دلالية: ...")."""
from newslint.rule import family_plugin

newslint_rules = family_plugin(__name__)
