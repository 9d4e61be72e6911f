"""Structure family (STR): text of two sentences or articles run together."""
from newslint.rule import family_plugin

newslint_rules = family_plugin(__name__)
