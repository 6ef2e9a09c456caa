"""The loader-boundary project: three briefs on the tiny project, one of them carrying tests/faulty.py's date (alpha),
one valid (beta), one dated with a date that once took every page down (gamma); and the line validate prints for the
injected fault. Shared by the unit, AppTest and browser tests of the loader boundary."""

from __future__ import annotations

from pathlib import Path

from tests.faulty import FAULT, FAULTY_DATE
from tests.support.tiny_project import TinyProject

ALPHA, BETA, GAMMA = "data/briefs/alpha.yaml", "data/briefs/beta.yaml", "data/briefs/gamma.yaml"
ISSUE_DATE = "2026-01?-29"  # EDTF level 2; it once raised an AttributeError that took every page down
# the injected fault as validate prints it: file, line and column of the date, its record path and the record's id
PROBLEM_LINE = (
    f"{ALPHA}:18:9: positions[0].date (alpha-northland-ceasefire): unexpected RuntimeError while checking it: "
    f"{FAULT} (the server log has the traceback)"
)


def build_boundary_root(root: Path) -> TinyProject:
    """alpha carries FAULTY_DATE on its first position, beta is valid, gamma is dated with the issue's date."""
    project = TinyProject(root)
    alpha = project.brief("alpha")
    alpha["positions"][0]["date"] = FAULTY_DATE
    project.write("alpha.yaml", alpha)
    project.neighbour()
    gamma = project.brief("gamma")
    gamma["positions"][0]["date"] = gamma["events"][0]["date"] = ISSUE_DATE
    project.write("gamma.yaml", gamma)
    return project
