"""The ``claimnet`` command: the app with no arguments, quick lookups and edits with them."""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from claimnet.store import StoreError

from .commands import across_cmds, annotate_cmds, browse_cmds, check_cmds, edit_cmds, import_cmds, share_cmds
from .safe_text import visible

COMMAND_MODULES = [browse_cmds, across_cmds, check_cmds, annotate_cmds, edit_cmds, import_cmds, share_cmds]


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one sentence instead of the whole usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {visible(message)}; see {self.prog} --help.\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser for every subcommand, each taking ``--store`` and ``--json``."""
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a subcommand's own default must not override the option given before it
    common.add_argument("--store", metavar="PATH", default=argparse.SUPPRESS,
                        help="store file (default: CLAIMNET_STORE or the user data directory)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="machine-readable output")
    parser = _Parser(
        prog="claimnet",
        description="Build, browse and annotate claim networks from news. With no command, "
        "opens the full-screen app.",
        parents=[common],
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(sub, common)
    return parser


#: Environment values claimnet reads as text.
TEXT_ENVIRONMENT = ("CLAIMNET_ANALYST", "CLAIMNET_STORE")


def not_utf8(argv: list[str]) -> str | None:
    """A sentence naming the first argument or environment value that is not valid UTF-8, or None.

    Python hands such bytes over as lone surrogates; stored, they could never be written back.
    """
    named = [(f"argument {n}", arg) for n, arg in enumerate(argv, start=1)]
    named += [(name, os.environ[name]) for name in TEXT_ENVIRONMENT if name in os.environ]
    for what, text in named:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            shown = text.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
            return f"{what} is not valid UTF-8 ({visible(shown)}); claimnet reads text as UTF-8."
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the command line; the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    problem = not_utf8(argv)
    if problem:
        print(f"claimnet: {problem}", file=sys.stderr)
        return 2
    parser = build_parser()
    args = parser.parse_args(argv)
    args.store = getattr(args, "store", None)
    args.json = getattr(args, "json", False)
    try:
        if args.command is None:
            from .app import run_app

            return run_app(args.store)
        return int(args.func(args) or 0)
    except StoreError as error:  # its message may repeat user input: show control characters
        print(f"claimnet: {visible(str(error))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (| head): say nothing more, and keep Python from complaining
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
