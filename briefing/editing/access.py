"""Who may edit: off unless the operator switches it on, and then only the listed editors when login is set up."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

EDITING_ENV = "BRIEFING_EDITING"
SWITCHED_ON = ("1", "true", "yes", "on")
HOW_TO_SWITCH_ON = (
    "To switch it on, start the app with `BRIEFING_EDITING=1` in the environment, or put `editing = true` under "
    "`[briefing]` in `.streamlit/secrets.toml`. Where a login is configured, list the editors there too: "
    '`editors = ["name@example.org"]`.'
)


@dataclass(frozen=True)
class Access:
    """Whether this visitor may write, the name the trail gives them, and why (not)."""

    allowed: bool
    editor: str
    reason: str


def switched_on(environ: Mapping[str, str], settings: Mapping | None) -> bool:
    """Editing is on through BRIEFING_EDITING=1 or ``editing = true`` under [briefing] in the secrets."""
    if environ.get(EDITING_ENV, "").strip().lower() in SWITCHED_ON:
        return True
    return settings is not None and settings.get("editing") is True  # a TOML boolean, never a string that reads "false"


def editing_access(
    environ: Mapping[str, str], settings: Mapping | None, login: bool, email: str | None, local_name: str = "local editor"
) -> Access:
    """Who may edit: nobody unless switched on; with a login configured, only the editors listed under [briefing]."""
    if not switched_on(environ, settings):
        return Access(False, "", "Editing is off: this dashboard only shows the briefs. " + HOW_TO_SWITCH_ON)
    if not login:
        return Access(
            True,
            local_name,
            "Editing is on and no login is configured: anyone who can open this page can "
            "edit. Configure a login and list the editors before hosting it.",
        )
    editors = (settings or {}).get("editors") or []
    listed = {str(editor).strip().casefold() for editor in editors if isinstance(editor, str)}
    if email and email.strip().casefold() in listed:
        return Access(True, email, f"Editing is on; you are signed in as {email}, a listed editor.")
    who = f"You are signed in as {email}, who is" if email else "Your account is"
    return Access(
        False,
        "",
        f"Editing is on, but only for the editors listed under `[briefing]` `editors` in the "
        f"secrets. {who} not listed; ask the operator to add you.",
    )
