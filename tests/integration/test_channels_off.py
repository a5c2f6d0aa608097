"""Without their tokens, Telegram and WhatsApp are off: the server starts and their webhooks answer 404."""
import pytest
import requests

pytestmark = pytest.mark.servers


@pytest.mark.parametrize("channel", ["telegram", "whatsapp"])
def test_a_channel_without_its_token_is_off_and_refuses_everything(servers, channel):
    base = f"{servers.url}/webhooks/{channel}"
    assert requests.get(f"{base}/", timeout=10).json() == {"status": "off"}
    assert requests.post(f"{base}/webhook", json={"update_id": 1}, timeout=10).status_code == 404
