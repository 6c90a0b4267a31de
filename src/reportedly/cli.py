"""The `reportedly` command line: parse arguments, hand off to the library, turn errors into one line."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Optional, Sequence

from . import __version__
from .errors import BadOptionError, InputError, ReportedlyError
from .ingest.decode import MAX_BYTES, check_size

EPILOG_ANALYZE = """Example:
  reportedly analyze article.txt --published 2021-12-21
  reportedly analyze page.html --format json > analysis.json
  curl -s https://example.org/story | reportedly analyze - --format html > story.html"""
EPILOG_EVAL = """Example:
  reportedly eval quotes data/quotes/ggt/test.jsonl
  reportedly eval quotes data/quotes/polnear/dev.jsonl --only direct --predictions polnear-dev.pred.jsonl
  reportedly eval timex data/timex/tempeval3/test.jsonl"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reportedly", description="Who said what, when, according to whom.",
                                epilog="Example:\n  reportedly analyze article.txt --published 2021-12-21",
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"reportedly {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    a = sub.add_parser("analyze", help="analyse one article (text or HTML): quotes, sources, entities, time",
                       epilog=EPILOG_ANALYZE, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("path", nargs="?", default="-", help="article file (.txt or .html); - or nothing for stdin")
    a.add_argument("--published", metavar="YYYY-MM-DD", help="publication date, anchors 'earlier this year'")
    a.add_argument("--format", choices=("text", "json", "html"), default="text", help="output format (default text)")
    a.add_argument("--title", help="article title, when the text has none")
    a.add_argument("--encoding", help="force the input encoding (default: detect)")
    a.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text report")
    a.add_argument("-o", "--output", help="write the report to this file instead of stdout")

    e = sub.add_parser("eval", help="score the pipeline on an annotated dataset", epilog=EPILOG_EVAL,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    e.add_argument("task", choices=("quotes", "timex"), help="what to score")
    e.add_argument("gold", help="gold JSONL (the shared data format)")
    e.add_argument("--only", choices=("direct", "mixed", "indirect"), help="quotes: score only this quote type")
    e.add_argument("--direct-only", action="store_true", help="quotes: predict quotation marks only, no reported speech")
    e.add_argument("--predictions", metavar="PATH", help="also write the predictions (JSONL) here")
    e.add_argument("--limit", type=int, help="score only the first N records")
    e.add_argument("--processes", type=int, default=1, help="spaCy processes (default 1)")
    e.add_argument("--json", action="store_true", help="print the scores as one JSON object only")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[-1:] == ["--"]:
        argv = argv[:-1] + ["-"]  # `reportedly analyze --format json --` reads standard input
    args = build_parser().parse_args(argv)
    try:
        if args.command == "analyze":
            return cmd_analyze(args)
        if args.command == "eval":
            return cmd_eval(args)
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
        print(f"reportedly: internal error ({type(err).__name__}: {err}); rerun with REPORTEDLY_DEBUG=1 and report it",
              file=sys.stderr)
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


def cmd_analyze(args) -> int:
    from .analyze import analyze

    data = read_input(args.path)
    analysis = analyze(data, published=args.published, title=args.title, encoding=args.encoding)
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
    gold = ev.read_jsonl(args.gold, args.limit)
    if not gold:
        raise BadOptionError(f"{args.gold} holds no records")
    if args.task == "quotes":
        from .eval import quotes as q

        preds, failures = ev.run(gold, lambda rid, a: q.predictions(rid, a, not args.direct_only), args.processes)
        res = q.score(gold, preds, args.only)
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
