"""The words a reporting verb attributes: the clause after it or the quotation before it."""

from __future__ import annotations

import functools
import re

from . import wordlists as wl
from .actors import Doc
from .quotes import QUOTE_CLOSE_ENDS
from .sources import Subject
from .textutil import fold

_AUDIENCE_RE = re.compile(
    r"\s*(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:reporters|journalists|jurors|jury|lawmakers|parliament|legislators|"
    r"audience|conference|briefing|committee|court|judge|senators|newspaper|broadcaster|radio|television|agency|crowd|supporters|"
    r"council|councillors|MPs|"
    r"BBC|CNN|Reuters|AFP|AP|Bloomberg|him|her|them|us|me)\b(?:\s+(?:in|on|at)\s+[\w-]+(?:\s+[A-Z][\w-]+)?)?"
)
#: A named audience before the words it was told: 'told the Courier he had …', 'told Parliament the …', 'told
#: the Commission on Elections it would …'.
#: An audience told, right after the verb: 'told council', 'told council members', 'told investors'.
_PLAIN_AUDIENCE_RE = re.compile(
    r"\s*(?:the\s+)?(?:council(?:\s+members)?|councillors|shareholders|investors|analysts|MPs)\b")
_NAMED_AUDIENCE_RE = re.compile(
    r"\s*(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:(?:of|on|for|and)\s+)?[A-Z][\w&.'’-]*){0,4}\s+"
    r"(?=(?:he|she|it|they|we|its|his|her|their|the|a|an|there)\s)"
)
_OBJECT_THAT = frozenset({"tell", "warn", "assure", "inform", "remind"})
_AUX = (r"(?!(?:is|are|was|were|be|been|has|have|had|will|would|could|can|did|do|does|may|might|must|"
        r"should)\b)")
#: Whom a verb tells and when, up to 'that' (no finite verb but in an aside set off by commas): 'told analysts
#: on a call that', 'told The Local in a phone interview in December, weeks before the complaint was filed,
#: that' (never 'told the court the investments had been approved …, and that').
_OBJECT_THAT_RE = re.compile(rf"\s+(?:{_AUX}[\w'’.&-]+\s+){{0,9}}?{_AUX}[\w'’.&-]+"
                             r"(?:,[^,;:“”\"]{1,60},)?\s+that\s+")
#: A time, place, medium or manner between a verb and 'that': 'said in a 40-page report published on Monday
#: that', 'claimed, without elaborating, that' (the words skipped hold no finite verb: 'said last year's
#: losses were so large that …' is all reported).
_LEAD_RE = re.compile(
    r"\s*,?\s*(?:(?:on|in|at|during|outside|inside|after|before|from|via|through|without|last|this|earlier|later|"
    r"also|again|previously|separately|publicly|repeatedly|however|though|nonetheless|moreover|meanwhile|"
    r"already|recently|[A-Z][a-z]+day|today|yesterday|tonight)\b(?:\s+(?:a|an|the|its|his|her|their))?"
    r"(?:\s+(?!(?:is|are|was|were|be|been|has|have|had|will|would|could|can|did|do|does|may|might|must|"
    r"should|so)\b)[\w'’-]+){0,9}?\s*)?(?:,\s*)?that\s+"
)


_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TIME_LEAD_RE = re.compile(
    rf"\s*(?:(?:late |early )?on {_DAYS}(?: (?:morning|afternoon|evening|night))?"
    rf"|{_DAYS}(?: (?:morning|afternoon|evening|night))?"
    r"(?=,|\s+(?:that|he|she|it|they|we|the|its|his|her)\b)"  # ('said Thursday, adding'; never
    # 'said Saturday was the busiest day')
    r"|on [A-Z][a-z]+ \d{1,2}"
    r"|(?:last|this|earlier this|later this|next) (?:week|month|year|weekend|night|morning|afternoon|evening)"
    r"|yesterday|today|tonight|earlier|later|separately|also|again"
    r"|(?:in|via|through|during) (?:a|an|the|its|his|her|their) (?:[\w'’-]+ ){0,3}?(?:statement|interview|"
    r"briefing|post|letter|speech|note|message|email|video|address|conference|filing|hearing|session|broadcast|"
    r"call)(?: (?:on|last|this) [\w]+)?)"
    r",? (?=\S)"
)
#: 'said to reporters', 'said at a briefing': an audience or a place (never 'said at least 300 boats …').
_SAID_TO = re.compile(r"\s+(?:to|at)\b(?!\s+(?:least|most|all|once|first|times|risk)\b)")
#: Verbs whose words may be an infinitive: 'threatened to sue', 'vowed to appeal', 'promised to pay'.
#: (Not "ask": "asked to remain anonymous" is no demand.)
_TAKE_TO = frozenset({"threaten", "vow", "pledge", "promise", "demand", "urge"})
_PP_ONLY_RE = re.compile(
    r"(?:in|on|at|during|after|before|outside|inside|from|via|through|by|late|early|earlier|later|to|with|"
    r"(?:last|this) (?:week|month|year|weekend|night|morning|afternoon|evening))\b[^,;:“\"]*"
)


