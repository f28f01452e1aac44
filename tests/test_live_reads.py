"""Team-mode screens read the session one read at a time without losing a request.

Before: ``poll()`` was skipped while a read ran. A read begun just before a vote (the safety
poll) brought the old state, and the read the vote's notification asked for was dropped, so
the vote showed only at the next poll, seconds later (and a Pilot test on PostgreSQL failed
now and then)."""

from __future__ import annotations

from maturity.tui.live import OneRead


def test_a_read_asked_for_while_one_runs_runs_after_it_once() -> None:
    started: list[int] = []
    reads = OneRead(lambda: started.append(len(started)))
    reads.request()
    assert started == [0]
    reads.request()  # a vote lands while the first read runs
    reads.request()  # and another: both are answered by one more read
    assert started == [0]
    reads.finished()
    assert started == [0, 1]
    reads.finished()
    assert started == [0, 1]  # nothing else was asked for
    reads.request()
    assert started == [0, 1, 2]


def test_reads_asked_for_one_after_another_each_run() -> None:
    started: list[str] = []
    reads = OneRead(lambda: started.append("read"))
    reads.request()
    reads.finished()
    reads.request()
    reads.finished()
    assert started == ["read", "read"]
