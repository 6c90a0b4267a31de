"""`reportedly reanalyse`: analyse again the stored rows that have no analysis record (stored before migration 3),
a batch at a time, with progress; the store itself never runs NLP."""

from __future__ import annotations

from typing import Callable, Optional

from ..analyze import analyze_prepared, prepare
from ..store.db import Store


def reanalyse(store: Store, progress: Optional[Callable[[int, int], None]] = None) -> int:
    """Analyse and keep the record of every row without one; returns how many. `progress(done, total)`."""
    total = store.count_unanalysed()
    done = 0
    for page in store.unanalysed():
        preps = [prepare(r["text"], published=r["published"], title=r["title"]) for r in page]
        for r, a in zip(page, analyze_prepared(preps, batch_size=len(preps))):
            store.set_analysis(r["id"], a)
        done += len(page)
        if progress is not None:
            progress(done, total)
    return done
