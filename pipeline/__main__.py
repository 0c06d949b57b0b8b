"""Command line: ``python -m pipeline extract FILE...`` prints figures as JSON lines."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline import formats
from pipeline.decoding import UndecodableError
from pipeline.extract import extract_figures
from pipeline.seeds import doc_id_for


def extract(paths: list[Path], out=None, err=None) -> int:
    """Print one JSON line per figure of each file, read by its format as the pipeline reads it.

    The doc_id is the pipeline's (``pipeline.seeds.doc_id_for`` of the file name).
    A file that yields no text is reported on stderr, and the exit code is then 1.
    """
    out, err = out or sys.stdout, err or sys.stderr
    failed = False
    for path in paths:
        try:
            text = formats.read(path.name, path.read_bytes()).text
        except OSError as exc:  # a missing or unreadable file: one line, no traceback
            err.write(f"python -m pipeline extract: {path}: {exc.strerror or exc}\n")
            failed = True
            continue
        except (UndecodableError, formats.ReadError) as exc:
            status = "binary" if isinstance(exc, UndecodableError) else exc.status
            err.write(f"python -m pipeline extract: {path}: {status}: {exc}\n")
            failed = True
            continue
        for figure in extract_figures(text, doc_id_for(path.name)):
            out.write(json.dumps(figure.as_record(), ensure_ascii=False) + "\n")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract_cmd = commands.add_parser(
        "extract", help=f"print the figures of documents ({', '.join(formats.SUFFIXES)}) as JSON lines")
    extract_cmd.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.command == "extract":
        return extract(args.files)
    return 2


if __name__ == "__main__":
    sys.exit(main())
