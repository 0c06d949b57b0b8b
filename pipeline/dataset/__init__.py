"""The published dataset: versions written once, read by anyone, checked and pruned.

    from pipeline.dataset import open_table, compare, read_manifest, publish_version, verify_version, ...

Each name loads its module on first use (as ``schemas`` does), so the light
modules of the package (``layout``, ``manifest``) import without polars or
pandera: `make run`'s no-change check reads a manifest and no table.
"""
from __future__ import annotations

import importlib

_MODULE_OF = {"compare": "compare", "Tables": "contents", "Lineage": "publish", "PublishResult": "publish",
              "publish_version": "publish", "open_table": "reader", "list_versions": "manifest",
              "read_manifest": "manifest", "prune_versions": "retention", "Verification": "verify",
              "verify_version": "verify"}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
    globals()[name] = value
    return value
