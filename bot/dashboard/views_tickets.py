"""The queue and the ticket page: filter, open, show contact details (audited), assign, change
status, export, and (admins) erase a resident's data."""
from __future__ import annotations

from datetime import date
from typing import Any

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse, raw

from bot.dashboard.app import back_to, not_found, render, requires
from bot.dashboard.csv_export import queue_csv
from bot.dashboard.labels import LANGUAGE_LABELS, WITH_INTERPRETER
from bot.dashboard.repository import AtCapacity, Conflict, Filters, Invalid, TicketView
from bot.errors import NotFound
from bot.queue.models import MEEDENKER_TYPES, STATUSES
from bot.understanding.werkmodel import DOELGROEPEN, LEEFGEBIEDEN, ROUTES

blueprint = Blueprint("tickets")
MESSAGES = {
    "status": "De status is gewijzigd.",
    "toegewezen": "De meedenker is toegewezen.",
    "gewist": "De gegevens van deze inwoner zijn gewist.",
}
CONFLICT = ("Iemand anders heeft dit ticket net gewijzigd. Uw wijziging is niet opgeslagen, zodat er niets "
            "verloren gaat. Open het ticket opnieuw, bekijk de nieuwe stand en doe uw wijziging dan nog eens.")


def _date(raw_value: str | None) -> date | None:
    try:
        return date.fromisoformat(raw_value) if raw_value else None
    except ValueError:
        return None


def parse_filters(request: Request) -> Filters:
    args = request.args
    status = args.get("status") or "open"
    return Filters(
        status=status if status in STATUSES or status in ("open", "alle") else "open",
        gemeente=(args.get("gemeente") or "")[:128],
        leefgebied=args.get("leefgebied") if args.get("leefgebied") in LEEFGEBIEDEN else "",
        doelgroep=args.get("doelgroep") if args.get("doelgroep") in DOELGROEPEN else "",
        route=args.get("route") if args.get("route") in ROUTES else "",
        type=args.get("type") if args.get("type") in MEEDENKER_TYPES else "",
        meedenker=(args.get("meedenker") or "")[:12],
        van=_date(args.get("van")),
        tot=_date(args.get("tot")),
        taal=args.get("taal") if args.get("taal") in (*LANGUAGE_LABELS, WITH_INTERPRETER) else "",
    )


async def _db(request: Request, function: Any, *args: Any, **kwargs: Any) -> Any:
    return await request.app.ctx.db.run(function, *args, **kwargs)


@blueprint.get("/tickets")
@requires()
async def queue(request: Request) -> HTTPResponse:
    repo, account = request.app.ctx.repo, request.ctx.auth.account
    filters = parse_filters(request)
    rows = await _db(request, repo.queue, account, filters)
    counts = await _db(request, repo.status_counts, account)
    meedenkers = await _db(request, repo.meedenkers)
    gemeenten = sorted(account.gemeenten) if not account.is_admin else sorted(
        {g for m, _ in meedenkers for g in m.gemeenten} | set(account.gemeenten) | {r.ticket.gemeente for r in rows
                                                                                    if r.ticket.gemeente})
    return render(request, "tickets.html", rows=rows, counts=counts, filters=filters, gemeenten=gemeenten,
                  meedenkers=[m for m, _ in meedenkers], export_query=filters.query_items())


@blueprint.get("/tickets.csv")
@requires()
async def export(request: Request) -> HTTPResponse:
    repo, account = request.app.ctx.repo, request.ctx.auth.account
    rows = await _db(request, repo.queue, account, parse_filters(request))
    await _db(request, repo.record, account.actor, "exported", f"{len(rows)} tickets, without contact details")
    body = queue_csv(rows, request.app.ctx.hours.timezone)
    return raw(body.encode("utf-8-sig"), content_type="text/csv; charset=utf-8",
               headers={"Content-Disposition": 'attachment; filename="wachtrij.csv"'})


