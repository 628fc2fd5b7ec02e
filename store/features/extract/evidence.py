"""Evidence in the text: quantities, physical findings, documents and imagery, with their spans."""

from __future__ import annotations

import bisect
import functools
import re

from . import wordlists as wl
from .papers import author_of
from .people_words import person_noun, plural_of_people
from .quantities import Found, quantities
from .textutil import SAW_BY

__all__ = ["Found", "find_evidence", "findings", "quantities"]

_DIGIT = re.compile(r"\d")


_PAGES = re.compile(r"\d+-page\s+(?:[\w-]+\s+)?$")
_PROVENANCE = re.compile(r"\s+(?:by|published|released|issued|filed|seen|obtained|from|posted|circulated|"
                         r"commissioned|prepared|drawn\s+up|compiled|conducted|carried\s+out)\b")


def _counted_in_pages(text: str, s: int, e: int, lo: int, hi: int) -> bool:
    """A document its pages name ('a 40-page report') ends at its noun: what follows only says where it
    came from ('by the panel', 'published on Tuesday', 'filed with the court')."""
    return _PAGES.search(text, max(lo, s - 30), s) is not None and _PROVENANCE.match(text, e, hi) is not None


def _np_extent(text: str, start: int, end: int, hi: int) -> int:
    """Extend a noun to the end of its phrase: 'debris of a missile found in the Kharkiv region',
    'satellite images taken the day after the strike', 'a letter to the company', 'an email, dated March
    11', 'a letter dated March 2 from the company's lawyer' (a date right after the noun is read first);
    who saw it only right after a bare noun ('a letter seen by Reuters'; not 'a letter to members seen by
    …', nor ', seen by the BBC,', an aside)."""
    dated = _dated().match(text, end, hi)  # the date first: 'an inspection form dated Feb. 1' (the month's
    end = dated.end() if dated else end  # full stop ends no phrase), then what follows it
    m = _postmodifiers().match(text[end:hi])
    seen = _SEEN_BY.match(text, end, hi) if not (m and m.end()) else None
    if _seen_by_a_name(text, seen):
        return seen.end()
    end = end + m.end() if m else end
    later = None if dated else _dated().match(text, end, hi)  # (', dated March 11' after the phrase)
    return later.end() if later else end


#: Who saw a paper, written right after it: ' seen by Reuters', ' reviewed by The Associated Press' (a name:
#: not a day after it, nor people: 'seen by U.S. officials').
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_NAME_WORD = rf"(?!{_DAY})[A-Z][\w&'’-]*(?:\.[A-Z]\.?)*"  # ('Reuters', 'U.S.')
_NAMED = rf"(?:the\s+|The\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}(?!\w|\.\w)"
_SEEN_BY = re.compile(rf"\s+{SAW_BY}\s+{_NAMED}")
#: A paper the outlet says it has seen, whatever its noun, opening a sentence: 'The plan, which AFP has seen,
#: …', 'The ledger, seen by Reuters, …'; and who saw it, set off by a comma after it.
_SEEN_BY_THE_OUTLET = re.compile(
    r"(?<![\w'’])((?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w'’-]+\s+){0,3}?[a-z][\w-]+)"
    r"(?=,\s+(?:which\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){1,3}(?:has|had|have)\s+(?:seen|obtained|reviewed)|"
    rf"{SAW_BY}\s+(?:the\s+|The\s+)?[A-Z]))"
)
_BY_A_NAME = re.compile(rf",\s+(?:which\s|{SAW_BY}\s+{_NAMED})")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
#: What sees a paper without being a name: 'seen by CCTV cameras'.
_LENSES = frozenset({"camera", "cameras"})


def _seen_by_a_name(text: str, m: re.Match[str] | None) -> bool:
    """Whether who saw a paper is a name, not people ('seen by U.S. officials') nor a lens."""
    if m is None:
        return False
    after = _NEXT_WORD.match(text, m.end())
    word = after.group(1) if after else ""
    return not (plural_of_people(word) or word in wl.unnamed_sources()["plural"] or word in _LENSES)


