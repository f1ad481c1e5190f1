"""The endpoint's query processes (a real server on loopback): a worker killed at the timeout is replaced.

Functional, not timed: what is checked is which process answers and which is gone.
"""
from __future__ import annotations

import os
import signal
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from newsgraph.queries.named import open_graph
from newsgraph.queries.sparql.turns import FOREGROUND, Turn
from tests.fixtures import serving

MINI = Path(__file__).parent / "data" / "mini.ttl"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ASK = "ASK { ?s ?p ?o }"


def get(server, query):
    try:
        with urllib.request.urlopen(f"{server.url}?query={quote(query)}", timeout=30) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def gone(pid: int) -> bool:
    """True once ``pid`` has exited and been reaped (a kill is sent at once, the exit takes a moment)."""
    for _ in range(1000):
        if not alive(pid):
            return True
        time.sleep(0.01)
    return False


@pytest.mark.parametrize("timeout", [0.2, 1.0], ids=["killed-in-the-lane", "killed-as-heavy"])
def test_a_timed_out_worker_is_killed_replaced_and_the_next_query_answered(timeout):
    """One lane worker: the runaway query's worker is killed, a new one answers the next query (no answer
    cache: the repeated ASK runs again)."""
    with serving(open_graph(MINI), timeout=timeout, ready=1, running=1, cache_entries=0) as server:
        assert get(server, ASK) == (200, b'{"head": {}, "boolean": true}')
        [first] = server.queries.idle()
        status, body = get(server, SLOW)
        assert status == 503 and b"timed out" in body
        [second] = server.queries.idle()
        assert second != first and gone(first)
        assert get(server, ASK) == (200, b'{"head": {}, "boolean": true}')
        assert server.queries.idle() == [second]


def test_a_worker_killed_from_outside_is_replaced():
    with serving(open_graph(MINI), timeout=5, ready=1, running=1) as server:
        [first] = server.queries.idle()
        os.kill(first, signal.SIGKILL)
        assert gone(first)
        assert get(server, ASK) == (200, b'{"head": {}, "boolean": true}')
        assert server.queries.idle() != [first]


def test_closing_the_server_stops_its_processes():
    with serving(open_graph(MINI), timeout=5, ready=2, running=1) as server:
        assert get(server, ASK)[0] == 200
        pids = server.queries.idle()
    assert len(pids) == 2 and all(gone(pid) for pid in pids)


def test_a_query_that_cannot_run_before_its_timeout_gets_503_and_retry_after_at_once():
    """Queries have been taking 10 s each and one waits for the only slot: a new one is refused."""


    with serving(open_graph(MINI), timeout=3, ready=1, running=1) as server:
        turns = server.queries.turns
        for _ in range(200):
            turns.record(10.0)
        assert turns.acquire(Turn(FOREGROUND, 0.0, -1), time.monotonic() + 5)
        ahead = (Turn(FOREGROUND, 1.0, -2), time.monotonic() + 30)
        waiter = threading.Thread(target=turns.acquire, args=ahead)
        waiter.start()
        for _ in range(1000):
            if turns.expected_wait() > 0:
                break
            time.sleep(0.01)
        try:
            urllib.request.urlopen(f"{server.url}?query={quote(ASK)}", timeout=30)
            raise AssertionError("not refused")
        except urllib.error.HTTPError as err:
            assert err.code == 503 and int(err.headers["Retry-After"]) >= 3 and b"too busy" in err.read()
        turns.release()
        waiter.join()
        turns.release()


def test_a_small_query_answers_while_a_long_one_runs():
    """The long query leaves the first lane once it is long: the small one finds a slot there."""
    with serving(open_graph(MINI), timeout=2, ready=1, running=1, long=1) as server:
        slow = threading.Thread(target=get, args=(server, SLOW))
        slow.start()
        try:
            time.sleep(0.3)  # not a timing assertion: the small query answers whatever the moment
            assert get(server, ASK) == (200, b'{"head": {}, "boolean": true}')
        finally:
            slow.join()
