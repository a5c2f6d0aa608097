"""The bench's replica step: two assistants behind HAProxy on their own PostgreSQL and Redis.

Why apart: on a machine without HAProxy, PostgreSQL or Redis the step is left out and every other
step of `make bench` is still measured; `REPLICA_HOWTO` says how to add it.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from addons.cluster import Cluster, ClusterError

REPLICA_HOWTO = ("To add the replica step: install HAProxy, PostgreSQL and Redis "
                 "(Debian: apt-get install haproxy postgresql redis-server) and run make bench again.")


def replica_step_missing() -> str | None:
    """Why the replica step cannot run on this machine, or None; checked before anything starts,
    so a fresh machine without HAProxy still gets every other figure."""
    if shutil.which("haproxy") is None:
        return "haproxy is not installed"
    if not shutil.which("redis-server"):
        return "redis-server is not installed"
    from addons.services import ServiceError, _postgres_bin

    try:
        _postgres_bin("initdb")
    except ServiceError as error:
        return str(error)
    return None


def start_replicas(env: dict[str, str], work: Path, model: Path,
                   services: list[Any]) -> tuple[Cluster | None, str | None]:
    """Two replicas behind HAProxy on their own PostgreSQL and Redis (appended to `services`),
    or None and the reason when that is not possible here."""
    from addons.services import OwnPostgres, OwnRedis, ServiceError

    missing = replica_step_missing()
    if missing is not None:
        return None, missing
    try:
        services.append(OwnPostgres().start())
        services.append(OwnRedis(work / "redis").start())
        return Cluster(dict(env, DATABASE_URL=services[0].url, REDIS_URL=services[1].url), 2, work, model).launch(), None
    except (ServiceError, ClusterError) as error:
        return None, str(error)
