"""The meedenkers directory, accounts and the audit log. Changing them is for admins."""
from __future__ import annotations

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.dashboard.app import back_to, not_found, render, requires
from bot.dashboard.passwords import WeakPassword
from bot.dashboard.repository import Invalid
from bot.errors import NotFound
from bot.dashboard.admin_forms import parse_gemeenten

blueprint = Blueprint("admin")
MESSAGES = {"opgeslagen": "De wijziging is opgeslagen.", "account": "Het account is aangemaakt."}


async def _meedenkers_page(request: Request, status: int = 200, error: str | None = None) -> HTTPResponse:
    rows = await request.app.ctx.db.run(request.app.ctx.repo.meedenkers)
    wanted = request.args.get("bewerk", "")
    editing = next((m for m, _ in rows if str(m.id) == wanted), None)
    return render(request, "meedenkers.html", status, rows=rows, error=error, editing=editing,
                  message=MESSAGES.get(request.args.get("bericht", "")))


@blueprint.get("/meedenkers")
@requires()
async def meedenkers(request: Request) -> HTTPResponse:
    return await _meedenkers_page(request)


@blueprint.post("/meedenkers")
@requires(admin=True)
async def save_meedenker(request: Request) -> HTTPResponse:
    form = request.form
    try:
        max_open = int(form.get("max_open") or "")
        meedenker_id = int(form.get("id")) if (form.get("id") or "").isdigit() else None
    except ValueError:
        return await _meedenkers_page(request, 400, "Vul bij maximum open tickets een getal in.")
    try:
        await request.app.ctx.db.run(
            request.app.ctx.repo.save_meedenker, request.ctx.auth.account.actor, name=form.get("name") or "",
            type=form.get("type") or "", leefgebieden=form.getlist("leefgebieden") or [],
            doelgroepen=form.getlist("doelgroepen") or [], gemeenten=parse_gemeenten(form.get("gemeenten") or ""),
            max_open=max_open, meedenker_id=meedenker_id, active=form.get("active", "ja") == "ja")
    except NotFound:
        return not_found(request)
    except Invalid as error:
        return await _meedenkers_page(request, 400, str(error))
    return back_to("/meedenkers", bericht="opgeslagen")


async def _users_page(request: Request, status: int = 200, error: str | None = None) -> HTTPResponse:
    users = await request.app.ctx.db.run(request.app.ctx.repo.users)
    return render(request, "users.html", status, users=users, error=error,
                  message=MESSAGES.get(request.args.get("bericht", "")))


@blueprint.get("/gebruikers")
@requires(admin=True)
async def users(request: Request) -> HTTPResponse:
    return await _users_page(request)


@blueprint.post("/gebruikers")
@requires(admin=True)
async def add_user(request: Request) -> HTTPResponse:
    form = request.form
    try:
        await request.app.ctx.db.run(
            request.app.ctx.repo.add_user, form.get("email") or "", form.get("role") or "",
            parse_gemeenten(form.get("gemeenten") or ""), form.get("password") or "", request.ctx.auth.account.actor)
    except (Invalid, WeakPassword) as error:
        return await _users_page(request, 400, str(error))
    return back_to("/gebruikers", bericht="account")


@blueprint.post("/gebruikers/<user_id:int>")
@requires(admin=True)
async def update_user(request: Request, user_id: int) -> HTTPResponse:
    form = request.form
    try:
        await request.app.ctx.db.run(
            request.app.ctx.repo.update_user, user_id, gemeenten=parse_gemeenten(form.get("gemeenten") or ""),
            active=form.get("active") == "ja", actor=request.ctx.auth.account.actor)
    except NotFound:
        return not_found(request)
    except Invalid as error:
        return await _users_page(request, 400, str(error))
    return back_to("/gebruikers", bericht="opgeslagen")


@blueprint.get("/audit")
@requires(admin=True)
async def audit(request: Request) -> HTTPResponse:
    entries = await request.app.ctx.db.run(request.app.ctx.repo.audit)
    return render(request, "audit.html", entries=entries)


async def _gemeenten_page(request: Request, status: int = 200, error: str | None = None) -> HTTPResponse:
    rows = await request.app.ctx.db.run(request.app.ctx.repo.gemeenten_overview)
    users = await request.app.ctx.db.run(request.app.ctx.repo.users)
    return render(request, "gemeenten.html", status, rows=rows, error=error,
                  coordinators=[u.email for u in users if u.role == "coordinator" and u.active],
                  message=MESSAGES.get(request.args.get("bericht", "")))


@blueprint.get("/gemeenten")
@requires(admin=True)
async def gemeenten(request: Request) -> HTTPResponse:
    return await _gemeenten_page(request)


@blueprint.post("/gemeenten")
@requires(admin=True)
async def cover_gemeente(request: Request) -> HTTPResponse:
    try:
        names = parse_gemeenten(request.form.get("gemeente") or "")
        if len(names) != 1:
            raise Invalid("Vul één gemeente in.")
        await request.app.ctx.db.run(request.app.ctx.repo.add_coordinator_to_gemeente,
                                     request.form.get("email") or "", names[0], request.ctx.auth.account.actor)
    except Invalid as error:
        return await _gemeenten_page(request, 400, str(error))
    return back_to("/gemeenten", bericht="opgeslagen")
