"""Speech events: reporting verbs and 'according to', who they attribute, and the words attributed."""

from __future__ import annotations

import functools
import re

from . import wordlists as wl
from .according import according, paper_author
from .actors import Doc
from .clause_splits import object_group, one_clause_each
from .content import content_span, trim_end
from .entities import Entity
from .org_phrases import lower_org_at, lower_org_re
from .quotes import QUOTE_CLOSE_ENDS
from .rejoinders import rejoinder
from .relative_denials import denier_before_which
from .sources import Subject
from .speech import Speech, cues
from .speech_overlaps import cut_before, drop_told_inside_subject, hand_over_to_paper
from .subjects import subject_before
from .subjects_after import subject_after
from .textutil import NAME_GIVEN

__all__ = ["Speech", "find_speeches", "no_comment"]

#: The words that join a second verb to the first one's subject ('…, and has accused', '… by calling').
_THAT = re.compile(r"\bthat\s")
_JOINING = frozenset({"and", "but", "while", "then", "before", "by"})
_COORD_RE = re.compile(
    rf"(?:,\s*|\s+)(?:{'|'.join(sorted(_JOINING - {'by'}))})\s+"
    r"(?:(?:also|later|then|again|has|have|had)\s+)*$|,\s*$|\bby\s+$"
)
_CLAUSAL = frozenset(
    {"say", "add", "claim", "insist", "argue", "warn", "tell", "testify", "write", "note", "stress"}
)
_COMPARATIVE_RE = re.compile(r"\b(?:than|as)\s+(?:[\w'’-]+\s+){0,4}$")
_POSS_PRONOUN = {"its": "it", "his": "he", "her": "she", "their": "they"}
_NAMES_SOMETHING = frozenset({"call", "describe", "label", "brand", "dub"})
_NAMING = _NAMES_SOMETHING | {"dismiss", "reject"}
#: Verbs that come before their subject in an inverted attribution ('…,” said X'; '…, the report found').
_INVERTIBLE = _CLAUSAL | frozenset(
    {"explain", "insist", "claim", "find", "conclude", "estimate", "report", "ask"}
)
#: Reported words that speak of the speaker as 'it': 'Torvik Haulage said it would appeal' (not the
#: 'it' of 'said it was unfair that …').
_ITS_OWN_RE = re.compile(
    r"its\s|it\s+[\"“]?(?:would|will|had|has|could|can|did|does|plans?|planned|intends?|intended|expects?|expected|"
    r"rejects?|rejected|denies|denied|welcomes?|welcomed|regrets?|regretted|"
    r"stood|stands|remains?|remained|was (?:not )?(?:aware|committed|confident|cooperating|reviewing|"
    r"investigating|working))\b"
)
#: Records cited after 'according to' ('records from the Wage Protection System', 'data from the central
#: bank', 'figures compiled by the ministry'): where a paper speaking in the sentence took its facts from.
_RECORDS_CITED = re.compile(r"\s+(?:the\s+|its\s+)?(?:[\w-]+\s+)?(?:records|data|figures|documents|logs|"
                            r"statistics)\b")
_QUOTED_ADVERB = re.compile(r"[a-z]+ly")  # 'the ministry “categorically” rejected': inside the clause
#: A modal that asks for something to be done; 'must be', 'must have', 'must show' only infer.
_MODAL_DEMAND = re.compile(
    r"\b(?:must|should|needs? to|has to|have to|ought to)\b"
    r"(?!\s+(?:not\s+)?(?:be|have|show|mean|know|seem|come|reflect|refer|belong)\b)"
)


