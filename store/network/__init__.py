"""The network's rules: the ``Store`` API with its validation, history, queries and search.

Built on the engine and the model; it never imports a feature.
"""
