"""The extraction pipeline: article text in, proposed claim network out, in visible stages.

0. a text of several stories is cut into stories, each read on its own (by several processes at once
   when asked), and their networks joined (pieces.py);
1. normalise (normalise.py): a same-length working copy, hard wraps joined, page furniture blanked;
2. segment (quotes.py, sentences.py, textutil.py): quotations, paragraphs and sentences, tokens;
3. read each sentence: its named mentions resolved (actors.py, names.py, entities.py, referents.py,
   appositions.py),
   then its speech events by attribution sieves ordered by precision (attribution.py, subjects.py,
   subject_gap.py, subject_lists.py, subjects_after.py, according.py, speech.py, speech_overlaps.py);
4. owners of the quotations left over (quote_owners.py);
5. entities across the article: descriptions and self-naming groups joined to names (coreference.py), the
   short names and legal forms a body is also given (body_names.py), a trade's people joined to the body
   whose paper they wrote (trade_groups.py, papers.py);
6. statements (statements.py); a quotation inside a quotation stays part of it (of the eleven design
   articles that hold one, gold made the inner words a statement of their own in three, all before blind-15);
7. evidence (evidence.py, quantities.py, records.py);
8. one claim told twice folded together (retellings.py), acts read from the words by rules (acts.py) and
   then, for what they left plain claims, by the act model (act_model.py), links (links.py, figures.py,
   link_terms.py, records.py);
9. the actors worth proposing (records.py).

Every stage reads the working copy, so every offset points into the text as stored.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
from collections.abc import Iterator, Sequence
from typing import Any

from .according import name_paper_authors
from .actors import Doc, resolve_sentence
from .attribution import Speech, find_speeches, no_comment
from .coreference import resolve_across
from .draft import Draft, Extraction
from .entities import Registry
from .interviews import interviews, question_spans
from .listed import listed
from .normalise import working_text
from .outlets import not_by_the_outlet, read_as_outlets
from .pieces import KnownActors, read_in_pieces, stories
from .quote_owners import assign_quotes, orphan_speeches
from .quotes import find_quotes
from .records import actor_records, evidence_records, link_records
from .sentences import sentences
from .sources import note_anonymous_subject
from .statements import statement_records
from .story_heads import outlet_credits
from .textutil import tokenize

__all__ = ["Extraction", "extract"]


def extract(
    text: str, *, source_id: str, known_actors: Sequence[dict[str, Any]] = (), said_on: str | None = None,
    workers: int = 1,
) -> Extraction:
    """Propose the claim network of a news article: actors, statements, evidence, links. A text of several
    stories is read a story at a time, by ``workers`` processes at once if more than one (pieces.py; as
    with any process pool, a script asking for several runs its work under ``if __name__ ==
    "__main__":``, for each worker loads the script again)."""
    starts = stories(text)
    if len(starts) == 1:
        return _read_whole(text, source_id=source_id, known_actors=known_actors, said_on=said_on)
    read = functools.partial(_read_story, source_id=source_id, known=KnownActors(known_actors),
                             said_on=said_on)
    return read_in_pieces(text, read, starts, workers)


def _read_story(text: str, *, source_id: str, known: KnownActors, said_on: str | None) -> Extraction:
    """One story of several, offered only the known actors it names."""
    return _read_whole(text, source_id=source_id, known_actors=known.named_in(text), said_on=said_on)


def _read_whole(text: str, *, source_id: str, known_actors: Sequence[dict[str, Any]],
                said_on: str | None) -> Extraction:
    """The claim network of one text read as a whole, stage by stage."""
    with _no_cycle_collection():
        work = working_text(text)
        doc = _segment(work, known_actors)
        speeches = not_by_the_outlet(doc, _speeches(doc), outlet_credits(text))
        resolve_across(doc)
        read_as_outlets(doc)
        doc.reg.cut_affiliation_loops()
        draft = Draft(doc, text, source_id, said_on)
        statement_records(draft, speeches)
        evidence_records(draft)
        link_records(draft)
        actor_records(draft)
    return draft.out


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while an article is read: it makes no cycles worth collecting
    mid-way, and the collector's passes over its many small objects cost about an eighth of the time on
    a long text (1 MB: 3.6 s -> 3.1 s in one run). The collector is process-wide, so an import in the
    app's worker thread pauses it for the whole app for that long (seconds, no more); its previous state
    is restored afterwards, also when reading fails, and it is never switched on if it was off."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _segment(work: str, known_actors: Sequence[dict[str, Any]]) -> Doc:
    """Quotations, sentences and tokens of the working copy, with a registry of the known actors."""
    runs = interviews(work)
    quotes = find_quotes(work, runs)
    sents = sentences(work, [(q.outer_start, q.outer_end) for q in quotes])
    tokens = tokenize(work)
    common = frozenset(t.lower for t in tokens if t.text.islower())
    return Doc(work, tokens, sents, quotes, Registry(known_actors, work), common, asked=question_spans(runs))


def _speeches(doc: Doc) -> list[Speech]:
    """Every speech event, sentence by sentence, then the quotations no verb claimed, in text order."""
    speeches: list[Speech] = []
    asked = doc.asked  # an interviewer's questions say nothing
    asked_from = [start for start, _end in asked]
    for sent in doc.sentences:
        resolve_sentence(doc, sent)
        note_anonymous_subject(doc, sent)
        k = bisect.bisect_right(asked_from, sent[0]) - 1
        if k >= 0 and sent[0] < asked[k][1]:
            continue
        speeches.extend(find_speeches(doc, sent, speeches))
        no_comment(doc, sent)
    speeches = listed(doc, speeches)
    leftover = assign_quotes(doc, speeches)
    told = name_paper_authors(doc, speeches + orphan_speeches(doc, speeches, leftover))
    return sorted(told, key=lambda sp: (sp.content or (sp.cue_start,))[0])
