"""E-mail to coordinators (issue 29): what is sent to whom, how it is written, and how it leaves.

- `settings.py`: MEEDENKER_SMTP_URL and friends; mail is off when the URL is unset.
- `kinds.py`: the three kinds of mail an account can choose.
- `compose.py`: subject and body from a ticket's non-personal fields only.
- `planner.py`: which mails are due now (new tickets, tickets near their due time, the digest).
- `smtp.py`: one SMTP connection per round, STARTTLS or implicit TLS.
Delivery goes through the outbox (bot/queue/outbox.py, bot/ops/outbox_worker.py), never from a turn.
"""
