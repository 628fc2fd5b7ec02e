"""Modal forms of the claimnet app: annotate, create or edit, pick, link and delete records."""

from __future__ import annotations

from .annotate_screen import AnnotateScreen
from .confirm_delete_screen import ConfirmDeleteScreen
from .history_screen import HistoryScreen
from .link_screen import LinkScreen
from .links_notes_screen import LinksNotesScreen
from .pick_record_screen import PickRecordScreen
from .record_form_screen import RecordFormScreen

__all__ = ["AnnotateScreen", "ConfirmDeleteScreen", "HistoryScreen", "LinkScreen", "LinksNotesScreen",
           "PickRecordScreen", "RecordFormScreen"]
