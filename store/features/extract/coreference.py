"""Stage 5, entities across the article: a description used before its name joins the named actor
('the sister of …' → Kim Yo Jong), and a group that names itself is that name ('The coalition, which calls
itself the Upper Rimac Water Defence Front'). Mentions within a sentence are resolved as it is read
(actors.resolve_sentence); these rules need the whole article.
"""

from __future__ import annotations

import bisect
import re

from . import wordlists as wl
from .actors import Doc
from .body_names import merge_company_forms, merge_known_as
from .entities import Entity, Registry
from .org_kinds import looks_gov, looks_labour, looks_reg, org_class
from .sentences import paragraphs
from .textutil import THE_BEFORE, fold
from .trade_groups import merge_trade_groups_into_authors


def resolve_across(doc: Doc) -> None:
    """Join each description and self-naming group to the named actor it is."""
    _merge_placeholders(doc)
    _merge_self_named(doc)
    _merge_accusers_named(doc)
    merge_known_as(doc)
    merge_company_forms(doc.reg)
    _merge_roles_into_names(doc.reg)
    _merge_generic_groups(doc)
    merge_trade_groups_into_authors(doc)
    prose = _prose_paragraphs(doc)
    _merge_groups_into_their_body(doc, _lede_sentence(doc, prose))
    _merge_lede_subject_named_next(doc, prose)


def _merge_roles_into_names(reg: Registry) -> None:
    """An office named before its holder ('Moldova's agriculture minister denied …' … 'Agriculture
    Minister Petru Ostafi') is that person, when exactly one named person holds that office."""
    named = [e for e in reg.live() if e.kind == "person" and e.role and "unnamed" not in e.tags]
    for e in reg.live():
        if e.kind != "person" or "unnamed" not in e.tags or e.name != e.name.lower():
            continue
        office = fold(e.role or e.name).split()[-1:]
        holders = [n for n in named if fold(n.role).split()[-1:] == office]
        if len(holders) == 1:
            reg.merge(e, holders[0])


#: Words of a generic group that do not say which body it is ('independent experts', 'senior officials').
_VAGUE_MODIFIERS = frozenset({"independent", "senior", "regional", "local", "national", "state", "government",
                              "federal", "outside", "external", "some", "several", "two", "three", "other"})


def _merge_generic_groups(doc: Doc) -> None:
    """A group or body named generically and then by name is one actor: 'food safety officials' … 'the
    National Food Safety Office', 'regional fisheries inspectors' … 'the Inspectorate of Fisheries',
    "Scotland's environment agency" … 'the Scottish Environment Protection Agency'. The group must
    have two telling words ('officials' alone could be anyone's), each standing in the name by its first
    five letters ('officials' ~ 'Office'), and only one organisation named after the group may fit, or,
    when the group is told with 'the' ('The auditors put the cost …'), only one named before whose name
    says the trade (_trade_words). One word will do when it names people who stand for a body of their
    trade (org_words.json 'body_roles': 'independent experts' … 'the Panel of Experts on Mali')."""
    reg = doc.reg
    by_word: dict[str, set[str]] = {}  # organisations' ids by the first five letters of each name word
    for e in reg.live():
        if e.is_org and "unnamed" not in e.tags and not e.placeholder and not e.name.split()[-1].islower():
            for w in fold(e.name).split():
                by_word.setdefault(w[:5], set()).add(e.id)
    roles = wl.org_words()["body_roles"]
    described = [e for e in reg.live() if e.kind == "group" and "unnamed" in e.tags
                 or e.kind == "organisation" and e.name.split()[-1].islower() and not e.placeholder]
    for group in described:  # ("Scotland's environment agency" … 'the Scottish Environment Protection …')
        words = {fold(w)[:5] for w in group.name.split()
                 if fold(w) not in _VAGUE_MODIFIERS and not w[:1].isupper()}  # ('Brazilian': whose it is)
        if len(words) < 2 and not (words and fold(group.name).split()[-1] in roles):
            continue  # 'officials', 'students': any body's people
        ids = set.intersection(*(by_word.get(w, set()) for w in words))
        fits = [reg.by_id[i] for i in sorted(ids) if reg.by_id[i].first_pos > group.first_pos]
        if not fits and THE_BEFORE.search(doc.text, max(0, group.first_pos - 4), group.first_pos):
            trade = _trade_words(fold(group.name).split()[-1])  # 'The auditors put the cost …' after 'the
            # council's Internal Audit and Assurance Service (IAAS) found …': the one body named before whose
            # name says the trade ('Audit'), not only its first letters ('scientists': no Ministry of Science)
            fits = [reg.by_id[i] for i in sorted(ids) if trade & set(fold(reg.by_id[i].name).split())]
        if len(fits) == 1:
            reg.merge(group, fits[0])


