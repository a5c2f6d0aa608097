import pytest

from bot.ops.settings import Settings, SettingsError

TELEGRAM = {"TELEGRAM_BOT_TOKEN": "123456789:AAH" + "x" * 32, "TELEGRAM_WEBHOOK_SECRET": "s" * 20}
WHATSAPP = {"WHATSAPP_ACCESS_TOKEN": "EAAG" + "x" * 30, "WHATSAPP_APP_SECRET": "a" * 32,
            "WHATSAPP_VERIFY_TOKEN": "v" * 20, "WHATSAPP_PHONE_NUMBER_ID": "109876543210"}


def test_channels_are_off_without_their_tokens(settings_env):
    settings = Settings.from_env(settings_env)
    assert settings.telegram is None and settings.whatsapp is None
    assert settings.limits.per_sender_per_minute == 20


def test_channels_are_on_with_their_tokens_and_defaults(settings_env):
    settings = Settings.from_env(dict(settings_env, **TELEGRAM, **WHATSAPP))
    assert settings.telegram.api_url == "https://api.telegram.org"
    assert settings.whatsapp.messages_url == "https://graph.facebook.com/v21.0/109876543210/messages"


def test_api_urls_and_version_can_be_pointed_elsewhere(settings_env):
    settings = Settings.from_env(dict(settings_env, **TELEGRAM, **WHATSAPP, TELEGRAM_API_URL="http://127.0.0.1:9/",
                                      WHATSAPP_API_URL="http://127.0.0.1:8", WHATSAPP_API_VERSION="v19.0"))
    assert settings.telegram.api_url == "http://127.0.0.1:9"
    assert settings.whatsapp.messages_url == "http://127.0.0.1:8/v19.0/109876543210/messages"


@pytest.mark.parametrize("changes,name", [
    ({"TELEGRAM_BOT_TOKEN": "not-a-token"}, "TELEGRAM_BOT_TOKEN"),
    ({"TELEGRAM_WEBHOOK_SECRET": ""}, "TELEGRAM_WEBHOOK_SECRET"),
    ({"TELEGRAM_WEBHOOK_SECRET": "short"}, "TELEGRAM_WEBHOOK_SECRET"),
    ({"TELEGRAM_WEBHOOK_SECRET": "has spaces in it, twenty+"}, "TELEGRAM_WEBHOOK_SECRET"),
    ({"TELEGRAM_API_URL": "api.telegram.org"}, "TELEGRAM_API_URL"),
    ({"WHATSAPP_APP_SECRET": ""}, "WHATSAPP_APP_SECRET"),
    ({"WHATSAPP_VERIFY_TOKEN": "short"}, "WHATSAPP_VERIFY_TOKEN"),
    ({"WHATSAPP_PHONE_NUMBER_ID": "+31 6 12"}, "WHATSAPP_PHONE_NUMBER_ID"),
    ({"WHATSAPP_ACCESS_TOKEN": "with space and long enough"}, "WHATSAPP_ACCESS_TOKEN"),
    ({"WHATSAPP_API_VERSION": "21"}, "WHATSAPP_API_VERSION"),
    ({"WHATSAPP_API_URL": "ftp://graph"}, "WHATSAPP_API_URL"),
    ({"MEEDENKER_RATE_PER_SENDER": "0"}, "MEEDENKER_RATE_PER_SENDER"),
    ({"MEEDENKER_RATE_PER_IP": "veel"}, "MEEDENKER_RATE_PER_IP"),
])
def test_a_malformed_channel_setting_stops_the_start_with_its_name(settings_env, changes, name):
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({**settings_env, **TELEGRAM, **WHATSAPP, **changes})


@pytest.mark.parametrize("half,name", [({"TELEGRAM_WEBHOOK_SECRET": "s" * 20}, "TELEGRAM_WEBHOOK_SECRET"),
                                       ({"WHATSAPP_APP_SECRET": "a" * 32}, "WHATSAPP_APP_SECRET")])
def test_a_half_configured_channel_is_named(settings_env, half, name):
    with pytest.raises(SettingsError, match=name):
        Settings.from_env(dict(settings_env, **half))


def test_make_run_says_which_channels_are_on_and_where(settings_env):
    from bot.ops.run import channel_lines

    off = channel_lines(Settings.from_env(settings_env), "http://127.0.0.1:5005")
    assert "Telegram:        off" in off and "WhatsApp:        off" in off
    on = channel_lines(Settings.from_env({**settings_env, **TELEGRAM, **WHATSAPP}), "http://127.0.0.1:5005")
    assert "POST http://127.0.0.1:5005/webhooks/telegram/webhook" in on and "set-webhook" in on
    assert "http://127.0.0.1:5005/webhooks/whatsapp/webhook" in on
