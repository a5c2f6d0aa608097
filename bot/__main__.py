"""`python -m bot ...`: the queue CLI (see bot/cli.py)."""
from bot.cli import main

raise SystemExit(main())
