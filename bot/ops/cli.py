"""`python -m bot`: the callback queue for coordinators and operators, from a terminal.

Why a CLI before a dashboard: erasure requests and retention must be possible on day one, by an
operator with only shell access. Contact details are shown only with --contact, and that look is
recorded in the audit trail like any other.
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import datetime
from typing import Any, Sequence, TextIO

from sqlalchemy.exc import SQLAlchemyError

from bot.errors import MeedenkerError, NotFound
from bot.queue.crypto import InvalidSecretKeyError, QueueKeyError
from bot.queue.models import STATUSES, Ticket
from bot.queue.store import TicketStore
from bot.ops.secrets import SECRET_NAMES, read_env_file
from bot.ops.sender_ids import MESSAGING_CHANNELS, conversation_id, platform_id
from bot.ops.settings import PROJECT_ROOT, Settings, SettingsError, get_settings

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
LIST_COLUMNS = ("id", "created", "gemeente", "route", "urgency", "type", "status")


class CliError(MeedenkerError):
    """A failure to report in one line, with its exit code."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


def _default_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Manage the Meedenker callback queue: tickets, erasure requests and retention; "
                    "register the Telegram webhook.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    actor = argparse.ArgumentParser(add_help=False)
    actor.add_argument("--actor", default=_default_actor(),
                       help="who is doing this, for the audit trail (default: %(default)s)")

    tickets = commands.add_parser("tickets", help="list, show and update tickets")
    ticket_commands = tickets.add_subparsers(dest="tickets_command", metavar="ACTION", required=True)
    listing = ticket_commands.add_parser("list", help="tickets, newest first")
    listing.add_argument("--status", choices=STATUSES, help="only tickets with this status")
    listing.add_argument("--limit", type=int, default=100, help="at most this many (default: %(default)s)")
    show = ticket_commands.add_parser("show", parents=[actor], help="every field of one ticket")
    show.add_argument("id", help="ticket reference, e.g. MD-4K7P2Q")
    show.add_argument("--contact", action="store_true",
                      help="also decrypt and show the contact details (recorded in the audit trail)")
    status = ticket_commands.add_parser("status", parents=[actor], help="change the status of a ticket")
    status.add_argument("id", help="ticket reference, e.g. MD-4K7P2Q")
    status.add_argument("status", choices=STATUSES, help="the new status")

    erase = commands.add_parser(
        "erase", parents=[actor],
        help="erase a resident's tickets and conversation (a request under the AVG)",
        description="Erase tickets and the Rasa conversation events of one resident. "
                    "Give --sender with --channel, or --ticket.")
    which = erase.add_mutually_exclusive_group(required=True)
    which.add_argument("--sender", metavar="ID", help="the resident's sender id on the channel")
    which.add_argument("--ticket", metavar="ID", help="a ticket reference; its conversation is erased too")
    which.add_argument("--platform-id", metavar="ID",
                       help="the resident's WhatsApp number or Telegram chat id (with --channel whatsapp|telegram)")
    erase.add_argument("--channel", metavar="C", help="the channel of --sender (e.g. rest, telegram)")
    erase.set_defaults(usage_error=erase.error)

    commands.add_parser("retention", parents=[actor],
                        help="anonymise tickets and delete conversation events older than RETENTION_DAYS")
    commands.add_parser("migrate", help="create or upgrade the queue's database tables")

    telegram = commands.add_parser("telegram", help="the Telegram channel's webhook")
    telegram_commands = telegram.add_subparsers(dest="telegram_command", metavar="ACTION", required=True)
    webhook = telegram_commands.add_parser(
        "set-webhook", help="register URL (the assistant's public https address) with the secret")
    webhook.add_argument("url", help="e.g. https://assistent.gemeente.nl (the webhook path is added)")

    users = commands.add_parser("users", help="accounts of the coordinators' dashboard")
    user_commands = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add_user = user_commands.add_parser("add", parents=[actor], help="create a dashboard account")
    add_user.add_argument("email", help="the person's e-mail address (their sign-in name)")
    add_user.add_argument("--role", choices=("admin", "coordinator"), required=True)
    add_user.add_argument("--gemeente", action="append", default=[], metavar="NAME",
                          help="a gemeente the coordinator works for (repeat for more)")
    add_user.add_argument("--password-stdin", action="store_true", required=True,
                          help="read the password from standard input (never from the command line)")
    return parser


def _load_dev_secrets() -> None:
    """Like `make run`: secrets missing from the environment come from var/secrets.env, if it exists.
    Never created here: a fresh key could not decrypt the tickets already queued."""
    path = PROJECT_ROOT / "var" / "secrets.env"
    if path.is_file():
        for name, value in read_env_file(path).items():
            if name in SECRET_NAMES:
                os.environ.setdefault(name, value)


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "-"


def _table(rows: Sequence[Sequence[str]], out: TextIO) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() + "\n")


def _labels(labels: list[dict[str, Any]]) -> str:
    if not labels:
        return "-"
    parts = []
    for label in labels:
        evidence = f": {', '.join(label['evidence'])}" if label.get("evidence") else ""
        parts.append(f"{label['id']} ({label['confidence']:.2f}{evidence})")
    return "; ".join(parts)


