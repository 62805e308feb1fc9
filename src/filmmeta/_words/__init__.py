"""The words layer: the sentences, fact box, reception labels and HTML card of a film page.

It lends the model its notebook display through :mod:`filmmeta._model.handlers`: a film
shows its fact card, a rating or an offer its few words. ``import filmmeta`` imports this
package, so every model value has them; the card's module loads on the first display.
"""

from filmmeta._model import register as _register

for _name in ("film_html", "film_pretty", "rating_pretty", "offer_pretty"):
    _register(_name, "filmmeta._words.html", _name)
