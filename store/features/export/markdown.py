"""A Markdown report for an editor: per actor their statements with quotes, evidence, verdicts and notes.

Every piece of user text is escaped, so that brackets, asterisks, angle brackets and the like
show as written (never as links, emphasis or HTML) in any CommonMark renderer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Any

from claimnet.store import model

from .snapshot import Network, Progress, Ticker
from .text import VERDICT_LABELS, clean, flat

_SPECIALS = "\\`*_[]<>#|~"  # the backslash first, so added backslashes are not escaped again
_SPECIAL_RE = re.compile("[" + re.escape(_SPECIALS) + "]")
_ENTITY_RE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START_RE = re.compile(r"^([-+=>]|\d+(?=[.)]))")

#: How a link reads from its start (out) and from its end (in).
LINK_PHRASES = {
    "supports": ("Supports", "Supported by"),
    "contradicts": ("Contradicts", "Contradicted by"),
    "undercuts": ("Undercuts", "Undercut by"),
    "denies": ("Denies", "Denied by"),
    "accuses": ("Accuses", "Accused by"),
    "responds_to": ("Responds to", "Answered by"),
    "restates": ("Restates", "Restated by"),
}
FOR, AGAINST = ("supports", "restates"), ("contradicts", "undercuts", "denies")


def md(text: str | None) -> str:
    """User text made safe inline: one line, Markdown and HTML specials escaped."""
    return _escape(flat(text))


def _escape(text: str) -> str:
    if _SPECIAL_RE.search(text) is not None:
        for char in _SPECIALS:
            if char in text:
                text = text.replace(char, "\\" + char)
    return _ENTITY_RE.sub("&amp;", text) if "&" in text else text


def md_lines(text: str | None, prefix: str) -> list[str]:
    """Multi-line user text, each line escaped (line starts too) and prefixed."""
    out = []
    for raw in clean(text).split("\n"):
        line = _escape(raw.strip())
        match = _LINE_START_RE.match(line)
        if match and match.group(1)[0].isdigit():
            line = line[: match.end()] + "\\" + line[match.end():]  # "1." would start a list
        elif match:
            line = "\\" + line  # "-", "+", "=" would start a list or underline a heading
        out.append((prefix + line).rstrip() if line else prefix.rstrip())
    return out


def _day(stamp: str | None) -> str:
    return (stamp or "")[:10]


def _name(net: Network, rid: str | None) -> str:
    """A record's label, escaped, remembered per network (names repeat on every line)."""
    if not rid:
        return ""
    cache = net.__dict__.setdefault("_md_names", {})
    name = cache.get(rid)
    if name is None:
        name = cache[rid] = md(net.label(rid))
    return name


def _claim_line(net: Network, record: dict[str, Any]) -> str:
    """One line naming a statement (speaker and act) or a piece of evidence."""
    if record["id"].startswith("st-"):
        said = f"{_name(net, record['speaker'])}, {record['act']}: "
        words = f"“{md(record['quote'])}”" if record["quote"] else md(record["text"])
        return said + words
    extra = [f"credibility {record['credibility']}, {model.CREDIBILITY_LABELS[record['credibility']]}"]
    if record["reported_by"]:
        extra.append(f"reported by {_name(net, record['reported_by'])}")
    if record["source"]:
        extra.append(f"in {_name(net, record['source'])}")
    verdict = net.verdict(record["id"])
    if verdict:
        extra.append(f"verdict {VERDICT_LABELS[verdict].lower()}")
    return f"{md(record['text'])} ({'; '.join(extra)})"


def _notes(net: Network, rid: str, indent: str) -> list[str]:
    lines = []
    for note in net.annotations.get(rid, ()):
        head = f"{indent}- {md(note['analyst']) or 'unknown analyst'}, {_day(note['created'])}"
        bits = []
        if note["verdict"]:
            bits.append(f"verdict {VERDICT_LABELS[note['verdict']].lower()}")
        if note["tags"]:
            bits.append("tags " + ", ".join(md(t) for t in note["tags"]))
        answered = [f"{q.replace('_', ' ')} {'yes' if a else 'no'}"
                    for q, a in note["checks"].items() if a is not None]
        if answered:
            bits.append("checks: " + ", ".join(answered))
        lines.append(head + (f" ({'; '.join(bits)})" if bits else "") + (":" if note["note"] else ""))
        if note["note"]:
            lines.extend(md_lines(note["note"], indent + "  > "))
    return lines


