"""The catalog layer: Arrow schema, rows and tables, behind :mod:`filmmeta.frames`."""
