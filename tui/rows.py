"""One pane row as plain data, and how it is drawn at a given width (user text never as markup)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content

from .act_labels import ACT_SHORT, ACT_TINY
from .safe_text import one_line

#: One-letter verdict marks with a colour that survives 16-colour terminals.
VERDICT_MARKS = {
    "true": ("T", "green"),
    "mostly_true": ("t", "green"),
    "mixed": ("M", "yellow"),
    "misleading": ("m", "yellow"),
    "mostly_false": ("f", "red"),
    "false": ("F", "red"),
    "unproven": ("?", "magenta"),
    "not_checkable": ("-", "magenta"),
}
NOTE_MARK = "✎"
#: Actors, statements and evidence an import proposed and nobody reviewed yet, and those rejected.
STATUS_MARKS = {"proposed": ("~", "yellow"), "rejected": ("✗", "red")}
STATUS_KINDS = ("actor", "statement", "evidence", "link-statement")
SIGN_STYLES = {"+": "green", "−": "red", "±": "yellow", "→": "cyan", "←": "cyan"}
LINK_TINY = {"denies": "deny", "accuses": "accu", "responds_to": "resp", "restates": "rest",
             "supports": "supp", "contradicts": "ctra", "undercuts": "undc"}
ACT_STYLES = {"denial": "red", "accusation": "yellow", "threat": "red", "condemnation": "yellow",
              "confirmation": "green", "retraction": "magenta"}
KIND_SHORT = {"person": "per", "state": "sta", "organisation": "org", "group": "grp",
              "media": "med", "unknown": "unk", "quantity": "qty", "physical": "phys",
              "document": "doc", "testimony": "test", "imagery": "img", "other": "oth"}


@dataclass(frozen=True, slots=True)
class Row:
    """What a pane shows for one record, computed off the UI thread."""

    id: str
    kind: str  # actor, statement, evidence, source, link, annotation, or "group" for a heading
    label: str = ""  # act, actor or evidence kind, link type
    text: str = ""  # name, quote or text (raw user text, made visible when drawn)
    who: str = ""  # speaker or reporter name
    date: str = ""
    sign: str = ""  # + − ± → ←
    count: int | None = None
    verdict: str | None = None
    noted: bool = False
    status: str = ""  # proposed, accepted or rejected (actors, statements and evidence)
    link: str = ""  # the link a linked-statement row stands for (d and e act on it)


def marks(row: Row) -> Content:
    """The marks before a row: verdict letter, note sign and, for claims, proposed or rejected."""
    letter, style = VERDICT_MARKS.get(row.verdict or "", (" ", ""))
    parts = [(letter, style), (NOTE_MARK if row.noted else " ", "cyan")]
    if row.kind in STATUS_KINDS:
        parts.append(STATUS_MARKS.get(row.status, (" ", "")))
    return Content.assemble(*parts)


def _cell(text: str, width: int, style: str = "") -> Content:
    """``text`` on one line, cut or padded to exactly ``width`` cells."""
    content = Content(one_line(text))
    if style:
        content = content.stylize(style)
    return content.truncate(width, ellipsis=True, pad=True)


def format_row(row: Row, width: int) -> Content:
    """The row drawn in ``width`` cells, with columns dropped as the pane narrows."""
    if row.kind in ("pending", "gone"):
        return Content.styled(row.text, "dim").truncate(width, pad=True)
    if row.kind == "group":
        return Content.styled(one_line(row.text), "bold").truncate(width, ellipsis=True, pad=True)
    # Three cells of marks: verdict, note and (claims) status, else a space before the columns.
    lead = marks(row)
    parts: list[Content] = [lead] if row.kind in STATUS_KINDS else [lead, Content(" ")]
    rest = width - 3
    if row.sign or row.kind == "evidence":  # evidence keeps its sign column, blank or not
        parts.append(_cell(row.sign, 2, SIGN_STYLES.get(row.sign, "")))
        rest -= 2
    if row.kind == "actor":
        tail = _cell(KIND_SHORT.get(row.label, row.label[:3]), 3, "dim")
        count = "" if row.count is None else f"{row.count:>4}"
        if rest >= 16:
            parts += [_cell(row.text, rest - 4 - len(count), "bold"), Content(" "), tail,
                      Content(count)]
        else:
            parts += [_cell(row.text, rest - len(count), "bold"), Content(count)]
    elif row.kind == "link-statement" and rest < 40:
        # Narrow: a short link type, then who said it (what tells linked statements apart), then words.
        parts += [_cell(LINK_TINY.get(row.label, row.label[:4]), 4, "cyan"), Content(" ")]
        rest -= 5
        if rest < 16:
            parts.append(_cell(row.who, rest, "bold"))
        else:
            who = min(len(one_line(row.who)), max(8, rest // 2))
            parts += [_cell(row.who, who, "bold"), Content(" "), _cell(row.text, rest - who - 1)]
    elif row.kind in ("statement", "link-statement"):
        parts += _statement_cells(row, rest)
    else:
        label = KIND_SHORT.get(row.label, row.label)
        if rest >= 20:
            parts += [_cell(label, 4, "dim"), Content(" ")]
            rest -= 5
        parts.append(_cell(row.text, rest, "dim" if row.status == "rejected" else ""))
    return Content.assemble(*parts).truncate(width, pad=True)


def short_name(name: str, width: int) -> str:
    """A name cut to ``width`` cells the way people abbreviate: "Kim YJ", "South K", "Shin W"."""
    name = one_line(name)
    if cell_len(name) <= width:
        return name
    first, *others = name.split()
    initials = "".join(word[0] for word in others if word[:1].isalnum())
    short = f"{first} {initials}".strip()
    return short if cell_len(short) <= width else first


def _statement_cells(row: Row, rest: int) -> list[Content]:
    """A statement's words first, then its speaker, short; a wide (zoomed) pane adds act and date."""
    parts: list[Content] = []
    dim = "dim" if row.status == "rejected" else ""
    if row.kind == "link-statement" or rest >= 60:
        label = row.label.replace("_", " ") if row.kind == "link-statement" else \
            ACT_SHORT.get(row.label, row.label)
        width = min(max(7, cell_len(label)), 11) if rest >= 60 else 4
        if rest < 60:
            label = LINK_TINY.get(row.label, row.label[:4]) if row.kind == "link-statement" else \
                ACT_TINY.get(row.label, row.label[:4])
        colour = "cyan" if row.kind == "link-statement" else ACT_STYLES.get(row.label, "")
        parts += [_cell(label, width, colour), Content(" ")]
        rest -= width + 1
    who = min(16, max(8, rest // 6)) if rest >= 60 else min(10, max(8, rest // 4))
    date = 11 if rest >= 80 and row.date else 0
    words = rest - who - 1 - date
    parts += [_cell(row.text, words, dim), Content(" ")]
    parts.append(_cell(short_name(row.who, who), who, "bold"))
    if date:
        parts += [Content(" "), _cell(row.date, 10, "dim")]
    return parts


def quoted(quote: str | None, text: str) -> str:
    """A statement's words: its exact quote in curly quotes, else its normalised text."""
    return f"“{quote}”" if quote else text
