"""A real SMTP server on loopback for the mail tests (aiosmtpd), with TLS and a password.

It speaks STARTTLS on smtp:// and TLS from the first byte on smtps://, with a certificate made for
127.0.0.1 by `make_certificate`; the assistant trusts it through MEEDENKER_SMTP_CA_FILE, exactly
as a municipality with a private CA would. Every message it accepts is kept, parsed.
"""
from __future__ import annotations

import datetime
import email
import email.policy
import ipaddress
import ssl
import threading
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from addons.ports import free_port

USER, PASSWORD = "meedenker", "smtp-wachtwoord-123"


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost: (certificate, key) PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                                                        x509.DNSName("localhost")]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


@dataclass
class Received:
    envelope_to: list[str]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    @property
    def text(self) -> str:
        return self.message.get_body(("plain",)).get_content()

    @property
    def html(self) -> str:
        return self.message.get_body(("html",)).get_content()

    @property
    def raw(self) -> str:
        return self.message.as_string()


@dataclass
class SmtpServer:
    """aiosmtpd in a thread of its own; `stop()` makes the server unreachable, `start()` brings it back."""

    folder: Path
    implicit_tls: bool = False
    port: int = field(default_factory=free_port)
    received: list[Received] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)  # recipients answered with 550
    _controller: Controller | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.cert, self.key = make_certificate(self.folder)

    @property
    def url(self) -> str:
        scheme = "smtps" if self.implicit_tls else "smtp"
        return f"{scheme}://{USER}:{PASSWORD}@127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        return {"MEEDENKER_SMTP_URL": self.url, "MEEDENKER_MAIL_FROM": "Meedenker <noreply@gemeente.example>",
                "MEEDENKER_SMTP_CA_FILE": str(self.cert)}

    def start(self) -> "SmtpServer":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        server = self

        class Handler:
            async def handle_RCPT(self, _server: Any, _session: Any, envelope: Any, address: str,  # noqa: N802
                                  _options: Any) -> str:
                if address in server.refused:
                    return "550 5.1.1 No such user"
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:  # noqa: N802
                parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
                with server._lock:
                    server.received.append(Received(list(envelope.rcpt_tos), parsed))
                return "250 OK"

        def authenticate(_server: Any, _session: Any, _envelope: Any, _mechanism: str, data: Any) -> AuthResult:
            ok = isinstance(data, LoginPassword) and data.login == USER.encode() and \
                data.password == PASSWORD.encode()
            return AuthResult(success=ok)

        options: dict[str, Any] = {"authenticator": authenticate, "auth_require_tls": True}
        if self.implicit_tls:
            # aiosmtpd counts only STARTTLS as TLS for AUTH; here the whole connection is TLS.
            options.update(ssl_context=context, server_hostname="127.0.0.1", auth_require_tls=False)
        else:
            options.update(tls_context=context, require_starttls=True)
        self._controller = Controller(Handler(), hostname="127.0.0.1", port=self.port, **options)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def wait_for(self, count: int, timeout: float = 30) -> list[Received]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.received) >= count:
                    return list(self.received)
            time.sleep(0.1)
        raise AssertionError(f"expected {count} mails, got {len(self.received)}: "
                             f"{[r.subject for r in self.received]}")

    def clear(self) -> None:
        with self._lock:
            self.received.clear()