_DET_TAIL_RE = re.compile(
    r"(?:^|\s)(?:(?:(?:one|two|three|some|several|many|most|all|each|both|none) of\s+)?(?:the|a|an|its|their)"
    r"|two|three|four|five|six|seven|eight|nine|ten|several|\d+)$",  # 'two [people familiar with …]'
    re.IGNORECASE,
)


_DATELINE_LEAD_RE = re.compile(
    r"(?:[A-Z][A-Z .,'’/-]{1,40}?(?:,\s*[A-Z][\w.]*\.?(?:\s+\d{1,2})?)?\s*\([^()\n]{1,40}\)"
    r"|\((?:AP|AFP|Reuters|dpa|DPA|UPI|AAP|Kyodo|Xinhua|PTI|ANSA|EFE|Bloomberg|CP)\))\s*[-—–]\s*"
)


#: A place and a colon opening a story's first paragraph: 'Muscat: ', 'Port Louis: '.
_PLACE_COLON_RE = re.compile(r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}):\s+(?=[A-Z“\"])")


def _a_place_name(name: str) -> bool:
    """Whether a name is a known place: a city or region, a state or its capital."""
    known = wl.gazetteer().get(name)
    return fold(name) in wl.places() or known is not None and known[0].kind == "state"


def trim_end(text: str, s: int, e: int) -> int:
    """The end of text[s:e] without trailing spaces and punctuation (keeping a matched closing mark)."""
    while e > s and text[e - 1] in ' .,;:!?”"’—-':
        if text[e - 1] in '”"' and s < e - 1:
            # keep a closing quotation mark only when its opening mark is inside the span
            inner = text[s : e - 1]
            if inner.count("“") > inner.count("”") or inner.count('"') % 2 == 1:
                break
        e -= 1
    return e


_INTRO_RE = re.compile(
    r"(?:(?:In|On|At|By|For|Since|After|Before|Earlier|Later|Meanwhile|However|Separately|Still|Instead|Despite|"
    r"Last|This|That|Outside|Inside|During|Asked|Speaking|Elsewhere|Also)\b[^,“\"]{0,40},\s*)+"
)
_ADVERBIAL_RE = re.compile(
    r"(?:in|on|at|during|after|before|as|while|when|outside|from|via|through|late|early|last|this|earlier|later|speaking|who|adding)\b"
)


def _forward(doc: Doc, ce: int, lemma: str, s1: int) -> tuple[int, int] | None:
    """The words after a verb: a clause after an optional audience, time phrase and 'that'."""
    text = doc.text
    after = text[ce:s1]
    start = ce
    m = re.match(r"\s*:\s*", after)
    if m:
        start = ce + m.end()
    elif lemma in _OBJECT_THAT and (obj := _OBJECT_THAT_RE.match(after)):
        start = ce + obj.end()  # 'told analysts on a call that …', 'warned Iran that …'
    else:
        if lemma == "tell" or lemma == "say" and _SAID_TO.match(after):
            tail = _PLAIN_AUDIENCE_RE.match(after) or _AUDIENCE_RE.match(after) or _NAMED_AUDIENCE_RE.match(
                after) or re.match(
                r"\s+(?:to|at)\s+(?:the\s+|a\s+)?[\w-]+(?:\s+[\w-]+)?", after
            )
            if tail:
                start = ce + tail.end()
        lead = _LEAD_RE.match(text, start, s1)
        if lead:
            start = lead.end()
        else:
            for _ in range(3):
                tm = _TIME_LEAD_RE.match(text, start, s1)
                if tm is None or len(text[tm.end() : s1].split()) < 3:
                    break
                start = tm.end()
    late = _LATE_THAT.match(text, ce, s1) if lemma == "tell" or _WHERE_OR_WHEN.match(text, ce) else None
    if late is not None and start < late.end() and not _A_CLAUSE_OF_ITS_OWN.search(text, ce, late.start(1)):
        start = late.end()  # 'told the Post on Monday, before the committee handed in its findings, that …'
    while start < s1 and text[start] in " ,":
        start += 1
    end = trim_end(text, start, s1)
    return (start, end) if end > start else None


#: A 'that' opening the reported clause after an aside between commas: 'told the Post on Monday, before the
#: committee handed its findings to the ministry, that …', 'said in a letter to the ministry, a copy of
#: which was seen by the Times, that …' (no 'that' nor a mark of quotation before it).
_LATE_THAT = re.compile(r"(?:(?!\bthat\b)[^,.;:“”\"«»]){1,100}(,)(?:(?!\bthat\b)[^.;:“”\"«»]){0,150}?,"
                        r"\s+that\s+(?=\S)")
#: What a verb's aside before a late 'that' opens with: where, when or to whom it was said ('said in a letter
#: to the ministry, …', 'said on Monday, …'), never a noun phrase ('said the bridge, built in 1962, that …').
_WHERE_OR_WHEN = re.compile(r"\s+(?:in|on|at|to|during|after|before|late|earlier|last|this|yesterday|today|"
                            r"through|via|by)\b")
#: A subject or a verb of its own before the aside: 'said it had warned the organisers twice, in June, that …'
#: (the 'that' is the warning's).
_A_CLAUSE_OF_ITS_OWN = re.compile(r"\b(?:it|he|she|they|we|I|had|has|have|was|were|is|are|would|will|"
                                  r"could)\b")


def content_span(
    doc: Doc, cs: int, ce: int, lemma: str, subj: Subject, sent: tuple[int, int]
) -> tuple[int, int] | None:
    """The words a verb attributes: the reported clause, the quotation before it, or the clause after it."""
    span = _content_span(doc, cs, ce, lemma, subj, sent)
    if span is None:
        return None
    dateline = _DATELINE_LEAD_RE.match(doc.text, span[0], span[1])
    if dateline:
        span = (dateline.end(), span[1])  # 'MADRID (Reuters) - Police arrested …'
    placed = _PLACE_COLON_RE.match(doc.text, span[0], span[1])
    if placed and _a_place_name(placed.group(1)):
        span = (placed.end(), span[1])  # 'Muscat: A construction contractor …' (a Gulf paper's dateline)

    m = re.search(r",\s+according to\b", doc.text[span[0] : span[1]])
    if m is None:
        return span  # 'X say Y, according to a study': the study is another source
    end = trim_end(doc.text, span[0], span[0] + m.start())
    return (span[0], end) if end > span[0] else None


def _content_span(
    doc: Doc, cs: int, ce: int, lemma: str, subj: Subject, sent: tuple[int, int]
) -> tuple[int, int] | None:
    """The reported clause, the quotation before the verb, or the clause after it."""
    text = doc.text
    s0, s1 = sent
    attr_start = min(cs, subj.start) if subj.start >= 0 else cs
    before_end = attr_start
    while before_end > s0 and text[before_end - 1] in " ":
        before_end -= 1
    lead = re.search(r"(?:,|”|\"|»)\s*((?:[\w.’'&-]+\s+){1,6})$", text[s0:attr_start])
    if (
        lead
        and subj.how == "name"
        and _role_before_name(lead.group(1).split())
    ):
        before_end = s0 + lead.start() + 1  # role words between a quotation and its speaker's name
    aside = _ROLE_ASIDE.search(text, max(s0, attr_start - 80), attr_start) if subj.how == "name" else None
    if aside is not None and aside.group(1).lower() in wl.title_words():
        before_end = aside.start() + 2  # '“…,” the company's lawyer, Ahmed Shawky, told …': a role set off
    window = max(s0, before_end - _TAIL_WINDOW)  # only the end matters: a long sentence stays linear
    det = _DET_TAIL_RE.search(text[window:before_end])
    described = subj.how == "description"
    cut = window + det.start() if det else _described_name_start(text, window, before_end, described)
    if cut is not None:
        before_end = cut
        while before_end > s0 and text[before_end - 1] in " ":
            before_end -= 1
    start = s0
    while start < before_end and text[start] in " ,":
        start += 1
    intro = _INTRO_RE.match(text, start, before_end)
    if intro and not text[start:before_end].startswith(("“", '"')):
        start = intro.end()
    if subj.how == "name" and _describes_speaker(text[start:before_end]):
        before_end = start  # "The company's chief executive, Jane Roe, said …": a description, not words
    elif subj.how == "name" and _between_commas(text, subj, cs):
        before_end = _description_starts(text, start, before_end)  # '…, the owner, X, said
    before_words = len(text[start:before_end].split())
    ends_open = text[start:before_end].rstrip().endswith((",", *QUOTE_CLOSE_ENDS, "—", " -"))
    fwd = _forward(doc, ce, lemma, s1)
    fwd_text = text[fwd[0] : fwd[1]] if fwd else ""
    after = text[ce:s1]
    inverted = subj.start >= ce
    quoted_before = text[start:before_end].rstrip(" ,").endswith(("”", '"', "»", ",'", ".'", "?'", "!'"))
    relative = subj.how == "relative"  # '…, who told the AP he had …': the words follow, never precede
    words_before = before_words >= 2 or quoted_before and before_words >= 1
    if subj.start >= 0 and ends_open and not relative and words_before:
        own_clause = after.split(",")[0]  # (', adding that …' opens another speech's words)
        quote_first = quoted_before and not re.search(r"\bthat\b", " ".join(own_clause.split()[:8]))
        if (
            inverted
            or quote_first
            or fwd is None
            or _ADVERBIAL_RE.match(fwd_text)
            or len(fwd_text.split()) <= 2
            or after.startswith(",")
            or lemma == "tell" and not re.search(r"\bthat\b", after)  # '…, monitors told the council'
        ):
            end = trim_end(text, start, before_end)
            return (start, end) if end > start else None
    if after.startswith(","):
        lead = _LEAD_RE.match(text, ce, s1)  # 'said, without elaborating, that …'
        p = lead.end() if lead else ce + 1
        while p < s1 and text[p] == " ":
            p += 1
        end = trim_end(text, p, s1)
        return (p, end) if end > p else None
    if relative and fwd is not None and lemma in _denying_lemmas():
        main = _MAIN_CLAUSE_GOES_ON.search(text, fwd[0], fwd[1])
        if main is not None:  # 'X, which denies any wrongdoing, has appealed': the clause ends at its comma
            fwd = (fwd[0], trim_end(text, fwd[0], main.start())) if main.start() > fwd[0] else None
    infinitive = lemma in _TAKE_TO and fwd_text.startswith("to ")  # 'threatened to sue the agency'
    if fwd and _PP_ONLY_RE.fullmatch(fwd_text) and len(fwd_text.split()) <= 6 and not infinitive:
        return None  # 'said in a telephone interview.': a circumstance, not words
    return fwd


@functools.cache
def _denying_lemmas() -> frozenset[str]:
    """The lemmas of the reporting verbs whose act is a denial ('deny', 'reject', 'dispute')."""
    return frozenset(v.lemma for v in wl.reporting_verbs().values() if v.act == "denial")


#: The comma where a relative clause ends and the sentence's own verb goes on: 'X, which denies any
#: wrongdoing, | has appealed', 'Roe, who denies the charges, | is due in court'.
_MAIN_CLAUSE_GOES_ON = re.compile(r",\s+(?:(?:has|have|had|is|are|was|were|will|would|did|does|do|could|can|"
                                  r"may|might|must|should)\b|(?:said|says|told|tells|added|adds)\b)")


_DESCRIBED_TAIL_RE = re.compile(
    r"(?:^|\s)(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[a-z][\w'’-]*\s+){0,2}([a-z][\w'’-]*)$"
)


_TAIL_WINDOW = 160


def _described_name_start(text: str, lo: int, end: int, described: bool = False) -> int | None:
    """Where the words describing a speaker start before its name or head noun, which are no content:
    '…, the law firm [Reimann & Partner] said', '…, the industry [regulator] has found'."""
    m = _DESCRIBED_TAIL_RE.search(text[lo:end])
    word = m.group(1).lower() if m else ""
    if m and (described or word in wl.org_words()["descriptor_class"] or word in wl.title_words()):
        return lo + m.start()
    return None


def _role_word(word: str) -> bool:
    """A word of a role before a name: capitalised, a title, or what the body is ('union president')."""
    low = word.lower()
    return word[:1].isupper() or low in wl.title_words() or low in wl.org_words()["descriptor_class"]


#: A role set off by commas between a quotation and its speaker's name: ',” the company's lawyer, '.
_ROLE_ASIDE = re.compile(
    r"(?:[,.?!][”\"»]|[”\"»],)\s*(?:the|a|an|its|his|her|their)\s+(?:[\w’'.-]+\s+){0,3}?([a-z]+),\s+$")


def _role_before_name(words: list[str]) -> bool:
    """Whether the words before a speaker's name, after a comma or a quotation, are a role: role words, or
    plain words before a title that ends them ('“…,” former minister X said', 'ex-minister', 'mission
    head'; not '…, hours before Mines Minister X told parliament …')."""
    if all(_role_word(w) for w in words):
        return True
    if any(w.lower() in wl.function_words() for w in words):
        return False
    last = words[-1].lower()
    titled = last in wl.title_words() or last.split("-")[-1] in wl.title_words()
    return titled and all(_role_word(w) or re.fullmatch(r"[a-z]+(?:-[a-z]+)*", w) for w in words[:-1])


_FINITE = frozenset({"has", "have", "had", "is", "was", "were", "are", "will", "would", "did", "does", "do",
                     "can", "could", "should", "must", "may", "might"})


def _between_commas(text: str, subj: Subject, cs: int) -> bool:
    """Whether the speaker's name stands between commas just before its verb: '…, the owner, X, said'."""
    return text[subj.start - 2 : subj.start].strip() == "," and 0 <= subj.end <= cs \
        and re.match(r"\s*,\s*(?:\w+\s+){0,2}$", text[subj.end : cs]) is not None


#: The last stretch of words before a name between commas, when it is a noun phrase describing the name
#: ('the owner', "the company's chief executive", 'its director'): a determiner or owner, then no verb.
_DESCRIPTION_TAIL = re.compile(r",\s*(?:(?:the|a|an|its|his|her|their)\s+|[\w.&’'-]+['’]s\s+)"
                               r"(?:[\w’'-]+\s+){0,4}[\w’'-]+\s*,?\s*$", re.IGNORECASE)


def _description_starts(text: str, start: int, end: int) -> int:
    """Where the words before a name set between commas stop being the speaker's words and start describing
    the speaker: at the start when they have no comma of their own ('The state-owned air navigation
    provider, Luftvakt, has hit back'), else at the last comma when what follows it is a noun phrase ('The
    rules were broken, the owner, X, said': the words end at 'broken'); else they are all words (``end``)."""
    if "," not in text[start:end].rstrip(", "):
        return start
    m = _DESCRIPTION_TAIL.search(text, start, end)
    if m is None or _FINITE & set(m.group().lower().split()):
        return end
    return m.start() + 1  # (the comma kept: the words before the speaker end open)


def _describes_speaker(seg: str) -> bool:
    """Whether the words before ', Name,' describe the speaker ('Acme's chief executive,') not report."""
    seg = seg.strip()
    if not seg.endswith(",") or any(c in seg for c in '“”"0123456789'):
        return False
    words = [w.lower().replace("’", "'") for w in seg.rstrip(",").split()]
    if not words or len(words) > 8 or _FINITE & set(words):
        return False  # 'The commission has opened an inquiry, Tom Lee told …': a clause, not a description
    titles = wl.title_words()
    descr = wl.org_words()["descriptor_class"]
    raw = seg.rstrip(",").split()
    owner = next((k for k, w in enumerate(words) if w.endswith("'s")), None)  # "Himal Kriti's managing …"
    first_ok = words[0] in ("the", "a", "an", "its", "his", "her", "their") or (
        owner is not None and all(w[:1].isupper() for w in raw[: owner + 1]))
    roles = [k for k, w in enumerate(words) if w in titles or w in descr]
    if roles and _a_clause_after(words, roles[-1]):
        return False  # 'The contractor dumped sludge in the bay, the Authority said': a clause after its noun
    return bool(roles) and (first_ok or all(w in titles for w in words))


def _a_clause_after(words: list[str], k: int) -> bool:
    """Whether the words after a description's last role word make a clause of their own: 'The contractor
    dumped sludge …' (a verb and its object), never 'A lawyer representing the families', 'A spokesman
    based in Nairobi', 'The minister responsible for fisheries', 'the head of the agency'."""
    if k + 1 >= len(words):
        return False
    nxt, then = words[k + 1], words[k + 2] if k + 2 < len(words) else ""
    if nxt in _AFTER_A_ROLE or nxt.endswith("ing") or nxt in _DESCRIBING_AFTER:
        return False
    return not (nxt.endswith("ed") and then in _AFTER_A_ROLE)


#: What may follow a role word inside a description: 'the head of the agency', 'a spokesman for the firm'.
_AFTER_A_ROLE = frozenset({"of", "for", "at", "in", "with", "to", "from", "on", "and", "&", "by", "near"})
#: Words after a role word that still describe who it is: 'An official close to the talks'.
_DESCRIBING_AFTER = frozenset({"close", "familiar", "responsible", "who", "whose", "there", "himself",
                               "herself", "itself", "here"})
