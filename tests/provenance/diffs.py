"""What the diff tests share: a first paragraph every source and copy keep, and the changes of one kind."""

from __future__ import annotations

from reportedly.provenance.diff import diff

LEAD = "The council approved the new budget on Monday after a long debate.\n\n"


def changes_of_kind(run, source: str, copy: str, kind: str):
    """The changes of `kind` that `diff` finds from `source` to `copy`, both analysed by `run`."""
    return [c for c in diff(run(source), run(copy)).changes if c.kind == kind]
