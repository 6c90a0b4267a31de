"""Orchestration: the steps that call the store for records and provenance for decisions."""
