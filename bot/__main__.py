"""`python -m bot ...`: the queue CLI (see bot/ops/cli.py)."""
from bot.ops.cli import main

raise SystemExit(main())
