"""The model layer: the attrs classes that describe a film and the rules that make them valid.

Nothing here imports the JSON, words, catalog or format layers; they all build on this one.
"""
