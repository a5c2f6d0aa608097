"""The follow-up question as the Telegram Bot API and WhatsApp's Graph API want it: pure functions."""
from __future__ import annotations

from typing import Any

from bot.followup.records import answer_payload
from bot.followup.texts import Question


def telegram_message(chat_id: str, ticket_id: str, question: Question) -> dict[str, Any]:
    """sendMessage with one inline button per answer (callback data carries ticket and answer)."""
    return {"chat_id": int(chat_id) if chat_id.lstrip("-").isdigit() else chat_id,
            "text": question.for_ticket(ticket_id),
            "reply_markup": {"inline_keyboard": [[{"text": title, "callback_data": answer_payload(ticket_id, answer)}]
                                                 for answer, title in question.buttons]}}


def whatsapp_buttons(wa_id: str, ticket_id: str, question: Question) -> dict[str, Any]:
    """A free-form interactive message with three reply buttons: only within 24 hours of the
    resident's last message."""
    return {"messaging_product": "whatsapp", "recipient_type": "individual", "to": wa_id, "type": "interactive",
            "interactive": {"type": "button", "body": {"text": question.for_ticket(ticket_id)},
                            "action": {"buttons": [{"type": "reply", "reply": {
                                "id": answer_payload(ticket_id, answer), "title": title[:20]}}
                                for answer, title in question.buttons]}}}


def whatsapp_template(wa_id: str, ticket_id: str, question: Question, name: str, language: str) -> dict[str, Any]:
    """The approved template (body parameter {{1}}: the reference; three quick-reply buttons in the
    order of the question's answers), for outside the 24-hour window."""
    return {"messaging_product": "whatsapp", "recipient_type": "individual", "to": wa_id, "type": "template",
            "template": {"name": name, "language": {"code": language}, "components": [
                {"type": "body", "parameters": [{"type": "text", "text": ticket_id}]},
                *({"type": "button", "sub_type": "quick_reply", "index": str(i),
                   "parameters": [{"type": "payload", "payload": answer_payload(ticket_id, answer)}]}
                  for i, (answer, _title) in enumerate(question.buttons))]}}
