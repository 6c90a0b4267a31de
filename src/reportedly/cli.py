"""The `reportedly` command line: parse arguments, hand off to the library, turn errors into one line."""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from pathlib import Path
from typing import Optional, Sequence

from . import __version__
from .errors import BadOptionError, FetchError, InputError, ReportedlyError
from .ingest.decode import MAX_BYTES, check_size
from .ingest.settings import SETTINGS as FETCH
from .web.access import AccessSettings, check_token, require_token

EPILOG_ANALYZE = """Example:
  reportedly analyze article.txt --published 2021-12-21
  reportedly analyze page.html --format json > analysis.json
  curl -s https://example.org/story | reportedly analyze - --format html > story.html
  reportedly analyze https://example.org/2024/03/26/story --format json   # fetched politely (see `fetch`)"""
EPILOG_EVAL = """Example:
  reportedly eval quotes data/quotes/ggt/test.jsonl
  reportedly eval quotes data/quotes/polnear/dev.jsonl --only direct --predictions polnear-dev.pred.jsonl
  reportedly eval timex data/timex/tempeval3/test.jsonl
  reportedly eval stories data/stories --unrelated data/quotes/polnear/train.jsonl"""


EPILOG_INGEST = """Example:
  reportedly ingest articles/ feeds.jsonl crawl.warc.gz --db corpus.db
  reportedly ingest export.csv --db postgresql://localhost/news --processes 2
  reportedly ingest today/ --db corpus.db --no-stories   # stories later, with `reportedly stories`"""
EPILOG_REANALYSE = """Example:
  reportedly reanalyse --db corpus.db"""
EPILOG_FETCH = """Example:
  reportedly fetch https://example.org/2024/03/26/story https://example.com/news/bridge --db corpus.db
  reportedly fetch --feed https://example.org/rss.xml --sitemap https://example.com/sitemap.xml --db corpus.db
  reportedly fetch --feed https://example.org/atom.xml --warc evidence.warc.gz --delay 2
Every response goes into a WARC file (default: a new file per run in <db name>-warc/ beside the database);
`reportedly ingest` of that file stores the same articles again."""
EPILOG_QUOTES = """Example:
  reportedly quotes --speaker Heyman
  reportedly quotes --speaker "Liz Truss" --outlet BBC --since 2022-10-01 --json"""
EPILOG_SOURCES = """Example:
  reportedly sources
  reportedly sources --outlet Reuters --json"""
EPILOG_SEARCH = """Example:
  reportedly search "military intelligence" --limit 5"""
EPILOG_STORIES = """Example:
  reportedly stories --db corpus.db            # rebuild every story (ids kept) and list them
  reportedly story 3 --db corpus.db            # the copy graph of story 3 as a tree
  reportedly diff 12 17 --db corpus.db         # what article 17 changed against article 12
  reportedly diff original.txt copy.html       # the same for two files
  reportedly trace "cannot deliver the mandate" --db corpus.db"""
EPILOG_SERVE = """Example:
  reportedly serve --db corpus.db                  # then open http://127.0.0.1:8000/
  reportedly serve --db postgresql://localhost/news --port 8080
  REPORTEDLY_TOKEN=$(python -c 'import secrets; print(secrets.token_urlsafe())') \\
    reportedly serve --host 0.0.0.0                # for a team: open http://HOST:8000/?token=TOKEN once
  curl -s 'http://127.0.0.1:8000/api/people/Liz%20Truss?limit=5'"""
EPILOG_SPARK = """Example:
  reportedly spark feeds/ crawl/*.warc.gz --output out/ --master local[2]
  reportedly spark s3a://bucket/news/ --output s3a://bucket/reportedly/ --master yarn --partitions 400
  (on a cluster, spark-submit src/reportedly/spark/job.py takes the same arguments)"""
EPILOG_LOAD = """Example:
  reportedly load out/ --db corpus.db
  reportedly load out/ --db postgresql://localhost/news"""
