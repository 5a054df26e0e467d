"""Worker processes start without running the parent's main script again (`fetch.worker_start`)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = """
import os
import sys

# Runs once per process that executes this script: the parent, and any worker that runs it again.
with open(sys.argv[1], "a") as log:
    log.write(f"{os.getpid()}\\n")

if __name__ == "__main__":
    from tuinews.fetch import parse_worker
    from tuinews.fetch.processes import process_pool

    pool = process_pool(1)
    try:
        assert pool.submit(parse_worker.ready).result(timeout=60) is True
        print(pool.submit(os.getpid).result(timeout=60))
    finally:
        pool.shutdown()
"""


def test_a_worker_does_not_run_the_main_script_again(tmp_path: Path) -> None:
    script = tmp_path / "main_script.py"
    script.write_text(textwrap.dedent(SCRIPT))
    log = tmp_path / "runs.log"
    done = subprocess.run(
        [sys.executable, str(script), str(log)], capture_output=True, text=True, timeout=120, check=True
    )
    worker = int(done.stdout.strip())
    runs = [int(line) for line in log.read_text().split()]
    assert worker not in runs and len(runs) == 1  # the parent only
