"""Duplicate family (DUP): the same article twice in a batch.

Batch rules: each worker reduces its file to a small sketch (a hash, a
MinHash signature); the parent compares the sketches. Only the article
itself counts (appended sections, which many unrelated files share, are
left out), and a duplicate is reported on every copy but the first by path,
naming that first copy: it is the one to keep.
"""
from newslint.rule import family_plugin

newslint_batch_rules = family_plugin(__name__)