@functools.cache
def _dated() -> re.Pattern[str]:
    """', dated March 11' after a document: the date that tells which one it is."""
    months = "|".join(wl.evidence_words()["month_names"])
    day = rf"(?:(?:{months})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{months}))"
    return re.compile(rf",?\s+dated\s+{day}(?:,?\s+\d{{4}})?\b")


#: Words that open a clause about a document rather than a part of its phrase: 'emails in which a commander
#: told …', 'a notice to the company asking it to explain …'.
_CLAUSE_OPENERS = r"(?:in\s+which|asking|urging|telling|ordering|requiring|demanding|instructing)\b"


@functools.cache
def _postmodifiers() -> re.Pattern[str]:
    """What may follow a finding's noun inside its phrase, each run up to a clause boundary."""
    words = sorted(wl.evidence_words()["np_postmodifiers"], key=len, reverse=True)
    lead = "|".join(re.escape(w) for w in words)
    days = "|".join(w.capitalize() for w in wl.name_words()["months_days"])
    # a time after the noun dates the verb, not the finding: 'published a report on Tuesday' (not 'a report
    # on Monday's crash')
    months = "|".join(wl.evidence_words()["month_names"])
    when = (rf"(?:on|in|at|during|since)\s+(?:(?:last|this|next|early|late)\s+)?"
            rf"(?:(?:{days})\b(?!['’]s)|\d{{4}}\b|the\s+(?:morning|afternoon|evening|night|weekend)\b|"
            rf"(?:{months})\.?\s+\d)")
    return re.compile(
        rf"(?:\s+(?!{when}|in\s+which\b)(?:of|by|from|on|in|at|found in|found at|recovered in|recovered from|"
        rf"{lead})\b(?!\s+that\b)(?:\s+(?![,.;]|showing\s+that\b|{_CLAUSE_OPENERS})[\w'’-]+){{1,7}}?"
        r"(?:\s+\([A-Z][\w&.-]*\))?)*"
        r"(?=[,.;:]|\s+(?:and\s+)?seen\s+by\b|\s+showing\s+that\b|\s+" + _CLAUSE_OPENERS + r"|"
        r"\s+(?:showed|show|shows|said|says|was|were|is|are|had|has|have|matched|that|which|"
        r"contained|contain|contains|found|revealed|indicated|confirmed|proved|proves|prove|suggested|suggests|"
        r"and\s+(?:said|says|that)|but|while|because|when|after|before)\b|\s*$)"
    )


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    ev = wl.evidence_words()

    def nouns(key: str) -> str:
        return "|".join(re.escape(w) for w in sorted(ev[key], key=len, reverse=True))

    mods = "|".join(re.escape(w) for w in ev["document_modifiers"])
    return {
        "physical": re.compile(rf"\b(?:{nouns('physical')})\b", re.IGNORECASE),
        "imagery": re.compile(rf"\b(?:{nouns('imagery')})\b", re.IGNORECASE),
        "document": re.compile(rf"\b(?:(?:{mods})\s+)?(?:{nouns('document')})\b", re.IGNORECASE),
        "mods": re.compile(rf"^(?:{mods})\b", re.IGNORECASE),
    }


@functools.cache
def _kind_words() -> dict[str, frozenset[str]]:
    """The last word of every cue phrase of each evidence kind (to skip sentences quickly)."""
    ev = wl.evidence_words()
    return {k: frozenset(w.split()[-1].lower() for w in ev[k]) for k in ("imagery", "physical", "document")}


