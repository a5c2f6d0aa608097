"""The Rasa server answers the widget cross-origin only for MEEDENKER_ALLOWED_ORIGINS, and the web
process serves the widget and a demo page whose CSP allows no inline script or style."""
from __future__ import annotations

import re

import pytest
import requests

from channels.widget import STATIC
from tests.widget.chat import open_chat, open_demo
from tests.widget.stack import new_context

pytestmark = pytest.mark.servers


def preflight(stack, origin: str) -> requests.Response:
    return requests.options(stack.webhook, timeout=10, headers={
        "Origin": origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})


def test_the_web_process_origin_may_post_to_the_rest_channel(stack):
    allowed = preflight(stack, stack.origin)
    assert allowed.headers.get("Access-Control-Allow-Origin") == stack.origin
    answer = requests.post(stack.webhook, json={"sender": "web-cors-1", "message": "hallo"},
                           headers={"Origin": stack.origin}, timeout=60)
    assert answer.headers.get("Access-Control-Allow-Origin") == stack.origin


@pytest.mark.parametrize("origin", ["https://evil.example", "http://127.0.0.1:1", "null"])
def test_any_other_origin_gets_no_cors_allowance(stack, origin):
    assert "Access-Control-Allow-Origin" not in preflight(stack, origin).headers
    answer = requests.post(stack.webhook, json={"sender": "web-cors-2", "message": "hallo"},
                           headers={"Origin": origin}, timeout=60)
    assert "Access-Control-Allow-Origin" not in answer.headers


def test_a_page_on_another_origin_cannot_chat(stack, browser):
    """localhost is not in MEEDENKER_ALLOWED_ORIGINS here (only 127.0.0.1 is): the browser refuses."""
    context = new_context(browser)
    try:
        page = open_demo(context, stack.demo_url.replace("127.0.0.1", "localhost"))
        open_chat(page)
        box = page.get_by_label("Uw bericht")
        box.fill("hallo")
        box.press("Enter")
        page.get_by_role("button", name="Opnieuw versturen").wait_for()
        assert page.locator(".mdk-msg--bot").count() == 0
    finally:
        context.close()


def test_the_demo_page_has_a_strict_content_security_policy(stack):
    page = requests.get(stack.demo_url, timeout=10)
    csp = page.headers["Content-Security-Policy"]
    for directive in ("default-src 'self'", f"connect-src 'self' {stack.servers.url}", "script-src 'self'",
                      "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'"):
        assert directive in csp
    assert "unsafe" not in csp
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    scripts = re.findall(r"<script\b[^>]*>", page.text)
    assert len(scripts) == 1 and 'src="/widget/meedenker-widget.js"' in scripts[0]
    assert f'data-server="{stack.servers.url}"' in scripts[0]
    widget = requests.get(f"{stack.origin}/widget/meedenker-widget.js", timeout=10)
    assert widget.headers["Content-Type"].startswith("application/javascript")
    assert requests.get(f"{stack.origin}/widget/secrets.env", timeout=10).status_code == 404


def test_no_inline_script_style_or_browser_storage_but_the_session_in_the_widget_files():
    for path in STATIC.iterdir():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<style|\sstyle=|<script>|\son[a-z]+=", text), path.name
        assert "localStorage" not in text and "document.cookie" not in text and "innerHTML" not in text, path.name
