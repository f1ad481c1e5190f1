"""newsgraph.extract: text -> records (articles, actors, events, roles, quotes, citations).

Nothing here imports from ``graph`` or ``queries``.
"""
