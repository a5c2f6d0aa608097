"""`python -m bot users add`: the first admin (and any account) from a terminal."""
from __future__ import annotations

import argparse
from typing import TextIO

from bot.dashboard.admin_forms import parse_gemeenten
from bot.dashboard.passwords import WeakPassword
from bot.dashboard.repository import Invalid, Repository
from bot.municipality.office_hours import load_office_hours
from bot.queue.store import TicketStore
from bot.ops.settings import Settings


def add_user(store: TicketStore, settings: Settings, args: argparse.Namespace, stdin: TextIO, out: TextIO) -> None:
    from bot.ops.cli import EXIT_USAGE, CliError
    password = stdin.readline().rstrip("\r\n")
    try:
        gemeenten = parse_gemeenten(",".join(args.gemeente))
        account = Repository(store, load_office_hours(settings.office_hours_file)).add_user(
            args.email, args.role, gemeenten, password, args.actor)
    except (Invalid, WeakPassword) as error:
        raise CliError(str(error), EXIT_USAGE) from error
    where = f" for {', '.join(account.gemeenten)}" if account.gemeenten else ""
    out.write(f"Account {account.email} ({account.role}){where} created.\n")
