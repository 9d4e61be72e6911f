"""Encoding family (ENC): how the bytes of the file are stored."""
from newslint.rule import family_plugin

newslint_rules = family_plugin(__name__)
