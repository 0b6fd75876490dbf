"""The source registry: one entity per source, linked from claims.

``normalize`` reduces a mention to comparable keys, ``linking`` links an
article's mentions to registry entries (as suggestions), ``registry`` is
the in-memory model. Rules are data in ``resources/sources/``.
"""