def _trade_words(people: str) -> set[str]:
    """The words a body of a trade's people is named by: 'auditors' -> auditors, auditor, audit (and the
    trade's papers, org_words.json 'body_roles'); 'engineers' -> engineers, engineer, never 'engineering'."""
    one = people[:-1] if people.endswith("s") else people
    stem = one[:-2] if one.endswith(("or", "er")) and len(one) > 6 else one
    return {people, one, stem} | set(wl.org_words()["role_documents"].get(people, ())) - {"report"}


#: Descriptors that are the body's own name word: 'the council' is a Council, never an Authority, while 'the
#: regulator' may be the Office of Rail and Road and 'the union' an Association of Science Teachers.
_NAME_WORD_DESCRIPTORS = frozenset({"council", "court", "ministry", "embassy", "department", "commission",
                                    "tribunal", "league", "board", "laboratory", "institute"})


def _described_as(e: Entity, head: str) -> bool:
    """Whether a named organisation is what a descriptor says ('regulator' of the Office of Rail and Road)."""
    cls = wl.org_words()["descriptor_class"].get(head)
    if not e.is_org or cls is None:
        return False
    if cls == "labour":  # a trade union ('accused their union of …' … 'The Train Crews Federation (TCF)')
        return looks_labour(e)
    if head in _NAME_WORD_DESCRIPTORS:
        return any(w.startswith(head[:5]) for w in fold(e.name).split())  # 'the council': a Council
    if cls == "regulator":  # (never a workers' association: 'the state's mining regulator' … 'The Northern
        # Miners' Association', unless it was described as one)
        return looks_reg(e) and (head in wl.org_words()["labour_words"] or not looks_labour(e))
    return looks_gov(e) if cls == "government" else org_class(e) == cls


#: How far after a description (in characters, a few paragraphs) the name it waits for may come.
_NAMED_WITHIN = 6000


def _merge_placeholders(doc: Doc) -> None:
    """A description used before its name ('the sister of …') joins the actor named later."""
    reg = doc.reg
    named = sorted((e for e in reg.live() if not e.placeholder), key=lambda e: e.first_pos)
    starts = [e.first_pos for e in named]  # merging placeholders leaves these live
    for ph in [e for e in reg.entities if e.placeholder and e.merged_into is None]:
        described_in = doc.sentence_at(ph.first_pos)
        beside = fold(doc.text[described_in[0] : described_in[1]])
        for e in named[bisect.bisect_right(starts, ph.first_pos) :]:  # the earliest fitting one wins
            if e.first_pos > ph.first_pos + _NAMED_WITHIN:
                break  # (keeps a long text linear)
            if (ph.kind == "person") != (e.kind == "person"):
                continue
            beside_it = e.kind != "person" and _named_in(fold(e.name), beside)
            later = e.first_pos >= described_in[1] and not beside_it
            kind = org_class(e)
            fits = kind == "" or (kind == "group" if ph.placeholder == "group" else
                                  _described_as(e, ph.placeholder or ""))
            opens_next = later and fits and _opens_the_next_sentence(doc, described_in, e)  # (never 'The
            # Reserve Bank's survey' after 'A consumer group said')
            if _names_placeholder(ph, e, later=later, told_next=opens_next) \
                    or later and _told_in_apposition(doc, ph, e):
                reg.merge(ph, e)  # which may move e's first mention earlier: keep the order true
                named.sort(key=lambda x: x.first_pos)
                starts = [x.first_pos for x in named]
                break


