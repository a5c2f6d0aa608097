import stat

from bot.ops.secrets import environment_with_secrets, ensure_dev_secrets
from bot.ops.settings import Settings


def test_secrets_are_generated_once_and_private(tmp_path):
    path = tmp_path / "var" / "secrets.env"
    first = ensure_dev_secrets(path)
    assert ensure_dev_secrets(path) == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(first["MEEDENKER_SECRET_KEY"]) == 44 and len(first["RASA_API_TOKEN"]) >= 32


def test_environment_wins_and_result_is_valid(tmp_path):
    env = environment_with_secrets(tmp_path / "secrets.env", {"RASA_API_TOKEN": "from-the-environment-123"})
    assert env["RASA_API_TOKEN"] == "from-the-environment-123"
    assert Settings.from_env(env).secret_key == env["MEEDENKER_SECRET_KEY"]