def _document_ok(text: str, s: int, m: re.Match[str], before: str, after: str) -> bool:
    """Whether a document word names a document offered as backing, not one merely mentioned."""
    ev = wl.evidence_words()
    word = m.group().lower()
    if word.split()[-1] in ("investigation", "inquiry", "probe"):
        return (
            re.match(r"\s+(?:had\s+|has\s+)?(?:found|showed|concluded|revealed|established)\b", after)
            is not None
        )
    has_mod = bool(_patterns()["mods"].match(m.group())) or bool(
        re.search(r"(?:\d[\d,.]*-[a-z]+\s+(?:[a-z-]+\s+)?|[A-Z][\w.&-]*['’]s\s+)$", before, re.IGNORECASE)
    ) or bool(re.search(r"\b[A-Z]{2,}\s+(?:[a-z-]+\s+)?$", text[max(0, s - 30) : s]))  # 'the DAC report'
    followed = re.match(
        r"\s+(?:published|released|issued|reviewed|obtained|seen|by|showing|showed|in which|from the|"
        r"shown|cited|shared|provided|attached|lodged|filed|submitted|compiled)\b",
        after,
    ) or author_of(text, m.end())  # 'the inspection report of the County Health Office': its author
    opening = _OPENS_A_SENTENCE.search(before) is not None  # 'City records show …', 'Court records show …'
    followed = followed or opening and re.match(r"\s+shows?\b", after)
    if m.group()[:1].isupper() and re.match(r"\s+(?:(?:and|of|for)\s+)?[A-Z]", after) \
            and re.search(r"\w\s+$", before):
        return False  # a word of a name: "the university's Internal Audit Office", 'Audit and Assurance'
    unmade = _unmade().search(before) and not _FOUND_SINCE.match(after)  # ('ordered an audit, which found')
    if unmade or _as_modifier().match(after) or after.startswith(" of which"):
        return False  # 'calling for an independent review', 'would file a complaint'; 'a data breach'; 'The
        # DAC report, a copy of which …' (the report is the document)
    owned = _OWNED.search(text, max(0, s - 40), s)
    copies = word in ("copies", "copy") and after.startswith(" of ")
    det = re.search(r"\b(?:a|an|the latest|a new|a separate|a leaked|an internal)\s+(?:[\w-]+\s+)?$", before)
    said_in = _SAID_IN.search(before)  # 'said in a stock exchange filing': the paper it was said in
    if not (has_mod or followed or copies or ((det or owned or said_in) and word in ev["document_det_ok"])):
        return False
    return not (re.search(r"\bthe\s+(?:(?!latest\b)[a-z-]+\s+)?$", before) and not (has_mod or followed))


#: Where a sentence opens, with at most two words before a paper's noun (text lowered).
_OPENS_A_SENTENCE = re.compile(r"(?:^|[.!?][\"”’]?\s+|\n\s*)(?:[\w'’-]+\s+){0,2}$")
#: A document's owner before it: "Ashgrove Capital's quarterly", "the service's own dispatch", "her daughter's
#: death", 'our own' ('its report' alone mostly points back to one named before).
_OWNED = re.compile(r"(?:\b[\w.&-]+['’]s\s+(?:own\s+)?|\b(?:[Ii]ts|[Oo]ur|[Tt]heir|[Hh]is|[Hh]er)\s+own\s+)"
                    r"(?:[a-z-]+\s+)?\Z")


#: A reporting verb and the medium it was said in, before a document's noun: 'said in an email to', 'wrote in
#: a note to clients' (not 'said in a 36-page report', 'in a complaint to the court' or 'in a letter to the
#: ministry': papers that back it; the design sets' gold counts 3 of 4 letters said in, no email or note).
_MEDIA = frozenset({"email", "e-mail", "emails", "e-mails", "message", "messages", "note", "memo"})
#: What makes such a medium a paper of record after all: 'an internal memo', 'an email seen by Reuters', 'a
#: note dated May 3'.
_A_PAPER_OF_RECORD = re.compile(r"\b(?:internal|open|leaked|confidential|private)\s+$")
_KEPT_AFTER = re.compile(r",?\s+(?:seen|obtained|dated|published|released|leaked|reviewed)\b")
_SAID_IN = re.compile(r"\b(?:said|says|wrote|writes|told|tells|added|adds|stated|replied|responded|explained)"
                      r"\s+(?:\w+\s+){0,2}?(?:in|via)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}$")


