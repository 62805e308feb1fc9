"""One ``__repr__`` for the model's classes, writing what attrs' own would write.

attrs compiles a ``__repr__`` for each class from source as the class is made: about a
third of the source it compiles, some 4 ms of ``import filmmeta`` for the classes made
then, for a method that programs seldom call. Those classes take this one instead (attrs
leaves a ``__repr__`` written in the class alone); ``tests/test_reprs.py`` compares its
text with attrs' for each of them.
"""

from __future__ import annotations

import reprlib
from typing import Any

import attrs

__all__ = ["fields_repr"]


@reprlib.recursive_repr()  # attrs' guard: a value met again inside itself shows as "..."
def fields_repr(self: Any) -> str:
    """The class's name and the fields attrs shows, in order, as attrs writes them.

    Examples:
        >>> from filmmeta import Money
        >>> fields_repr(Money("3.99", "USD"))
        "Money(amount=Decimal('3.99'), currency='USD', region=None)"
    """
    parts = []
    for a in self.__class__.__attrs_attrs__:
        if a.repr is False:
            continue
        # As attrs: a field left out of __init__ may be unset; any other must be set.
        value = getattr(self, a.name) if a.init else getattr(self, a.name, attrs.NOTHING)
        parts.append(f"{a.name}={(repr if a.repr is True else a.repr)(value)}")
    return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"
