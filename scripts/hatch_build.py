"""The compiled build's C extension: ``filmmeta._json.untrack`` (hatchling build hook).

Hatchling runs this hook for a wheel when the compiled build is asked for
(``HATCH_BUILD_HOOKS_ENABLE=true``, which also turns on mypyc's hook; see
docs/performance.md). It compiles ``src/filmmeta/_json/untrack.c`` with setuptools'
``build_ext`` in a temporary directory, so that nothing is left in the sources, and adds
the extension to the wheel. Without it the package is pure Python, and the decoder does
without the module.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

EXTENSION = "filmmeta._json.untrack"
SOURCE = "src/filmmeta/_json/untrack.c"


class UntrackBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile the untrack extension into the wheel."""

    PLUGIN_NAME = "untrack"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Build the extension and tell hatchling to ship it in a platform wheel."""
        if self.target_name != "wheel":
            return
        from setuptools import Distribution, Extension
        from setuptools.command.build_ext import build_ext

        self._temp = tempfile.mkdtemp(prefix="filmmeta-untrack-")
        extension = Extension(EXTENSION, [str(Path(self.root) / SOURCE)])
        command = build_ext(Distribution({"name": "filmmeta", "ext_modules": [extension]}))
        command.build_lib = str(Path(self._temp) / "lib")
        command.build_temp = str(Path(self._temp) / "temp")
        command.ensure_finalized()
        command.run()
        built = Path(command.get_ext_fullpath(EXTENSION))
        build_data["force_include"][str(built)] = f"filmmeta/_json/{built.name}"
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the temporary build directory once the wheel is written."""
        temp = getattr(self, "_temp", None)
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
