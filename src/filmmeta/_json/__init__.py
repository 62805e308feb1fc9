"""The JSON layer: cattrs hooks, the fast decoding and encoding paths and the JSON Schema.

Built on the model layer; used by :mod:`filmmeta.converters`, which is its public face.
"""
