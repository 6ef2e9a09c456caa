"""The timeline drawn on the server, in Chromium: hovering a bar names its event, and a click or Enter on it opens
that event's details and puts it in the link, as the chart did before."""

from __future__ import annotations

CHART = "[data-testid=stMain] .svg-figure.timeline-figure"


def test_hover_names_the_event_and_a_click_opens_it(app):
    """Hovering the first bar shows its title and status; clicking it puts event=<its id> in the link and its title
    heads the details."""
    app.goto("/timeline")
    bar = app.page.locator(f"{CHART} [data-pick]").first
    event_id, title = bar.get_attribute("data-pick"), bar.get_attribute("data-tip").split("\n")[0]
    bar.hover()
    tip = app.page.locator(".svg-figure-tip")
    tip.wait_for(state="visible", timeout=5_000)
    assert tip.text_content().startswith(title) and "status:" in tip.text_content()
    bar.click()
    app.page.wait_for_url(f"**/timeline?*event={event_id}*", timeout=15_000)
    app.settle()
    assert app.path_and_query()[1]["event"] == [event_id]
    assert title in app.page.locator("[data-testid=stMain] h3").all_inner_texts()
    app.assert_clean()


def test_an_event_is_opened_from_the_keyboard(app):
    """Focusing the last bar and pressing Enter opens that event, so the chart works without a pointer."""
    app.goto("/timeline")
    bar = app.page.locator(f"{CHART} [data-pick]").last
    event_id, title = bar.get_attribute("data-pick"), bar.get_attribute("data-tip").split("\n")[0]
    bar.focus()
    app.page.keyboard.press("Enter")
    app.page.wait_for_url(f"**/timeline?*event={event_id}*", timeout=15_000)
    app.settle()
    assert title in app.page.locator("[data-testid=stMain] h3").all_inner_texts()
    app.assert_clean()
