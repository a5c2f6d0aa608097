"""MEEDENKER_SMTP_URL and friends: off when unset, on with a valid URL and sender, and a clear
message naming the variable for everything else; `make run` says which."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.ops.run import mail_line
from bot.ops.settings import Settings, SettingsError
from tests.conftest import base_env

FROM = {"MEEDENKER_MAIL_FROM": "Meedenker <noreply@gemeente.nl>"}


def settings(tmp_path: Path, **extra: str) -> Settings:
    return Settings.from_env(base_env(tmp_path, **extra))


def test_mail_is_off_without_a_url_and_make_run_says_so(tmp_path):
    off = settings(tmp_path)
    assert off.mail is None
    assert mail_line(off) == "  Mail:            off (set MEEDENKER_SMTP_URL and MEEDENKER_MAIL_FROM)\n"


def test_starttls_and_implicit_tls_urls(tmp_path):
    starttls = settings(tmp_path, MEEDENKER_SMTP_URL="smtp://mailer:ge%40heim@smtp.gemeente.nl", **FROM).mail
    assert (starttls.host, starttls.port, starttls.implicit_tls) == ("smtp.gemeente.nl", 587, False)
    assert (starttls.username, starttls.password) == ("mailer", "ge@heim")
    line = mail_line(settings(tmp_path, MEEDENKER_SMTP_URL="smtp://mailer:ge%40heim@smtp.gemeente.nl", **FROM))
    assert line == ("  Mail:            on, smtp+STARTTLS://mailer@smtp.gemeente.nl:587, "
                    "from Meedenker <noreply@gemeente.nl>\n")
    assert "heim" not in line and "heim" not in repr(starttls)
    implicit = settings(tmp_path, MEEDENKER_SMTP_URL="smtps://relay.gemeente.nl:2465", **FROM).mail
    assert (implicit.port, implicit.implicit_tls, implicit.username) == (2465, True, None)


@pytest.mark.parametrize("env, named", [
    ({"MEEDENKER_SMTP_URL": "http://smtp.gemeente.nl", **FROM}, "MEEDENKER_SMTP_URL must look like"),
    ({"MEEDENKER_SMTP_URL": "smtp://smtp.gemeente.nl"}, "MEEDENKER_MAIL_FROM is required"),
    ({"MEEDENKER_SMTP_URL": "smtp://smtp.gemeente.nl", "MEEDENKER_MAIL_FROM": "geen adres"},
     "MEEDENKER_MAIL_FROM must be an e-mail address"),
    ({"MEEDENKER_SMTP_URL": "smtp://user@smtp.gemeente.nl", **FROM}, "a user name but no password"),
    ({"MEEDENKER_SMTP_URL": "smtp://smtp.gemeente.nl:99999", **FROM}, "port"),
    ({**FROM}, "MEEDENKER_MAIL_FROM is set but MEEDENKER_SMTP_URL is not"),
    ({"MEEDENKER_SMTP_URL": "smtp://smtp.gemeente.nl", "MEEDENKER_SMTP_CA_FILE": "/nergens.pem", **FROM},
     "MEEDENKER_SMTP_CA_FILE points to a missing file"),
    ({"MEEDENKER_SMTP_URL": "smtp://smtp.gemeente.nl", "MEEDENKER_MAIL_DIGEST_HOUR": "25", **FROM},
     "MEEDENKER_MAIL_DIGEST_HOUR"),
    ({"MEEDENKER_DASHBOARD_URL": "ftp://dashboard"}, "MEEDENKER_DASHBOARD_URL"),
    ({"WHATSAPP_FOLLOWUP_TEMPLATE": "Nazorg vraag"}, "WHATSAPP_FOLLOWUP_TEMPLATE must be a template name"),
    ({"WHATSAPP_FOLLOWUP_TEMPLATE_LANGUAGE": "Nederlands"}, "WHATSAPP_FOLLOWUP_TEMPLATE_LANGUAGE"),
])
def test_a_malformed_mail_setting_stops_the_start_with_its_name(tmp_path, env, named):
    with pytest.raises(SettingsError, match=named):
        settings(tmp_path, **env)


def test_the_dashboard_link_defaults_to_the_web_process(tmp_path):
    assert settings(tmp_path, DASHBOARD_PORT="8181").dashboard_url == "http://127.0.0.1:8181"
    assert settings(tmp_path, MEEDENKER_DASHBOARD_URL="https://dash.gemeente.nl/").dashboard_url == \
        "https://dash.gemeente.nl"
