"""Stage 6, a quotation inside a quotation: in '"My supervisor told me, 'You're at the bottom again,' and
the next month I was moved to nights"' the inner words are the supervisor's statement too, made by an
unnamed person the speaker describes ('supervisor', 'site manager'). The outer quotation stays whole."""

from __future__ import annotations

import re

from claimnet.store.model import Statement

from .descriptions import RELATIONAL
from .draft import Draft, clean
from .people_words import person_noun
from .quotes import quotes_within

#: Who said the inner words, right before them: a described person and a verb of saying.
_SAYING = r"(?:said|says|told|tells|asked|shouted|replied|wrote)"
_TOLD_BEFORE = re.compile(
    r"(?<![\w'’])(?P<det>[Mm]y|[Oo]ur|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Aa]n?)\s+"
    rf"(?P<who>[a-z][\w-]*(?:\s+(?!{_SAYING}\b|[a-z]+ed\b)[a-z][\w-]*){{0,2}})\s+(?:[\w]+\s+){{0,6}}?"
    rf"(?P<verb>{_SAYING})(?:\s+(?:me|us|him|her|them))?\s*[,:]?\s*$"
)
#: Determiners that make the person someone of the speaker's: 'my son', 'our supervisor'.
_THEIRS = frozenset({"my", "our", "his", "her", "their"})


def nested_statements(draft: Draft) -> None:
    """Add a statement for each quotation in single marks that a described person says inside a quote."""
    doc, stored, out = draft.doc, draft.stored, draft.out
    added: list[tuple[int, dict]] = []
    for k, outer in enumerate(out.statements):
        if outer["mode"] != "quote":
            continue
        s, e = outer["span"]
        for q in quotes_within(doc.text, s, e):
            told = _TOLD_BEFORE.search(doc.text, s, q.outer_start)
            if told is None:
                continue
            who = told.group("who")
            if not (person_noun(who.split()[-1], listed=True) or who.split()[-1] in RELATIONAL):
                continue  # 'The letter said, ‘…’', 'The app tells us, ‘…’': no person speaks
            if told.group("det").lower() in _THEIRS:  # 'My son said, …' in Gulnara Toktosunova's words
                who = f"{doc.reg.by_id[outer['speaker']].final().name}'s {who}"
            ent = doc.reg.get_or_create(who, "person", 0.6)
            ent.tags.add("unnamed")
            ent.role = ent.role or who.split()[-1]
            draft.used.add(ent.id)
            words = " ".join(stored[q.start : q.end].split()).rstrip(",")
            rec = draft.proposal(
                Statement.TABLE, Statement.PREFIX, speaker=ent.id, source=draft.source_id, act="claim",
                mode="quote", cue=told.group("verb"), text=clean(words), quote=words, span=(q.start, q.end),
                said_on=draft.said_on, about=(), credibility=6, confidence=0.5,
            )
            draft.targets[rec["id"]] = []
            draft.sentence_of[rec["id"]] = draft.sentence_of.get(outer["id"], -1)
            added.append((k, rec))
    for k, rec in reversed(added):
        out.statements.insert(k + 1, rec)  # right after the quotation holding it: links read the order
