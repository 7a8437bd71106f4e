"""Flood control as a pure rule: a hand-moved clock, no sleeps."""

from __future__ import annotations

import pytest

from bot.access.flood import FloodGuard
from tests.fakes.clock import FakeClock


def test_within_the_limit_everything_is_answered() -> None:
    clock = FakeClock(now=0.0)
    guard = FloodGuard(limit=3, window=60, clock=clock)
    assert [guard.check(1) for _ in range(3)] == ["allow"] * 3


def test_over_the_limit_one_warning_then_silence() -> None:
    clock = FakeClock(now=0.0)
    guard = FloodGuard(limit=3, window=60, clock=clock)
    verdicts = [guard.check(1) for _ in range(6)]
    assert verdicts == ["allow", "allow", "allow", "warn", "ignore", "ignore"]


def test_other_senders_are_unaffected() -> None:
    clock = FakeClock(now=0.0)
    guard = FloodGuard(limit=2, window=60, clock=clock)
    for _ in range(5):
        guard.check(1)
    assert guard.check(2) == "allow"
    assert guard.check(2) == "allow"


def test_answered_again_once_the_window_has_passed() -> None:
    clock = FakeClock(now=0.0)
    guard = FloodGuard(limit=2, window=60, clock=clock)
    assert [guard.check(1) for _ in range(4)] == ["allow", "allow", "warn", "ignore"]
    clock.now = 59.9
    assert guard.check(1) == "ignore"
    clock.now = 60.0
    assert guard.check(1) == "allow"
    # Back within the limit, a new flood is warned about again.
    assert [guard.check(1) for _ in range(3)] == ["allow", "warn", "ignore"]


def test_the_window_slides() -> None:
    clock = FakeClock(now=0.0)
    guard = FloodGuard(limit=3, window=60, clock=clock)
    for moment in (0, 20, 40):
        clock.now = moment
        assert guard.check(1) == "allow"
    clock.now = 61  # the message at 0 has left the window, those at 20 and 40 have not
    assert guard.check(1) == "allow"
    assert guard.check(1) == "warn"


def test_idle_senders_are_forgotten() -> None:
    clock = FakeClock(now=0.0)
    guard = FloodGuard(limit=5, window=60, clock=clock)
    for sender in range(100):
        guard.check(sender)
    assert len(guard) == 100
    clock.now = 130
    guard.check(1000)
    assert len(guard) == 1


def test_default_is_twenty_a_minute() -> None:
    guard = FloodGuard(clock=FakeClock())
    assert [guard.check(1) for _ in range(21)][-2:] == ["allow", "warn"]


@pytest.mark.parametrize(("limit", "window"), [(0, 60), (5, 0)])
def test_nonsense_limits_are_refused(limit: int, window: float) -> None:
    with pytest.raises(ValueError, match="limit"):
        FloodGuard(limit=limit, window=window)