def _show(ticket: Ticket, contact: dict[str, Any] | None, with_contact: bool, out: TextIO) -> None:
    fields = ticket.as_dict()
    lines = [
        ("Ticket", fields["id"]),
        ("Created", _when(fields["created_at"])),
        ("Status", fields["status"]),
        ("Channel", fields["channel"]),
        ("Gemeente", fields["gemeente"] or "-"),
        ("Route", fields["route"]),
        ("Urgency", fields["urgency"]),
        ("Meedenker type", fields["meedenker_type"]),
        ("Preference", fields["preference"] or "-"),
        ("Leefgebieden", _labels(fields["leefgebieden"])),
        ("Doelgroepen", _labels(fields["doelgroepen"])),
        ("Opschaal reasons", "; ".join(fields["opschaal_reasons"]) or "-"),
        ("Organisations", "; ".join(
            f"{org['name']} ({org['id']})" + (f": {', '.join(org['reasons'])}" if org["reasons"] else "")
            for org in fields["organisations"]) or "-"),
        ("Preferred moment", fields["preferred_moment"] or "-"),
        ("Summary", fields["summary"] if fields["summary"] is not None else "-"),
        ("Anonymised", _when(fields["anonymised_at"])),
    ]
    if with_contact:
        if contact is None:
            lines.append(("Contact", "none stored"))
        else:
            lines += [("Contact name", contact.get("name") or "-"),
                      ("Contact phone", contact.get("phone") or "-"),
                      ("Contact e-mail", contact.get("email") or "-")]
    else:
        lines.append(("Contact", "stored (use --contact; this is audited)" if fields["has_contact"]
                      else "none stored"))
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        out.write(f"{label + ':':<{width + 1}} {value}\n")


def _store(settings: Settings, migrating: bool = False) -> TicketStore:
    try:
        store = TicketStore.from_settings(settings)
    except InvalidSecretKeyError as error:
        raise CliError(str(error), EXIT_USAGE) from error
    if not migrating and not store.schema_is_current():
        store.close()
        raise CliError("The queue database is not up to date: run 'python -m bot migrate' first.")
    return store


def run(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    store = _store(settings, migrating=args.command == "migrate")
    try:
        if args.command == "migrate":
            store.migrate()
            out.write("The queue database is up to date.\n")
        elif args.command == "tickets" and args.tickets_command == "list":
            try:
                listed = store.list(status=args.status, limit=args.limit)
            except ValueError as error:
                raise CliError(str(error), EXIT_USAGE) from error
            if not listed:
                out.write("No tickets.\n")
            else:
                _table([LIST_COLUMNS] + [
                    (t.id, _when(t.created_at), t.gemeente or "-", t.route, t.urgency, t.meedenker_type, t.status)
                    for t in listed], out)
        elif args.command == "tickets" and args.tickets_command == "show":
            ticket = store.get(args.id)
            if ticket is None:
                raise NotFound(f"No ticket {args.id}")
            contact = store.contact(ticket.id, args.actor) if args.contact else None
            _show(ticket, contact, args.contact, out)
        elif args.command == "tickets" and args.tickets_command == "status":
            ticket = store.set_status(args.id, args.status, args.actor)
            out.write(f"{ticket.id} is now {ticket.status}.\n")
        elif args.command == "erase":
            tracker_url = settings.tracker_store_url
            if args.sender is not None:
                tickets = store.erase_sender(args.channel, args.sender, actor=args.actor)
                events = store.erase_tracker_events(tracker_url, args.sender, actor=args.actor)
            else:  # the resident behind the ticket: all their tickets and the conversation (issue 28)
                tickets, events = store.erase_resident(args.ticket, tracker_url, actor=args.actor)
            out.write(f"Erased {tickets} ticket(s) and {events} conversation event(s).\n")
        elif args.command == "users":
            from bot.dashboard.accounts_cli import add_user
            add_user(store, settings, args, sys.stdin, out)
        elif args.command == "retention":
            days = settings.retention_days
            tickets = store.anonymise_older_than(days, actor=args.actor)
            events = store.delete_tracker_events_older_than(settings.tracker_store_url, days, actor=args.actor)
            out.write(f"Retention of {days} days: anonymised {tickets} ticket(s), "
                      f"deleted {events} conversation event(s).\n")
        return EXIT_OK
    finally:
        store.close()


def _telegram(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    from bot.ops.telegram_admin import TelegramAdminError, set_webhook

    try:
        url = set_webhook(settings.telegram, args.url)
    except TelegramAdminError as error:
        err.write(f"{error}\n")
        return EXIT_FAILED
    out.write(f"Telegram delivers updates to {url} with the webhook secret.\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)  # exits with 2 and a usage message on bad usage
    if args.command == "erase":
        if args.sender is not None and not args.channel:
            args.usage_error("--sender needs --channel (the same id on two channels is not the same person)")
        if args.ticket is not None and args.channel:
            args.usage_error("--ticket takes no --channel")
        if args.platform_id is not None and args.channel not in MESSAGING_CHANNELS:
            args.usage_error("--platform-id needs --channel whatsapp or --channel telegram")
    _load_dev_secrets()
    try:
        settings = get_settings()
    except SettingsError as error:
        err.write(f"{error}\n")
        return EXIT_USAGE
    if args.command == "telegram":
        return _telegram(args, settings, out, err)
    if args.command == "erase" and args.platform_id is not None:
        try:  # the conversation id is a keyed hash of the number (bot/ops/sender_ids.py)
            args.sender = conversation_id(args.channel, platform_id(args.channel, args.platform_id),
                                          settings.secret_key)
        except ValueError as error:
            err.write(f"{error}\n")
            return EXIT_USAGE
    try:
        return run(args, settings, out)
    except CliError as error:
        err.write(f"{error}\n")
        return error.code
    except NotFound as error:
        err.write(f"{error}.\n")
        return EXIT_FAILED
    except (QueueKeyError, ValueError) as error:
        err.write(f"{error}\n")
        return EXIT_FAILED
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        err.write(f"The queue database failed: {reason}\n")
        return EXIT_FAILED
