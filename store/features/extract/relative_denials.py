"""An attribution sieve for the wire's denial in a relative clause of its own speaker: 'Huawei, which has
denied the allegations, said it would appeal', 'Roe, who denies the charges, is due in court'.

The general sieves find who 'which' or 'who' stands for only among the actors already known; here the
antecedent may still be a description ('The ministry, which …') or a name not yet read as an actor. Only
denials are read this way: other relative clauses mostly describe their antecedent ('which calls itself a
union', 'which says it has 3.2 million users') and give no statement.
"""

from __future__ import annotations

from .actors import Doc
from .sources import Subject
from .subject_gap import strip_gap
from .subjects import RELATIVE_RE, subject_before


def denier_before_which(doc: Doc, lo: int, cue_start: int) -> Subject | None:
    """Who denies in a relative clause whose antecedent is no actor yet: 'The ministry, which denies any
    wrongdoing, …' (a description), 'Huawei, which has denied the allegations, …' (a name not yet read as
    an actor: a body for 'which', a person for 'who'). Only for denials: other relative clauses are mostly
    about the antecedent ('which calls itself …', 'which says it has 3.2 million users')."""
    left, _ = strip_gap(doc.text[lo:cue_start])
    rm = RELATIVE_RE.search(left)
    if rm is None:
        return None
    head_end = lo + len(left[: rm.start()].rstrip(" ,"))
    head = subject_before(doc, lo, head_end, 1)
    if head is not None:
        return Subject(head.entities, head.start, cue_start, min(head.confidence, 0.75), "relative")
    pend = doc.pending.get(head_end)
    if pend is None or pend[0] < lo:
        return None
    ent = doc.reg.get_or_create(pend[1], "organisation" if rm.group(1) == "which" else "person", 0.6)
    doc.note(ent, pend[0], head_end, pend[1])
    return Subject([ent], pend[0], cue_start, 0.7, "relative")
