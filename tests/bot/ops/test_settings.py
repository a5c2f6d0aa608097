from pathlib import Path

import pytest

from bot.ops.settings import Settings, SettingsError


def test_defaults_use_sqlite_and_loopback(settings_env):
    settings = Settings.from_env(settings_env)
    assert settings.host == "127.0.0.1"
    assert (settings.rasa_port, settings.actions_port, settings.dashboard_port) == (5005, 5055, 8080)
    assert settings.tracker_store_url.startswith("sqlite:///")
    assert settings.redis_url is None


def test_missing_secrets_are_named(settings_env):
    env = {k: v for k, v in settings_env.items() if k not in ("RASA_API_TOKEN", "MEEDENKER_SECRET_KEY")}
    with pytest.raises(SettingsError) as error:
        Settings.from_env(env)
    assert "RASA_API_TOKEN" in str(error.value) and "MEEDENKER_SECRET_KEY" in str(error.value)


@pytest.mark.parametrize("name,value", [
    ("RASA_PORT", "vijf"), ("RASA_PORT", "70000"), ("DATABASE_URL", "mysql://x/y"),
    ("REDIS_URL", "localhost:6379"), ("LOG_LEVEL", "LOUD"),
])
def test_malformed_values_are_named(settings_env, name, value):
    with pytest.raises(SettingsError, match=name):
        Settings.from_env(dict(settings_env, **{name: value}))


def test_action_timeout_must_stay_well_inside_the_lock_lifetime(settings_env):
    with pytest.raises(SettingsError, match="ACTION_TIMEOUT_SECONDS"):
        Settings.from_env(dict(settings_env, ACTION_TIMEOUT_SECONDS="30", LOCK_LIFETIME_SECONDS="60"))


def test_database_and_redis_urls_are_taken(settings_env):
    settings = Settings.from_env(dict(settings_env, DATABASE_URL="postgresql://u@127.0.0.1/test",
                                      REDIS_URL="redis://127.0.0.1:6379/0"))
    assert settings.tracker_store_url == "postgresql://u@127.0.0.1/test"
    assert settings.redis_url == "redis://127.0.0.1:6379/0"


def test_missing_helplines_file_is_named(settings_env, tmp_path: Path):
    with pytest.raises(SettingsError, match="MEEDENKER_HELPLINES_FILE"):
        Settings.from_env(dict(settings_env, MEEDENKER_HELPLINES_FILE=str(tmp_path / "none.yml")))


def test_allowed_origins_default_to_the_web_process_itself(settings_env):
    settings = Settings.from_env(dict(settings_env, DASHBOARD_PORT="8181"))
    assert settings.allowed_origins == ("http://127.0.0.1:8181", "http://localhost:8181")
    assert settings.public_rasa_url == "http://127.0.0.1:5005"


def test_allowed_origins_are_read_exactly(settings_env):
    settings = Settings.from_env(dict(settings_env, MEEDENKER_ALLOWED_ORIGINS=" https://www.goes.nl, http://127.0.0.1:9000/ "))
    assert settings.allowed_origins == ("https://www.goes.nl", "http://127.0.0.1:9000")


@pytest.mark.parametrize("value", ["*", "https://*.goes.nl", "www.goes.nl", "https://www.goes.nl/chat"])
def test_wildcards_and_paths_in_allowed_origins_are_refused(settings_env, value):
    with pytest.raises(SettingsError, match="MEEDENKER_ALLOWED_ORIGINS"):
        Settings.from_env(dict(settings_env, MEEDENKER_ALLOWED_ORIGINS=value))
