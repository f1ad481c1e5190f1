"""A command's store work in a child process: no failure deep inside Oxigraph reaches the user raw.

A damaged store can make Oxigraph allocate without end (an index that keeps
returning its read error to a join): the process dies from a failed allocation,
or takes the machine's memory first.  :func:`isolated` forks before the store is
opened, caps the child's address space (what it inherited plus
:data:`MEMORY_SHARE` of the machine's memory) and keeps its standard error; the
parent waits.  A child that exits gives its standard error and exit status
back unchanged; a child that dies from a signal (a failed allocation aborts)
becomes one line.  Without a real standard output (click's test runner) the
work runs in this process.

>>> def work():
...     print("rows")
>>> isolated("OUT", work)  # doctest: +SKIP
rows
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable

import click

from newsgraph.queries.sparql.damage import cap_memory, message

__all__ = ["MEMORY_SHARE", "isolated"]

MEMORY_SHARE = 0.5


def _real_streams() -> bool:
    try:
        sys.stdout.fileno(), sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return hasattr(os, "fork")


def isolated(out: str | None, work: Callable[[], None]) -> None:
    """Run ``work`` (it opens the store, queries, prints) in a child process; see the module doc."""
    if not _real_streams():
        return work()
    sys.stdout.flush()
    sys.stderr.flush()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; its exit status tells the parent how it went
        os.close(read)
        _child(write, work)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        err = pipe.read().decode("utf-8", "replace")
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        cause = next((line for line in err.splitlines() if line.strip()), "")
        why = cause or f"the query process was stopped by {signal.Signals(os.WTERMSIG(status)).name}"
        raise click.ClickException(message(f"reading it failed ({why})", out))
    sys.stderr.write(err)
    if os.WEXITSTATUS(status):
        sys.exit(os.WEXITSTATUS(status))
    return None


def _child(write: int, work: Callable[[], None]) -> None:  # pragma: no cover - runs in the child
    os.dup2(write, 2)
    os.close(write)
    cap_memory(MEMORY_SHARE)
    code = 0
    try:
        work()
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # noqa: BLE001 - reported as the parent would have, then the exit status
        import traceback  # lazy: only an unexpected failure needs it

        traceback.print_exc()
        code = 1
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)
