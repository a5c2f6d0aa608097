"""`/insights`: what residents need, for a period and a gemeente, as a printable figure.

The figures themselves come from bot/dashboard/insights.py (build_insights, render_svg/png/pdf,
summary_rows); this module chooses the tickets (only the coordinator's gemeenten) and serves them.
The SVG is shown through <img>, so the page keeps its strict Content-Security-Policy.
"""
from __future__ import annotations

import importlib
import re
from datetime import date, timedelta
from types import ModuleType
from urllib.parse import urlencode

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse, raw

from bot.dashboard import security
from bot.dashboard.app import not_found, render, requires
from bot.dashboard.facts import ticket_facts
from bot.queue.models import utcnow

blueprint = Blueprint("insights")
DEFAULT_DAYS = 84
MAX_DAYS = 3 * 366
FORMATS = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf"}


def _figures() -> ModuleType | None:
    try:
        return importlib.import_module("bot.dashboard.insights")
    except ModuleNotFoundError as error:
        if error.name != "bot.dashboard.insights":
            raise
        return None


def _period(request: Request) -> tuple[date, date, str | None]:
    today = request.app.ctx.hours.today(utcnow())
    try:
        end = date.fromisoformat(request.args.get("tot") or today.isoformat())
        start = date.fromisoformat(request.args.get("van") or (end - timedelta(days=DEFAULT_DAYS)).isoformat())
    except ValueError:
        return today - timedelta(days=DEFAULT_DAYS), today, "Vul de datums in als jjjj-mm-dd."
    if start > end or (end - start).days > MAX_DAYS:
        return today - timedelta(days=DEFAULT_DAYS), today, "Kies een periode van hoogstens drie jaar, van vóór tot."
    return start, end, None


async def _insights(request: Request):
    account = request.ctx.auth.account
    gemeente = (request.args.get("gemeente") or "")[:128]
    if gemeente and not account.is_admin and gemeente not in account.gemeenten:
        return None
    start, end, error = _period(request)
    figures = _figures()
    if figures is None:
        return gemeente, start, end, error, None, None
    rows = await request.app.ctx.db.run(request.app.ctx.repo.tickets_for_facts, account, gemeente, start, end)
    insights = figures.build_insights(ticket_facts(rows, figures.TicketFacts), start, end, gemeente=gemeente or None)
    return gemeente, start, end, error, figures, insights


@blueprint.get("/insights")
@requires()
async def page(request: Request) -> HTTPResponse:
    found = await _insights(request)
    if found is None:
        return not_found(request)
    gemeente, start, end, error, figures, insights = found
    query = urlencode({"van": start.isoformat(), "tot": end.isoformat(), "gemeente": gemeente})
    account = request.ctx.auth.account
    gemeenten = sorted(account.gemeenten)
    if account.is_admin:
        from bot.municipality.gemeenten import all_gemeenten
        gemeenten = list(all_gemeenten())
    return render(request, "insights.html", error=error, gemeente=gemeente, start=start, end=end, query=query,
                  gemeenten=gemeenten, available=figures is not None,
                  rows=figures.summary_rows(insights) if figures else [])


@blueprint.get("/insights/<filename>")
@requires()
async def figure(request: Request, filename: str) -> HTTPResponse:
    stem, _, fmt = filename.partition(".")
    if stem != "figuur" or fmt not in FORMATS:
        return not_found(request)
    found = await _insights(request)
    if found is None or found[4] is None:
        return not_found(request)
    gemeente, start, end, _error, figures, insights = found
    render_figure = {"svg": figures.render_svg, "png": figures.render_png, "pdf": figures.render_pdf}[fmt]
    body = await request.app.ctx.db.run(render_figure, insights)
    if isinstance(body, str):
        body = body.encode("utf-8")
    place = re.sub(r"[^A-Za-z0-9]+", "-", gemeente).strip("-") or "alle"
    name = f"inzicht-{place}-{start.isoformat()}-{end.isoformat()}.{fmt}"
    headers = {"Content-Security-Policy": security.SVG_CSP}
    if fmt != "svg" or request.args.get("download") == "1":
        headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return raw(body, content_type=FORMATS[fmt], headers=headers)
