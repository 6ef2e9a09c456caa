"""The unit tests' tiny project (tests/support/tiny_project.py): a fresh one per test, or one per module from the
factory."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.tiny_project import TinyProject


@pytest.fixture
def project(tmp_path: Path) -> TinyProject:
    return TinyProject(tmp_path)


@pytest.fixture(scope="session")
def make_project(tmp_path_factory: pytest.TempPathFactory):
    """Build a TinyProject in a fresh folder, for module-scoped fixtures (validation parses dates slowly)."""

    def make(name: str = "project") -> TinyProject:
        return TinyProject(tmp_path_factory.mktemp(name))

    return make
