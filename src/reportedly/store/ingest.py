"""`reportedly ingest`: read articles, skip those already stored, analyse the rest on all cores, store each in
its own transaction (so a killed run loses nothing committed and the next run completes the rest)."""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Union

from ..analyze import Prepared, analyze_prepared, prepare
from ..errors import ReportedlyError
from ..ingest.metadata import outlet_for_url
from ..ingest.readers import Capture, Failure, Read, read_paths
from ..models import Analysis, Signature
from .db import Store, content_hash

CHUNK = 8  # articles per task sent to a worker process
MAX_FAILURES_KEPT = 1000


@dataclass
class Summary:
    ingested: int = 0
    duplicates: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # read, but not all of it (a malformed sidecar)
    stories: Optional[int] = None  # stories created or changed by the update after ingest (None: not updated)
    started: float = field(default_factory=time.perf_counter)

    def fail(self, ref: str, reason: str) -> None:
        self.failed += 1
        if len(self.failures) < MAX_FAILURES_KEPT:
            self.failures.append((ref, reason))

    @property
    def seen(self) -> int:
        return self.ingested + self.duplicates + self.failed

    def rate(self) -> float:
        elapsed = time.perf_counter() - self.started
        return self.ingested / elapsed if elapsed > 0 else 0.0


@dataclass(frozen=True)
class Analysed:
    """An article's analysis with its clustering signature and band keys, all computed in the worker."""

    analysis: Analysis
    signature: Signature
    keys: list[int]


@dataclass(frozen=True)
class Job:
    ref: str
    outlet: Optional[str]
    digest: str
    prepared: Prepared
    capture: Optional[Capture] = None


def ingest(
    paths: Iterable[str],
    store: Store,
    processes: int = 1,
    progress: Optional[Callable[[Summary], None]] = None,
    stories: bool = True,
) -> Summary:
    """Store every new article in `paths` with its clustering signature; then, unless `stories` is False, place
    the new articles in their stories (pipeline/stories.py: only the stories they join are rebuilt)."""
    return ingest_reads(read_paths(paths), store, processes, progress, stories=stories)


def ingest_reads(
    reads: Iterable[Read],
    store: Store,
    processes: int = 1,
    progress: Optional[Callable[[Summary], None]] = None,
    summary: Optional[Summary] = None,
    stories: bool = True,
) -> Summary:
    """Analyse and store articles read from anywhere (files, a WARC, the web), failures counted in `summary`;
    then, unless `stories` is False, update the stories they join."""
    summary = summary or Summary()
    jobs = _jobs(reads, store, summary)
    last = 0.0
    for job, result in analyse(jobs, processes):
        if isinstance(result, str):
            summary.fail(job.ref, result)
        elif (
            store.add(
                result.analysis,
                outlet=job.outlet,
                source=job.ref,
                digest=job.digest,
                capture=job.capture,
                signature=result.signature,
                keys=result.keys,
            )
            is None
        ):
            summary.duplicates += 1
        else:
            summary.ingested += 1
        if progress is not None and time.perf_counter() - last > 0.5:
            last = time.perf_counter()
            progress(summary)
    if progress is not None:
        progress(summary)
    if stories:
        from ..pipeline.stories import update_stories

        summary.stories = len(update_stories(store))
    return summary


def _jobs(reads: Iterable[Read], store: Store, summary: Summary) -> Iterator[Job]:
    """Prepared articles not yet in the store; failures and duplicates are counted, not yielded."""
    seen: set[str] = set()
    for item in reads:
        if isinstance(item, Failure):
            summary.fail(item.ref, item.reason)
            continue
        if item.note and len(summary.notes) < MAX_FAILURES_KEPT:
            summary.notes.append((item.ref, item.note))
        try:
            p = prepare(item.data, published=item.published, title=item.title, url=item.url, foreign=True)
        except ReportedlyError as e:
            summary.fail(item.ref, str(e))
            continue
        digest = content_hash(p.text)
        if digest in seen or store.has(digest):
            summary.duplicates += 1
            continue
        seen.add(digest)
        # the outlet given, else the page's own site name, else the outlet of its URL's host (rules/outlets.tsv)
        yield Job(item.ref, item.outlet or p.site or outlet_for_url(p.url), digest, p, item.capture)


def analyse(jobs: Iterator[Job], processes: int) -> Iterator[tuple[Job, Union[Analysed, str]]]:
    """(job, analysis or error message), in input order; with processes > 1, a bounded number of chunks
    is in flight at once, so memory does not grow with the corpus."""
    if processes <= 1:
        for chunk in _chunks(jobs, CHUNK):
            yield from zip(chunk, _analyse_chunk([j.prepared for j in chunk]))
        return
    ctx = mp.get_context("spawn")
    with ctx.Pool(processes, initializer=_warm) as pool:
        pending: deque = deque()
        for chunk in _chunks(jobs, CHUNK):
            pending.append((chunk, pool.apply_async(_analyse_chunk, ([j.prepared for j in chunk],))))
            if len(pending) >= 2 * processes:
                done, res = pending.popleft()
                yield from zip(done, res.get())
        while pending:
            done, res = pending.popleft()
            yield from zip(done, res.get())


def _chunks(it: Iterator, n: int) -> Iterator[list]:
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _warm() -> None:
    from ..nlp.pipeline import get_pipeline

    get_pipeline()


def _analyse_chunk(preps: list[Prepared]) -> list[Union[Analysed, str]]:
    """Analyses of a chunk, each with its signature; when one article breaks the pipeline, the others still get
    theirs."""
    try:
        return [_signed(a) for a in analyze_prepared(preps, batch_size=len(preps))]
    except Exception:  # isolate the culprit below
        out: list[Union[Analysed, str]] = []
        for p in preps:
            try:
                out.extend(_signed(a) for a in analyze_prepared([p]))
            except Exception as e:
                out.append(f"analysis failed ({type(e).__name__}: {e})")
        return out


def _signed(a: Analysis) -> Analysed:
    from ..pipeline.stories import sign

    sig, keys = sign(a.text)
    return Analysed(a, sig, keys)
