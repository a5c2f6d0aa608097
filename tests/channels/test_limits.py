from bot.ops.channel_settings import LimitSettings
from channels.limits import Limits, RateLimiter


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_sliding_window_per_key():
    clock = Clock()
    limiter = RateLimiter(3, window=60, clock=clock)
    assert [limiter.hit("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.hit("b") is True and limiter.over("a")
    clock.now += 61
    assert limiter.hit("a") is True and not limiter.over("a")


def test_refused_hits_do_not_extend_the_wait():
    clock = Clock()
    limiter = RateLimiter(1, window=60, clock=clock)
    assert limiter.hit("a")
    clock.now += 30
    assert not limiter.hit("a")
    clock.now += 31
    assert limiter.hit("a")


def test_a_throttled_sender_is_told_once_a_minute():
    limits = Limits(LimitSettings(per_sender_per_minute=1, per_ip_per_minute=1))
    assert limits.should_tell("s") and not limits.should_tell("s")
