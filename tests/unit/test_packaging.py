"""The dependency files agree, and the docs mention every setting and command."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def _names(requirements: list[str]) -> dict[str, str]:
    parsed = {}
    for line in requirements:
        line = line.split("#", 1)[0].strip()
        if line:
            name = re.split(r"[<>=!~ ]", line, maxsplit=1)[0].lower()
            parsed[name] = line.replace(" ", "")
    return parsed


class TestDependencies:
    def test_requirements_txt_matches_pyproject(self):
        pyproject = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
        declared = _names(pyproject["project"]["dependencies"])
        hosted = _names((PROJECT / "requirements.txt").read_text(encoding="utf-8").splitlines())
        assert declared == hosted

    def test_every_dependency_has_a_lower_bound(self):
        pyproject = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
        for requirement in pyproject["project"]["dependencies"]:
            assert ">=" in requirement, requirement


class TestDocs:
    def test_readme_shows_the_two_commands(self):
        readme = (PROJECT / "README.md").read_text(encoding="utf-8")
        assert "make run" in readme and "make test" in readme

    def test_ci_runs_the_readme_test_command(self):
        assert "make test" in (PROJECT / ".ci" / "run").read_text(encoding="utf-8")

    def test_readme_documents_every_link_parameter(self):
        readme = (PROJECT / "README.md").read_text(encoding="utf-8")
        from components.pages import PAGES

        used = {name for page in PAGES for name in page.params}
        assert used, "the page registry declares link parameters"
        for name in used | {"issue", "party"}:
            assert f"{name}=" in readme, f"README does not document ?{name}="

    def test_brief_format_doc_covers_every_schema_field(self):
        from briefing import schema

        doc = (PROJECT / "docs" / "brief-format.md").read_text(encoding="utf-8")
        for model in (
            schema.Brief,
            schema.Seed,
            schema.Reference,
            schema.Position,
            schema.RedLine,
            schema.AcceptableRange,
            schema.Event,
            schema.Impact,
            schema.Judgment,
            schema.Evidence,
            schema.Party,
            schema.Issue,
            schema.Speaker,
        ):
            for field in model.model_fields:
                assert f"`{field}`" in doc, f"docs/brief-format.md does not mention {model.__name__}.{field}"
