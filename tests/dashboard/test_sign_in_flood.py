"""Issue 28, finding 2: concurrent and flooding sign-ins, measured on the real dashboard process."""
from __future__ import annotations

import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import sqlalchemy as sa

from bot.queue.staff import SignInThrottle


def _ready_logins(dashboard, n: int) -> list:
    clients = [dashboard.client() for _ in range(n)]
    tokens = [c.csrf("/login") for c in clients]
    return list(zip(clients, tokens))


def test_forty_concurrent_wrong_sign_ins_check_five_passwords_and_never_fail_with_500(dashboard):
    email = dashboard.user()
    ready = _ready_logins(dashboard, 40)
    with ThreadPoolExecutor(max_workers=40) as pool:
        statuses = list(pool.map(lambda pair: pair[0].post("/login", data={
            "csrf_token": pair[1], "email": email, "password": "fout-fout-fout-fout"}).status_code, ready))
    assert all(status in (401, 429) for status in statuses), statuses
    with dashboard.store.session_factory() as session:
        counted = session.execute(sa.select(SignInThrottle.failures).where(
            SignInThrottle.key.like("pair:%"))).scalar_one()
    assert counted == 5  # the budget held: five passwords checked, the rest refused before hashing
    assert dashboard.client().login(email).status_code == 401  # still locked, password or not


def test_the_dashboard_stays_fast_under_a_login_flood(dashboard):
    coordinator = dashboard.user("coordinator", ("Goes",))
    reader = dashboard.signed_in(coordinator)

    def page_seconds(rounds: int) -> list[float]:
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            assert reader.get("/tickets").status_code == 200
            times.append(time.perf_counter() - started)
        return times

    quiet = page_seconds(10)
    stop = threading.Event()
    sent: list[int] = []

    def flood(index: int) -> None:
        client = dashboard.client()
        token = client.csrf("/login")
        n = 0
        while not stop.is_set():
            answer = client.post("/login", data={"csrf_token": token, "email": f"flood{index}-{n}@example.nl",
                                                 "password": "fout-fout-fout-fout"})
            sent.append(answer.status_code)
            n += 1

    threads = [threading.Thread(target=flood, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    busy = page_seconds(20)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    quiet_median, busy_median = statistics.median(quiet), statistics.median(busy)
    busy_p95 = sorted(busy)[int(len(busy) * 0.95) - 1]
    print(f"\n/tickets while quiet: median {quiet_median * 1000:.0f} ms; during 16 concurrent sign-in loops "
          f"({len(sent)} POST /login, statuses {sorted(set(sent))}): median {busy_median * 1000:.0f} ms, "
          f"p95 {busy_p95 * 1000:.0f} ms, max {max(busy) * 1000:.0f} ms")
    assert 500 not in sent
    assert busy_p95 < 1.0 and busy_median < 0.5  # before issue 28: 6-10 s