def _named_in(name: str, text: str) -> bool:
    """Whether a folded name is written in a folded text, though no mention was recorded there ('accused the
    Kurjo app': a one-word name is only known to be a company once it speaks)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(name, at + 1)
    return False


def _opens_the_next_sentence(doc: Doc, described_in: tuple[int, int], e: Entity) -> bool:
    """Whether a body is first named opening the sentence after a description's ('An environment group says
    …' … "The North Coast Forest Alliance's analysis …")."""
    k = doc.sentence_index(described_in[0]) + 1
    if not 0 < k < len(doc.sentences) or not e.spans:
        return False
    opens = _THE.fullmatch(doc.text, doc.sentences[k][0], e.first_pos) is not None
    return opens and _ITS_WORK_OR_WORDS.match(doc.text, min(e.spans)[1]) is not None


#: What follows a body's name when the sentence tells its own work or words: "'s analysis", ' said'.
_ITS_WORK_OR_WORDS = re.compile(r"['’]s\s|\s+(?:said|says|found|finds|published|reported|released)\b")


def _names_placeholder(ph: Entity, e: Entity, later: bool = True, told_next: bool = False) -> bool:
    """Whether a named actor, first mentioned after a placeholder, is the one it described (`later`: in a
    later sentence, not beside it as another party: 'A consumer group accused Bramblewood of …'; `told_next`:
    named opening the next sentence, where a body that never speaks itself may be named)."""
    if (ph.kind == "person") != (e.kind == "person"):
        return False
    named_in_full = fold(e.name).endswith(" " + fold(ph.name))
    if e.kind != "person" and not later:
        return named_in_full  # named beside its description, it is another party
    if e.is_org and _shares_a_telling_word(ph, e):
        return True  # 'A Norwegian launch company said …' … 'Esarion Launch Services made the claim'
    if not e.speaker and not named_in_full and not told_next:
        return False
    if e.kind == "person":
        return e.name.lower() not in ph.name.lower()
    if ph.placeholder == "group" and org_class(e) in ("group", ""):
        return True  # 'A consumer group said …' … 'Shoppers' Watch Australia said': a body no word classes
    if ph.placeholder == "group" and _telling_words(ph):
        return named_in_full or "group" in e.tags  # ('A rights group said …' is no bank: 'group' is also a
        # company's word, but a group described by its cause is not one)
    return named_in_full or ph.placeholder in e.tags or _described_as(e, ph.placeholder or "")


def _telling_words(ph: Entity) -> set[str]:
    """The lower-case words describing a placeholder, not its head ('parents' of "A parents' group")."""
    return {fold(w.rstrip("'’")) for w in ph.name.split()[:-1] if w.islower() and len(w.rstrip("'’")) >= 4}


def _shares_a_telling_word(ph: Entity, e: Entity) -> bool:
    """Whether a lower-case word describing a placeholder is a word of the name, or a word of the name
    opens its head ('A Swiss watchdog accused …' … 'Trace Metals Watch said'; not 'Watchtower')."""
    name = fold(e.name).split()
    head = fold(ph.name).split()[-1:]
    opens_head = bool(head) and any(len(w) >= 4 and w != head[0] and head[0].startswith(w) for w in name)
    return bool(_telling_words(ph) & set(name)) or opens_head


#: The first words of an apposition after a body's name: ', the contractor that …'.
_APPOSED_KIND = re.compile(r",\s+(?:the|a|an)\s+([a-z-]+)(?:\s+([a-z]+))?")


def _another_kind(apposition: str, head: str) -> bool:
    """Whether an apposition calls a body another kind of body than a description's head ('the contractor'
    for 'the water agency')."""
    m = _APPOSED_KIND.match(apposition)
    kinds = wl.org_words()["descriptor_class"]
    said = next((w for w in (m.groups() if m else ()) if w in kinds), None)
    return said is not None and kinds[said] != kinds.get(head)

