"""A publish in a child process, for the crash and concurrency tests.

    python -m tests.pipeline.dataset.publish_child OUTPUT VARIANT [KILL_AT]

Publishes ``sample_tables(VARIANT)`` to OUTPUT; VARIANT ``uN`` publishes it as an update of the current
version (``seed_update``), planned again while another publish moves ``current`` first. With KILL_AT, the process
SIGKILLs itself just before executing the KILL_AT-th line of code in
``pipeline/dataset/`` (counted from 1); with KILL_AT 0 it prints, as JSON,
every such line it executed (``file:line``), so a test can choose where to kill.
With KILL_AT the publish also prunes to one version, so kills inside pruning are tried too.
"""
from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

import pipeline.dataset
from pipeline.dataset import Lineage, publish_version
from pipeline.dataset.publish import ParentMoved
from tests.pipeline.dataset.sample import sample_tables, seed_update

WATCHED = str(Path(pipeline.dataset.__file__).parent) + os.sep


def main() -> None:
    output, variant = Path(sys.argv[1]), sys.argv[2]
    kill_at = int(sys.argv[3]) if len(sys.argv) > 3 else None
    as_update = variant.startswith("u")
    variant = int(variant.removeprefix("u"))
    executed: list[str] = []

    def trace_lines(frame, event, arg):
        if event == "line":
            executed.append(f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno}")
            if len(executed) == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
        return trace_lines

    def trace_calls(frame, event, arg):
        return trace_lines if frame.f_code.co_filename.startswith(WATCHED) else None

    if kill_at is not None:
        sys.settrace(trace_calls)
    # a publish under the crash test also prunes, so a kill lands in every prune statement too
    while True:
        tables = seed_update(output, variant) if as_update else sample_tables(variant)
        try:
            result = publish_version(output, tables, Lineage("test", "test"), keep=1 if kill_at is not None else None)
            break
        except ParentMoved:
            continue
    sys.settrace(None)
    print(json.dumps(executed) if kill_at == 0 else result.version_id)


if __name__ == "__main__":
    main()
