"""Command line: ``python -m pipeline extract FILE...`` prints figures as JSON lines."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.decoding import decode_bytes
from pipeline.extract import extract_figures


def extract(paths: list[Path], out=None) -> int:
    """Print one JSON line per figure of each file (doc_id = file name without .txt)."""
    out = out or sys.stdout
    for path in paths:
        text = decode_bytes(path.read_bytes()).text
        doc_id = path.name[:-4] if path.name.endswith(".txt") else path.name
        for figure in extract_figures(text, doc_id):
            out.write(json.dumps(figure.as_record(), ensure_ascii=False) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract_cmd = commands.add_parser("extract", help="print the figures of text files as JSON lines")
    extract_cmd.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.command == "extract":
        try:
            return extract(args.files)
        except OSError as exc:  # a missing or unreadable file: one line, no traceback
            print(f"python -m pipeline extract: {exc.filename}: {exc.strerror}", file=sys.stderr)
            return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