_SET_OFF_AFTER_NAME = re.compile(r",\s+[^,.;:]{3,90}?(?=[,.;:])")
_FOUNDED = re.compile(r"\b(?:set up|formed|founded|created|launched|started|made up of|representing|"
                      r"which represents|who represent)\b")


def _told_in_apposition(doc: Doc, ph: Entity, e: Entity) -> bool:
    """Whether a body's first mention is followed by an apposition that says it is the one described: the
    apposition holds a word that described the placeholder ("A parents' group says …" … 'Clean Air Port
    Ardell, set up last autumn by parents at …'), or the name ends in the placeholder's head ("A residents'
    group said …" … 'The Tollard Bridge Action Group, set up by people living on both banks, …'). The
    body need not speak: the apposition says who it is."""
    if not e.is_org or not e.spans:
        return False
    m = _SET_OFF_AFTER_NAME.match(doc.text, min(e.spans)[1])
    if m is None or _named_in(fold(ph.name), fold(m.group())):
        return False  # 'the Office, which is independent of the port authority,': another party
    head = fold(ph.name).split()[-1:]
    if head and _another_kind(m.group(), head[0]):
        return False  # 'X, the contractor that pumped the water,': a firm, not 'the water agency'
    words = {w[:5] for w in _telling_words(ph)}  # 'parents' ~ 'parent'
    founded = _FOUNDED.search(m.group()) is not None  # who it is made of, not who owns it
    told = bool(words & {w[:5] for w in fold(m.group()).split()})
    return founded and fold(e.name).split()[-1:] == head or told


_CALLS_ITSELF = re.compile(
    r",\s+(?:which|who)\s+(?:calls|called|call|describes|described)\s+(?:itself|themselves)\s+(?:the\s+)?"
)


def _merge_self_named(doc: Doc) -> None:
    """A group described and then named by itself ('The group, which calls itself the Rovuma Liberation
    Movement (RLM), denied …', 'an armed group' before it) is the named one."""
    reg = doc.reg
    for m in _CALLS_ITSELF.finditer(doc.text):
        named = doc.at_start.get(m.end())
        if named is None:
            continue
        before = doc.at_end.get(m.start())
        described = before[1] if before else reg.most_recent(
            lambda e: ("unnamed" in e.tags or bool(e.placeholder)) and e.kind in ("group", "organisation"),
            m.start())
        if described is None or described.final() is named[1].final() or described.kind == "person":
            continue
        kept = named[1].final()
        if kept.kind == "person" and not kept.role:
            kept.kind = described.final().kind  # "Couriers' Voice": a body's name, though no word says so
        reg.merge(described, kept)
        kept.tags.discard("unnamed")


#: 'The accusation came from' before the name of those who made it.
_CAME_FROM = re.compile(r"\b[Tt]he\s+(?:accusations?|allegations?|claims?|charges?|complaints?)\s+"
                        r"(?:came|come|comes)\s+from\s+(?:the\s+)?")


def _merge_accusers_named(doc: Doc) -> None:
    """People who accused before they were named are the body the story then says the accusation came from:
    'a day after residents accused it of …' … 'The accusation came from the Monterrey Water Defense Front'."""
    reg = doc.reg
    for m in _CAME_FROM.finditer(doc.text):
        named = doc.at_start.get(m.end())
        if named is None or not named[1].final().is_org:
            continue
        accusers = reg.most_recent(lambda e: "unnamed" in e.tags and e.kind == "group", m.start())
        if accusers is not None and accusers.final() is not named[1].final():
            reg.merge(accusers, named[1].final())


#: Words tying a body to the people it is made of, read in its own apposition after its first mention: 'which
#: groups some 600 fishermen', 'formed by the villagers', 'which says it speaks for about 1,900 residents'.
_MADE_OF = re.compile(r"\b(?:formed|founded|set up|called|groups|grouping|represents|representing|"
                      r"speaks? for|made up of|on behalf of)\b")


