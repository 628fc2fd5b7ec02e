"""The claimnet Textual app: opens the store in a worker, shows the main screen, follows other sessions."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterable
from functools import partial

from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Static

from claimnet.store import Store, StoreError, open_store
from claimnet.store.engine.location import default_store_path

from .key_order import OrderedKeys
from .keymap import keymap_path, load_keymap
from .messages import StoreChanged
from .navigation import NavHistory
from .safe_text import visible
from .screens.help_screen import HelpScreen
from .screens.main_screen import MainScreen
from .screens.review_screen import ReviewScreen
from .theme import use_readable_theme

POLL_SECONDS = 1.0
#: From this size on the app reads the store through its lookup index, as the quick commands do,
#: instead of holding every record in memory: 1,000,000 statements (915 MB) take 6 GB to load
#: whole and 0.25 GB through the index.
INDEXED_FROM_BYTES = 256 * 1024 * 1024
NOTICE_SECONDS = {"information": 3.0, "warning": 5.0, "error": 8.0}


class ClaimnetApp(OrderedKeys, App[None]):
    """Browse and annotate a claim network kept in one store file."""

    CSS_PATH = "app.tcss"
    TITLE = "claimnet"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (76, "-normal"), (120, "-wide")]
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", id="help"),
        # The main screen binds q to quit; on every other screen q goes back, as in tig and less.
        Binding("q", "back_or_quit", "Back", show=False, id="quit"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="command_palette"),
    ]

    def __init__(self, store_path: str | None = None, keys_path: str | None = None,
                 poll_seconds: float = POLL_SECONDS, colours: int | str | None = None) -> None:
        super().__init__()
        self.colours = colours  # 16: the ANSI theme; "auto": it if the terminal has 16; None: Textual's
        self.store_path = store_path or default_store_path()
        self.keys_path = keys_path or keymap_path()
        self.poll_seconds = poll_seconds
        self.store: Store | None = None
        self.nav = NavHistory()
        self._polling = False
        self._poll_error = False
        self._indexing = False  # a worker is refilling the store's lookup index
        self._index_failed = False  # it cannot be kept here (a folder we cannot write to)
        self.notice_log: list[str] = []  # every notification shown, oldest first
        self._init_key_order()

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = True) -> None:
        """Show a short-lived notification (errors stay longer) and keep its text in ``notice_log``.
        Workers reading the store call it from their threads: it is then posted to the app's (without
        waiting, so a worker never blocks on an app that is closing)."""
        if self._thread_id != threading.get_ident():
            self.call_later(self.notify, message, title=title, severity=severity, timeout=timeout,
                            markup=markup)
            return
        self.notice_log.append(message)
        if title:  # one line: the title leads the message
            message = f"{escape(title) if markup else title}: {message}"
        self.clear_notifications()  # never stacked: the newest notice replaces the one shown
        if timeout is None:
            timeout = NOTICE_SECONDS.get(severity, NOTICE_SECONDS["information"])
        super().notify(message, severity=severity, timeout=timeout, markup=markup)
        # Toasts expire by their own timers; this one makes sure the screen drops them even when
        # a toast was mounted on a screen that has gone (it then lingered until the next key).
        self.call_later(self.set_timer, timeout + 0.1, self._refresh_notifications)

    def push_screen(self, screen, callback=None, wait_for_dismiss=False, *, mode=None):
        """Push a screen, unless the app is closing (a key typed just after q must not open a form)."""
        if self._exit:
            return AwaitComplete.nothing()
        return super().push_screen(screen, callback, wait_for_dismiss, mode=mode)

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            # No animation: redrawing it took the parsing worker's turns (0.5 s of a 2 s open
            # at 100,000 statements).
            yield Static(Content.from_markup("Opening the store [b]$path[/b] …",
                                             path=visible(self.store_path)), id="opening")

    def on_mount(self) -> None:
        use_readable_theme(self, self.colours)
        keymap, problems = load_keymap(self.keys_path)
        if keymap:
            self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, severity="warning", markup=False, timeout=10)
        self.open_store_file()

    @work(thread=True, exclusive=True, group="open")
    def open_store_file(self) -> None:
        """Open (or create) the store off the UI thread, then show the main screen."""
        # The records loaded live as long as the session: the collector need not walk them, then
        # or later (at 100,000 statements each pass took 0.2-0.3 s, several of them before paint).
        gc.disable()
        try:
            store = open_store(self.store_path, search_index=True, lookups=self._large())
        except StoreError as error:
            self.call_from_thread(self.exit, None, 1, f"claimnet: {error}")
            return
        finally:
            gc.freeze()
            gc.enable()
        self.call_from_thread(self._store_opened, store)

    def _large(self) -> bool:
        """Whether the store file is large enough to be read through its lookup index."""
        try:
            return os.path.getsize(self.store_path) >= INDEXED_FROM_BYTES
        except OSError:
            return False  # none yet: a new store is small

    def _store_opened(self, store: Store) -> None:
        self.store = store
        self.push_screen(MainScreen())
        if store.created_new:
            self.notify(f"New store at {visible(store.path)}, with the seed article's network.",
                        markup=False, timeout=6)
        if store.migrated_from is not None:
            text = f"Migrated the store from schema {store.migrated_from}; a backup was kept."
            self.notify(text, markup=False, timeout=6)
        self.set_interval(self.poll_seconds, self._poll)

    def keys_wait(self) -> bool:
        """Keys typed while the store opens or the main screen reads its first rows wait for them."""
        screen = self.screen
        return self.store is None or (isinstance(screen, MainScreen) and not screen.painted)

    def keep_search_index(self) -> None:
        """Refill the store's lookup index in a worker unless it is in step (after first paint,
        and whenever a poll finds it behind), so the next search folds nothing."""
        if self.store is not None and not self._indexing and not self._index_failed:
            self._indexing = True
            self.run_worker(self._build_search_index, thread=True, group="search-index")

    def _build_search_index(self) -> None:
        try:
            self._index_failed = not self.store.prepare_search()
        except StoreError:
            self._index_failed = True
        finally:
            self._indexing = False

    def _poll(self) -> None:
        if self.store is not None and not self._polling:
            self._polling = True
            self.run_worker(self._refresh_store, thread=True, exclusive=True, group="poll")

    def _refresh_store(self) -> None:
        """Catch up with other sessions (worker thread); tell the main and review screens of changes."""
        try:
            self.store.refresh()
        except StoreError as error:
            if not self._poll_error:
                self._poll_error = True
                self.notify(str(error), severity="error", markup=False, timeout=15)
            return
        finally:
            self._polling = False
        self._poll_error = False
        generation = self.store.generation
        if not self._indexing and not self._index_failed and not self.store.search_uses_index():
            self.call_from_thread(self.keep_search_index)
        self.call_from_thread(self._announce, generation)

    def _announce(self, generation: int) -> None:
        # Every store read catches up with other sessions, so whether a change was ours is
        # told by the generations our own writes left, not by what refresh() returned.
        external = not self.store.wrote(generation)
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen | ReviewScreen):
                screen.post_message(StoreChanged(generation, external))

    def action_back_or_quit(self) -> None:
        """q: back from any screen but the main one (as in tig and less); quit on the main screen."""
        screen = self.screen
        if isinstance(screen, MainScreen) or len(self.screen_stack) <= 2:
            self.exit()
            return
        escape_keys = screen._bindings.key_to_bindings.get("escape", [])
        if escape_keys:  # the screen's own way back (it may tidy up first)
            self.call_later(screen.run_action, escape_keys[0].action)
        else:
            screen.dismiss(None)

    def action_help(self) -> None:
        """List every key of the screen in front (its focused widget's, the screen's, the app's)."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(HelpScreen.bindings_of(self.screen)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action bound on the screen (with its key and id), then Textual's own."""
        seen: set[tuple[int, str]] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or (id(active.node), binding.action) in seen:
                continue
            seen.add((id(active.node), binding.action))
            where = f"key {self.get_key_display(binding)}" + (f" · id {binding.id}" if binding.id else "")
            yield SystemCommand(binding.description, escape(where),
                                partial(self._run_bound, active.node, binding.action))
        yield from super().get_system_commands(screen)

    def _run_bound(self, node, action: str) -> None:
        self.call_later(node.run_action, action)


def run_app(store_path: str | None) -> int:
    """Run the app on a store file (default: CLAIMNET_STORE or the user data directory); exit status."""
    app = ClaimnetApp(store_path, colours="auto")
    try:
        app.run()
    finally:
        if app.store is not None:
            app.store.close()
    return app.return_code or 0
