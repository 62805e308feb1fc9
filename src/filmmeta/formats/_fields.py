"""The fields a model class has: for values the next model release gives a place.

The formats read some facts (a film's other titles, its ids in databases without a
named field) that :class:`~filmmeta.Film` and :class:`~filmmeta.ExternalIds` hold from
Model 2 on. :func:`held` keeps the ones the model in use has a field for, so that a
format passes them the moment the fields exist.

The module is private: the formats of this package are its only users.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["held"]


def held(cls: type[Any], **values: Any) -> dict[str, Any]:
    """*values* whose names are fields of the attrs class *cls*.

    Examples:
        >>> from filmmeta import Rating
        >>> held(Rating, votes=3, stars=5)
        {'votes': 3}
    """
    fields = attrs.fields_dict(cls)
    return {name: value for name, value in values.items() if name in fields}
