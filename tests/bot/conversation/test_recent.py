"""The bounded map behind the hot paths' memories (bot/conversation/recent.py)."""
import threading

import pytest

from bot.conversation.recent import Recent


def test_the_least_recently_used_item_goes_first():
    recent = Recent(3)
    for key in "abc":
        recent.put(key, key.upper())
    assert recent.get("a") == "A"  # now the newest
    recent.put("d", "D")
    assert list(recent) == ["c", "a", "d"]
    assert recent.get("b") is None
    assert len(recent) == 3


def test_put_new_makes_the_value_once_and_keeps_the_first():
    recent = Recent(10)
    made = []
    assert recent.put_new("k", lambda: made.append(1) or "first")
    assert not recent.put_new("k", lambda: made.append(2) or "second")
    assert recent.get("k") == "first" and made == [1]


def test_pop_takes_the_item_out():
    recent = Recent(2)
    recent.put("k", 1)
    assert recent.pop("k") == 1
    assert recent.pop("k") is None and "k" not in recent


def test_it_stays_bounded_when_many_threads_put_at_once():
    recent = Recent(100)

    def work(start: int) -> None:
        for n in range(start, start + 2000):
            recent.put(n, n)
            recent.get(n - 1)

    threads = [threading.Thread(target=work, args=(k * 10_000,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(recent) == 100
    assert all(recent.get(key) == key for key in list(recent))


def test_a_map_that_holds_nothing_is_refused():
    with pytest.raises(ValueError):
        Recent(0)
