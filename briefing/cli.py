"""Command line: python -m briefing validate|export|pack|locate|new|fill|draft."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from briefing.authoring import ok_line
from briefing.load import Layout, LoadError, load_corpus, read_seed


def _validate(args) -> int:
    paths = [Path(p) for p in args.paths] or None
    if paths:
        missing = [p for p in paths if not p.is_file()]
        for path in missing:
            print(f"{path}: no such file", file=sys.stderr)
        if missing:
            return 1
    layout = Layout.from_env()
    if paths:
        from briefing.authoring import check_files
        from briefing.store import cache_dir

        # the named files are checked against every other brief too: an id they reuse is their problem
        corpus, skipped = check_files(paths, layout, compiled=cache_dir() / "briefs")
        for name in skipped:
            print(f"note: {name} could not be loaded, so its ids were not checked against", file=sys.stderr)
    else:
        corpus = load_corpus(layout=layout)
    for problem in corpus.problems:
        print(problem)
    for warning in corpus.warnings:
        print(f"{'error' if args.strict else 'warning'}: {warning}")
    if args.coverage:
        _print_coverage(corpus)
    if corpus.problems or (args.strict and corpus.warnings):
        strict = f", {len(corpus.warnings)} editorial warning(s) counted as errors (--strict)" if args.strict and corpus.warnings else ""
        print(f"{len(corpus.problems)} problem(s){strict}; {len(corpus.briefs)} brief(s) valid", file=sys.stderr)
        return 1
    for brief in corpus.briefs:
        print(ok_line(corpus, brief))
    taxonomy = corpus.taxonomy
    if taxonomy is None:  # without a taxonomy nothing loads, and the problems above were printed
        return 1
    print(
        f"{len(corpus.briefs)} brief(s) valid; taxonomy: {len(taxonomy.parties)} parties, {len(taxonomy.issues)} issues"
        + (f"; {len(corpus.warnings)} editorial warning(s): readings that may claim more than their quotes" if corpus.warnings else "")
    )
    return 0


def _print_coverage(corpus) -> None:
    """Per brief and seed, how many sentences its records cite, then each sentence none cites."""
    from briefing.drafting.coverage import coverage

    for brief in corpus.briefs:
        for seed in coverage(brief, corpus.seed_texts):
            print(f"coverage: {seed.words()}")
            text = corpus.seed_texts[seed.seed]
            for sentence in seed.uncited:
                words = sentence.quote(text)
                print(f"  not cited {sentence.start}-{sentence.end}: {words if len(words) <= 100 else words[:99] + '…'}")


def _refuse_skipped(problems, args) -> bool:
    """Name every brief that could not be loaded; unless --allow-skipped, the command then stops."""
    label = "skipped" if args.allow_skipped else "error"
    for problem in problems:
        print(f"{label}: {problem}", file=sys.stderr)
    if problems and not args.allow_skipped:
        files = sorted({problem.file for problem in problems})
        print(
            f"{len(files)} file(s) could not be loaded, so nothing was written; fix them, or pass --allow-skipped to write what did load",
            file=sys.stderr,
        )
        return True
    return False


def _new(args) -> int:
    from briefing.authoring import new_main

    return new_main(args.source, args.id, args.title, args.published, Layout.from_env(), seed_id=args.seed_id, seed_file=args.seed_file)


def _fill(args) -> int:
    from briefing.authoring import fill_main
    from briefing.store import cache_dir

    return fill_main([Path(p) for p in args.paths], Layout.from_env(), check=args.check, compiled=cache_dir() / "briefs")


def _draft(args) -> int:
    from briefing.drafting import draft_main

    return draft_main(args.seed, Layout.from_env(), brief_id=args.brief, kind=args.format, out=args.out)


def _export(args) -> int:
    from briefing.export import write_export
    from briefing.frames import build_frames

    corpus = load_corpus(layout=Layout.from_env())
    if _refuse_skipped(corpus.problems, args):
        return 1
    frames = build_frames(corpus)
    unknown = [i for i in args.issue if i not in set(frames.issues["id"])]
    if unknown:
        print(f"unknown issue id(s): {', '.join(unknown)}; known: {', '.join(frames.issues['id'])}", file=sys.stderr)
        return 2
    written = write_export(frames, args.format, issues=tuple(args.issue), out=args.out)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 0


def _pack(args) -> int:
    from briefing.frames import Selection
    from briefing.pack import build_pack
    from briefing.pack.files import FORMATS, format_for, pack_file, pack_file_name
    from briefing.pack.pictures import NoBrowser
    from briefing.store import load_frames

    frames = load_frames(Layout.from_env())
    if _refuse_skipped(frames.problems, args):
        return 1
    unknown = [i for i in args.issue if i not in set(frames.issues["id"])]
    unknown += [p for p in args.party if p not in set(frames.parties["id"])]
    unknown += [b for b in args.brief if b not in set(frames.briefs["id"])]
    if unknown:
        print(f"unknown id(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    selection = Selection(issues=tuple(args.issue), parties=tuple(args.party), briefs=tuple(args.brief))
    # a folder: none given (the current one), one that exists, or a name ending in a slash, made if it does not exist
    folder = args.out is None or args.out.endswith(("/", os.sep)) or Path(args.out).is_dir()
    out = Path(args.out) if args.out is not None else Path.cwd()
    kind = args.format or ("html" if folder else format_for(out.suffix))
    pictures = None
    try:
        if FORMATS[kind].pictures:
            from briefing.pack.drawing import pack_pictures  # Plotly is loaded only for a pack with pictures

            print("drawing the timeline and the map…", file=sys.stderr)
            pictures = pack_pictures(frames, selection)
            for reason in pictures.missing:
                print(f"note: {reason}", file=sys.stderr)
        pack = build_pack(frames, selection)
        data = pack_file(pack, kind, pictures, paper=args.paper)
    except NoBrowser as error:
        print(f"cannot write a {kind} pack: {error}", file=sys.stderr)
        return 1
    # a folder (or none: the current one) gets the pack's own name: date, brief and filter
    if folder:
        out = out / pack_file_name(pack, kind)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(f"wrote {out}", file=sys.stderr)
    return 0


def _locate(args) -> int:
    """Print the offsets of a quote in a seed, for writing evidence by hand."""
    try:
        raw = read_seed(Layout.from_env(), args.seed_file)
    except LoadError:
        print(f"{args.seed_file}: not a file in seeds/", file=sys.stderr)
        return 2
    text = raw.decode("utf-8")  # no newline translation: offsets count what validation counts
    start = text.find(args.quote)
    if start == -1:
        print("quote not found", file=sys.stderr)
        return 1
    while start != -1:
        print(f"start: {start}\nend: {start + len(args.quote)}")
        start = text.find(args.quote, start + 1)
    return 0


class _WithoutTraceback(logging.Formatter):
    """One line per log record: the problem lines already say what failed; a traceback is for the server log."""

    def format(self, record: logging.LogRecord) -> str:
        line = (super().format(record).splitlines() or [""])[0]
        return f"{line} (traceback omitted)" if record.exc_info else line

    def formatException(self, ei) -> str:
        return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefing", description="Validate and export brief data.")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check briefs against the schema, taxonomy and seeds")
    validate.add_argument("paths", nargs="*", help="brief YAML files (default: every file in data/briefs/)")
    validate.add_argument(
        "--strict", action="store_true", help="count editorial warnings (hedges dropped, stated records not in the party's words) as errors"
    )
    validate.add_argument("--coverage", action="store_true", help="also list, per brief, the sentences of its sources no record cites")
    validate.set_defaults(run=_validate)
    export = commands.add_parser("export", help="write the normalized dataset as JSON or CSV")
    export.add_argument("--format", choices=("json", "csv"), required=True)
    export.add_argument("--issue", action="append", default=[], metavar="ID", nargs="+", help="keep only these issues")
    export.add_argument("--out", type=Path, help="output file (json) or folder (csv); default: standard output (json)")
    export.add_argument("--allow-skipped", action="store_true", help="write what loads even if some briefs do not")
    export.set_defaults(run=_export)
    pack = commands.add_parser("pack", help="write the briefing pack of a filter: slides, PDF, HTML or Markdown")
    pack.add_argument("--issue", action="append", default=[], metavar="ID", nargs="+", help="keep only these issues")
    pack.add_argument("--party", action="append", default=[], metavar="ID", nargs="+", help="keep only these parties")
    pack.add_argument("--brief", action="append", default=[], metavar="ID", nargs="+", help="keep only this brief")
    pack.add_argument(
        "--format",
        choices=("pptx", "pdf", "html", "md"),
        help="default: from the --out suffix (.pptx, .pdf, .md; otherwise HTML)",
    )
    pack.add_argument("--paper", choices=("a4", "letter"), default="a4", help="the PDF's paper size (default: a4)")
    pack.add_argument(
        "--out",
        help="output file, or a folder for the pack's own name (date-brief-filter.html): one that exists, or a new one "
        "named with a trailing slash, which is made; default: the current folder",
    )
    pack.add_argument("--allow-skipped", action="store_true", help="write what loads even if some briefs do not")
    pack.set_defaults(run=_pack)
    locate = commands.add_parser("locate", help="print the character offsets of a quote in a seed")
    locate.add_argument("seed_file", help="file name inside seeds/")
    locate.add_argument("quote")
    locate.set_defaults(run=_locate)
    new = commands.add_parser("new", help="start a brief: copy a source text into seeds/ and write a skeleton brief")
    new.add_argument("source", type=Path, help="the source text (UTF-8)")
    new.add_argument("--id", required=True, help="the brief's id, a slug (e.g. lavrov-red-line-2026-01)")
    new.add_argument("--title", required=True, help="the source's title, exactly as published")
    new.add_argument("--published", required=True, help="the source's publication date, YYYY-MM-DD")
    new.add_argument("--seed-id", help="the id evidence uses for the text (default: the brief's id)")
    new.add_argument("--seed-file", help="the file name in seeds/ (default: the source's file name)")
    new.set_defaults(run=_new)
    fill = commands.add_parser("fill", help="fill evidence offsets, ids, seeds and sha256 from the quotes")
    fill.add_argument("paths", nargs="+", help="brief YAML files")
    fill.add_argument("--check", action="store_true", help="print what would change and exit 1 if anything would")
    fill.set_defaults(run=_fill)
    draft = commands.add_parser("draft", help="propose records from a source text: a draft to read, never data")
    draft.add_argument("seed", help="the source text: a path, or a file name in seeds/")
    draft.add_argument("--brief", help="the brief the text is for: its publication date gives a year to dates without one")
    draft.add_argument("--format", choices=("yaml", "json"), default="yaml", help="yaml: a drafts file; json: a list of proposals")
    draft.add_argument("--out", type=Path, help="output file (not in data/briefs/); default: standard output")
    draft.set_defaults(run=_draft)
    args = parser.parse_args(argv)
    for name in ("issue", "party", "brief"):
        if isinstance(getattr(args, name, None), list):
            setattr(args, name, [value for group in getattr(args, name) for value in group])
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_WithoutTraceback("%(levelname)s %(name)s: %(message)s"))
    logging.getLogger("briefing").addHandler(handler)
    try:
        return args.run(args)
    finally:
        logging.getLogger("briefing").removeHandler(handler)
