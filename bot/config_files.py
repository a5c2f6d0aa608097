"""Reading the project's YAML configuration files with errors that name the file.

Helplines, office hours and the municipality list are edited by hand by municipal operators; a
mistake must stop the start with the file and what is wrong, each loader raising its own error.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml


def read_mapping(path: Path, error: type[Exception]) -> dict[str, Any]:
    """The file's top-level mapping, or `error` naming the file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as problem:
        raise error(f"{path}: cannot be read: {problem}") from problem
    if not isinstance(data, dict):
        raise error(f"{path}: expected a mapping at the top (key: value lines)")
    return data


def read_list(path: Path, error: type[Exception]) -> list[Any]:
    """The file's top-level list (evaluation files), or `error` naming the file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as problem:
        raise error(f"{path}: cannot be read: {problem}") from problem
    if not isinstance(data, list):
        raise error(f"{path}: expected a list at the top (- item lines)")
    return data


def read_date(data: dict[str, Any], key: str, path: Path, error: type[Exception]) -> date:
    """An ISO date field such as `checked: "2026-11-01"`, or `error` naming the file and field."""
    try:
        return date.fromisoformat(str(data.get(key)))
    except ValueError as problem:
        raise error(f"{path}: '{key}' must be a date like 2026-11-01") from problem