#: A body's own apposition saying how many of something it stands for: ', which says it represents about
#: 1,300 farms', ', which says it has 1,100 members', ' on behalf of 14 villages' (group 1: the verb, group 2:
#: what it counts).
_REPRESENTS_SO_MANY = re.compile(
    r"(?:\s*\([^()]{1,12}\))?(?:,?\s+(?:which|who|that)\s+(?:says\s+it\s+|say\s+they\s+|claims\s+to\s+)?"
    r"(represents?|speaks?\s+for|groups|has|have|counts?)|\s+on\s+behalf\s+of)\s+(?:about|around|some|"
    r"more\s+than|nearly|almost|over|roughly)?(?:\s*(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"twelve|twenty|fifty|hundred|thousand|several|hundreds|thousands|dozens)\b)+\s+([a-z]+)")


def _stands_for(verb: str | None, counted: str) -> bool:
    """Whether a body that so many of something ('represents about 1,300 farms') stands for its people
    (org_words.json 'constituencies'); one that only has them stands for its members, not its homes ('The
    Harbour Housing Association, which has 3,000 homes': the tenants' landlord)."""
    if verb in ("has", "have"):
        return counted == "members"
    return counted in wl.org_words()["constituencies"]


#: Heads of unnamed sources ('people familiar with the matter'), who are nobody's constituency.
_ANONYMOUS = frozenset(wl.unnamed_sources()["bare_needs_qualifier"])
#: Bodies that are not made of the people they speak for.
_NOT_OF_PEOPLE = frozenset({"company", "government", "court", "media"})


#: The words right before a body's name that name it as the people's own: "who have formed a group called".
_NAMING = re.compile(r"\b(?:formed|founded|set up|called|named)\s+(?:the\s+)?(?:[^()]{1,60}\(\s*)?$")  # (or
# its translation in brackets: 'called Collectif Cour Propre (Clean Playground Collective)')


def _merge_groups_into_their_body(doc: Doc, lede: tuple[int, int]) -> None:
    """People described in the lede and then given their body's name are that body ('Fishermen on the Falémé
    river accused …' … "the Falémé Fishers' Collective, which groups some 600 fishermen"; "The farmers'
    group, the Huaccoto Irrigators' Committee, says …"). The people's word must stand beside the body's
    first mention, outside its name, in its own words that say it is made of them ('which represents about
    140 exporters' joins exporters who spoke, never traders). People described at a workplace ('Midwives at
    a maternity unit') are its staff, not their association."""
    reg = doc.reg
    bodies = sorted((e for e in reg.live() if e.is_org and "unnamed" not in e.tags and not e.placeholder
                     and e.name != e.name.lower() and e.spans), key=lambda e: e.first_pos)
    for group in [e for e in reg.live() if e.kind == "group" and "unnamed" in e.tags]:
        if any(" at " in d for d in group.full_descriptions):
            continue
        body = _body_made_of(doc, group, bodies, in_lede=lede[0] <= group.first_pos < lede[1])
        if body is not None:
            reg.merge(group, body)


