"""Signing in and out, and the optional second factor (TOTP)."""
from __future__ import annotations

import hmac
import time

import pyotp
from cryptography.fernet import Fernet, InvalidToken
from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse, redirect

from bot.dashboard import security
from bot.dashboard.app import not_found, render
from bot.dashboard.hashing import HashPoolBusy
from bot.dashboard.repository import SignedIn

blueprint = Blueprint("auth")
FAILED = ("Dat lukte niet. Het e-mailadres of het wachtwoord klopt niet, of er waren te veel pogingen. "
          "Wacht dan een paar minuten en probeer het opnieuw.")
BUSY = "Er wordt nu erg vaak ingelogd. Probeer het over een minuut opnieuw."
ISSUER = "Meedenker dashboard"
WRONG_CODE = "Deze code klopt niet. Log opnieuw in en vul de code uit uw app in."
REUSED_CODE = ("Deze code is al gebruikt. Een code werkt maar één keer. Log opnieuw in en vul de volgende code "
               "in die uw app toont.")


def matching_step(secret: str, code: str, now: float | None = None) -> int | None:
    """The time step (unix time // 30) whose code this is, within one step either side of now
    (clock drift), or None. The step lets a code be accepted only once (issue 28, finding 5)."""
    code = code.replace(" ", "")
    totp = pyotp.TOTP(secret)
    if not (len(code) == totp.digits and code.isascii() and code.isdigit()):
        return None
    here = totp.timecode(time.time() if now is None else now)
    found = None
    for step in (here - 1, here, here + 1):  # all three compared, in constant time
        if hmac.compare_digest(totp.generate_otp(step), code):
            found = step
    return found


def _client_ip(request: Request) -> str:
    """The client's address; behind a proxy Sanic gives it only when SANIC_PROXIES_COUNT is set."""
    return request.remote_addr or request.ip or "unknown"


def _next(target: str | None) -> str:
    """Only a path on this site: never '//elsewhere' or a full URL."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/tickets"


def _login_page(request: Request, error: str | None = None, status: int = 200) -> HTTPResponse:
    token = security.new_token()
    target = request.form.get("volgende") if request.method == "POST" else request.args.get("volgende")
    response = render(request, "login.html", status, login_csrf=token, error=error, volgende=_next(target))
    security.set_cookie(request, response, security.LOGIN_COOKIE, request.app.ctx.signer.sign(token), max_age=3600)
    return response


@blueprint.get("/")
async def home(request: Request) -> HTTPResponse:
    return redirect("/tickets", status=303)


@blueprint.get("/login")
async def login_form(request: Request) -> HTTPResponse:
    return _login_page(request)


@blueprint.post("/login")
async def login(request: Request) -> HTTPResponse:
    app = request.app
    email = (request.form.get("email") or "")[:254]
    password = (request.form.get("password") or "")[:1024]
    if request.ctx.auth is not None:  # a new session id at every sign-in
        await app.ctx.db.run(app.ctx.repo.end_session, request.ctx.auth.session_id)
    ip = _client_ip(request)
    # Three steps: count the attempt (database pool), check the password (hashing pool, skipped
    # for a locked key), then open the session (database pool). Issue 28.
    claim = await app.ctx.db.run(app.ctx.repo.claim_sign_in, email, ip)
    if not claim.allowed:
        return _login_page(request, FAILED, 401)
    try:
        password_ok = await app.ctx.hasher.verify(claim.password_hash, password)
    except HashPoolBusy:
        return _login_page(request, BUSY, 429)
    signed: SignedIn | None = await app.ctx.db.run(
        app.ctx.repo.finish_sign_in, email, ip, password_ok, app.ctx.settings.dashboard_require_2fa)
    if signed is None:
        return _login_page(request, FAILED, 401)
    target = {"pending_totp": "/login/code", "setup_totp": "/account/tweestaps"}.get(
        signed.stage, _next(request.form.get("volgende")))
    response = redirect(target, status=303)
    security.set_cookie(request, response, security.SESSION_COOKIE, app.ctx.signer.sign(signed.session_id))
    security.clear_cookie(request, response, security.LOGIN_COOKIE)
    return response


@blueprint.post("/logout")
async def logout(request: Request) -> HTTPResponse:
    if request.ctx.auth is not None:
        await request.app.ctx.db.run(request.app.ctx.repo.end_session, request.ctx.auth.session_id)
    response = redirect("/login", status=303)
    security.clear_cookie(request, response, security.SESSION_COOKIE)
    return response


def _fernet(request: Request) -> Fernet:
    return Fernet(request.app.ctx.settings.secret_key.encode("ascii"))


@blueprint.get("/login/code")
async def code_form(request: Request) -> HTTPResponse:
    auth = request.ctx.auth
    if auth is None or auth.stage != "pending_totp":
        return redirect("/login", status=303)
    return render(request, "totp.html")


@blueprint.post("/login/code")
async def code(request: Request) -> HTTPResponse:
    auth = request.ctx.auth
    if auth is None or auth.stage != "pending_totp":
        return redirect("/login", status=303)
    app = request.app
    encrypted = await app.ctx.db.run(app.ctx.repo.totp_secret, auth.account.id)
    try:
        secret = _fernet(request).decrypt(encrypted.encode("ascii")).decode("ascii")
    except (InvalidToken, AttributeError):
        return render(request, "totp.html", 401, error="De code kan niet worden gecontroleerd. Vraag een beheerder.")
    step = matching_step(secret, (request.form.get("code") or "")[:32])
    # Check and store the step in one statement: of two uses of one code, only the first passes.
    reused = step is not None and not await app.ctx.db.run(app.ctx.repo.use_totp_step, auth.account.id, step)
    if step is None or reused:
        await app.ctx.db.run(app.ctx.repo.second_factor_failed, auth.session_id, auth.account.email,
                             _client_ip(request), reused)
        request.ctx.auth = None
        response = _login_page(request, REUSED_CODE if reused else WRONG_CODE, 401)
        security.clear_cookie(request, response, security.SESSION_COOKIE)
        return response
    await app.ctx.db.run(app.ctx.repo.pass_second_factor, auth.session_id, auth.account.email, _client_ip(request))
    return redirect("/tickets", status=303)


@blueprint.route("/account/tweestaps", methods=["GET", "POST"])
async def enrol(request: Request) -> HTTPResponse:
    """Set up the second factor: a new secret, confirmed by one code from the app."""
    auth = request.ctx.auth
    if auth is None or auth.stage == "pending_totp":
        return redirect("/login", status=303)
    if auth.account.has_totp:
        return render(request, "totp_setup.html", done=True)
    signer = request.app.ctx.signer
    error = None
    if request.method == "POST":
        secret = signer.unsign(request.form.get("secret"))
        step = matching_step(secret, (request.form.get("code") or "")[:32]) if secret else None
        if step is not None:
            encrypted = _fernet(request).encrypt(secret.encode("ascii")).decode("ascii")
            await request.app.ctx.db.run(request.app.ctx.repo.set_totp, auth.account.id, encrypted,
                                         auth.session_id, step)
            return redirect("/tickets", status=303)
        error = "Deze code klopt niet. Vul de code in die uw app nu toont."
    secret = pyotp.random_base32()
    uri = pyotp.TOTP(secret).provisioning_uri(name=auth.account.email, issuer_name=ISSUER)
    return render(request, "totp_setup.html", 401 if error else 200, secret=secret, signed_secret=signer.sign(secret),
                  uri=uri, error=error, required=auth.stage == "setup_totp")


__all__ = ["blueprint", "not_found"]