#: A document already made, said after it: '…, which found 40 breaches', 'that showed'.
_FOUND_SINCE = re.compile(r"[^.;]{0,40}?\b(?:which|that)\s+(?:has\s+|had\s+)?(?:found|showed|shows|concluded|"
                          r"revealed|confirmed)\b")


@functools.cache
def _unmade() -> re.Pattern[str]:
    """A verb that asks for, orders or promises the document after it, in the same clause."""
    verbs = "|".join(re.escape(v) for v in sorted(wl.evidence_words()["unmade_document_verbs"], key=len,
                                                  reverse=True))
    return re.compile(rf"\b(?:{verbs})\s+(?:[\w'’-]+\s+){{0,5}}$")


@functools.cache
def _as_modifier() -> re.Pattern[str]:
    """A noun after a document word that makes the word its modifier ('data breach', 'review board')."""
    nouns = "|".join(re.escape(v) for v in wl.evidence_words()["document_as_modifier"])
    return re.compile(rf"\s+(?:{nouns})\b", re.IGNORECASE)


def _imagery_ok(word: str, before: str, after: str) -> bool:
    """Whether images are offered as evidence: satellite images, footage that showed, photos obtained by."""
    ev = wl.evidence_words()
    if " " in word or re.search(rf"\b(?:{'|'.join(ev['imagery_modifiers'])})\s+$", before):
        return True
    if re.search(rf"\b(?:{'|'.join(ev['publish_verbs'])})\s+(?:[\w-]+\s+){{0,4}}$", before):
        return True
    if _IMAGE_PROVENANCE.match(after):
        return True  # 'a video filmed by a passer-by', 'footage from the building's security cameras'
    owned = re.search(r"\b(?:no|holds?|has|have|had|owns?|keeps?|kept|collects?|any)\s+$", before)
    if not owned and re.match(r"\s+of\s+(?!(?:the|this|that|it|them|him|her)\b[,.]?\s*$)", after):
        return True  # what the images are of: 'photographs of pressure sores on his heels'; not 'holds
        # photographs of the 1920s harbour', 'has no photographs of the boy'
    return re.match(rf"(?:\s+[\w,'’-]+){{0,6}}?\s+(?:{'|'.join(ev['show_verbs'])})\b", after) is not None


#: Who made or spread an image, said right after it: what marks it as offered in evidence.
_IMAGE_PROVENANCE = re.compile(
    r"\s+(?:(?:filmed|taken|shot|posted|shared|recorded|captured|leaked|circulated|obtained|seen)\s+(?:by|on|in|at)"
    r"|from\s+(?:[\w'’-]+\s+){0,4}?(?:cameras?|phones?|drones?|satellites?|bodycams?|dashcams?))\b"
)


_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "our"])
_MODIFIER = re.compile(r"^(?:[A-Z]{2,}|\d[\d,.]*(?:-[a-z]+)+|[a-z]+-[a-z-]+|[A-Z][\w.&-]*['’]s|[a-z]+['’]s)$")


@functools.cache
def _finding_verbs() -> frozenset[str]:
    """Verbs that come before a finding ('found', 'recovered', 'released', 'showed', 'took', and the
    reporting verbs' inflected forms: 'said customs records'): never its modifier."""
    ev = wl.evidence_words()
    said = [form for form, verb in wl.reporting_verbs().items()
            if form != verb.lemma and not form.endswith("ing")]
    return frozenset(ev["physical_verbs"] + ev["publish_verbs"] + ev["show_verbs"] + ev["handling_verbs"]
                     + said)


