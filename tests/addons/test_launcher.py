"""The action server's start: configuration checked, queue migrated, retention applied."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from addons.launcher import prepare_actions
from bot.queue import NewTicket, TicketStore
from bot.ops.settings import Settings


def test_start_migrates_the_queue_and_anonymises_old_tickets(settings_env):
    settings = Settings.from_env()
    store = TicketStore.from_settings(settings)
    store.migrate()
    old, _ = store.create(NewTicket(channel="rest", sender_id="s-old", route="meedenker", meedenker_type="informeel",
                                    summary="Over geld. ik heb schulden", contact={"name": "Oud", "phone": "+31612345678"}),
                          "old-1", now=datetime.now(timezone.utc) - timedelta(days=settings.retention_days + 5))
    new, _ = store.create(NewTicket(channel="rest", sender_id="s-new", route="meedenker", meedenker_type="informeel",
                                    summary="Over werk.", contact={"name": "Nieuw", "phone": "+31612345679"}), "new-1")
    store.close()
    prepare_actions(settings)
    store = TicketStore.from_settings(settings)
    try:
        assert store.get(old.id).contact_encrypted is None and store.get(old.id).anonymised_at is not None
        assert store.contact(new.id, actor="test")["name"] == "Nieuw"
    finally:
        store.close()


def test_a_broken_sociale_kaart_stops_the_start_naming_the_file(settings_env, tmp_path: Path, monkeypatch):
    kaart = tmp_path / "kaart"
    kaart.mkdir()
    (kaart / "regio.yml").write_text("region: Test\nchecked: '2026-11-01'\ngemeenten: [Goes]\norganisaties:\n"
                                     "  - id: x\n    name: X\n    leefgebieden: [ruimtevaart]\n", encoding="utf-8")
    monkeypatch.setenv("MEEDENKER_SOCIALE_KAART_DIR", str(kaart))
    with pytest.raises(SystemExit) as stopped:
        prepare_actions(Settings.from_env())
    assert "regio.yml" in str(stopped.value)


@pytest.mark.parametrize("token", ["-Xq3vT9aB7_kLm2pQr", "--looks-like-an-option", "gewoon_token_van_32_tekens_lang"])
def test_rasa_accepts_any_generated_api_token_even_one_starting_with_a_dash(settings_env, monkeypatch, token):
    """token_urlsafe starts with "-" about one time in 64; Rasa then refused to start (seen in CI)."""
    from rasa.__main__ import create_argument_parser

    from addons.launcher import rasa_run_argv

    monkeypatch.setenv("RASA_API_TOKEN", token)
    settings = Settings.from_env()
    args = create_argument_parser().parse_args(rasa_run_argv(settings, Path("models/m.tar.gz"))[1:])
    assert args.auth_token == token
    assert args.port == settings.rasa_port and args.enable_api
    assert args.cors == list(settings.allowed_origins)