def find_speeches(doc: Doc, sent: tuple[int, int], previous: list[Speech]) -> list[Speech]:
    """Every speech event of one sentence, with speakers resolved and content spans set."""
    text = doc.text
    out: list[Speech] = []
    found = cues(doc, sent)
    for k, (cs, ce, surface, act, lemma) in enumerate(found):
        if lemma == "cite" and k + 1 < len(found):
            continue  # 'X, citing a source, reported that …': the source of a later speech, not a speech
        compared = _COMPARATIVE_RE.search(text, max(sent[0], cs - 120), cs)
        if compared and re.match(r"\s*[,.;]", text[ce : ce + 2]):
            continue  # 'a larger move than most analysts had expected,': a comparison, not a speech
        lo = sent[0]
        q = doc.quote_before(cs)
        adverb = q is not None and _QUOTED_ADVERB.fullmatch(text, q.start, q.end)
        if q is not None and sent[0] <= q.outer_end <= cs and not adverb:
            lo = q.outer_end  # the subject comes after a quotation ('“…,” X said'), not before it
        if lemma == "nominal":
            sp = _nominal(doc, cs, ce, surface, act, sent)
            if sp is not None:
                out.append(sp)
            continue
        if lemma == "according" and out and out[-1].subject.how == "document" \
                and _RECORDS_CITED.match(text, ce):
            continue  # 'The report says X paid nothing, according to records from the WPS': its source
        if lemma == "according":
            subj, content = according(doc, cs, ce, sent)
            if subj is not None and subj.how == "seen":
                # '… has accused X, according to a letter seen by Reuters': the accusation is the speech,
                # and its speaker wrote the letter ('The letter said …'); who only saw a paper never speaks
                # for it. Alone in its sentence, the paper's author is named later, if at all ('The 31-page
                # report by the council's audit service found …'): a placeholder holds the claim till then.
                if out:
                    doc.reg.report_author = out[-1].subject.entities[0] if out[-1].subject.entities else None
                    continue
                subj = paper_author(doc, ce, subj.start)
            if subj is None or content is None:
                continue
            sp = Speech(cs, ce, "according to", "claim", lemma, subj, sent, content, confidence=0.85)
            for e in subj.entities:  # a source cited is a speaker 'they' or 'it' can refer back to
                if subj.start >= 0 and e.kind != "state":
                    doc.reg.mention(e, subj.start, subj.end, speaker=True)
            out.append(sp)
            continue
        left = text[sent[0] : cs]
        coord = _COORD_RE.search(left) if out else None
        subj = None
        blamed: list[Entity] = []  # whom a blame before this '…, saying' names
        ing = surface.split()[0].endswith("ing")  # a participle: "saying", "pointing out"
        if (
            coord
            and out
            and (
                ing
                or coord.group().strip(" ,").split(" ", 1)[0] in _JOINING  # (', and has accused …')
                or left.rstrip().endswith(",")
            )
        ):
            prevs = out[-1]
            inside = prevs.content is not None and prevs.content[0] < cs < prevs.content[1]
            if not (ing or coord.group().strip(" ,")) and inside and _THAT.search(text, prevs.cue_end, cs) \
                    and wl.reporting_verbs()[surface.split()[0].lower()].figure \
                    and doc.at_end.get(len(left.rstrip(" ,")) + sent[0]) is None:
                continue  # '… told Yle that the resort's own calculation, based on pump hours, put the total
                # at …': a verb of the words reported, no speech of its own
            if (
                not (ing or coord.group().strip(" ,"))
                and subject_before(doc, prevs.cue_end, cs) is not None
            ):
                coord = None
            else:
                subj = Subject(
                    list(prevs.subject.entities), -1, -1, prevs.subject.confidence * 0.95, "inherited"
                )
                if coord.group().strip() == "by":
                    act = prevs.act
                    prevs.content = None
                elif ing and _blamed_only(doc, prevs) and (lemma == "accuse" or lemma == "say"
                                                           and prevs.targets and _BACK_TO_IT.match(text, ce)):
                    act, blamed = "accusation", list(prevs.targets)  # 'He blamed X, saying its drivers had
                    prevs.content = None  # …', 'blamed farmers, accusing them of …': one accusation of X
                elif prevs.content and prevs.content[1] > cs:
                    cut = cs - len(coord.group())
                    prevs.content = (
                        prevs.content[0],
                        max(prevs.content[0], trim_end(text, prevs.content[0], cut)),
                    )
        participle = ing and not out and left.rstrip().endswith(",")
        if subj is None and participle and _lower_org_opens(doc, sent, cs):
            subj = _clause_subject(doc, sent, cs)  # 'The interior ministry gave a toll, saying …'
            participle = False  # tried
        if subj is None:
            subj = subject_before(doc, lo, cs)
            if subj is not None and _in_subordinate(text, subj, ing, cs) and not out:
                subj = _clause_subject(doc, sent, cs)
            if subj is None and act == "denial":
                subj = denier_before_which(doc, lo, cs)  # 'Huawei, which denies wrongdoing, …'
        if subj is None:
            pre = text[lo:cs].rstrip()
            if (pre.endswith((",", *QUOTE_CLOSE_ENDS)) or not pre) and lemma in _INVERTIBLE:
                subj = subject_after(doc, ce, sent[1])
        if subj is None and participle:
            subj = _clause_subject(doc, sent, cs)
        if subj is None and ing and (out or previous):
            src = out[-1] if out else previous[-1]
            if src.sent == sent or re.search(r"(?:,|\bby)\s*$", left):
                subj = Subject(list(src.subject.entities), -1, -1, src.subject.confidence * 0.9, "inherited")
        if subj is None or not subj.entities:
            continue
        inverted_before = bool(out) and out[-1].subject.start > out[-1].cue_start
        clausal = lemma in _CLAUSAL or re.match(r"\s*(?:that\b|:|“|\")", text[ce : ce + 8])
        if subj.how == "relative" and inverted_before and not clausal:
            continue  # '…,” said X, who announced the plan on Monday': about the speaker, not a speech
        if out and _embedded(text, out[-1], cs, ce, subj):
            continue  # 'X said witnesses had described …': part of X's words, not a speech of its own
        if subj.how in ("pronoun", "document") and out and _nested(out[-1], cs, subj):
            continue  # 'X said it expected …', 'X said an inquiry had found …': one statement, not two
        if lemma in _NAMES_SOMETHING and NAME_GIVEN.search(text, max(sent[0], cs - 30), ce + 2):
            continue  # 'a WhatsApp group called “Urea Desk”': a thing's name, not words said
        content = _drop_narrative(text, content_span(doc, cs, ce, lemma, subj, sent), lemma in _CLAUSAL)
        if (
            lemma in _NAMES_SOMETHING
            and content
            and len(text[content[0] : content[1]].split()) < 3
            and not re.search(r"[“\"]", text[content[0] : content[1]])
        ):
            continue  # 'the bank called her': a call, not a name given
        if content and subj.how != "inherited" and _ITS_OWN_RE.match(text, content[0], content[1]):
            for e in subj.entities:
                if e.final().tentative:
                    doc.reg.make_org(e.final())  # 'Halvorsen Line said it had …': a body, not a person
        for e in subj.entities:
            if subj.start >= 0:
                doc.reg.mention(e, subj.start, subj.end, speaker=True)
            else:
                e.speaker = True
                doc.reg.speakers.append((cs, e))
        if content and lemma in _NAMING and _DENIAL_RE().search(text, content[0], content[1]):
            act = "denial"  # 'called the accusation "a fabrication"'
        if subj.start >= 0 and out:
            cut_before(doc, out[-1], subj.start)
            drop_told_inside_subject(doc, out[-1], subj.start, cs)
            hand_over_to_paper(doc, out[-1], subj, cs)
        sp = Speech(cs, ce, surface, act, lemma, subj, sent, content)
        sp.targets.extend(blamed)
        if lemma in ("accuse", "blame", "charge") and content:
            hit = doc.at_start.get(content[0])
            if hit:
                sp.targets.append(hit[1])
            else:
                grp = object_group(doc, content)
                if grp is not None:
                    sp.targets.append(grp)
        if "guilty" in text[ce : ce + 12].lower() and lemma == "plead":
            sp.act = "denial" if "not" in text[ce : ce + 8].lower() else "confirmation"
        sp.confidence = subj.confidence * (0.9 if subj.how in ("inherited", "placeholder") else 1.0)
        for piece in one_clause_each(doc, sp):
            if (piece.act == "claim" and lemma in ("say", "tell", "add") and piece.content
                    and _MODAL_DEMAND.search(text, piece.content[0], piece.content[1])):
                piece.act = "demand"  # each clause its own act: '… had been laid up, and that X must go'
            out.append(piece)
    return rejoinder(doc, sent, out)


