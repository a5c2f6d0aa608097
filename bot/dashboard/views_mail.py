"""`/account/meldingen`: each account chooses which e-mails it gets (issue 29)."""
from __future__ import annotations

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.dashboard.app import back_to, render, requires
from bot.mail.kinds import KIND_LABELS, MAIL_KINDS

blueprint = Blueprint("mail")
SAVED = "Uw keuze is opgeslagen."


@blueprint.get("/account/meldingen")
@requires()
async def page(request: Request) -> HTTPResponse:
    account = request.ctx.auth.account
    chosen = await request.app.ctx.db.run(request.app.ctx.repo.mail_kinds, account.id)
    mail = request.app.ctx.settings.mail
    return render(request, "meldingen.html", kinds=[(k, KIND_LABELS[k], k in chosen) for k in MAIL_KINDS],
                  mail_on=mail is not None, message=SAVED if request.args.get("bericht") == "opgeslagen" else None)


@blueprint.post("/account/meldingen")
@requires()
async def save(request: Request) -> HTTPResponse:
    account = request.ctx.auth.account
    await request.app.ctx.db.run(request.app.ctx.repo.set_mail_kinds, account.id,
                                 request.form.getlist("soort") or [], account.actor)
    return back_to("/account/meldingen", bericht="opgeslagen")
