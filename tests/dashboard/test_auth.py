"""Signing in and out over HTTP: cookies, CSRF, lock-out, session expiry, second factor."""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pyotp
import sqlalchemy as sa

from bot.dashboard.app import create_app
from bot.dashboard.repository import hash_session_id
from bot.queue.models import AuditEntry, utcnow
from bot.queue.staff import SignInThrottle, StaffSession, User
from tests.dashboard.conftest import CSRF, PASSWORD, SESSION_SECRET

FAILED = "Dat lukte niet."


def session_hashes(dashboard, email):
    with dashboard.store.session_factory() as session:
        rows = session.execute(sa.text(
            "SELECT s.id_hash FROM meedenker_sessions s JOIN meedenker_users u ON u.id = s.user_id "
            "WHERE u.email = :e"), {"e": email}).scalars().all()
    return set(rows)


def test_sign_in_sets_a_strict_http_only_cookie_and_a_new_session_each_time(dashboard):
    email = dashboard.user()
    client = dashboard.client()
    assert client.get("/tickets").headers["location"].startswith("/login")
    answer = client.login(email)
    assert answer.status_code == 303 and answer.headers["location"] == "/tickets"
    cookie = [h for h in answer.raw.headers.getlist("Set-Cookie") if h.startswith("md_session=")][0]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    first = client.cookies["md_session"]
    assert client.get("/tickets").status_code == 200
    client.login(email)
    assert client.cookies["md_session"] != first  # a new session id at every sign-in
    assert len(session_hashes(dashboard, email)) == 1  # and the old one ended on the server


def test_sign_out_ends_the_session_on_the_server(dashboard):
    email = dashboard.user()
    client = dashboard.signed_in(email)
    stolen = client.cookies["md_session"]
    assert client.submit("/tickets", "/logout", {}).status_code == 303
    assert session_hashes(dashboard, email) == set()
    replay = dashboard.client()
    replay.cookies.set("md_session", stolen)
    assert replay.get("/tickets").status_code == 303


def test_a_forged_or_tampered_cookie_is_not_a_session(dashboard):
    client = dashboard.signed_in(dashboard.user())
    value = client.cookies["md_session"]
    forged = dashboard.client()
    forged.cookies.set("md_session", value[:-1] + ("0" if value[-1] != "0" else "1"))
    assert forged.get("/tickets").status_code == 303
    unsigned = dashboard.client()
    unsigned.cookies.set("md_session", value.rsplit(".", 1)[0])
    assert unsigned.get("/tickets").status_code == 303
    genuine = dashboard.client()
    genuine.cookies.set("md_session", value)
    assert genuine.get("/tickets").status_code == 200


def test_wrong_password_and_unknown_account_get_the_same_answer(dashboard):
    email = dashboard.user()
    wrong = dashboard.client().login(email, "niet-het-goede-wachtwoord")
    unknown = dashboard.client().login("niemand@example.nl", "niet-het-goede-wachtwoord")
    assert wrong.status_code == unknown.status_code == 401
    assert FAILED in wrong.text and FAILED in unknown.text
    assert CSRF.sub("", wrong.text) == CSRF.sub("", unknown.text)


def test_five_failures_lock_the_account_even_with_the_right_password_then_it_opens_again(dashboard):
    email = dashboard.user()
    for _ in range(5):
        assert dashboard.client().login(email, "fout-fout-fout-fout").status_code == 401
    locked = dashboard.client().login(email)
    assert locked.status_code == 401 and FAILED in locked.text
    # The same answer for an unknown account that failed five times: nothing tells them apart.
    for _ in range(5):
        dashboard.client().login("onbekend@example.nl", "fout-fout-fout-fout")
    assert dashboard.client().login("onbekend@example.nl", "fout").text.count(FAILED) == 1
    # After the wait (moved into the past here), the right password works again.
    dashboard.execute(sa.text("UPDATE meedenker_sign_in_throttle SET locked_until = NULL"))
    assert dashboard.client().login(email).status_code == 303


