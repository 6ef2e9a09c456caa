"""The map on /regional in Chromium, with every request that would leave the machine blocked and recorded."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import expect

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
SUBJECTS = ("Poland", "Estonia", "Latvia", "Lithuania")

MAP = "[data-testid=stMain] .svg-figure.map-figure"
# For each shaded country, whether the drawn map holds its outline as a filled shape with a size on the page.
FILLS_JS = """(names) => {
  const found = {};
  for (const shape of document.querySelectorAll('.map-figure path[data-pick]')) {
    const name = shape.getAttribute('aria-label').split(':')[0];
    const box = shape.getBoundingClientRect();
    if (names.includes(name)) found[name] = (shape.getAttribute('d') || '').length > 20 && box.width > 10 && box.height > 10;
  }
  return found;
}"""


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    # data: and blob: URLs are made inside the page and never touch the network
    return parts.scheme in ("data", "blob") or parts.hostname in LOCAL_HOSTS


def test_map_draws_offline_and_no_request_leaves_the_machine(app):
    """With every non-local request blocked, the four countries' outlines are drawn and every request went to the local server."""
    requested: list[str] = []
    blocked: list[str] = []

    def only_local(route):
        if _is_local(route.request.url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("internetdisconnected")

    context = app.page.context
    context.route("**/*", only_local)
    context.on("request", lambda request: requested.append(request.url))
    app.page.on("websocket", lambda socket: requested.append(socket.url))
    app.goto("/regional")
    app.snap("regional-map-offline")
    assert app.page.evaluate(FILLS_JS, list(SUBJECTS)) == {name: True for name in SUBJECTS}
    assert app.page.locator(MAP).get_attribute("aria-label").startswith("Map of Poland and the Baltic states.")
    assert not blocked, blocked
    assert requested and any(url.startswith(("ws://127.0.0.1", "ws://localhost")) for url in requested)
    assert [url for url in requested if not _is_local(url)] == []
    app.assert_clean()


def test_hover_names_the_country_and_a_click_shows_only_its_impacts(app):
    """Hovering Poland names it and its headline; clicking it puts region=poland in the link and leaves only its panel."""
    app.goto("/regional")
    poland = app.page.locator(f"{MAP} path[data-pick=poland]")
    poland.hover()
    tip = app.page.locator(".svg-figure-tip")
    tip.wait_for(state="visible", timeout=5_000)
    text = tip.text_content()
    assert text.startswith("Poland") and ("confidence" in text or "no assessment" in text), text
    poland.click()
    app.page.wait_for_url("**/regional?*region=poland*", timeout=15_000)
    app.settle()
    assert app.path_and_query()[1]["region"] == ["poland"]
    assert app.page.locator("[data-testid=stMain] h2").all_inner_texts() == ["Poland"]
    app.assert_clean()


def test_a_country_is_chosen_from_the_keyboard(app):
    """Tabbing to Latvia on the map and pressing Enter puts region=latvia in the link and shows its panel; the redrawn
    map still names a hovered country."""
    app.goto("/regional")
    latvia = app.page.locator(f"{MAP} path[data-pick=latvia]")
    latvia.focus()
    assert app.page.evaluate("() => document.activeElement.getAttribute('data-pick')") == "latvia"
    app.page.keyboard.press("Enter")
    app.page.wait_for_url("**/regional?*region=latvia*", timeout=15_000)
    app.settle()
    assert app.page.locator("[data-testid=stMain] h2").all_inner_texts() == ["Latvia"]
    assert app.page.locator(f"{MAP} path[data-pick=latvia]").get_attribute("aria-pressed") == "true"
    app.page.locator(f"{MAP} path[data-pick=estonia]").hover()  # the redrawn map still names what is hovered
    expect(app.page.locator(".svg-figure-tip")).to_contain_text("Estonia")
    app.assert_clean()
