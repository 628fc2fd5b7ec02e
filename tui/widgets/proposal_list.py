"""The review queue's list: a RecordList whose enter is left to the screen (enter accepts there)."""

from __future__ import annotations

from .record_list import RecordList


class ProposalList(RecordList, inherit_bindings=False):
    """Proposals drawn line by line like every pane; moves with the same keys, but enter is not "open"."""

    BINDINGS = [binding for binding in RecordList.BINDINGS if binding.action != "choose"]