#: Words after 'saying' that go back to the party just blamed: 'its drivers had …', 'the firm had …' (not
#: 'saying the county had ignored …': a claim of its own).
_BACK_TO_IT = re.compile(r"\s+(?:that\s+)?(?:its|it|they|their|the\s+(?:company|firm|contractor|operator))\b")


def _blamed_only(doc: Doc, sp: Speech) -> bool:
    """Whether a speech only blames a party, saying nothing of what for ('He blamed X,' but not 'blamed X
    for a landslide that …')."""
    if sp.lemma != "blame" or not sp.content:
        return False
    return re.search(r"\bfor\b", doc.text[sp.content[0] : sp.content[1]]) is None


@functools.cache
def _DENIAL_RE() -> re.Pattern[str]:  # noqa: N802 - a cached constant
    words = "|".join(re.escape(w) for w in wl.speech_phrases()["denial_words"])
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


_NARRATIVE_RE = re.compile(
    r",?\s+(?:and|but)\s+(?:he|she|it|they|[A-Z][\w’'-]+)\s+(?:did not|didn't|has not|hasn't|had not|hadn't|"
    r"declined|refused|could not|couldn't|was not available|were not available)\b"
    r"|,\s+and\s+(?:released|published|posted|handed|sent|shared|produced|presented)\s"
    r"|,\s+and\s+(?:he|she)\s+showed\s"  # ', and released …', ', and he showed The Jordan Times copies …'
    r"|,\s+pointing\s+to\s"  # '…, pointing to a monitor in a garden'
    r"|,\s+while\s+(?:[\w'’-]+\s+){1,6}?(?:said|says|told|added)\b"  # '…, while a residents' group said'
    r"|,\s+even\s+(?:as|though|while)\s"  # '…, even as the hackers behind it published samples'
)


