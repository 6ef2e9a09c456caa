"""How `make test` finds or gets Chromium and nginx (scripts/prerequisites.py), on a PATH of stand-in programs.

The stand-ins are real executables in a temporary folder: an `apt-get` that "installs" a package by writing a program
of that name beside itself, and a `python` whose `-m playwright install chromium` puts a browser in place and whose
`-c` query prints where Playwright keeps it, as the real driver does. Each logs its arguments, so a test can tell
what was run.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.prerequisites import Machine, ensure_chromium, ensure_nginx, main

PROGRAM = "#!/bin/sh\nexit 0\n"
APT_GET = """#!/bin/sh
echo "apt-get $*" >> "{log}"
if [ "$1" = install ]; then
  for package in "$@"; do :; done
  printf '#!/bin/sh\\nexit 0\\n' > "{bin}/$package"
  /bin/chmod +x "{bin}/$package"
fi
"""
PYTHON = """#!/bin/sh
echo "python $*" >> "{log}"
if [ "$1 $2 $3" = "-m playwright install" ]; then
  [ "{installs}" = yes ] || exit 1
  /bin/mkdir -p "{browsers}"
  printf '#!/bin/sh\\nexit 0\\n' > "{browsers}/chrome"
  /bin/chmod +x "{browsers}/chrome"
  exit 0
fi
if [ "$1" = -c ]; then
  echo "{browsers}/chrome"
fi
"""


def _executable(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


@dataclass
class Stand:
    """A folder of stand-in programs and the log they write."""

    bin: Path
    log: Path
    browsers: Path
    python: Path

    def ran(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []

    def add(self, name: str) -> Path:
        return _executable(self.bin / name, PROGRAM)

    def with_apt(self) -> None:
        _executable(self.bin / "apt-get", APT_GET.format(log=self.log, bin=self.bin))

    def machine(self, root: bool) -> Machine:
        return Machine(path=str(self.bin), root=root, python=str(self.python))


def _stand(tmp_path: Path, playwright_installs: bool = True) -> Stand:
    folder, log, browsers = tmp_path / "bin", tmp_path / "ran.log", tmp_path / "ms-playwright" / "chromium"
    folder.mkdir()
    python = _executable(tmp_path / "python", PYTHON.format(log=log, browsers=browsers, installs="yes" if playwright_installs else "no"))
    return Stand(folder, log, browsers, python)


@pytest.fixture
def stand(tmp_path) -> Stand:
    return _stand(tmp_path)


class TestChromium:
    def test_debians_chromium_on_the_path_is_used_and_nothing_is_installed(self, stand):
        chromium = stand.add("chromium")
        stand.with_apt()
        assert ensure_chromium(stand.machine(root=True)) == str(chromium)
        assert not [line for line in stand.ran() if line.startswith("apt-get") or "install" in line]

    def test_as_root_with_apt_get_debians_chromium_is_installed(self, stand):
        stand.with_apt()
        found = ensure_chromium(stand.machine(root=True))
        assert found == str(stand.bin / "chromium")
        installs = [line for line in stand.ran() if line.startswith("apt-get")]
        assert installs == ["apt-get update -qq", "apt-get install -y -qq chromium"]

    def test_without_root_playwrights_chromium_is_installed_and_apt_get_left_alone(self, stand):
        stand.with_apt()
        found = ensure_chromium(stand.machine(root=False))
        assert found == str(stand.browsers / "chrome")
        assert "python -m playwright install chromium" in stand.ran()
        assert not [line for line in stand.ran() if line.startswith("apt-get")]

    def test_as_root_without_apt_get_playwrights_chromium_is_installed(self, stand):
        assert ensure_chromium(stand.machine(root=True)) == str(stand.browsers / "chrome")

    def test_playwrights_chromium_already_in_place_is_used_without_installing(self, stand):
        stand.browsers.mkdir(parents=True)
        chrome = _executable(stand.browsers / "chrome", PROGRAM)
        assert ensure_chromium(stand.machine(root=False)) == str(chrome)
        assert "python -m playwright install chromium" not in stand.ran()

    def test_when_nothing_works_there_is_no_chromium(self, tmp_path):
        stand = _stand(tmp_path, playwright_installs=False)
        assert ensure_chromium(stand.machine(root=False)) is None
        assert "python -m playwright install chromium" in stand.ran()


class TestNginx:
    def test_nginx_on_the_path_is_used(self, stand):
        binary = stand.add("nginx")
        assert ensure_nginx(stand.machine(root=False)) == str(binary)

    def test_as_root_nginx_is_installed_with_apt_get(self, stand):
        stand.with_apt()
        assert ensure_nginx(stand.machine(root=True)) == str(stand.bin / "nginx")
        assert [line for line in stand.ran() if line.startswith("apt-get")][-1] == "apt-get install -y -qq nginx"

    def test_without_root_nginx_is_not_installed(self, stand):
        stand.with_apt()
        assert ensure_nginx(stand.machine(root=False)) is None
        assert stand.ran() == []


class TestMain:
    def test_with_both_found_it_names_them_and_succeeds(self, stand, capsys):
        chromium, nginx = stand.add("chromium"), stand.add("nginx")
        assert main(stand.machine(root=False)) == 0
        assert capsys.readouterr().out.splitlines() == [f"chromium: {chromium}", f"nginx: {nginx}"]

    def test_on_a_bare_machine_without_root_it_stops_with_one_line_saying_what_to_install(self, tmp_path, capsys):
        stand = _stand(tmp_path, playwright_installs=False)
        assert main(stand.machine(root=False)) == 1
        said = capsys.readouterr().out.splitlines()
        verdict = said[-1]
        assert said[:-1] == ["installing Playwright's Chromium (python -m playwright install chromium)"]
        assert verdict.startswith("make test needs Chromium") and "apt-get install chromium" in verdict
        assert "playwright install chromium" in verdict and "apt-get install nginx" in verdict

    def test_the_command_on_an_empty_path_as_a_user_fails_before_anything_else(self, tmp_path):
        """`python -m scripts.prerequisites` itself, run with nothing on PATH and a Python that cannot install."""
        stand = _stand(tmp_path, playwright_installs=False)
        empty = tmp_path / "empty"
        empty.mkdir()
        code = (
            "import sys; from scripts.prerequisites import Machine, main; "
            f"sys.exit(main(Machine(path={str(empty)!r}, root=False, python={str(stand.python)!r})))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=Path(__file__).resolve().parents[2],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env={**os.environ, "PATH": str(empty)},
        )
        assert done.returncode == 1, done.stderr
        assert done.stdout.splitlines()[-1].startswith("make test needs Chromium")