def test_the_wait_grows_with_more_failures(dashboard):
    email = dashboard.user()
    waits = []
    for attempt in range(7):
        dashboard.client().login(email, "fout-fout-fout-fout")
        with dashboard.store.session_factory() as session:
            row = session.execute(sa.select(SignInThrottle).where(SignInThrottle.key.like("pair:%"))).scalar_one()
        if row.locked_until is not None:
            waits.append(round((row.locked_until - row.updated_at).total_seconds()))
        dashboard.execute(sa.text("UPDATE meedenker_sign_in_throttle SET locked_until = NULL"))
    assert waits == [30, 60, 120]  # after failures 5, 6 and 7
    with dashboard.store.session_factory() as session:
        failures = session.execute(sa.text("SELECT failures FROM meedenker_sign_in_throttle "
                                           "WHERE key LIKE 'pair:%'")).scalar_one()
    assert failures == 7


def test_failures_on_other_accounts_never_block_a_correct_password(dashboard):
    # Issue 28: five typos by anyone behind the office's one address used to lock out everyone.
    good = dashboard.user()
    for i in range(12):
        dashboard.client().login(f"poging{i}@example.nl", "fout-fout-fout-fout")
    assert dashboard.client().login(good).status_code == 303


def test_one_ip_trying_very_many_accounts_is_locked_out(dashboard):
    good = dashboard.user()
    dashboard.execute(sa.text("INSERT INTO meedenker_sign_in_throttle (key, failures, updated_at) "
                              "VALUES ('ip:127.0.0.1', 99, CURRENT_TIMESTAMP)"))
    dashboard.client().login("poging@example.nl", "fout-fout-fout-fout")  # the 100th
    assert dashboard.client().login(good).status_code == 401


def test_a_post_without_or_with_a_wrong_csrf_token_is_refused(dashboard):
    email = dashboard.user()
    client = dashboard.client()
    assert client.post("/login", data={"email": email, "password": PASSWORD}).status_code == 403
    client = dashboard.signed_in(email)
    ticket = dashboard.ticket()
    for token in (None, "verkeerd"):
        data = {"status": "afgerond", "version": "1"}
        if token:
            data["csrf_token"] = token
        answer = client.post(f"/tickets/{ticket.id}/status", data=data)
        assert answer.status_code == 403 and "Formulier verlopen" in answer.text
    assert dashboard.store.get(ticket.id).status == "nieuw"
    # The session's token of another user does not work either.
    other = dashboard.signed_in(dashboard.user())
    stolen = other.csrf("/tickets")
    assert client.post(f"/tickets/{ticket.id}/status", data={"csrf_token": stolen, "status": "afgerond",
                                                             "version": "1"}).status_code == 403


def test_idle_and_absolute_timeouts_end_the_session(dashboard):
    email = dashboard.user()
    client = dashboard.signed_in(email)
    assert client.get("/tickets").status_code == 200
    dashboard.execute(sa.update(StaffSession).values(last_seen_at=utcnow() - timedelta(minutes=31)))
    assert client.get("/tickets").headers["location"].startswith("/login")
    assert session_hashes(dashboard, email) == set()

    client = dashboard.signed_in(email)
    dashboard.execute(sa.update(StaffSession).values(last_seen_at=utcnow() - timedelta(minutes=29)))
    assert client.get("/tickets").status_code == 200  # still within 30 idle minutes, and touched
    dashboard.execute(sa.update(StaffSession).values(created_at=utcnow() - timedelta(hours=12, minutes=1)))
    assert client.get("/tickets").status_code == 303


def test_a_stored_session_id_is_a_hash_not_the_cookie(dashboard):
    email = dashboard.user()
    client = dashboard.signed_in(email)
    raw_id = client.cookies["md_session"].rsplit(".", 1)[0]
    assert session_hashes(dashboard, email) == {hash_session_id(raw_id)}