def _start_of(text: str, s: int, lo: int) -> int:
    """Where a finding's noun phrase starts: its determiner, owner and modifiers ('the EMA's 63-page
    inspection report', 'The 14-page report', 'a customs declaration')."""
    openers = wl.evidence_words()["np_openers"]
    modifiers = set(wl.evidence_words()["document_modifiers"]) | set(openers)
    start = s
    words = list(re.finditer(r"\S+", text[max(lo, s - 60) : s]))
    plain = 0  # one plain noun may modify the head when an article comes before it: 'a test certificate'
    for k, w in enumerate(reversed(words[-4:])):
        token = w.group()
        low = token.lower()
        if low in _DETERMINERS:
            return max(lo, s - 60) + w.start()
        if _MODIFIER.match(token) or low in modifiers or low == "own":  # "the service's own dispatch logs"
            start = max(lo, s - 60) + w.start()
            continue
        ahead = words[-4:][::-1][k + 1].group().lower() if k + 1 < len(words[-4:]) else ""
        compound = not low.endswith(("ing", "ed", "ly")) and k == 0  # 'water samples', 'soil samples'
        opens = max(lo, s - 60) + w.start() == lo and token[1:].islower()  # 'Water samples' opening it
        plain_word = (token.isalpha() and (token.islower() or opens) and low not in wl.function_words()
                      and low not in _finding_verbs())  # 'found traces': the verb is no modifier
        if plain_word and (ahead in _DETERMINERS and plain < 2 or compound and not plain):
            plain += 1  # (two after an article: 'a stock exchange filing')
            start = max(lo, s - 60) + w.start()
            continue
        break
    return start


def findings(text: str, lo: int, hi: int) -> list[Found]:
    """Physical finds, documents and images named in text[lo:hi]."""
    pats = _patterns()
    ev = wl.evidence_words()
    out: list[Found] = []
    seen_docs: set[str] = set()
    present = set(re.findall(r"[a-z]+", text[lo:hi].lower()))
    kinds = _kind_words()
    for kind in ("imagery", "physical", "document"):
        if not present & kinds[kind]:
            continue
        for m in pats[kind].finditer(text, lo, hi):
            s, e = m.start(), m.end()
            paged = kind == "document" and _counted_in_pages(text, s, e, lo, hi)
            authored = kind == "document" and author_of(text, e) is not None  # ('the report of the X')
            np_end = e if paged or authored else _np_extent(text, s, e, hi)
            inside = kind == "document"  # what a paper's own phrase holds is the paper ('its own analysis
            # of retained samples')
            if any(f.start < np_end and s < f.end and not (inside and e <= f.start) for f in out):
                continue
            word = m.group().lower()
            after = text[e : min(hi, e + 80)]
            before = text[max(lo, s - 40) : s].lower()
            if kind == "imagery" and re.search(r"\b(?:in|on|via)\s+(?:a|an)\s+(?:[\w-]+\s+)?$", before):
                continue  # the medium of a statement ('said in a video'), not evidence
            if kind == "document" and word.split()[-1] in _MEDIA and _SAID_IN.search(before) \
                    and not _A_PAPER_OF_RECORD.search(before) and not _KEPT_AFTER.match(after):
                continue  # the medium of a statement ('wrote in an email to the Courier'): its words are
                # the statement, not evidence
            if kind != "document" and np_end == e and re.search(r"\b(?:the|this|that)\s+$", before):
                continue  # a thing already mentioned ('dismissed the footage')
            if kind == "imagery" and not _imagery_ok(word, before, after):
                continue
            verbs_near = any(v in after[:60] or v in before for v in ev["physical_verbs"])
            if kind == "physical" and word not in ev["strong_physical"] and not verbs_near:
                continue
            if kind == "document":
                if not _document_ok(text, s, m, before, after):
                    continue
                key = word.split()[-1]
                followed = re.match(r"\s+(?:published|released|issued|reviewed|obtained|seen|by)\b", after)
                if key in seen_docs and not followed:
                    continue
                seen_docs.add(key)
            conf = 0.55 if kind == "document" else 0.6
            start = _start_of(text, s, lo)
            out = [f for f in out if not (start <= f.start and f.end <= np_end)]  # 'an audit' inside 'an
            # audit report': one document
            out.append(Found(start, np_end, kind, None, conf))
    if present & _SEEING:  # (each pattern is read only where its words stand: linear and cheap)
        out.extend(_seen_by_the_outlet(text, lo, hi, out))
    if present & _POSTED:
        posts = _SOCIAL_POST.finditer(text, lo, hi)
        out.extend(Found(m.start(), m.end(), "document", None, 0.5) for m in posts
                   if not any(f.start < m.end() and m.start() < f.end for f in out))
    return out


