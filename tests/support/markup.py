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


class Parsed(HTMLParser):
    """The elements and the text of a fragment as a browser's parser reads them (character references resolved)."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())  # blocks and inline elements alike as one space
