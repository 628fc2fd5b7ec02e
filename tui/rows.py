"""One pane row as plain data, and how it is drawn at a given width (user text never as markup)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content

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
ACT_SHORT = {
    "claim": "claim", "denial": "denial", "accusation": "accuse", "threat": "threat",
    "response": "reply", "demand": "demand", "condemnation": "condemn", "prediction": "predict",
    "confirmation": "confirm", "retraction": "retract",
}
ACT_TINY = {
    "claim": "clm", "denial": "deny", "accusation": "accu", "threat": "thrt", "response": "resp",
    "demand": "dmnd", "condemnation": "cndm", "prediction": "pred", "confirmation": "conf",
    "retraction": "retr",
}
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
    if row.sign:
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
        if row.kind == "link-statement":
            label = row.label.replace("_", " ")
            label_width = max(7, cell_len(label)) if rest >= 40 else 7
        elif rest >= 40:
            label, label_width = ACT_SHORT.get(row.label, row.label), 7
        else:
            label, label_width = ACT_TINY.get(row.label, row.label[:4]), 4
        if rest >= 16:
            parts += [_cell(label, label_width, ACT_STYLES.get(row.label, "")), Content(" ")]
            rest -= label_width + 1
        if rest >= 20:
            who = min(16, max(8, rest // 4))
            parts += [_cell(row.who, who, "bold"), Content(" ")]
            rest -= who + 1
        if rest >= 45 and row.date:
            parts += [_cell(row.date, 10, "dim"), Content(" ")]
            rest -= 11
        parts.append(_cell(row.text, rest, "dim" if row.status == "rejected" else ""))
    else:
        label = KIND_SHORT.get(row.label, row.label)
        if rest >= 20:
            parts += [_cell(label, 4, "dim"), Content(" ")]
            rest -= 5
        parts.append(_cell(row.text, rest, "dim" if row.status == "rejected" else ""))
    return Content.assemble(*parts).truncate(width, pad=True)


def quoted(quote: str | None, text: str) -> str:
    """A statement's words: its exact quote in curly quotes, else its normalised text."""
    return f"“{quote}”" if quote else text
