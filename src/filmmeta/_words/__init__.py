"""The words layer: the sentences, fact box, reception labels and HTML card of a film page."""