EPILOG_EXPORT = """Example:
  reportedly export --format jsonl > corpus.jsonl
  reportedly export --format parquet -o quotes.parquet"""


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=os.environ.get("REPORTEDLY_DB", "reportedly.db"),
        help="SQLite file or postgresql:// URL (default reportedly.db, or $REPORTEDLY_DB)",
    )


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reportedly",
        description="Who said what, when, according to whom.",
        epilog="Example:\n  reportedly analyze article.txt --published 2021-12-21",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"reportedly {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    a = sub.add_parser(
        "analyze",
        help="analyse one article (text or HTML): quotes, sources, entities, time",
        epilog=EPILOG_ANALYZE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    a.add_argument(
        "path", nargs="?", default="-", help="article file (.txt or .html), an http(s):// URL; - or nothing for stdin"
    )
    a.add_argument("--published", metavar="YYYY-MM-DD", help="publication date, anchors 'earlier this year'")
    a.add_argument("--format", choices=("text", "json", "html"), default="text", help="output format (default text)")
    a.add_argument("--title", help="article title, when the text has none")
    a.add_argument("--encoding", help="force the input encoding (default: detect)")
    a.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text report")
    a.add_argument("-o", "--output", help="write the report to this file instead of stdout")
    a.add_argument("--warc", metavar="FILE", help="for a URL: keep every response in this WARC file (appended to)")

    i = sub.add_parser(
        "ingest",
        help="analyse many articles into the corpus store",
        epilog=EPILOG_INGEST,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    i.add_argument("paths", nargs="+", help="folders of .txt/.html, .jsonl, .csv, .warc/.warc.gz files")
    _db_arg(i)
    i.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    i.add_argument("--quiet", action="store_true", help="no progress line")
    i.add_argument(
        "--no-stories",
        dest="stories",
        action="store_false",
        help="do not place the new articles in stories now (the next ingest or `reportedly stories` will)",
    )

    fe = sub.add_parser(
        "fetch",
        help="download articles (URLs, RSS/Atom feeds, sitemaps) politely into the corpus store, keeping a WARC",
        epilog=EPILOG_FETCH,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    fe.add_argument("urls", nargs="*", help="article URLs (http:// or https://)")
    fe.add_argument("--feed", action="append", default=[], metavar="URL", help="an RSS or Atom feed (repeatable)")
    fe.add_argument(
        "--sitemap", action="append", default=[], metavar="URL", help="an XML sitemap or sitemap index (repeatable)"
    )
    _db_arg(fe)
    fe.add_argument("--warc", metavar="FILE", help="write the evidence to this WARC file (appended to if it exists)")
    fe.add_argument(
        "--delay",
        type=float,
        default=FETCH.host_delay,
        help="least seconds between two requests to one host (default %(default)g; a longer robots.txt "
        "Crawl-delay wins)",
    )
    fe.add_argument(
        "--concurrency", type=int, default=FETCH.concurrency, help="requests in flight at once (default %(default)d)"
    )
    fe.add_argument(
        "--timeout",
        type=float,
        default=FETCH.read_timeout,
        help="seconds a server may stay silent (default %(default)g)",
    )
    fe.add_argument(
        "--retries", type=int, default=FETCH.retries, help="further tries after a 429 or 5xx (default %(default)d)"
    )
    fe.add_argument("--user-agent", default=FETCH.user_agent, help="the User-Agent sent (and matched in robots.txt)")
    fe.add_argument("--processes", type=int, default=1, help="analysis worker processes (default 1)")
    fe.add_argument("--quiet", action="store_true", help="no progress")

    q = sub.add_parser(
        "quotes",
        help="what a person said, across the corpus",
        epilog=EPILOG_QUOTES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    q.add_argument("--speaker", help="speaker name or part of it (case-insensitive)")
    q.add_argument("--outlet", help="only this outlet")
    q.add_argument("--since", metavar="YYYY-MM-DD", help="only articles published on or after this date")
    q.add_argument("--limit", type=int, default=50)
    q.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    _db_arg(q)

    s = sub.add_parser(
        "sources",
        help="who gets a voice: sources by type and name",
        epilog=EPILOG_SOURCES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument("--outlet", help="only this outlet")
    s.add_argument("--limit", type=int, default=30)
    s.add_argument("--json", action="store_true")
    _db_arg(s)

    f = sub.add_parser(
        "search",
        help="full-text search over stored articles",
        epilog=EPILOG_SEARCH,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    f.add_argument("text")
    f.add_argument("--limit", type=int, default=20)
    f.add_argument("--json", action="store_true")
    _db_arg(f)

    x = sub.add_parser(
        "export",
        help="export the corpus (articles as JSONL, quotes as CSV or Parquet)",
        epilog=EPILOG_EXPORT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    x.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    x.add_argument("-o", "--output", help="file to write (required for parquet; default stdout)")
    _db_arg(x)

    sp = sub.add_parser(
        "spark",
        help="analyse a large corpus as a Spark job into Parquet tables (needs the [spark] extra)",
        epilog=EPILOG_SPARK,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from .spark import add_arguments

    add_arguments(sp)

    ld = sub.add_parser(
        "load",
        help="load the Parquet output of `reportedly spark` into a store",
        epilog=EPILOG_LOAD,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ld.add_argument("directory", metavar="DIR", help="the --output folder of `reportedly spark`")
    _db_arg(ld)

    st = sub.add_parser(
        "stories",
        help="group the corpus into stories, with origin and copies",
        epilog=EPILOG_STORIES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    st.add_argument("--limit", type=int, default=30)
    st.add_argument("--json", action="store_true")
    st.add_argument(
        "--embeddings",
        action="store_true",
        help="also align rewritten sentences by meaning (needs the [embeddings] extra)",
    )
    _db_arg(st)

    ra = sub.add_parser(
        "reanalyse",
        help="analyse again the stored articles kept without their analysis record (stored before migration 3)",
        epilog=EPILOG_REANALYSE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ra.add_argument("--quiet", action="store_true", help="no progress line")
    _db_arg(ra)

    one = sub.add_parser(
        "story",
        help="one story's copy graph as a tree",
        epilog=EPILOG_STORIES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    one.add_argument("id", type=int)
    one.add_argument("--json", action="store_true")
    _db_arg(one)

    d = sub.add_parser(
        "diff",
        help="meaning changes of a copy against its source",
        epilog=EPILOG_STORIES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    d.add_argument("source", help="stored article id or file")
    d.add_argument("copy", help="stored article id or file")
    d.add_argument("--json", action="store_true")
    _db_arg(d)

    t = sub.add_parser(
        "trace",
        help="where a claim appears across the corpus, oldest first",
        epilog=EPILOG_STORIES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    t.add_argument("text", help="the claim, a phrase of three words or more")
    t.add_argument("--limit", type=int, default=50)
    t.add_argument("--json", action="store_true")
    _db_arg(t)

    w = sub.add_parser(
        "serve",
        help="the web app and REST API over a corpus",
        epilog=EPILOG_SERVE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    w.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    w.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    w.add_argument(
        "--token",
        default=os.environ.get("REPORTEDLY_TOKEN"),
        help="every request must carry it (Bearer header, or ?token= once in a browser); required on an address other "
        "than 127.0.0.1/::1/localhost (default $REPORTEDLY_TOKEN, which keeps it out of `ps`)",
    )
    w.add_argument(
        "--analyse-per-minute",
        type=float,
        default=AccessSettings.analyse_per_minute,
        help="with a token: analyses a minute per client (default %(default)g; 0 turns the limit off)",
    )
    w.add_argument(
        "--analyse-burst",
        type=int,
        default=AccessSettings.analyse_burst,
        help="with a token: analyses a client may send at once (default %(default)d)",
    )
    _db_arg(w)

    e = sub.add_parser(
        "eval",
        help="score the pipeline on an annotated dataset",
        epilog=EPILOG_EVAL,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    e.add_argument("task", choices=("quotes", "timex", "stories"), help="what to score")
    e.add_argument(
        "gold", nargs="+", help="gold JSONL (the shared data format); for stories, folders of story clusters"
    )
    e.add_argument(
        "--unrelated",
        nargs="*",
        default=[],
        metavar="JSONL",
        help="stories: articles (JSONL with text) to mix in as unrelated",
    )
    e.add_argument("--changes", metavar="JSON", help="stories: a checklist of meaning changes diff must find")
    e.add_argument(
        "--embeddings",
        action="store_true",
        help="stories: diff aligns rewritten sentences by meaning too (optional extra)",
    )
    e.add_argument("--fit", metavar="JSON", help="stories: write the model fitted on every story here")
    e.add_argument("--only", choices=("direct", "mixed", "indirect"), help="quotes: score only this quote type")
    e.add_argument(
        "--direct-only", action="store_true", help="quotes: predict quotation marks only, no reported speech"
    )
    e.add_argument(
        "--scope",
        choices=("all", "speech"),
        default="all",
        help="quotes: which attributions to predict: all (default; beliefs, findings and speech acts such as 'vowed to' "
        "too, as PolNeAR annotates) or speech (what someone said or wrote, 'according to' included: GGT's quotes)",
    )
    e.add_argument("--predictions", metavar="PATH", help="also write the predictions (JSONL) here")
    e.add_argument("--limit", type=int, help="score only the first N records")
    e.add_argument(
        "--processes",
        type=int,
        default=1,
        help="spaCy processes; stories: leave-one-out folds fitted at once (default 1)",
    )
    e.add_argument("--json", action="store_true", help="print the scores as one JSON object only")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[-1:] == ["--"]:
        argv = argv[:-1] + ["-"]  # `reportedly analyze --format json --` reads standard input
    args = build_parser().parse_args(argv)
    try:
        if getattr(args, "limit", None) is not None and args.limit < 1:
            raise BadOptionError(f"--limit must be at least 1 (got {args.limit})")
        if args.command == "analyze":
            return cmd_analyze(args)
        if args.command == "eval":
            return cmd_eval(args)
        return CORPUS_COMMANDS[args.command](args)
    except ReportedlyError as err:
        print(f"reportedly: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("reportedly: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:  # the last line of defence: one line, never a traceback
        if os.environ.get("REPORTEDLY_DEBUG"):
            raise
        print(
            f"reportedly: internal error ({type(err).__name__}: {err}); rerun with REPORTEDLY_DEBUG=1 and report it",
            file=sys.stderr,
        )
        return 1
    return 2


def read_input(path: str) -> bytes:
    """The bytes of `path` (or stdin for "-"), refusing directories and oversized files before reading them."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        check_size(len(data) if len(data) <= MAX_BYTES else MAX_BYTES + 1)
        return data
    p = Path(path)
    if not p.exists():
        raise InputError(f"no such file: {path}")
    if p.is_dir():
        raise InputError(f"{path} is a directory: give one article file (use `reportedly ingest` for folders)")
    try:
        check_size(p.stat().st_size)
        return p.read_bytes()
    except PermissionError:
        raise InputError(f"cannot read {path}: permission denied") from None
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror}") from None


def _is_url(path: str) -> bool:
    from .ingest.fetch import is_url

    return is_url(path) and not Path(path).exists()


def fetch_page(url: str, warc: Optional[str] = None) -> tuple[bytes, str]:
    """The body of one article URL and its final URL, fetched as `reportedly fetch` would (robots.txt, size cap,
    content types), every response appended to the WARC file `warc` when given; FetchError saying why not."""
    from contextlib import nullcontext

    from .ingest.fetch import Fetcher, NotFetched, check_url
    from .ingest.warc import WarcLog

    checked = check_url(url)
    try:
        log = WarcLog(warc) if warc else nullcontext()
    except OSError as e:
        raise BadOptionError(f"cannot write the WARC file {warc}: {e.strerror}") from None
    with log as archive, Fetcher(warc=archive) as fetcher:
        got = fetcher.get(checked)
    if isinstance(got, NotFetched):
        raise FetchError(f"cannot fetch {url}: {got.reason}")
    return got.body, got.final_url


def _same_file(a: str, b: str) -> bool:
    pa, pb = Path(a), Path(b)
    try:
        if pa.exists() and pb.exists():
            return os.path.samefile(pa, pb)
        return pa.resolve() == pb.resolve()
    except OSError:
        return False


def _refuse_overwrite(output: Optional[str], source: Optional[str], what: str) -> None:
    """Refuse to write `output` when it is `source` (the article read, the corpus database): that would destroy it."""
    if output and source and _same_file(output, source):
        raise BadOptionError(f"{output} is {what}: writing there would destroy it; give another file name")


def _db_file(db: str) -> Optional[str]:
    from .store.db import is_postgresql, sqlite_path

    return None if is_postgresql(db) else sqlite_path(db)


def cmd_analyze(args) -> int:
    from .analyze import analyze

    if args.path and args.path != "-" and not _is_url(args.path):
        _refuse_overwrite(args.output, args.path, "the article being analysed")
    url = None
    if _is_url(args.path):
        data, url = fetch_page(args.path, args.warc)
    else:
        data = read_input(args.path)
    analysis = analyze(data, published=args.published, title=args.title, encoding=args.encoding, url=url)
    if args.format == "json":
        from .report.json_out import to_json

        out = to_json(analysis) + "\n"
    elif args.format == "html":
        from .report.html_out import render

        out = render(analysis)
    else:
        from .report.text import render

        tty = sys.stdout.isatty() and not args.output
        colour = args.color == "always" or (args.color == "auto" and tty and not os.environ.get("NO_COLOR"))
        out = render(analysis, colour=colour)
    _emit(out, args.output)
    return 0


def cmd_eval(args) -> int:
    from . import eval as ev

    if args.only and args.task != "quotes":
        raise BadOptionError("--only applies to `eval quotes`")
    if args.scope != "all" and args.task != "quotes":
        raise BadOptionError("--scope applies to `eval quotes`")
    if args.processes < 1:
        raise BadOptionError("--processes must be at least 1")
    if args.task == "stories":
        import json

        from .eval import stories

        res = stories.score(args.gold, args.unrelated, fit_out=args.fit, processes=args.processes)
        if args.changes:
            res["changes"] = stories.score_changes(args.gold, args.changes, embeddings=args.embeddings)
        if not args.json:
            print(stories.report(res))
        print(json.dumps(res, sort_keys=True))
        return 0
    if len(args.gold) > 1:
        raise BadOptionError(f"`eval {args.task}` scores one gold file; got {len(args.gold)}")
    args.gold = args.gold[0]
    gold = ev.read_jsonl(args.gold, args.limit)
    if not gold:
        raise BadOptionError(f"{args.gold} holds no records")
    if args.task == "quotes":
        from .eval import quotes as q

        preds, failures = ev.run(
            gold, lambda rid, a: q.predictions(rid, a, not args.direct_only, args.scope), args.processes
        )
        res = q.score(gold, preds, args.only)
        res["scope"] = args.scope
        res["direct_only"] = args.direct_only
        text = q.report(res)
    else:
        from .eval import timex as t

        preds, failures = ev.run(gold, t.predictions, args.processes)
        res = t.score(gold, preds)
        text = t.report(res)
    res["failed_records"] = len(failures)
    if args.predictions:
        ev.write_jsonl(args.predictions, preds)
    import json

    if args.json:
        print(json.dumps(res, sort_keys=True))
    else:
        print(text)
        for f in failures[:5]:
            print(f"warning: not analysed: {f}", file=sys.stderr)
        print(json.dumps(res, sort_keys=True))
    return 0


def _store(args):
    from .store import open_store

    return open_store(args.db, create=args.command in ("ingest", "fetch", "load"))


def cmd_ingest(args) -> int:
    from .store.ingest import ingest

    if args.processes < 1:
        raise BadOptionError("--processes must be at least 1")
    if "-" in args.paths and not Path("-").exists():
        raise BadOptionError(
            "ingest reads files and folders, not standard input: save the articles to a file (JSONL: one a line), "
            "or use `reportedly analyze -` for one article"
        )
    show = not args.quiet and sys.stderr.isatty()

    def progress(s) -> None:
        if show:
            print(
                f"\r{s.ingested} ingested, {s.duplicates} duplicate, {s.failed} failed — {s.rate():.1f} articles/s",
                end="",
                file=sys.stderr,
                flush=True,
            )

    with _store(args) as store:
        summary = ingest(args.paths, store, processes=args.processes, progress=progress, stories=args.stories)
    if show:
        print(file=sys.stderr)
    for ref, reason in summary.failures:
        print(f"skipped {ref}: {reason}", file=sys.stderr)
    for ref, reason in summary.notes:
        print(f"note {ref}: {reason}", file=sys.stderr)
    print(
        f"ingested {summary.ingested}, skipped as duplicate {summary.duplicates}, failed {summary.failed} "
        f"({summary.rate():.1f} articles/s) into {args.db}"
        + (f"; {summary.stories} stories created or changed" if summary.stories is not None else "")
    )
    return 0 if summary.failed == 0 or summary.ingested + summary.duplicates > 0 else 2


def _fetch_settings(args):
    from dataclasses import replace

    if not (math.isfinite(args.delay) and math.isfinite(args.timeout)) or args.delay < 0 or args.timeout <= 0:
        raise BadOptionError("--delay must be a finite 0 or more and --timeout a finite more than 0 seconds")
    if args.concurrency < 1 or args.retries < 0 or args.processes < 1:
        raise BadOptionError("--concurrency and --processes must be at least 1, --retries at least 0")
    if not args.user_agent.strip():
        raise BadOptionError("--user-agent must name this crawler (robots.txt rules are matched against it)")
    return replace(
        FETCH,
        host_delay=args.delay,
        concurrency=args.concurrency,
        read_timeout=args.timeout,
        retries=args.retries,
        user_agent=args.user_agent.strip(),
    )


def cmd_fetch(args) -> int:
    from .ingest.fetch import check_url
    from .ingest.warc import default_path
    from .store.fetch import fetch_into

    settings = _fetch_settings(args)
    if not (args.urls or args.feed or args.sitemap):
        raise BadOptionError("nothing to fetch: give article URLs, --feed URL or --sitemap URL")
    urls = [check_url(u) for u in args.urls]
    sources = [check_url(u) for u in args.feed + args.sitemap]
    _refuse_overwrite(args.warc, _db_file(args.db), "the corpus database")
    warc = args.warc or default_path(args.db)
    with _store(args) as store, FetchProgress(args.quiet) as progress:
        report = fetch_into(
            store, urls, sources, warc_path=warc, settings=settings, processes=args.processes, progress=progress
        )
    for src, why in report.sources.failures:
        print(f"not read {src}: {why}", file=sys.stderr)
    for src, what in report.sources.notes:
        print(f"read {src}: {what}", file=sys.stderr)
    for url, why in report.skipped:
        print(f"skipped {url}: {why}", file=sys.stderr)
    for url, why in report.not_fetched:
        print(f"not fetched {url}: {why}", file=sys.stderr)
    s = report.summary
    for ref, reason in s.failures:
        print(f"skipped {ref}: {reason}", file=sys.stderr)
    for ref, reason in s.notes:
        print(f"note {ref}: {reason}", file=sys.stderr)
    print(
        f"fetched {report.fetched} of {report.total} URLs ({len(report.skipped)} already stored, "
        f"{len(report.not_fetched)} not fetched); ingested {s.ingested}, skipped as duplicate {s.duplicates}, "
        f"failed {s.failed} into {args.db}" + (f"; evidence in {report.warc_file}" if report.fetched else "")
    )
    if report.fetched == 0 and not report.skipped:
        print(f"reportedly: error: {FetchError('nothing could be fetched (see the lines above)')}", file=sys.stderr)
        return 2
    return 0


class FetchProgress:
    """A progress bar (rich) on a terminal; otherwise a plain count line every few seconds."""

    EVERY = 5.0  # seconds between two count lines when stderr is not a terminal

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.bar = None
        self.last = time.monotonic()
        self.shown = 0  # URLs done at the last count line

    def __enter__(self):
        if not self.quiet and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("fetching"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[status]}"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("fetch", total=None, status="")
        return self

    def __call__(self, r) -> None:
        if self.quiet:
            return
        status = f"{r.fetched} fetched, {r.summary.ingested} stored, {len(r.not_fetched)} not fetched"
        if self.bar is not None:
            self.bar.update(self.task, total=r.total or None, completed=r.done, status=status)
            return
        now = time.monotonic()
        if r.done > self.shown and now - self.last >= self.EVERY:  # the summary line ends the run
            self.last, self.shown = now, r.done
            print(f"fetch: {r.done} of {r.total} URLs done ({status})", file=sys.stderr, flush=True)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()


def _table(rows: list[dict], cols: list[str], widths: dict[str, int]) -> str:
    def cell(v, w):
        s = "" if v is None else str(v).replace("\n", " ")
        return (s[: w - 1] + "…") if len(s) > w else s.ljust(w)

    lines = ["  ".join(cell(c, widths.get(c, 12)) for c in cols)]
    lines += ["  ".join(cell(r.get(c), widths.get(c, 12)) for c in cols) for r in rows]
    return "\n".join(lines)


def _print_rows(rows: list[dict], as_json: bool, cols: list[str], widths: dict[str, int]) -> None:
    import json

    if as_json:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False, default=str))
    elif rows:
        print(_table(rows, cols, widths))
    else:
        print("nothing found", file=sys.stderr)


def cmd_quotes(args) -> int:
    from .analyze import parse_date

    since = parse_date(args.since).isoformat() if args.since else None
    with _store(args) as store:
        rows = store.quotes(args.speaker, args.outlet, since, args.limit)
    _print_rows(
        rows,
        args.json,
        ["published", "outlet", "speaker", "cue", "text"],
        {"published": 10, "outlet": 16, "speaker": 20, "cue": 10, "text": 70},
    )
    return 0


def cmd_sources(args) -> int:
    with _store(args) as store:
        rows = store.sources(args.outlet, args.limit)
        types = store.source_types(args.outlet)
    if not args.json and types:
        print("by source type: " + ", ".join(f"{t['source_type']} {t['attributions']}" for t in types))
    _print_rows(
        rows,
        args.json,
        ["source", "source_type", "quotes", "attributions", "articles"],
        {"source": 36, "source_type": 12, "quotes": 6, "attributions": 12, "articles": 8},
    )
    return 0


def cmd_search(args) -> int:
    with _store(args) as store:
        rows = store.search(args.text, args.limit)
    _print_rows(
        rows,
        args.json,
        ["id", "published", "outlet", "title", "snippet"],
        {"id": 6, "published": 10, "outlet": 16, "title": 40, "snippet": 60},
    )
    return 0


def cmd_export(args) -> int:
    from .store.export import export

    if args.format == "parquet" and not args.output:
        raise BadOptionError("parquet is binary: give a file with -o, e.g. -o quotes.parquet")
    _refuse_overwrite(args.output, _db_file(args.db), "the corpus database")
    with _store(args) as store:
        n = export(store, args.format, args.output)
    print(f"exported {n} {'articles' if args.format == 'jsonl' else 'quotes'}", file=sys.stderr)
    return 0


def cmd_spark(args) -> int:
    from .spark import session
    from .spark.job import execute

    return execute(args, session)


def cmd_load(args) -> int:
    from .store.load import load

    with _store(args) as store:
        s = load(args.directory, store)
    print(f"loaded {s.loaded} articles ({s.duplicates} already stored) and {s.stories} stories into {args.db}")
    return 0


def cmd_stories(args) -> int:
    from .provenance.corpus import build_stories, list_stories

    with _store(args) as store:
        built = build_stories(store, embeddings=args.embeddings)
        rows = list_stories(store, args.limit)
    if not args.json:
        print(f"{len(built)} stories with more than one article", file=sys.stderr)
    _print_rows(
        rows,
        args.json,
        ["id", "size", "origin_outlet", "origin_published", "title"],
        {"id": 5, "size": 5, "origin_outlet": 24, "origin_published": 16, "title": 60},
    )
    return 0


def cmd_reanalyse(args) -> int:
    from .pipeline.reanalyse import reanalyse

    show = not args.quiet and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\r{done}/{total} analysed", end="", file=sys.stderr, flush=True)

    with _store(args) as store:
        n = reanalyse(store, progress)
    if show and n:
        print(file=sys.stderr)
    print(f"analysed again {n} articles stored without their analysis record in {args.db}")
    return 0


def cmd_story(args) -> int:
    import json

    from .provenance.corpus import render_tree, story

    with _store(args) as store:
        s = story(store, args.id)
    print(json.dumps(s, ensure_ascii=False, default=str) if args.json else render_tree(s))
    return 0


def _article_for_diff(ref: str, args):
    if ref.isdigit() and not Path(ref).exists():
        with _store(args) as store:
            stored = store.analysis(int(ref))
        if stored is None:
            raise BadOptionError(f"no stored article {ref} in {args.db}")
        return stored
    from .analyze import analyze_prepared, prepare

    # an article in another language is compared unanalysed (names, figures, sentences), as a stored one is
    return next(analyze_prepared([prepare(read_input(ref), foreign=True)]))


def cmd_diff(args) -> int:
    import json
    from dataclasses import asdict

    from .provenance.diff import diff

    source, copy = _article_for_diff(args.source, args), _article_for_diff(args.copy, args)
    d = diff(source, copy)
    if args.json:
        print(json.dumps(asdict(d) | {"kinds": d.kinds()}, ensure_ascii=False))
        return 0
    for name, a in (("source", source), ("copy", copy)):
        if a.language != "en":
            print(
                f"note: the {name} looks {a.language!r}: compared unanalysed, by what survives translation "
                "(quotations and sentences aligned by names, figures and cognates)"
            )
    print(f"{d.aligned} of {d.copy_sentences} copy sentences aligned to the {d.source_sentences} of the source")
    print("changes: " + (", ".join(f"{k} {n}" for k, n in sorted(d.kinds().items())) or "none"))
    for c in d.changes:
        if c.kind == "wording":
            continue
        text = c.detail or f"{c.before!r} -> {c.after!r}"
        print(f" - {c.kind}: {text[:200]}")
    return 0


def cmd_trace(args) -> int:
    from .provenance.corpus import trace_stored

    with _store(args) as store:
        rows = trace_stored(store, args.text, args.limit)
    if rows and not args.json:
        first = rows[0]
        print(
            f"first seen: {first['outlet'] or 'article ' + str(first['article_id'])} {first['published'] or '(undated)'} — {first['form']}"
            + (f" by {first['by']}" if first["by"] else "")
        )
        from .provenance.corpus import travel

        print(f"travelled: {travel(rows)}")
    _print_rows(
        rows,
        args.json,
        ["published", "outlet", "form", "by", "sentence"],
        {"published": 10, "outlet": 18, "form": 22, "by": 18, "sentence": 70},
    )
    return 0


def cmd_serve(args) -> int:
    import uvicorn

    from .web.app import create_app

    if not 0 < args.port < 65536:
        raise BadOptionError(f"--port {args.port} is not a TCP port (1-65535)")
    if not math.isfinite(args.analyse_per_minute) or args.analyse_per_minute < 0 or args.analyse_burst < 1:
        raise BadOptionError("--analyse-per-minute must be a finite 0 or more and --analyse-burst 1 or more")
    access = AccessSettings(analyse_per_minute=args.analyse_per_minute, analyse_burst=args.analyse_burst)
    token = check_token(args.token or None, access)
    require_token(args.host, token)
    app = create_app(args.db, token=token, access=access)
    _check_listen(args.host, args.port)
    needs = "; requests need the token" if token else ""
    print(f"reportedly: serving {args.db} on http://{args.host}:{args.port}/{needs} (Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _check_listen(host: str, port: int) -> None:
    """Fail in one line when the address cannot be served (port taken, unknown host) before the server starts."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(infos[0][4])
    except OSError as e:
        raise BadOptionError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None


CORPUS_COMMANDS = {
    "ingest": cmd_ingest,
    "fetch": cmd_fetch,
    "quotes": cmd_quotes,
    "sources": cmd_sources,
    "search": cmd_search,
    "export": cmd_export,
    "spark": cmd_spark,
    "load": cmd_load,
    "stories": cmd_stories,
    "story": cmd_story,
    "reanalyse": cmd_reanalyse,
    "diff": cmd_diff,
    "trace": cmd_trace,
    "serve": cmd_serve,
}


def _emit(text: str, path: Optional[str]) -> None:
    if path:
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as e:
            raise BadOptionError(f"cannot write {path}: {e.strerror}") from None
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    sys.exit(main())
