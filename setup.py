"""Only what pyproject.toml cannot say: resources/ sits at the top of the
repository but ships inside the package as ``annotator.resources``, so an
installed copy (and a PyInstaller bundle) finds its lexicons and demo corpus."""

from setuptools import find_namespace_packages, find_packages, setup

setup(
    packages=find_packages(include=["annotator", "annotator.*"])
    + ["annotator.resources"]
    + ["annotator.resources." + name for name in find_namespace_packages("resources")],
    package_dir={"annotator.resources": "resources"},
)