_SEEING = frozenset({"seen", "obtained", "reviewed", "viewed", "leaked"})
_POSTED = frozenset({"post", "message", "video"})


#: A post on a platform, which a reader can open and check: 'a Facebook post', 'a post on its Telegram
#: channel' (the design sets' gold counts 4 of 5).
_PLATFORMS = (r"(?:Facebook|Instagram|Telegram|LinkedIn|TikTok|WhatsApp|YouTube|Weibo|WeChat|Twitter|X|"
              r"Bluesky)")
_SOCIAL_POST = re.compile(
    rf"\b(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+)?{_PLATFORMS}\s+(?:post|message|video)\b"
    rf"|\ban?\s+post\s+on\s+(?:its\s+|his\s+|her\s+|their\s+)?(?:official\s+)?{_PLATFORMS}"
    r"(?:\s+(?:page|channel|account))?\b")


def _seen_by_the_outlet(text: str, lo: int, hi: int, found: list[Found]) -> list[Found]:
    """Papers opening a sentence that a name says it has seen, whatever their noun: no body, no person ('The
    gunman, seen by CCTV cameras …'), nothing found already."""
    bodies, papers = wl.org_words()["descriptor_class"], wl.evidence_words()["document"]
    out = []
    for m in _SEEN_BY_THE_OUTLET.finditer(text, lo, hi):
        head = m.group(1).split()[-1].lower()
        people = person_noun(head) and head not in papers or plural_of_people(head)
        if text[lo : m.start(1)].strip(" \n\t“\"") or people or head in bodies:
            continue
        if _seen_by_a_name(text, _BY_A_NAME.match(text, m.end(1))) \
                and not any(f.start < m.end(1) and m.start(1) < f.end for f in found):
            out.append(Found(m.start(1), m.end(1), "document", None, 0.55))
    return out


def find_evidence(
    text: str, sentences: list[tuple[int, int]], quoted: list[tuple[int, int]] = ()
) -> list[Found]:
    """All evidence in the text, sentence by sentence, overlapping finds merged (quantities win, but for a
    figure inside the words that describe a finding: the finding holds it).

    Things named inside quotations ('anyone can cut a video') are rhetoric more often than evidence and
    are skipped; quantities inside quotations are kept.
    """
    out: list[Found] = []
    q_starts = [q[0] for q in quoted]

    def in_quote(pos: int) -> bool:
        k = bisect.bisect_right(q_starts, pos) - 1
        return k >= 0 and quoted[k][0] <= pos < quoted[k][1]

    for s, e in sentences:
        chunk = text[s:e]
        qs = quantities(text, s, e) if _DIGIT.search(chunk) else []
        fs = []
        for f in findings(text, s, e):
            if in_quote(f.start):
                continue
            crossing = [q for q in qs if q.start < f.end and f.start < q.end]
            if all(f.start < q.start and q.end <= f.end for q in crossing):
                fs.append(f)  # a figure inside what describes it ('samples taken 2 km below the dam')
                qs = [q for q in qs if q not in crossing]
        out.extend(sorted(qs + fs, key=lambda f: f.start))
    return out
