"""The command line's entry (`python -m symcount`, and the `symcount` console script, which runs
main). A run is short and makes many objects, hardly any in a cycle: the cyclic garbage collector is
paused from the first import of the command line on, and the process ends as soon as its output is
flushed and its exit handlers have run, without the interpreter's teardown (a last collection and
the freeing of every object, about 12% of a run's instructions: nothing is left to clean up that
the operating system does not). Where another thread still runs, the interpreter ends as usual."""
from __future__ import annotations

import gc
import os
import sys


def main() -> int:
    """Runs the command line and ends the process with its exit status (never returns when the
    command line did not fail on its way out)."""
    gc.disable()
    from .cli import main as run
    status = run(sys.argv[1:], ending=True)
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return status  # (a thread of a library still runs: sys.exit waits for it)
    import atexit
    getattr(atexit, "_run_exitfuncs", lambda: None)()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed pipe (| head): as Python's own exit, the status kept
            pass
    os._exit(status)


if __name__ == "__main__":
    sys.exit(main())