async def _ticket_page(request: Request, ticket_id: str, status: int = 200, **extra: Any) -> HTTPResponse:
    app, account = request.app, request.ctx.auth.account
    try:
        view: TicketView = await _db(request, app.ctx.repo.ticket, account, ticket_id)
        transcript = await _db(request, app.ctx.repo.transcript, account, ticket_id,
                               app.ctx.settings.tracker_store_url)
    except NotFound:
        return not_found(request)
    return render(request, "ticket.html", status, view=view, ticket=view.row.ticket, transcript=transcript,
                  message=MESSAGES.get(request.args.get("bericht", "")), **extra)


@blueprint.get("/tickets/<ticket_id>")
@requires()
async def ticket(request: Request, ticket_id: str) -> HTTPResponse:
    return await _ticket_page(request, ticket_id)


@blueprint.post("/tickets/<ticket_id>/contact")
@requires()
async def contact(request: Request, ticket_id: str) -> HTTPResponse:
    try:
        details = await _db(request, request.app.ctx.repo.contact, request.ctx.auth.account, ticket_id)
    except NotFound:
        return not_found(request)
    return await _ticket_page(request, ticket_id, contact=details, contact_shown=True)


def _version(request: Request) -> int:
    try:
        return int(request.form.get("version") or "")
    except ValueError:
        return -1


def _conflict(request: Request, ticket_id: str) -> HTTPResponse:
    return render(request, "error.html", 409, title="Het ticket is intussen gewijzigd", message=CONFLICT,
                  link=f"/tickets/{ticket_id}", link_text="Open het ticket opnieuw")


@blueprint.post("/tickets/<ticket_id>/status")
@requires()
async def change_status(request: Request, ticket_id: str) -> HTTPResponse:
    form = request.form
    try:
        await _db(request, request.app.ctx.repo.change_status, request.ctx.auth.account, ticket_id,
                  _version(request), form.get("status") or "", form.get("note") or "")
    except NotFound:
        return not_found(request)
    except Conflict:
        return _conflict(request, ticket_id)
    except Invalid as error:
        return await _ticket_page(request, ticket_id, 400, error=str(error))
    return back_to(f"/tickets/{ticket_id}", bericht="status")


@blueprint.post("/tickets/<ticket_id>/toewijzen")
@requires()
async def assign(request: Request, ticket_id: str) -> HTTPResponse:
    form = request.form
    try:
        meedenker_id = int(form.get("meedenker") or "")
    except ValueError:
        return await _ticket_page(request, ticket_id, 400, error="Kies een meedenker uit de lijst.")
    try:
        await _db(request, request.app.ctx.repo.assign, request.ctx.auth.account, ticket_id, _version(request),
                  meedenker_id, form.get("bevestig") == "ja", form.get("note") or "")
    except NotFound:
        return not_found(request)
    except Conflict:
        return _conflict(request, ticket_id)
    except AtCapacity as full:
        return await _ticket_page(request, ticket_id, 422, capacity=str(full), capacity_id=meedenker_id,
                                  capacity_note=form.get("note") or "")
    except Invalid as error:
        return await _ticket_page(request, ticket_id, 400, error=str(error))
    return back_to(f"/tickets/{ticket_id}", bericht="toegewezen")


@blueprint.post("/tickets/<ticket_id>/wissen")
@requires(admin=True)
async def erase(request: Request, ticket_id: str) -> HTTPResponse:
    if request.form.get("bevestig") != "ja":
        return await _ticket_page(request, ticket_id, 400,
                                  error="Vink aan dat u alle gegevens van deze inwoner wilt wissen.")
    try:
        count = await _db(request, request.app.ctx.repo.erase, request.ctx.auth.account, ticket_id,
                          request.app.ctx.settings.tracker_store_url)
    except NotFound:
        return not_found(request)
    return render(request, "error.html", 200, title="Gegevens gewist",
                  message=f"De gegevens van deze inwoner zijn gewist: {count} ticket(s) en het gesprek.",
                  link="/tickets", link_text="Terug naar de wachtrij")
