"""Imported first by the fork server that starts every worker process (`processes.process_pool`).

Before its first job, a worker forked from the server runs the parent's main script again unless the
server's own `__main__` already names that script (`multiprocessing.spawn._fixup_main_from_path`). For
`tuinews` that is the whole command line (click, the config, ...) in every worker, and the refresh's
parsing worker used ~140 ms of CPU to get ready instead of ~10, on the cores the first feeds need.
The fork server's "__main__" preload is meant to prevent this but does nothing on Python 3.11, whose
fork server is never told the script's path. So the parent passes the path in the environment and
this module gives it to the server's `__main__`: the workers then leave the script alone. They only
run tuinews functions, never one from the script.
"""

from __future__ import annotations

import os
import sys

#: The environment variable through which `processes.process_pool` names the parent's main script.
MAIN_SCRIPT_ENV = "TUINEWS_MAIN_SCRIPT"


def _adopt_main_script() -> None:
    script = os.environ.get(MAIN_SCRIPT_ENV)
    main = sys.modules.get("__main__")
    if script and main is not None and getattr(main, "__file__", None) is None:
        main.__file__ = script


_adopt_main_script()
