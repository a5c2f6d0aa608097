"""`/signalen`: crisis signals for admins, with counts and the masked conversation (issue 29)."""
from __future__ import annotations

from datetime import date, timedelta

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.dashboard.app import not_found, render, requires
from bot.errors import NotFound
from bot.queue.models import utcnow
from bot.understanding.werkmodel import ROUTES

blueprint = Blueprint("signals")
DEFAULT_DAYS = 7


def _day(raw: str | None, default: date) -> date:
    try:
        return date.fromisoformat(raw) if raw else default
    except ValueError:
        return default


@blueprint.get("/signalen")
@requires(admin=True)
async def listing(request: Request) -> HTTPResponse:
    today = request.app.ctx.hours.today(utcnow())
    tot = _day(request.args.get("tot"), today)
    van = _day(request.args.get("van"), tot - timedelta(days=DEFAULT_DAYS - 1))
    if van > tot:
        van = tot
    route = request.args.get("route") if request.args.get("route") in ROUTES else ""
    rows, counts = await request.app.ctx.db.run(request.app.ctx.signals.listing, van, tot, route)
    return render(request, "signalen.html", rows=rows, counts=counts, van=van, tot=tot, route=route,
                  routes=[r for r in ROUTES if r.startswith("crisis")])


@blueprint.get("/signalen/<signal_id>")
@requires(admin=True)
async def signal(request: Request, signal_id: str) -> HTTPResponse:
    try:
        view = await request.app.ctx.db.run(request.app.ctx.signals.view, signal_id,
                                            request.app.ctx.settings.tracker_store_url)
    except NotFound:
        return not_found(request)
    return render(request, "signaal.html", view=view, signal=view.signal)
