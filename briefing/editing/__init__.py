"""Saving from the workbench: who may edit, refusing a save over someone else's change, validating the whole corpus
before writing, an append-only trail of every save, and undo.

Editing is off unless the operator switches it on, so a hosted link never lets a reader write. A save takes a lock
on data/, re-reads the file, refuses if its content hash differs from the one the analyst opened, makes the edit in
memory, validates every brief against the changed file (exactly as ``validate`` would, so nothing invalid is ever
written), appends one line to data/edit-log.jsonl and then writes the file atomically: the entry goes first, so no
crash leaves a change the trail does not know (an entry whose change never landed is recognised and left out).

    access  Who may edit: off unless the operator switches it on, and then only the listed editors when login is set up.
    trail   The trail: one JSON line per save in data/edit-log.jsonl, appended atomically, and which save undo takes back.
    save    Saving and undoing: a lock, the conflict check, whole-corpus validation before any write, the atomic write.
"""

from briefing.editing.access import EDITING_ENV, HOW_TO_SWITCH_ON, SWITCHED_ON, Access, editing_access, switched_on
from briefing.editing.save import EditConflict, EditError, Saved, Snapshot, check_change, create_brief, open_file, save, sha256, undo
from briefing.editing.trail import EDIT_LOG, LOG_TAIL_BYTES, append_log, read_log, undoable

__all__ = [
    "Access",
    "EDITING_ENV",
    "EDIT_LOG",
    "EditConflict",
    "EditError",
    "HOW_TO_SWITCH_ON",
    "LOG_TAIL_BYTES",
    "SWITCHED_ON",
    "Saved",
    "Snapshot",
    "append_log",
    "check_change",
    "create_brief",
    "editing_access",
    "open_file",
    "read_log",
    "save",
    "sha256",
    "switched_on",
    "undo",
    "undoable",
]