def test_second_factor_enrolment_and_sign_in_with_a_code(dashboard):
    email = dashboard.user("admin", ())
    client = dashboard.signed_in(email)
    page = client.get("/account/tweestaps")
    secret = page.text.split('class="secret">', 1)[1].split("<", 1)[0]
    wrong = client.submit("/account/tweestaps", "/account/tweestaps", {"secret": _signed(page.text), "code": "000000"})
    assert wrong.status_code == 401
    page = client.get("/account/tweestaps")
    secret = page.text.split('class="secret">', 1)[1].split("<", 1)[0]
    done = client.post("/account/tweestaps", data={"csrf_token": CSRF.search(page.text).group(1),
                                                   "secret": _signed(page.text), "code": pyotp.TOTP(secret).now()})
    assert done.status_code == 303
    # Next sign-in: the password alone is not enough.
    fresh = dashboard.client()
    assert fresh.login(email).headers["location"] == "/login/code"
    assert fresh.get("/tickets").headers["location"] == "/login/code"
    wrong = fresh.submit("/login/code", "/login/code", {"code": "123456"})
    assert wrong.status_code == 401 and "Log opnieuw in" in wrong.text
    assert fresh.get("/tickets").headers["location"].startswith("/login")  # the half-open session is gone
    assert fresh.login(email).headers["location"] == "/login/code"
    # The enrolment's code was used once already; the next step's code (within the window) works.
    assert fresh.submit("/login/code", "/login/code", {"code": _next_code(secret)}).status_code == 303
    assert fresh.get("/tickets").status_code == 200


def test_guessing_the_second_factor_locks_the_account_like_wrong_passwords(dashboard):
    email = dashboard.user("admin", ())
    client = dashboard.signed_in(email)
    page = client.get("/account/tweestaps")
    secret = page.text.split('class="secret">', 1)[1].split("<", 1)[0]
    client.post("/account/tweestaps", data={"csrf_token": CSRF.findall(page.text)[-1], "secret": _signed(page.text),
                                            "code": pyotp.TOTP(secret).now()})
    wrong = str((int(pyotp.TOTP(secret).now()) + 500000) % 1000000).zfill(6)
    for _ in range(5):
        guesser = dashboard.client()
        assert guesser.login(email).headers["location"] == "/login/code"  # the password is known
        assert guesser.submit("/login/code", "/login/code", {"code": wrong}).status_code == 401
    assert dashboard.client().login(email).status_code == 401  # now locked, password or not


def _signed(text: str) -> str:
    return text.split('name="secret" value="', 1)[1].split('"', 1)[0]


def _next_code(secret: str, steps: int = 1) -> str:
    """The code of a later time step; the server accepts one step of drift either side of now."""
    return pyotp.TOTP(secret).at(time.time() + 30 * steps)


def _enrolled_admin(dashboard) -> tuple[str, str]:
    """An admin with a second factor; the enrolment used the code of the current step."""
    email = dashboard.user("admin", ())
    client = dashboard.signed_in(email)
    page = client.get("/account/tweestaps")
    secret = page.text.split('class="secret">', 1)[1].split("<", 1)[0]
    assert client.post("/account/tweestaps", data={"csrf_token": CSRF.findall(page.text)[-1],
                                                   "secret": _signed(page.text),
                                                   "code": pyotp.TOTP(secret).now()}).status_code == 303
    return email, secret


def _last_step(dashboard, email: str) -> int | None:
    with dashboard.store.session_factory() as session:
        return session.execute(sa.select(User.totp_last_step).where(User.email == email)).scalar_one()


