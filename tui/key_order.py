"""Keys handled one at a time, in the order typed, even when one of them opens or closes a screen.

Textual hands each key to the focused widget's queue and goes on with the next key at once; the
binding a key triggers runs only when the key has bubbled back up to the app. Keys typed in one
burst (``j`` ``4``, ``/kim``, a note then ctrl+s) therefore raced: a priority binding ran before the
keys queued ahead of it, and keys already queued for the old screen were lost when a key pushed a
new one. Here the app holds each key until the one before it has been fully handled (a marker
posted behind it has bubbled back up), and until a newly pushed screen is mounted, so every key
reaches the widget that has the focus by the time it is its turn.

Keys typed before the screen shows its data (the store still opening, the panes still reading
their first rows) wait for it the same way, so ``j`` ``enter`` typed at once act on the rows
they were meant for; only the quit key acts at once, and an Enter the terminal turned into a newline
before the app took it over is an Enter.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from time import monotonic
from typing import Any

from textual import events
from textual.dom import NoScreen
from textual.message import Message
from textual.message_pump import MessagePump

#: What an Enter typed in the first moments becomes: until the app puts the terminal in raw mode, the
#: terminal turns the Enter's carriage return into a newline, which Textual reads as ctrl+j. While the app
#: still opens, a newline can only be that Enter (``claimnet`` then ``j`` ``j`` ``enter`` typed at once).
_NEWLINE = "ctrl+j"
#: A key whose marker has not come back by then (its widget went away) stops holding the others.
STUCK_SECONDS = 0.5
CHECK_SECONDS = 0.05


class KeyHandled(Message):
    """Posted behind a key to the widget it went to; back at the app, the key was fully handled."""

    def __init__(self, serial: int) -> None:
        super().__init__()
        self.serial = serial


class OrderedKeys:
    """Mixed into the App: keys wait for the key before them instead of overtaking it."""

    app: Any
    screen: Any
    focused: Any
    app_focus: bool
    _exit: bool

    def _init_key_order(self) -> None:
        self._held_keys: deque[events.Key] = deque()
        self._key_in_flight: tuple[int, MessagePump, float] | None = None
        self._key_serial = 0
        self._key_check: asyncio.TimerHandle | None = None

    @property
    def keys_waiting(self) -> int:
        """How many typed keys wait for the one before them (for tests)."""
        return len(self._held_keys) + (self._key_in_flight is not None)

    def keys_wait(self) -> bool:
        """Whether typed keys wait because the screen does not show its data yet (the app says)."""
        return False

    def release_keys(self) -> None:
        """The screen shows its data: hand on the keys typed while it was read."""
        self.app.call_later(self._release_keys)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._exit:  # keys typed after q are dropped, not run while the app closes
                return
            if self.keys_wait() and self._quits(event.key):
                self.app.exit()
                return
            if self.keys_wait() and event.key == _NEWLINE:
                event = events.Key("enter", "\r")  # typed before the app had the terminal (see _NEWLINE)
            self._held_keys.append(event)
            await self._release_keys()
            return
        await super().on_event(event)  # type: ignore[misc]

    def _quits(self, key: str) -> bool:
        """Whether ``key`` is bound to quitting on the screen in front (as the key map has it).

        Reads Textual's private ``Screen._binding_chain`` (8.2.8, pinned): recheck on an upgrade;
        tests/tui/test_first_paint.py's q-while-opening test fails if it stops working."""
        return any(binding.id == "quit" or binding.action in ("quit", "app.quit")
                   for _node, bindings in self.screen._binding_chain
                   for binding in bindings.key_to_bindings.get(key, ()))

    async def _release_keys(self) -> None:
        """Hand held keys on, one at a time, while none is on its way."""
        while self._held_keys and self._key_in_flight is None and not self.keys_wait():
            if self._exit:
                self._held_keys.clear()
                return
            screen = self.screen
            if not screen.is_mounted:
                # A screen pushed by the key before: wait until it is mounted and has set its focus.
                self._wait_for(screen)
                screen.call_later(self._screen_ready, self._key_serial)
                break
            target = await self._dispatch_key(self._held_keys.popleft())
            if target is not None:
                self._wait_for(target)
                target.post_message(KeyHandled(self._key_serial))
        if self._held_keys and self._key_in_flight is not None:
            self._schedule_check()

    def _wait_for(self, target: MessagePump) -> None:
        self._key_serial += 1
        self._key_in_flight = (self._key_serial, target, monotonic())

    async def _dispatch_key(self, event: events.Key) -> MessagePump | None:
        """What Textual's App.on_event does with a typed key; the widget it went to, if any."""
        if not self.app_focus:
            self.app_focus = True
        screen = self.screen
        if screen.maximized is not None and event.key == "escape" and self.app.escape_to_minimize:
            screen.minimize()
            return None
        if self.focused:
            with contextlib.suppress(NoScreen):
                screen._clear_tooltip()
        if await self._check_bindings(event.key, priority=True):  # type: ignore[attr-defined]
            return None
        target = self.focused or screen
        target._forward_event(event)
        return target

    def _screen_ready(self, serial: int) -> None:
        # Run on the new screen after its mount; the focus it asked for is set by an app callback,
        # so the next key goes out behind that callback.
        self.app.call_later(self._key_finished, serial)

    def on_key_handled(self, message: KeyHandled) -> None:
        message.stop()
        self.app.call_later(self._key_finished, message.serial)

    async def _key_finished(self, serial: int) -> None:
        if self._key_in_flight is not None and self._key_in_flight[0] == serial:
            self._key_in_flight = None
            await self._release_keys()

    def _schedule_check(self) -> None:
        if self._key_check is None:
            self._key_check = asyncio.get_running_loop().call_later(CHECK_SECONDS, self._check_stuck)

    def _check_stuck(self) -> None:
        """A key whose widget went away (a closed form) never reports back: stop waiting for it."""
        self._key_check = None
        flight = self._key_in_flight
        if flight is None or not self._held_keys:
            return
        serial, target, since = flight
        gone = not target.is_attached if hasattr(target, "is_attached") else False
        if gone or monotonic() - since > STUCK_SECONDS:
            self.app.call_later(self._key_finished, serial)
        else:
            self._schedule_check()
