"""Reading the project's YAML configuration files with errors that name the file.

Helplines, office hours and the municipality list are edited by hand by municipal operators; a
mistake must stop the start with the file and what is wrong, each loader raising its own error.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml


def _read(path: Path, error: type[Exception], kind: type, expected: str) -> Any:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as problem:
        raise error(f"{path}: cannot be read: {problem}") from problem
    if not isinstance(data, kind):
        raise error(f"{path}: expected {expected}")
    return data


def read_mapping(path: Path, error: type[Exception]) -> dict[str, Any]:
    """The file's top-level mapping, or `error` naming the file."""
    return _read(path, error, dict, "a mapping at the top (key: value lines)")


def read_list(path: Path, error: type[Exception]) -> list[Any]:
    """The file's top-level list (evaluation files), or `error` naming the file."""
    return _read(path, error, list, "a list at the top (- item lines)")


def read_date(data: dict[str, Any], key: str, path: Path, error: type[Exception]) -> date:
    """An ISO date field such as `checked: "2026-11-01"`, or `error` naming the file and field."""
    try:
        return date.fromisoformat(str(data.get(key)))
    except ValueError as problem:
        raise error(f"{path}: '{key}' must be a date like 2026-11-01") from problem
