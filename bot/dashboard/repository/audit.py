"""The audit log: read the latest entries, and record an action that is no ticket's.
"""
from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any, Callable

import sqlalchemy as sa

from bot.queue.models import AuditEntry
from bot.dashboard.repository.common import off_loop, _audit


class Audit:
    """The audit log: read the latest entries, and record an action that is no ticket's."""

    _sessions: Any
    clock: Callable[[], datetime]

    # --- audit --------------------------------------------------------------------------------

    @off_loop
    def audit(self, limit: int = 500) -> builtins.list[AuditEntry]:
        with self._sessions() as session:
            return builtins.list(session.execute(
                sa.select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)).scalars())

    @off_loop
    def record(self, actor: str, action: str, detail: str | None = None) -> None:
        with self._sessions.begin() as session:
            session.add(_audit(actor, action, detail, self.clock()))
