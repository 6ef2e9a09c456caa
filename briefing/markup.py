"""The one way HTML is built: every inserted value is escaped unless it is already Html."""

from __future__ import annotations

import html
import string


class Html(str):
    """Markup that is already safe: produced only by html_fragment or join_html."""

    __slots__ = ()


def escape(value) -> Html:
    return value if isinstance(value, Html) else Html(html.escape(str(value), quote=True))


def html_fragment(template: str, **values) -> Html:
    """Fill a $name template, escaping each value; the template itself must be a literal."""
    return Html(string.Template(template).substitute({key: escape(value) for key, value in values.items()}))


def join_html(parts) -> Html:
    return Html("".join(escape(part) for part in parts))
