"""Provenance across a corpus: stories (clusters), who copied whom, what each copy changed, how claims travelled."""