def test_a_second_factor_code_is_accepted_once(dashboard):
    # Issue 28, finding 5: the same code was accepted twice within its window.
    email, secret = _enrolled_admin(dashboard)
    dashboard.execute(sa.update(User).where(User.email == email).values(totp_last_step=None))  # enrolled long ago
    code = pyotp.TOTP(secret).now()
    first = dashboard.client()
    assert first.login(email).headers["location"] == "/login/code"
    assert first.submit("/login/code", "/login/code", {"code": code}).status_code == 303
    assert first.get("/tickets").status_code == 200
    # Someone who saw the password and the code tries it again within its window.
    second = dashboard.client()
    assert second.login(email).headers["location"] == "/login/code"
    again = second.submit("/login/code", "/login/code", {"code": code})
    assert again.status_code == 401
    assert "Deze code is al gebruikt. Een code werkt maar één keer." in again.text
    assert "Log opnieuw in en vul de volgende code in" in again.text
    assert second.get("/tickets").headers["location"].startswith("/login")  # the half-open session is gone
    # An earlier step's code, still within the window, is refused as well.
    older = dashboard.client()
    older.login(email)
    earlier = older.submit("/login/code", "/login/code", {"code": pyotp.TOTP(secret).at(time.time() - 30)})
    assert earlier.status_code == 401
    # A later step's code works.
    later = dashboard.client()
    assert later.login(email).headers["location"] == "/login/code"
    assert later.submit("/login/code", "/login/code", {"code": _next_code(secret)}).status_code == 303
    assert later.get("/tickets").status_code == 200
    with dashboard.store.session_factory() as session:
        details = session.execute(sa.select(AuditEntry.detail).where(
            AuditEntry.actor == f"dashboard:{email}", AuditEntry.action == "sign_in_failed")).scalars().all()
    assert details.count("second-factor code used before") == 2


def test_the_enrolment_code_cannot_sign_in_again(dashboard):
    email, secret = _enrolled_admin(dashboard)
    step = _last_step(dashboard, email)  # the step the enrolment code belonged to
    client = dashboard.client()
    assert client.login(email).headers["location"] == "/login/code"
    # That same code again, even when the clock has moved on to the next 30-second step meanwhile.
    code = pyotp.TOTP(secret).at(step * 30)
    answer = client.submit("/login/code", "/login/code", {"code": code})
    assert answer.status_code == 401 and "al gebruikt" in answer.text


def test_two_concurrent_uses_of_one_code_pass_once(dashboard):
    email, secret = _enrolled_admin(dashboard)
    code = _next_code(secret)
    clients = []
    for _ in range(8):
        client = dashboard.client()
        assert client.login(email).headers["location"] == "/login/code"
        clients.append((client, client.csrf("/login/code")))
    barrier = threading.Barrier(len(clients))

    def use(pair):
        barrier.wait()
        return pair[0].post("/login/code", data={"csrf_token": pair[1], "code": code}).status_code

    with ThreadPoolExecutor(len(clients)) as pool:
        statuses = list(pool.map(use, clients))
    assert sorted(statuses) == [303] + [401] * 7, statuses
    assert sum(client.get("/tickets").status_code == 200 for client, _ in clients) == 1


def test_claiming_a_step_is_atomic_in_the_repository(dashboard):
    email, _secret = _enrolled_admin(dashboard)
    user_id = dashboard.repo.users()[[u.email for u in dashboard.repo.users()].index(email)].id
    step = _last_step(dashboard, email) + 5
    barrier = threading.Barrier(16)

    def claim(_):
        barrier.wait()
        return dashboard.repo.use_totp_step(user_id, step)

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(claim, range(16)))
    assert results.count(True) == 1
    assert not dashboard.repo.use_totp_step(user_id, step - 1)
    assert dashboard.repo.use_totp_step(user_id, step + 1)


def test_a_signed_in_user_cannot_forge_a_second_factor_secret(dashboard):
    email = dashboard.user("admin", ())
    client = dashboard.signed_in(email)
    secret = pyotp.random_base32()
    answer = client.submit("/account/tweestaps", "/account/tweestaps",
                           {"secret": secret + ".deadbeef", "code": pyotp.TOTP(secret).now()})
    assert answer.status_code == 401


