"""Sending mail over SMTP: STARTTLS for smtp://, TLS from the start for smtps://, always verified.

One `SmtpConnection` per round of the outbox, opened on the first mail, so a round with nothing
to send does not touch the mail server. A refused recipient or another 5xx answer is permanent
(no retry); a connection error or a 4xx answer is temporary (the outbox tries again later).
"""
from __future__ import annotations

import smtplib
import ssl
import uuid
from email.message import EmailMessage
from email.utils import formatdate, parseaddr
from types import TracebackType

from bot.errors import DeliveryError
from bot.mail.compose import Mail
from bot.mail.settings import MailSettings

TIMEOUT_SECONDS = 20


class PermanentMailError(DeliveryError, RuntimeError):
    """The server refused this mail for good (unknown recipient, rejected content)."""


def tls_context(settings: MailSettings) -> ssl.SSLContext:
    """The system's trusted CAs, or MEEDENKER_SMTP_CA_FILE's; host names are always checked."""
    return ssl.create_default_context(cafile=str(settings.ca_file) if settings.ca_file else None)


def build_message(settings: MailSettings, recipient: str, mail: Mail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = recipient
    message["Subject"] = mail.subject
    message["Date"] = formatdate(localtime=False)
    domain = parseaddr(settings.sender)[1].rpartition("@")[2] or "meedenker.invalid"
    message["Message-ID"] = f"<{uuid.uuid4().hex}@{domain}>"
    message["Auto-Submitted"] = "auto-generated"  # no out-of-office replies to a robot
    message.set_content(mail.text)
    message.add_alternative(mail.html, subtype="html")
    return message


class SmtpConnection:
    """A lazily opened SMTP session; use as a context manager around one round of sending."""

    def __init__(self, settings: MailSettings) -> None:
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    def _open(self) -> smtplib.SMTP:
        settings = self.settings
        context = tls_context(settings)
        if settings.implicit_tls:
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=TIMEOUT_SECONDS,
                                                  context=context)
        else:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS)
            smtp.ehlo()
            if not smtp.has_extn("starttls"):
                smtp.close()
                raise smtplib.SMTPNotSupportedError("the mail server offers no STARTTLS")
            smtp.starttls(context=context)
            smtp.ehlo()
        if settings.username:
            smtp.login(settings.username, settings.password or "")
        return smtp

    def send(self, recipient: str, mail: Mail) -> None:
        """Send one mail; raises PermanentMailError or another exception (temporary)."""
        if self._smtp is None:
            self._smtp = self._open()
        try:
            self._smtp.send_message(build_message(self.settings, recipient, mail))
        except smtplib.SMTPRecipientsRefused as error:
            raise PermanentMailError("recipient refused") from error
        except smtplib.SMTPResponseException as error:
            if 500 <= error.smtp_code < 600:
                raise PermanentMailError(f"refused with {error.smtp_code}") from error
            self._drop()
            raise
        except (smtplib.SMTPException, OSError):
            self._drop()  # the next mail opens a new connection
            raise

    def _drop(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.close()
            finally:
                self._smtp = None

    def __enter__(self) -> "SmtpConnection":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._smtp.close()
            self._smtp = None
