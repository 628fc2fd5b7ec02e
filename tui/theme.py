"""Colours that stay readable: Textual's dark theme in 256 or true colour, the terminal's own 16 otherwise.

In 16 colours Textual maps its true colours to the nearest of the palette, which put white text on
cyan for the cursor row and red key letters on bright black in the footer. There the app uses a
theme built from the terminal's own ANSI colours instead (``:ansi`` rules in the stylesheets tune
it): the cursor row black on white, footer keys reversed, text in the terminal's default colours.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import App
from textual.theme import BUILTIN_THEMES, Theme

ANSI_THEME_NAME = "claimnet-ansi"
SIXTEEN = ("standard", "windows")


def ansi_theme() -> Theme:
    """Textual's ansi-dark theme, with a cursor that keeps its contrast and a visible accent."""
    base = BUILTIN_THEMES["ansi-dark"]
    variables = {**base.variables,
                 "block-cursor-foreground": "ansi_black",
                 "block-cursor-background": "ansi_white",
                 "block-cursor-text-style": "bold",
                 "footer-key-foreground": "ansi_bright_white",
                 "footer-description-foreground": "ansi_default",
                 "border": "ansi_bright_blue"}
    return replace(base, name=ANSI_THEME_NAME, accent="ansi_bright_blue", variables=variables)


def has_sixteen_colours(app: App) -> bool:
    """Whether the terminal was detected as 16 colours (TERM=screen, linux, xterm without 256color)."""
    return app.console.color_system in SIXTEEN


def use_readable_theme(app: App, colours: int | str | None = None) -> None:
    """Switch to the ANSI theme for 16 colours: ``colours`` 16, or "auto" and the terminal has 16.

    None keeps Textual's theme whatever the terminal (tests and snapshots do not depend on $TERM).
    """
    app.register_theme(ansi_theme())
    if colours == 16 or (colours == "auto" and has_sixteen_colours(app)):
        app.theme = ANSI_THEME_NAME
