"""Source family (SRC): the "المصدر:" line that credits the article."""
from newslint.rule import family_plugin

newslint_rules = family_plugin(__name__)
