"""The dashboard's app factory: `create_app(settings)` returns a Sanic app, ready to serve.

Nothing happens at import. The app owns its store, thread pool and templates (on `app.ctx`), so
another module can register more blueprints on the same app before it starts (the widget's page
shares this process). Every page is server-rendered and works without JavaScript.
"""
from __future__ import annotations

import functools
import logging
from datetime import datetime
from pathlib import Path
from typing import Any, Awaitable, Callable
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Sanic
from sanic.exceptions import NotFound as SanicNotFound
from sanic.request import Request
from sanic.response import HTTPResponse, html, redirect

from bot.dashboard import security
from bot.dashboard.hashing import HashPool
from bot.dashboard.labels import register_filters
from bot.dashboard.repository import Database, Repository, SignedIn
from bot.dashboard.signals import Signals
from bot.municipality.office_hours import load_office_hours
from bot.queue.store import TicketStore
from bot.ops.settings import Settings, SettingsError

HERE = Path(__file__).resolve().parent
logger = logging.getLogger(__name__)
MAX_BODY = 256 * 1024
Handler = Callable[..., Awaitable[HTTPResponse]]


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTTPResponse:
    auth: SignedIn | None = getattr(request.ctx, "auth", None)
    token = context.pop("login_csrf", None) or (auth.csrf_token if auth else "")
    page = request.app.ctx.templates.get_template(template).render(
        request=request, auth=auth, account=auth.account if auth else None, csrf_token=token, **context)
    return html(page, status=status)


def not_found(request: Request) -> HTTPResponse:
    return render(request, "error.html", 404, title="Niet gevonden",
                  message="Deze pagina of dit ticket bestaat niet, of u heeft er geen toegang toe.")


def requires(admin: bool = False, stage: str = "ok") -> Callable[[Handler], Handler]:
    """Signed in (and fully: second factor done), optionally as admin. Others get a 404."""
    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def wrapped(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            auth: SignedIn | None = request.ctx.auth
            if auth is None:
                if request.method == "GET":
                    return redirect("/login?" + urlencode({"volgende": request.path}), status=303)
                return redirect("/login", status=303)
            if auth.stage != stage:
                return redirect("/login/code" if auth.stage == "pending_totp" else "/account/tweestaps", status=303)
            if admin and not auth.account.is_admin:
                return not_found(request)
            return await handler(request, *args, **kwargs)
        return wrapped
    return decorate


def back_to(path: str, **query: str) -> HTTPResponse:
    return redirect(path + ("?" + urlencode(query) if query else ""), status=303)


async def _load_session(request: Request) -> None:
    request.ctx.auth = None
    if request.path.startswith("/static/") or request.path == "/health":
        return
    app = request.app
    raw = app.ctx.signer.unsign(request.cookies.get(security.cookie_name(request, security.SESSION_COOKIE)))
    if raw:
        request.ctx.auth = await app.ctx.db.run(app.ctx.repo.load_session, raw)
    if request.method == "POST" and getattr(request, "route", None) is not None:  # no route: a 404 follows
        try:
            too_big = int(request.headers.get("content-length") or 0) > MAX_BODY
        except ValueError:
            too_big = True
        if too_big:
            return render(request, "error.html", 413, title="Te veel tekst",
                          message="Dit formulier is te groot om te versturen. Maak de tekst korter.")
        given = request.form.get("csrf_token") if request.form else None
        if request.path == "/login":
            expected = app.ctx.signer.unsign(request.cookies.get(security.cookie_name(request, security.LOGIN_COOKIE)))
        else:
            expected = request.ctx.auth.csrf_token if request.ctx.auth else None
        if not security.tokens_match(expected, given):
            return render(request, "error.html", 403, title="Formulier verlopen",
                          message="Dit formulier is verlopen of niet van deze site. Laad de pagina opnieuw "
                                  "en probeer het nog eens.")
    return None


def create_app(settings: Settings, name: str = "meedenker_dashboard") -> Sanic:
    """A dashboard on the queue of `settings`; migrates the queue's schema when it starts."""
    if not settings.dashboard_session_secret:
        raise SettingsError("DASHBOARD_SESSION_SECRET is missing (make run generates one into var/secrets.env)")
    app = Sanic(name)
    app.config.REQUEST_MAX_SIZE = MAX_BODY
    app.config.FALLBACK_ERROR_FORMAT = "html"
    app.ctx.settings = settings
    app.ctx.signer = security.Signer(settings.dashboard_session_secret)
    templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                            trim_blocks=True, lstrip_blocks=True)
    app.ctx.templates = templates
    app.ctx.store = TicketStore.from_settings(settings)
    hours = load_office_hours(settings.office_hours_file)
    app.ctx.hours = hours
    app.ctx.repo = Repository(app.ctx.store, hours)
    app.ctx.signals = Signals(app.ctx.store, hours)
    app.ctx.db = Database()
    app.ctx.hasher = HashPool()  # argon2 never runs in the database pool (issue 28)
    register_filters(templates, hours.timezone)
    templates.globals["now"] = lambda: datetime.now(hours.timezone)
    app.static("/static", str(HERE / "static"), name="static")

    @app.before_server_start
    async def migrate(app: Sanic, _loop: Any) -> None:
        await app.ctx.db.run(app.ctx.store.migrate)

    @app.after_server_stop
    async def close(app: Sanic, _loop: Any) -> None:
        await app.ctx.db.run(app.ctx.store.close)
        app.ctx.db.close()
        app.ctx.hasher.close()

    app.register_middleware(_load_session, "request")

    @app.on_response
    async def headers(request: Request, response: HTTPResponse) -> None:
        security.add_headers(request, response)

    @app.exception(SanicNotFound)
    async def missing(request: Request, _error: Exception) -> HTTPResponse:
        if not hasattr(request.ctx, "auth"):
            request.ctx.auth = None
        return not_found(request)

    @app.exception(Exception)
    async def failed(request: Request, error: Exception) -> HTTPResponse:
        """A Dutch page for every other error; the details go to the log, never to the browser."""
        if not hasattr(request.ctx, "auth"):
            request.ctx.auth = None
        status = getattr(error, "status_code", 500)
        if status >= 500:
            logger.error("Dashboard request %s %s failed", request.method, request.path,
                         exc_info=(type(error), error, error.__traceback__))
            return render(request, "error.html", 500, title="Er ging iets mis",
                          message="Er ging iets mis aan onze kant. Er is niets opgeslagen. Probeer het over een "
                                  "paar minuten opnieuw.")
        return render(request, "error.html", status, title="Dit lukte niet",
                      message="Dit verzoek kan de server niet verwerken. Ga terug en probeer het opnieuw.")

    @app.get("/health")
    async def health(_request: Request) -> HTTPResponse:
        return html("ok")

    from bot.dashboard import views_admin, views_auth, views_insights, views_mail, views_signals, views_tickets
    for module in (views_auth, views_tickets, views_admin, views_insights, views_mail, views_signals):
        app.blueprint(module.blueprint)
    _start_outbox(app, settings)
    return app


def _start_outbox(app: Sanic, settings: Settings) -> None:
    """Mail to coordinators and follow-ups to residents leave from here (bot/ops/outbox_worker.py)."""
    from bot.followup.delivery import delivery_for
    from bot.ops.outbox_worker import OutboxWorker, start_in

    worker = OutboxWorker(app.ctx.store, app.ctx.hours, settings, followups=delivery_for(app.ctx.store, settings))
    app.ctx.outbox = worker
    if worker.has_work:
        start_in(app, worker, settings.outbox_poll_seconds)
