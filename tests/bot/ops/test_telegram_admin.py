"""`python -m bot telegram set-webhook URL`, run as an operator would, against a fake Bot API."""
import subprocess
import sys

import pytest

from bot.ops.settings import PROJECT_ROOT
from bot.ops.telegram_admin import TelegramAdminError, webhook_url
from tests.channels.fake_apis import FakeApi

TOKEN = "123456789:AAH" + "x" * 32
SECRET = "tg-webhook-secret-0123456789"


@pytest.fixture
def bot_api():
    api = FakeApi("telegram").start()
    yield api
    api.stop()


def cli(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", "telegram", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_set_webhook_registers_the_url_with_the_secret(settings_env, bot_api):
    env = dict(settings_env, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_WEBHOOK_SECRET=SECRET, TELEGRAM_API_URL=bot_api.url)
    result = cli(env, "set-webhook", "https://assistent.example.nl/")
    assert result.returncode == 0, result.stderr
    assert "https://assistent.example.nl/webhooks/telegram/webhook" in result.stdout
    [call] = bot_api.calls("setWebhook")
    assert call.path == f"/bot{TOKEN}/setWebhook"
    assert call.body["url"] == "https://assistent.example.nl/webhooks/telegram/webhook"
    assert call.body["secret_token"] == SECRET
    assert call.body["allowed_updates"] == ["message", "edited_message", "callback_query"]


def test_a_refusal_is_reported_without_the_token(settings_env, bot_api):
    bot_api.status = 401
    env = dict(settings_env, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_WEBHOOK_SECRET=SECRET, TELEGRAM_API_URL=bot_api.url)
    result = cli(env, "set-webhook", "https://assistent.example.nl")
    assert result.returncode == 1 and "Telegram refused the webhook" in result.stderr
    assert TOKEN not in result.stderr + result.stdout


def test_channel_off_or_plain_http_is_refused(settings_env):
    result = cli(settings_env, "set-webhook", "https://assistent.example.nl")
    assert result.returncode == 1 and "TELEGRAM_BOT_TOKEN is not set" in result.stderr
    with pytest.raises(TelegramAdminError, match="https://"):
        webhook_url("http://assistent.example.nl")
    assert webhook_url("http://127.0.0.1:5005") == "http://127.0.0.1:5005/webhooks/telegram/webhook"
    assert webhook_url("https://a.nl/webhooks/telegram/webhook") == "https://a.nl/webhooks/telegram/webhook"
