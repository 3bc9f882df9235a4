"""Packages: everything under desktop/, plus resources/ installed as tarjama.resources.

The pack catalogue lives in models/ (where people look for it); a built wheel carries a
copy inside tarjama/resources so an installed Tarjama finds it too.
"""

from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py


class BuildWithCatalogue(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib, "tarjama", "resources", "catalogue.toml")
        target.parent.mkdir(parents=True, exist_ok=True)
        self.copy_file("models/catalogue.toml", str(target))


setup(
    package_dir={"": "desktop", "tarjama.resources": "resources"},
    packages=[*find_packages("desktop"), "tarjama.resources"],
    cmdclass={"build_py": BuildWithCatalogue},
)
