"""Running store calls in thread workers and handing their results back to the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode
from textual.message import Message
from textual.worker import get_current_worker

from claimnet.store import StoreError


class StoreReply(Message, bubble=False):
    """A finished store call's result (or error), delivered to the node that asked for it."""

    def __init__(self, group: str, token: int, callback: Callable[[Any], None], value: Any) -> None:
        super().__init__()
        self.group = group
        self.token = token
        self.callback = callback
        self.value = value


def failure_text(error: BaseException) -> str:
    """One sentence for a failed store call: the store's own message, else the error's."""
    if isinstance(error, StoreError):
        return str(error)
    detail = str(error) or type(error).__name__
    return f"The store call failed ({type(error).__name__}): {detail}"


class StoreCallsMixin:
    """Adds ``store_call`` to a widget or screen: run a store call off the UI thread, reply on it."""

    def store_call(
        self,
        call: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        *,
        group: str = "store",
        exclusive: bool = False,
    ) -> None:
        """Run ``call`` in a thread worker; ``done(result)`` or ``failed(error)`` runs on the UI thread.

        Only the newest call of a group is answered; with ``exclusive`` older ones are also cancelled.
        """
        assert isinstance(self, DOMNode)
        tokens: dict[str, int] = getattr(self, "_store_call_tokens", None) or {}
        self._store_call_tokens = tokens
        token = tokens[group] = tokens.get(group, 0) + 1
        node = self

        def job() -> None:
            try:
                result, callback = call(), done
            except Exception as error:  # every failure is shown, never raised into the app
                result, callback = error, failed
            if not get_current_worker().is_cancelled:
                node.post_message(StoreReply(group, token, callback, result))

        self.run_worker(job, thread=True, group=group, exclusive=exclusive, exit_on_error=False)

    def on_store_reply(self, message: StoreReply) -> None:
        """Run the reply's callback unless a newer call of its group was made since."""
        message.stop()
        tokens: dict[str, int] = getattr(self, "_store_call_tokens", None) or {}
        if tokens.get(message.group) == message.token:
            message.callback(message.value)
