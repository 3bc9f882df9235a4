"""Packages: everything under desktop/, plus resources/ installed as tarjama.resources."""

from setuptools import find_packages, setup

setup(
    package_dir={"": "desktop", "tarjama.resources": "resources"},
    packages=[*find_packages("desktop"), "tarjama.resources"],
)
