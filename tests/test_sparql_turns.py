"""The endpoint's turn queue (queries.sparql.turns) and the pool's use of it (queries.sparql.lanes).

Functional, not timed: which waiter gets the slot, who is outranked, what a refusal says.
"""
from __future__ import annotations

import threading
import time

from rdflib import Graph

from newsgraph.queries.sparql.lanes import QueryPool
from newsgraph.queries.sparql.turns import BACKGROUND, FOREGROUND, Turn, Turns
from newsgraph.queries.sparql.worker import WorkerSettings


def waiting(turns: Turns, count: int) -> None:
    """Until ``count`` foreground turns wait (a mean of 1 s per query makes each count 1 s / width)."""
    for _ in range(1000):
        if turns.expected_wait() >= count / turns.width:
            return
        time.sleep(0.01)
    raise AssertionError("the waiters never queued")


def test_the_slot_goes_to_the_turn_due_first_and_the_background_last():
    turns = Turns(width=1)
    turns.record(1.0)  # mean slot time 1 s
    assert turns.acquire(Turn(FOREGROUND, 0.0, 0), time.monotonic() + 5)
    order = []

    def wait_for(turn):
        assert turns.acquire(turn, time.monotonic() + 30)
        order.append(turn.seq)
        turns.release()

    late, early, back = Turn(FOREGROUND, 9.0, 1), Turn(FOREGROUND, 1.0, 2), Turn(BACKGROUND, 0.0, 3)
    threads = [threading.Thread(target=wait_for, args=(turn,)) for turn in (back, late, early)]
    for count, thread in enumerate(threads):
        thread.start()
        if count:
            waiting(turns, count)
    assert turns.outranked(Turn(FOREGROUND, 5.0, 9)) and not turns.outranked(Turn(FOREGROUND, 0.5, 9))
    turns.release()
    for thread in threads:
        thread.join()
    assert order == [2, 1, 3]


def test_a_waiter_gives_up_at_its_deadline_and_the_next_one_gets_the_slot():
    turns = Turns(width=1)
    assert turns.acquire(Turn(FOREGROUND, 0.0, 0), time.monotonic() + 5)
    assert not turns.acquire(Turn(FOREGROUND, 1.0, 1), time.monotonic() + 0.05)
    turns.release()
    assert turns.acquire(Turn(FOREGROUND, 2.0, 2), time.monotonic() + 0.05)


def test_a_query_that_cannot_run_before_its_timeout_is_refused_at_once_with_retry_after():
    pool = QueryPool(Graph(), ready=1, running=1)
    try:
        for _ in range(200):
            pool.turns.record(10.0)  # queries have been taking about 10 s each
        assert pool.turns.acquire(Turn(FOREGROUND, 0.0, -1), time.monotonic() + 5)  # the only slot
        ahead = (Turn(FOREGROUND, 1.0, -2), time.monotonic() + 30)
        waiter = threading.Thread(target=pool.turns.acquire, args=ahead)
        waiter.start()
        waiting(pool.turns, 1)
        answer = pool.run("ASK { }", WorkerSettings(timeout=3))
        assert answer.status == 503 and answer.retry_after >= 3 and b"too busy" in answer.body
        pool.turns.release()
        waiter.join()
        pool.turns.release()
    finally:
        pool.close()
