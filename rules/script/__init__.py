"""Script family (SCR): letters and digits of other scripts inside Arabic
words."""
from newslint.rule import family_plugin

newslint_rules = family_plugin(__name__)