def _body_made_of(doc: Doc, group: Entity, bodies: list[Entity], in_lede: bool = False) -> Entity | None:
    """The first body named after a group's sentence whose first mention says it is made of those people;
    for the people the lede is about, the first body of people that says it represents so many households,
    farms, villages or members (org_words.json 'constituencies'): 'Residents living beside a cement plant …
    accused …' … 'The Lukenya Clean Air Committee, which says it speaks for about three thousand
    households' (the story's people and their body, in other words; 'which represents about 140 exporters'
    names other people than the traders who spoke)."""
    head = fold(group.name).split()[-1:]
    if not head or len(head[0]) < 4:
        return None
    people = rf"\b{re.escape(head[0].rstrip('s'))}s?\b"  # 'fishermen', 'villagers' ~ 'villager'
    anonymous = bool(set(fold(group.name).split()) & _ANONYMOUS)  # 'people familiar with …': no constituency
    told_by = doc.sentence_at(group.first_pos)[1]  # the end of the sentence describing the people
    for body in bodies:
        if body.first_pos < told_by:
            continue
        if body.first_pos > group.first_pos + _NAMED_WITHIN:
            return None
        named = {fold(n) for n in (body.name, *body.aliases)}  # (not a paper of its: 'The petition … says')
        start = min((s for s, e in body.spans if fold(doc.text[s:e]) in named), default=body.first_pos)
        end = max(e for s, e in body.spans if s <= start < e)
        sent = doc.sentence_at(start)
        before = fold(doc.text[max(sent[0], start - 80) : start]) + " "
        after = fold(doc.text[end : min(sent[1], end + 120)])  # its own apposition: ', which groups …'
        apposed = re.search(people + r"['’]? group,\s+(?:the\s+)?$", before)
        # named right after the people form it ('The parents, who have formed a group called …'); never
        # through another body's apposition ('…, which speaks for 2,400 farmers, said X had paid …')
        named_as_theirs = re.search(people, before) and _NAMING.search(before)
        if apposed or named_as_theirs or (re.search(people, after) and _MADE_OF.search(after)):
            return body
        many = _REPRESENTS_SO_MANY.match(after)
        if in_lede and many and _stands_for(many.group(1), many.group(2)) \
                and org_class(body) not in _NOT_OF_PEOPLE and not anonymous:
            return body
    return None


#: Fewer words than this make a headline, a byline or a caption, not the lede.
_LEDE_WORDS = 12
_THE = re.compile(r"(?:The\s+)?")


def _prose_paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """The story's paragraphs of prose, the lede first (headlines, bylines and captions left out)."""
    return [p for p in paragraphs(doc.text) if len(doc.text[p[0] : p[1]].split()) >= _LEDE_WORDS]


def _lede_sentence(doc: Doc, paras: list[tuple[int, int]]) -> tuple[int, int]:
    """Where the lede's first sentence lies, given the story's paragraphs of prose ((0, 0) with none)."""
    if not paras:
        return 0, 0
    lede, lede_end = paras[0]
    return lede, min(doc.sentence_at(lede)[1], lede_end)


def _merge_lede_subject_named_next(doc: Doc, paras: list[tuple[int, int]]) -> None:
    """A wire story's lede describes its subject and the next paragraph opens with that subject's name:
    "Zambia's main opposition party on Wednesday accused …" … "The Forward Zambia Party (FZP) said …";
    'Tram workers will strike …' … "The Transport and Depot Workers' Union said …". The description must
    fit the body: a regulator is a regulator, a ministry a ministry ('Portugal's infrastructure ministry'
    is not 'Opecon Rail Systems', who opens the next paragraph as the accused), people a body of people,
    never a company or an authority."""
    if len(paras) < 2:
        return
    (lede, first_end), nxt = _lede_sentence(doc, paras), paras[1][0]
    described = [e for e in doc.reg.live() if e.is_org and lede <= e.first_pos < first_end
                 and ("unnamed" in e.tags or e.placeholder or e.name.split()[-1].islower())]
    opening = doc.at_start.get(_THE.match(doc.text, nxt).end())
    if not described or opening is None:
        return
    group, body = min(described, key=lambda e: e.first_pos), opening[1].final()
    named_here = body.is_org and body.first_pos >= nxt and "unnamed" not in body.tags
    if named_here and body is not group.final() and not body.name.split()[-1].islower() \
            and _fits_description(body, fold(group.name).split()[-1], people=group.kind == "group"):
        doc.reg.merge(group, body)


def _fits_description(body: Entity, head: str, people: bool) -> bool:
    """Whether a named body is what a description's head says ('regulators' of the European Commission,
    'party' of the Forward Zambia Party); people ('workers', 'officials') fit only a body of people (a
    union, an association, a centre), never a company that the next paragraph may open as the accused
    ('Dairy farmers accused a milk processor …' … 'Laiterie du Vallon denied …'); another description
    ('the panel') fits an unclassed body too."""
    descr = wl.org_words()["descriptor_class"]
    head = head if head in descr else head.rstrip("s")
    if head in descr:
        return _described_as(body, head)
    return org_class(body) == "group" if people else org_class(body) in ("group", "")
