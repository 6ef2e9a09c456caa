"""The map on /regional in Chromium, with every request that would leave the machine blocked and recorded."""

from __future__ import annotations

from urllib.parse import urlsplit

from briefing.outlines import load_outlines

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
SUBJECTS = ("Poland", "Estonia", "Latvia", "Lithuania")

# The map's Plotly element: for each named trace, whether its SVG holds a filled outline (a fill path with a shape).
FILLS_JS = """(names) => {
  const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
  const found = {};
  for (const trace of gd._fullData) {
    if (!names.includes(trace.name)) continue;
    const fill = gd.querySelector(`.scatterlayer .trace${trace.uid} path.js-fill`);
    found[trace.name] = !!fill && (fill.getAttribute('d') || '').length > 20;
  }
  return found;
}"""
# Where a longitude and latitude lie on the page, in the map's own axes.
PIXEL_JS = """([lon, lat]) => {
  const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
  return [box.left + xa._offset + xa.l2p(lon), box.top + ya._offset + ya.l2p(lat)];
}"""


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    # data: and blob: URLs are made inside the page and never touch the network
    return parts.scheme in ("data", "blob") or parts.hostname in LOCAL_HOSTS


def _inner_point(country_id: str) -> tuple[float, float]:
    """The hover point of the shipped outlines nearest the country's label: well inside it."""
    country = load_outlines().country(country_id)
    label_x, label_y = country.labels[0].at
    return min(country.hit_points, key=lambda point: (point[0] - label_x) ** 2 + (point[1] - label_y) ** 2)


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
    assert app.by_testid("stPlotlyChart").get_attribute("aria-label").startswith("Map of Poland and the Baltic states.")
    assert not blocked, blocked
    assert requested and any(url.startswith(("ws://127.0.0.1", "ws://localhost")) for url in requested)
    assert [url for url in requested if not _is_local(url)] == []
    app.assert_clean()


def test_hover_names_the_country_and_a_click_shows_only_its_impacts(app):
    """Hovering Poland names it and its headline; clicking it puts region=poland in the link and leaves only its panel."""
    app.goto("/regional")
    x, y = app.page.evaluate(PIXEL_JS, list(_inner_point("poland")))
    app.page.mouse.move(x, y)
    hover = app.page.locator("[data-testid=stPlotlyChart] .hoverlayer .hovertext")
    hover.wait_for(timeout=5_000)
    text = hover.text_content()
    assert text.startswith("Poland") and ("confidence" in text or "no assessment" in text), text
    app.page.mouse.click(x, y)
    app.page.wait_for_url("**/regional?*region=poland*", timeout=15_000)
    app.settle()
    assert app.path_and_query()[1]["region"] == ["poland"]
    assert app.page.locator("[data-testid=stMain] h2").all_inner_texts() == ["Poland"]
    app.assert_clean()