def _statement(net: Network, st: dict[str, Any], number: int) -> Iterator[str]:
    when = f", {st['said_on']}" if st["said_on"] else ""
    cue = f" ({md(st['cue'])})" if st["cue"] else ""
    yield f"#### {number}. {st['act'].capitalize()}{cue}{when}: {md(st['text'])}"
    yield ""
    if st["quote"]:
        yield from md_lines("“" + st["quote"] + "”", "> ")
        yield ""
    if st["source"]:
        source = net.by_id[st["source"]]
        where = f" ({md(source['outlet'])})" if source["outlet"] else ""
        url = f" — <{source['url']}>" if _safe_url(source["url"]) else ""
        yield f"- **Source:** {md(source['title'])}{where}{url}"
    if st["about"]:
        yield "- **About:** " + ", ".join(_name(net, a) for a in st["about"])
    yield (f"- **Credibility:** {st['credibility']} ({model.CREDIBILITY_LABELS[st['credibility']]})"
           f" · {st['status']}" + (f" · {st['origin']}" if st["origin"] != "manual" else ""))
    verdict = net.verdicts.get(st["id"])
    if verdict:
        yield (f"- **Verdict:** {VERDICT_LABELS[verdict['verdict']]} — "
               f"{md(verdict['analyst']) or 'unknown analyst'}, {_day(verdict['updated'])}")
    for title, types in (("Evidence for", FOR), ("Evidence against", AGAINST)):
        items = [link for link in net.links_in.get(st["id"], ())
                 if link["type"] in types and link["from"].startswith("ev-")]
        if items:
            yield f"- **{title}:**"
            for link in items:
                yield f"  - {_claim_line(net, net.by_id[link['from']])}{_link_note(link)}"
    for link in net.links_out.get(st["id"], ()):
        yield f"- **{LINK_PHRASES[link['type']][0]}:** {_other(net, link['to'])}{_link_note(link)}"
    for link in net.links_in.get(st["id"], ()):
        if link["from"].startswith("st-"):
            phrase = LINK_PHRASES[link["type"]][1]
            yield f"- **{phrase}:** {_other(net, link['from'])}{_link_note(link)}"
    notes = _notes(net, st["id"], "  ")
    if notes:
        yield "- **Notes:**"
        yield from notes
    yield ""


def _other(net: Network, rid: str) -> str:
    record = net.by_id[rid]
    return _name(net, rid) if rid.startswith("act-") else _claim_line(net, record)


def _link_note(link: dict[str, Any]) -> str:
    bits = []
    if link["weight"] is not None:
        bits.append(f"weight {link['weight']:+d}")
    if link["note"]:
        bits.append(md(link["note"]))
    return f" — {'; '.join(bits)}" if bits else ""


def _safe_url(url: str | None) -> bool:
    return bool(url) and re.fullmatch(r"https?://[^\s<>\x00-\x1f\x7f]+", url) is not None


