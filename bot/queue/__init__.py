"""The durable callback queue: tickets for a meedenker to call a resident back (no Rasa imports).

Public API: `TicketStore` (bot/queue/store.py), `NewTicket` and `Ticket` (bot/queue/models.py).
"""
from bot.queue.crypto import InvalidSecretKeyError, QueueKeyError, WrongSecretKeyError
from bot.queue.models import STATUSES, AuditEntry, NewTicket, Ticket
from bot.queue.store import TicketStore
from bot.queue import staff  # noqa: F401  (registers the dashboard tables on the same MetaData)
from bot.queue import outbox  # noqa: F401  (the outbox table of issue 29, same MetaData)

__all__ = [
    "STATUSES",
    "AuditEntry",
    "InvalidSecretKeyError",
    "NewTicket",
    "QueueKeyError",
    "Ticket",
    "TicketStore",
    "WrongSecretKeyError",
]
