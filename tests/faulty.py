"""Run a command of the project with one injected fault, for the tests of the loader's boundary.

    python -m tests.faulty streamlit run app.py [streamlit options]
    python -m tests.faulty briefing validate [paths]

Validating the date FAULTY_DATE raises a RuntimeError from inside pydantic's validation, as an unforeseen bug in a
validator would (the class of fault where `2026-01?-29` once raised an AttributeError). A real server or CLI process
cannot be patched from the test process, so this launcher patches its own process and then runs the command in it.
"""

from __future__ import annotations

import sys

FAULTY_DATE = "2024-02-29"
FAULT = "injected fault: validating this date fails as an unforeseen bug would"


def faulty(parse_date, date: str = FAULTY_DATE):
    """parse_date, except that `date` raises a RuntimeError."""

    def faulty_parse_date(text):
        if isinstance(text, str) and text.strip() == date:
            raise RuntimeError(FAULT)
        return parse_date(text)

    return faulty_parse_date


def inject(set_attribute=setattr) -> None:
    """Make validating FAULTY_DATE raise, in this process; every other date validates as before. Tests pass
    ``monkeypatch.setattr`` so the fault is undone after them."""
    from briefing.schema import base, records

    for module in (base, records):  # every module of the schema that validates a date
        set_attribute(module, "parse_date", faulty(module.parse_date))


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in ("streamlit", "briefing"):
        sys.exit("usage: python -m tests.faulty streamlit|briefing <arguments>")
    inject()
    command, arguments = sys.argv[1], sys.argv[2:]
    if command == "briefing":
        from briefing.cli import main as briefing_main

        return briefing_main(arguments)
    sys.argv = ["streamlit", *arguments]
    from streamlit.web import cli

    return cli.main()


if __name__ == "__main__":
    sys.exit(main())