def _actor(net: Network, actor: dict[str, Any]) -> Iterator[str]:
    yield f"### {md(actor['name'])}"
    yield ""
    facts = [actor["kind"]]
    if actor["role"]:
        facts.append(md(actor["role"]))
    chain, parent = [], actor["affiliation"]
    while parent and parent in net.by_id and parent not in chain:
        chain.append(parent)
        parent = net.by_id[parent]["affiliation"]
    if chain:
        facts.append(" → ".join(_name(net, a) for a in chain))
    facts.append(f"reliability {actor['reliability']} ({model.RELIABILITY_LABELS[actor['reliability']]})")
    yield "*" + " · ".join(facts) + "*"
    yield ""
    if actor["aliases"]:
        yield "Also called: " + ", ".join(md(a) for a in actor["aliases"])
        yield ""
    yield from _notes_section(net, actor["id"])
    said = net.said_by.get(actor["id"], [])
    if said:
        yield f"Statements made: {len(said)}"
        yield ""
        for number, st in enumerate(said, 1):
            yield from _statement(net, st, number)
    about = [st for st in net.said_about.get(actor["id"], []) if st["speaker"] != actor["id"]]
    if about:
        yield f"Mentioned in {len(about)} statement(s) by others:"
        yield ""
        for st in about:
            yield f"- {_claim_line(net, st)}"
        yield ""


def _source(net: Network, source: dict[str, Any]) -> Iterator[str]:
    yield f"### {md(source['title'])}"
    yield ""
    facts = [md(source["outlet"])] if source["outlet"] else []
    if source["published"]:
        facts.append(f"published {source['published']}")
    facts.append(f"reliability {source['reliability']} ({model.RELIABILITY_LABELS[source['reliability']]})")
    yield "*" + " · ".join(facts) + "*"
    if _safe_url(source["url"]):
        yield ""
        yield f"<{source['url']}>"
    yield ""
    items = net.from_source.get(source["id"], [])
    statements = [r for r in items if r["id"].startswith("st-")]
    evidence = [r for r in items if r["id"].startswith("ev-")]
    yield f"Contributed {len(statements)} statement(s) and {len(evidence)} piece(s) of evidence."
    yield ""
    for record in items:
        kind = "" if record["id"].startswith("st-") else "Evidence: "
        yield f"- {kind}{_claim_line(net, record)}"
    if items:
        yield ""
    yield from _notes_section(net, source["id"])


def _notes_section(net: Network, record_id: str) -> Iterator[str]:
    """A "Notes:" block with the analysts' notes on a record, or nothing."""
    notes = _notes(net, record_id, "")
    if notes:
        yield "Notes:"
        yield ""
        yield from notes
        yield ""


def report_lines(net: Network, ticker: Ticker | None = None) -> Iterator[str]:
    """The report, line by line."""
    counts = {t: len(net.tables[t]) for t in model.RECORD_TABLES}
    yield "# Claim network report"
    yield ""
    if net.selection:
        yield "Selection: " + md(", ".join(net.selection))
        yield ""
    yield " · ".join(f"{counts[t]} {t}" for t in ("actors", "statements", "evidence", "links",
                                                   "sources", "annotations"))
    yield ""
    said = net.said_by
    actors = sorted(net.tables["actors"], key=lambda a: (-len(said.get(a["id"], ())),
                                                          a["name"].casefold(), a["id"]))
    yield "## Actors"
    yield ""
    quiet = []
    for actor in actors:
        if not said.get(actor["id"]) and not net.said_about.get(actor["id"]) \
                and not net.annotations.get(actor["id"]):
            quiet.append(actor)
            continue
        yield from _actor(net, actor)
        if ticker is not None:
            ticker.advance(1 + len(said.get(actor["id"], ())))
    if quiet:
        yield "Other actors: " + ", ".join(md(a["name"]) for a in quiet)
        yield ""
    if net.tables["sources"]:
        yield "## Sources"
        yield ""
        for source in net.tables["sources"]:
            yield from _source(net, source)


def write_markdown(net: Network, out: IO[bytes], progress: Progress | None = None) -> None:
    """Write the Markdown report of ``net`` to ``out`` as UTF-8."""
    ticker = Ticker(progress, len(net.tables["actors"]) + len(net.tables["statements"]))
    chunk: list[str] = []
    for line in report_lines(net, ticker):
        chunk.append(line)
        if len(chunk) >= 4096:
            out.write(("\n".join(chunk) + "\n").encode("utf-8"))
            chunk.clear()
    if chunk:
        out.write(("\n".join(chunk).rstrip("\n") + "\n").encode("utf-8"))
    ticker.finish()
