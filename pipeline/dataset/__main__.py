"""``python -m pipeline.dataset verify|prune``: check a version's files, or prune old versions.

Exit codes: 0 fine, 1 a verified version does not match its manifest, 2 no such version.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.config import Settings
from pipeline.dataset.retention import prune_versions
from pipeline.dataset.verify import verify_version


def main(argv: list[str] | None = None) -> int:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--output", type=Path, default=None,
                        help="the dataset folder (default: $TRADE_FIGURES_OUTPUT_DIR or ./output)")
    parser = argparse.ArgumentParser(prog="python -m pipeline.dataset", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    verify = commands.add_parser("verify", parents=[common], help="re-hash a version's files against its manifest")
    verify.add_argument("--version", help="a version id (default: current)")
    prune = commands.add_parser("prune", parents=[common],
                                help="remove all but the newest versions, never the current one")
    prune.add_argument("--keep", type=int, required=True, help="how many versions to keep (at least 1)")
    args = parser.parse_args(argv)
    output = args.output or Settings.from_env().output_dir
    if args.command == "prune":
        removed = prune_versions(output, args.keep)
        print(f"pruned {len(removed)} versions" + "".join(f"\n  {v}" for v in removed))
        return 0
    try:
        result = verify_version(output, args.version)
    except FileNotFoundError as err:
        print(err, file=sys.stderr)
        return 2
    for kind in ("missing", "extra", "altered"):
        for path in getattr(result, kind):
            print(f"{kind}: {path}")
    print(f"version {result.version_id}: {result.checked} files listed, "
          + ("all match the manifest" if result.ok else "MISMATCH"))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
