"""The versions of the code that decide what the pipeline makes of a seed, kept apart from that code.

Each is compared with what a stored result records, so a change reads,
extracts or builds again exactly what it may change. They are in a module
of their own, importing nothing heavy, so asking whether anything changed
(`make run`'s no-change check, the sensor) needs neither the extractor nor
polars, pandera or Dagster.
"""
from __future__ import annotations

import functools
import hashlib
from importlib.metadata import version
from pathlib import Path

PIPELINE = Path(__file__).resolve().parent
READER_VERSION = "2"
"""Bump when reading may give other text (a format, a reader or its library): every seed is read again."""


def _digest(sources: list[Path], *libraries: str) -> str:
    digest = hashlib.sha256(";".join(f"{name} {version(name)}" for name in libraries).encode())
    for source in sources:
        digest.update(source.relative_to(PIPELINE.parent).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:12]


def _extractor_version() -> str:
    """A digest of the grammar: every module of ``pipeline/extract`` (its rules and word tables) and pycountry's
    names. Derived, never hand-bumped, so a changed rule can never reuse figures extracted by the old one."""
    digest = hashlib.sha256(version("pycountry").encode())
    for source in sorted((PIPELINE / "extract").glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:12]


EXTRACTOR_VERSION = _extractor_version()


@functools.cache
def build_version() -> str:
    """A digest of every module of ``pipeline/`` and ``schemas/`` and of polars: what a version's content is
    made by. A commit that changes none of them (a test, the README) builds on the current version; one that
    does rebuilds it from every seed (its unchanged parts still shared)."""
    sources = sorted([*PIPELINE.rglob("*.py"), *(PIPELINE.parent / "schemas").rglob("*.py")])
    return _digest(sources, "polars", "pandera", "pycountry")
