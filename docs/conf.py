"""Sphinx configuration for the filmmeta documentation."""

from __future__ import annotations

from importlib.metadata import version as _version

project = "filmmeta"
author = "The filmmeta developers"
copyright = "2026, The filmmeta developers"
release = _version("filmmeta")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# MyST: ::: fences for directives, and definition lists in the guides.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# autodoc + napoleon: Google-style docstrings, types shown in the description (the
# signatures stay readable), members in source order as the modules present them.
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_class_signature = "mixed"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

# Type references that cannot all resolve (attrs, cattrs and private aliases) are not
# errors: the reference is for reading, and -W must stay meaningful for real problems.
nitpicky = False

# The builds run without network access, and -W would turn a failed inventory fetch into
# an error. Links to the Python, attrs and cattrs docs are written as plain URLs instead;
# with network access, fill this in:
#   {"python": ("https://docs.python.org/3", None),
#    "attrs": ("https://www.attrs.org/en/stable/", None),
#    "cattrs": ("https://catt.rs/en/stable/", None)}
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}

html_theme = "furo"
html_title = "filmmeta"


def _restore_property_summary(app, what, name, obj, options, lines):  # noqa: PLR0917 (Sphinx event signature)
    """Undo napoleon's reading of a property's summary as ``type: description``.

    Napoleon treats the first line of a property docstring as ``type: description``, so
    "The value as a percentage of the best value: ``value / best * 100``." would render
    as a type. filmmeta's properties take their types from annotations and never use that
    form: put the words before the colon back in front of the description.
    """
    if what != "property":
        return
    for i, line in enumerate(lines):
        if line.startswith(":type: "):
            prefix = line.removeprefix(":type: ")
            del lines[i]
            if i and not lines[i - 1]:
                del lines[i - 1]
            lines[0] = f"{prefix}: {lines[0]}" if lines else prefix
            return


def setup(app):
    # After napoleon (priority 500), which turns the docstring into reST first.
    app.connect("autodoc-process-docstring", _restore_property_summary, priority=600)

# The published JSON Schema is served at the address in its $id.
html_extra_path = ["schema"]
