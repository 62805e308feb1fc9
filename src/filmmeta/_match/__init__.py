"""The matching layer: title forms, the same-film decision and catalog pairing.

Built on the model layer only; :mod:`filmmeta.match` is its public face.
"""