_AFTERMATH_RE = re.compile(
    r",\s+(?:after|before|as|when|while|following|amid|despite|which|(?!including\b|according\b)[a-z]{3,}ing)\s"
    r"|:\s*[“\"«‘']"  # '… of running a vendetta: “They decided …”': the quotation is a statement of its own
    r"|\s(?:after|before|when)\s+[^,;:.]*?\s(?:was|were|had|has|have|is|are)\s"  # '… after boxes were found'
)


def _drop_narrative(text: str, content: tuple[int, int] | None, clausal: bool) -> tuple[int, int] | None:
    """Cut a trailing narrative clause off reported words: '…, and he did not reply to X on Monday', '…, and
    released photographs of …', '…, pointing to a monitor …', '…, while a residents' group said …', '…, even
    as the hackers published samples'.

    After verbs that take an object rather than a clause ('accused X of Y'), a comma and a subordinate,
    relative or participle clause ('…, after police fired tear gas', '…, which came days after', '…,
    escalating a feud'), a clause of what happened when ('… after boxes were found') and a quotation after
    a colon are the reporter's, or another statement, too.
    """
    if content is None:
        return None
    m = _NARRATIVE_RE.search(text, content[0], content[1])
    if m is None and not clausal:
        m = _AFTERMATH_RE.search(text, content[0], content[1])
    if m is None or m.start() - content[0] < 12:
        return content
    return (content[0], trim_end(text, content[0], m.start()))


def no_comment(doc: Doc, sent: tuple[int, int]) -> None:
    """Record who 'declined to comment' as an actor; it says nothing, so it makes no statement."""
    m = _NO_COMMENT_RE().search(doc.text, sent[0], sent[1])
    if m is None or m.start() == sent[0]:
        return
    subj = subject_before(doc, sent[0], m.start())
    if subj is not None and subj.start >= 0:
        for e in subj.entities:
            doc.reg.mention(e, subj.start, subj.end, speaker=True)  # asked, it had its say


