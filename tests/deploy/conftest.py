"""A fresh install of the wheel, outside the checkout, shared by the slow deployment tests.

The wheel is built from this checkout; it is installed with its dependencies into a new virtualenv
in a temporary directory. Dependencies come from var/wheelhouse, filled from the package index the
first time (and again when pyproject.toml asks for something it lacks), so later runs install offline.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import venv
from dataclasses import dataclass
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
WHEELHOUSE = CHECKOUT / "var" / "wheelhouse"


@dataclass
class Installed:
    prefix: Path  # the virtualenv
    wheel: Path
    wheelhouse: Path

    @property
    def zhenwu(self) -> str:
        return str(self.prefix / "bin" / "zhenwu")


def clean_environment(**extra: str) -> dict[str, str]:
    """This process's environment without any ZHENWU_* setting, source path or virtualenv of the checkout."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("ZHENWU_", "DJANGO_", "PYTEST_"))
        and name not in ("PYTHONPATH", "VIRTUAL_ENV")
    }
    return {**env, **extra}


def pip(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def installed(tmp_path_factory) -> Installed:
    folder = tmp_path_factory.mktemp("install")
    built = pip("wheel", "--no-deps", "--quiet", "-w", str(folder / "dist"), str(CHECKOUT))
    assert built.returncode == 0, built.stderr
    (wheel,) = (folder / "dist").glob("zhenwu-*.whl")
    prefix = folder / "zhenwu"
    venv.create(prefix, with_pip=False)
    offline = ["--python", str(prefix / "bin" / "python"), "install", "--quiet", "--no-compile"]
    offline += ["--no-index", "--find-links", str(WHEELHOUSE), str(wheel)]
    if pip(*offline).returncode != 0:
        downloaded = pip("download", "--quiet", "-d", str(WHEELHOUSE), str(wheel))
        assert downloaded.returncode == 0, downloaded.stderr
        result = pip(*offline)
        assert result.returncode == 0, result.stderr
    if not any(WHEELHOUSE.glob("setuptools-*.whl")):  # the guide builds the wheel offline too
        requires = tomllib.loads((CHECKOUT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"][
            "requires"
        ]
        downloaded = pip("download", "--quiet", "-d", str(WHEELHOUSE), *requires)
        assert downloaded.returncode == 0, downloaded.stderr
    where = subprocess.run(
        [str(prefix / "bin" / "python"), "-c", "import zhenwu; print(zhenwu.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=folder,
        env=clean_environment(),
    )
    assert Path(where.stdout.strip()).is_relative_to(prefix), "zhenwu is imported from the new virtualenv"
    return Installed(prefix=prefix, wheel=wheel, wheelhouse=WHEELHOUSE)
