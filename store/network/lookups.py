"""What the lookup index derives from records, as the network's queries and search need it."""

from __future__ import annotations

from claimnet.store.engine.lookup_index import Derivations

from .queries import GROUPS
from .search import SEARCH_FIELDS, fold_record

#: Bump the version when a group's keys or the search text change: old indexes are then rebuilt.
DERIVATIONS = Derivations(groups=GROUPS, texts=dict.fromkeys(SEARCH_FIELDS, fold_record), version="1")