def test_sign_in_is_audited(dashboard):
    email = dashboard.user()
    dashboard.signed_in(email)
    with dashboard.store.session_factory() as session:
        actors = session.execute(sa.select(AuditEntry.actor).where(AuditEntry.action == "signed_in")).scalars().all()
    assert f"dashboard:{email}" in actors


def test_the_app_factory_refuses_to_start_without_a_session_secret(settings_env):
    import pytest

    from bot.ops.settings import Settings, SettingsError
    settings = Settings.from_env({k: v for k, v in settings_env.items() if k != "DASHBOARD_SESSION_SECRET"})
    with pytest.raises(SettingsError, match="DASHBOARD_SESSION_SECRET"):
        create_app(settings)
    assert len(SESSION_SECRET) >= 32


def test_over_https_the_cookie_is_host_prefixed_and_secure(tmp_path):
    from tests.dashboard.conftest import start_dashboard, stop_dashboard
    running = start_dashboard(tmp_path, None, SANIC_PROXIES_COUNT="1")
    try:
        email = running.user()
        client = running.client()
        client.headers.update({"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"})
        form = client.get("/login")
        login_cookie = form.headers["Set-Cookie"]
        assert login_cookie.startswith("__Host-md_login=") and "Secure" in login_cookie
        token = CSRF.findall(form.text)[-1]
        answer = client.post("/login", data={"csrf_token": token, "email": email, "password": PASSWORD},
                             cookies={"__Host-md_login": form.cookies["__Host-md_login"]})
        assert answer.status_code == 303, answer.text[-300:]
        cookie = [h for h in answer.raw.headers.getlist("Set-Cookie") if h.startswith("__Host-md_session=")][0]
        assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Domain" not in cookie
        assert "max-age=31536000" in answer.headers["Strict-Transport-Security"]
        assert client.get("/tickets", cookies={"__Host-md_session": answer.cookies["__Host-md_session"]}
                          ).status_code == 200
    finally:
        stop_dashboard(running)


def test_with_require_2fa_an_admin_must_enrol_before_anything_else(tmp_path):
    from tests.dashboard.conftest import start_dashboard, stop_dashboard
    running = start_dashboard(tmp_path, None, DASHBOARD_REQUIRE_2FA="1")
    try:
        admin, coordinator = running.user("admin", ()), running.user("coordinator", ("Goes",))
        client = running.client()
        assert client.login(admin).headers["location"] == "/account/tweestaps"
        for page in ("/tickets", "/gebruikers", "/audit"):
            assert client.get(page).headers["location"] == "/account/tweestaps"
        page = client.get("/account/tweestaps")
        assert "Beheerders moeten tweestapsverificatie gebruiken" in page.text
        secret = page.text.split('class="secret">', 1)[1].split("<", 1)[0]
        done = client.post("/account/tweestaps", data={"csrf_token": CSRF.findall(page.text)[-1],
                                                       "secret": _signed(page.text), "code": pyotp.TOTP(secret).now()})
        assert done.status_code == 303 and client.get("/gebruikers").status_code == 200
        # Coordinators are not forced to.
        assert running.client().login(coordinator).headers["location"] == "/tickets"
    finally:
        stop_dashboard(running)


def test_a_blueprint_registered_after_create_app_shares_headers_and_sessions(tmp_path):
    from tests.dashboard.conftest import start_dashboard, stop_dashboard
    running = start_dashboard(tmp_path, None, DASHBOARD_TEST_EXTRA_BLUEPRINT="1")
    try:
        anonymous = running.client().get("/extra")
        assert anonymous.text == "anonymous" and "frame-ancestors 'none'" in anonymous.headers["Content-Security-Policy"]
        assert running.signed_in(running.user()).get("/extra").text == "signed in"
    finally:
        stop_dashboard(running)
