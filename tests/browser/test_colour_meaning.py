"""Colour has one meaning, as a browser draws it: the stances' orange and purple appear on no page that draws no
stance, and wherever a stance's colour fills a cell or a bar, its symbol is written on it."""

from __future__ import annotations

import colorsys
import re

import pytest

from briefing.vocabulary import AGREEMENT_ZONE, GAP, IMPACTS, ISSUE_INK, STANCES

# every element in the main area, shadow roots included: its computed colours and its own text
COLOURS_JS = """() => {
  const found = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      // an invisible mark (a plotly hover point drawn at opacity 0) shows no colour
      let seen = style.visibility !== 'hidden' && style.display !== 'none';
      for (let node = el; seen && node && node.nodeType === 1; node = node.parentNode) {
        const own = getComputedStyle(node);
        seen = Number(own.opacity) > 0 && (node === el ? Number(own.fillOpacity) > 0 || own.fill === 'none' : true);
      }
      if (!seen) continue;
      found.push({
        tag: el.tagName.toLowerCase(),
        colours: [style.color, style.backgroundColor, style.borderTopColor, style.borderLeftColor, style.fill, style.stroke,
                  style.outlineColor],
        text: el.textContent.trim().slice(0, 80),
      });
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document.querySelector('[data-testid=stMain]'));
  return found;
}"""
STANCE_RGB = {tuple(int(words.colour[i : i + 2], 16) for i in (1, 3, 5)): words for words in STANCES.values()}
NEUTRAL = {(217, 217, 217)}  # "only on conditions" is a light grey: a grey elsewhere is no stance


def stance_of(colour: str):
    """The stance whose colour this computed colour is (any opacity), if any."""
    match = re.match(r"rgba?\((\d+), (\d+), (\d+)", colour)
    rgb = tuple(int(part) for part in match.groups()) if match else None
    return STANCE_RGB.get(rgb) if rgb not in NEUTRAL else None


def orange_or_purple(colour: str) -> bool:
    """Whether a computed colour reads as the stances' orange or purple: by hue, so any orange counts, not only theirs."""
    match = re.match(r"rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?", colour)
    if not match or (match.group(4) is not None and float(match.group(4)) == 0):
        return False
    hue, lightness, saturation = colorsys.rgb_to_hls(*(int(part) / 255 for part in match.groups()[:3]))
    return saturation >= 0.3 and 0.15 <= lightness <= 0.9 and (15 <= hue * 360 <= 42 or 245 <= hue * 360 <= 300)


def drawn(app, path: str) -> list[dict]:
    app.goto(path)
    return app.page.evaluate(COLOURS_JS)


@pytest.mark.parametrize("path", ["/timeline?zoom=all", "/regional", "/sources"])
def test_no_stance_colour_where_no_stance_is_drawn(app, path):
    """/timeline, /regional and /sources draw nothing orange or purple: issues are named, impacts have their own colours."""
    elements = drawn(app, path)
    assert len(elements) > 50, "the page drew its content"
    stray = [(el["tag"], el["text"][:40], colour) for el in elements for colour in el["colours"] if orange_or_purple(colour)]
    assert not stray, stray[:5]
    app.assert_clean()


@pytest.mark.parametrize("path", ["/matrix", "/negotiation"])
def test_a_stance_colour_always_carries_its_symbol(app, path):
    """On /matrix and /negotiation every cell or bar segment filled in a stance's colour shows that stance's symbol."""
    app.goto(path)
    if path == "/matrix":
        app.matrix_cells().first.wait_for()  # the grid draws after the script has finished
    elements = app.page.evaluate(COLOURS_JS)
    filled = [(el, stance_of(el["colours"][1])) for el in elements if el["tag"] in {"td", "span"} and stance_of(el["colours"][1])]
    assert len(filled) >= 3, "stances were drawn"
    for element, stance in filled:
        assert element["text"].startswith(stance.symbol), (stance.word, element["text"])
        assert stance_of(element["colours"][0]) is None, "the ink is never a stance colour"
    app.assert_clean()


def rgb(colour: str) -> str:
    return f"rgb({int(colour[1:3], 16)}, {int(colour[3:5], 16)}, {int(colour[5:7], 16)})"


def test_the_hue_check_finds_the_stances_and_any_orange_but_not_the_maps_or_the_search_colours():
    """The hue check flags every for or against stance colour and the old issue oranges, and nothing the map or the
    search highlight uses."""
    assert all(orange_or_purple(rgb(w.colour)) == (w.direction in {"for", "against"}) for w in STANCES.values())
    assert orange_or_purple(rgb("#E69F00")) and orange_or_purple(rgb("#D55E00"))  # the old timeline palette's
    assert not any(orange_or_purple(rgb(impact.colour)) for impact in IMPACTS.values())
    assert not any(orange_or_purple(rgb(colour)) for colour in ("#ffe58a", "#fff176", "#8a6d00", ISSUE_INK, GAP, AGREEMENT_ZONE))
