"""The follow-up question to residents on Telegram and WhatsApp after their ticket is closed (issue 29).

- `consent.py`: right after the callback ticket, the assistant asks whether it may send one
  question later; the channel hands the chat id or WhatsApp number sealed (never in plain text).
- `records.py`: consent, the question queued when the ticket is closed, the answer on the ticket.
- `delivery.py`: the outbox worker sends the question (a WhatsApp template outside the 24 hours).
- `texts.py`: its words and buttons, from domain.yml like every bot text.
The website widget is never asked: its conversation ends with the tab.
"""
