"""The lowest layer: the records and their vocabularies (re-exported here), errors, ids, text forms.

It imports nothing else of claimnet, so every other layer may use it.
"""

from .records import *  # noqa: F403  (``model.Actor``, ``model.RECORD_TABLES`` … as before the move)
