"""The follow-up question to residents on Telegram and WhatsApp after their ticket is closed (issue 29)."""
