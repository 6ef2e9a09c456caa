"""A fragment of HTML or SVG parsed into its elements' attributes and its text, for tests that read markup."""

from __future__ import annotations

from html.parser import HTMLParser


class Elements(HTMLParser):
    """Every element's name and attributes, and the text, of a fragment."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.texts.append(data)

    def picks(self) -> dict[str, dict[str, str | None]]:
        return {attrs["data-pick"]: attrs for _tag, attrs in self.elements if attrs.get("data-pick")}

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.texts).split())