@functools.cache
def _NO_COMMENT_RE() -> re.Pattern[str]:  # noqa: N802 - a cached constant
    phrases = sorted(wl.speech_phrases()["no_comment"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


def _nominal(doc: Doc, cs: int, ce: int, surface: str, act: str, sent: tuple[int, int]) -> Speech | None:
    """'on its claim that X', 'Russia's denial that Y': the owner holds the clause after 'that'."""
    text = doc.text
    owner_end = cs - 1
    word = text[max(sent[0], owner_end - 6) : owner_end].split()[-1:] or [""]
    ent = None
    if word[0].lower() in _POSS_PRONOUN:
        ent = doc.reg.pronoun(_POSS_PRONOUN[word[0].lower()], owner_end)
    else:
        hit = doc.at_end.get(owner_end - 2)
        ent = hit[1] if hit else None
    if ent is None or len(text[sent[0] : owner_end].split()) < 3:
        return None  # 'Russia's denial that … was rejected': the subject of another verb, its end unknown
    start = text.find("that", ce) + 4
    while start < sent[1] and text[start] == " ":
        start += 1
    stop = re.search(r"[,;:“\"]|\s(?:but|while|and said|saying)\s", text[start : sent[1]])
    end = trim_end(text, start, start + stop.start() if stop else sent[1])
    if end - start < 8:
        return None
    subj = Subject([ent], -1, -1, 0.7, "inherited")
    return Speech(cs, ce, surface, act, "nominal", subj, sent, (start, end), confidence=0.7)


def _embedded(text: str, prev: Speech, cs: int, ce: int, subj: Subject) -> bool:
    """Whether a cue reports inside an earlier speech's words: in a perfect or conditional tense ('X said
    witnesses had described …'), or an order given in someone's account ('According to X, managers told
    supervisors to keep the line running')."""
    if not prev.content or not (prev.content[0] <= subj.start < prev.content[1]) or cs >= prev.content[1]:
        return False
    if subj.entities == [e.final() for e in prev.subject.entities]:
        return False
    if prev.lemma == "according" and _ORDERED.match(text, ce, prev.content[1]):
        return True
    return re.search(r"\b(?:had|has|have|would|could)\s+(?:\w+ly\s+)?$", text[subj.end : cs]) is not None


#: Whom a verb told to do something, and the 'to' of what: 'told supervisors to', 'ordered the crew to'.
_ORDERED = re.compile(r"\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?[a-z][\w-]*\s+to\s")


def _nested(prev: Speech, cs: int, subj: Subject) -> bool:
    """Whether a cue opens an earlier speech's words with the same speaker ('said it expected …')."""
    return (
        bool(prev.content)
        and (
            prev.content[0] == subj.start
            or subj.how == "document"
            and prev.lemma in _CLAUSAL
            and prev.content[0] <= subj.start
        )
        and cs < prev.content[1]
        and subj.entities == [e.final() for e in prev.subject.entities]
    )


def _in_subordinate(text: str, subj: Subject, ing: bool, cs: int) -> bool:
    """Whether a subject found before '…, saying' belongs to a clause of its own ('than X expected')."""
    if not ing or subj.start < 0 or not text[max(0, cs - 8) : cs].rstrip().endswith(","):
        return False
    return re.search(r"\b[a-z]{2,}(?:ed|en)\b", text[subj.end : cs]) is not None


_DATELINE_RE = re.compile(r"[A-Z][A-Z .'’-]+,?[^()\n]{0,30}\([^)\n]{1,30}\)\s*[-—–]\s*")


#: A capitalised title opening a sentence before the name it belongs to ('Judge', 'Prosecutor', 'Dr.').
_TITLE_FIRST = re.compile(r"\s*([A-Z][a-z]+)\.?\s+(?=[A-Z])")
#: A role word opening a sentence after its 'The' ('The judge refused, …').
_ROLE_FIRST = re.compile(r"([a-z]+)\b")


def _clause_subject(doc: Doc, sent: tuple[int, int], cs: int) -> Subject | None:
    """The named subject opening a sentence, for a trailing '…, citing X' when no other cue precedes."""
    text = doc.text
    pos = sent[0]
    dateline = _DATELINE_RE.match(text, pos, cs)
    if dateline:
        pos = dateline.end()
    intro = re.match(
        r"(?:(?:In|On|At|After|Before|Last|This|Earlier|Later)\b[^,]{0,40},\s*)?(?:The\s+)?", text[pos:cs]
    )
    if intro:
        pos += intro.end()
    hit = doc.at_start.get(pos)
    titled = _TITLE_FIRST.match(text, pos, cs) if hit is None else None
    if titled and titled.group(1).lower() in wl.title_words():
        hit = doc.at_start.get(titled.end())  # 'Judge Teresa Alcala refused, saying …'
    if hit is not None and text[hit[0] : hit[0] + 3] in ("'s ", "’s "):
        hit = doc.at_start.get(hit[0] + 3) or hit  # "Chile's central bank"
    if hit is None:
        lower = lower_org_re().match(text, pos, cs)  # 'The interior ministry gave a toll, saying …'
        ent = lower_org_at(doc, pos, lower.end(), sent[0], local=True) if lower else None
        hit = (lower.end(), ent) if ent is not None else None
    if hit is None and (role := _ROLE_FIRST.match(text, pos, cs)) and role.group(1) in wl.title_words():
        ent = doc.reg.description(role.group(1), pos)  # 'The judge refused, saying …': the judge named before
        hit = (role.end(1), ent) if ent is not None else None
    if hit is None or hit[0] >= cs or not re.match(r"\s+[a-z]", text[hit[0] : hit[0] + 3]):
        return None
    if re.match(r"\s+(?:of|for|at|in|from|with|and|or)\b", text[hit[0] : hit[0] + 6]):
        return None
    return Subject([hit[1]], pos, hit[0], 0.7, "name")


def _lower_org_opens(doc: Doc, sent: tuple[int, int], cs: int) -> bool:
    """Whether a sentence opens with a lower-case institution ('The interior ministry …')."""
    m = re.match(r"\s*[Tt]he\s+", doc.text[sent[0] : cs])
    return m is not None and lower_org_re().match(doc.text, sent[0] + m.end(), cs) is not None
