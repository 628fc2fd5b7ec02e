"""The importer's word lists, read once from the shipped data files and turned into lookups."""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .textutil import fold


def _read_text(name: str) -> str:
    """The text of one word-list file, from the installed assets package or the repo's assets/."""
    try:
        root = importlib.resources.files("claimnet.assets")
        return (root / "wordlists" / name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        path = Path(__file__).resolve().parents[3] / "assets" / "wordlists" / name
        return path.read_text(encoding="utf-8")


@functools.cache
def load_wordlist(name: str) -> Any:
    """A word list by file name: JSON files as data, others as a list of non-comment lines."""
    text = _read_text(name)
    if name.endswith(".json"):
        return json.loads(text)
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def _split(field_text: str) -> list[str]:
    return [v.strip() for v in field_text.split(";") if v.strip()]


@dataclass(frozen=True, slots=True)
class Known:
    """A gazetteer entry: a state or organisation with every name it goes by."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()


_DIRECTIONS = frozenset({"north", "south", "east", "west"})


@dataclass(slots=True)
class Gazetteer:
    """Surface form (folded) -> known actor, with what sort of form it is."""

    by_form: dict[str, tuple[Known, str]] = field(default_factory=dict)
    max_words: int = 1
    #: Compass words that name an actor only as 'the North' or 'the South' (not 'South Bend').
    with_the: set[str] = field(default_factory=set)

    def add(self, form: str, known: Known, how: str) -> None:
        """Register one surface form; the first registration of a form wins."""
        key = fold(form)
        if key.startswith("the "):
            key = key[4:]
            if key in _DIRECTIONS:
                self.with_the.add(key)  # 'the South', not 'South Bend' (and 'Kremlin Spokesman' stays)

        if key and key not in self.by_form:
            self.by_form[key] = (known, how)
            self.max_words = max(self.max_words, len(key.split()))

    def needs_the(self, form: str) -> bool:
        """Whether a form names its actor only as 'the FORM' on its own."""
        return fold(form) in self.with_the

    def get(self, form: str) -> tuple[Known, str] | None:
        """The known actor a surface form names, and how (name, alias, demonym, metonym)."""
        key = fold(form)
        if key.startswith("the "):
            key = key[4:]
        return self.by_form.get(key)


@functools.cache
def gazetteer() -> Gazetteer:
    """States (names, demonyms, capitals) and well-known organisations, by surface form."""
    gaz = Gazetteer()
    for line in load_wordlist("countries.tsv"):
        parts = [p.strip() for p in line.split("|")] + ["", "", ""]
        name, aliases, demonyms, capitals = parts[0], _split(parts[1]), _split(parts[2]), _split(parts[3])
        known = Known(name, "state", tuple(aliases), None, tuple(demonyms), tuple(capitals))
        gaz.add(name, known, "name")
        for a in aliases:
            gaz.add(a, known, "alias")
        for d in demonyms:
            gaz.add(d, known, "demonym")
        for c in capitals:
            gaz.add(c, known, "metonym")
    for line in load_wordlist("organisations.tsv"):
        parts = [p.strip() for p in line.split("|")] + ["", "", ""]
        name, kind, aliases, aff = parts[0], parts[1] or "organisation", _split(parts[2]), parts[3] or None
        known = Known(name, kind, tuple(a.lstrip("@") for a in aliases), aff)
        gaz.add(name, known, "name")
        for a in aliases:
            if a.startswith("@"):
                gaz.add(a[1:], known, "metonym")
            else:
                gaz.add(a, known, "alias")
    return gaz


@dataclass(frozen=True, slots=True)
class Verb:
    """A reporting verb form: its lemma, the act it signals and how it takes its content."""

    lemma: str
    act: str
    form: str
    needs: tuple[str, ...] = ()
    takes_object: bool = False
    of_object: bool = False
    naming: bool = False
    weak: bool = False
    window: int = 0  # how many words later `needs` may come ('ordered the firm in March to stop'); 0: next
    clause: bool = False  # whether a bare finite clause also satisfies `needs` ('found the club had …')
    figure: bool = False  # whether it reports only a figure it puts on a measure ('put the death toll at 17')


def _window(value: Any) -> int:
    """A verb's window for its `needs`: true is five words, a number that many, nothing the next word."""
    if isinstance(value, bool):
        return 5 if value else 0
    return int(value or 0)


@functools.cache
def colon_openers() -> frozenset[str]:
    """Verb forms of speaking or writing that open a quotation after a colon when an actor is their subject
    ('Brandão answered in Portuguese: «…»'), besides the reporting verbs the sieves read."""
    return frozenset(load_wordlist("reporting_verbs.json")["before_a_colon"])


@functools.cache
def reporting_verbs() -> dict[str, Verb]:
    """Every inflected reporting-verb form (lower case) -> its Verb."""
    data = load_wordlist("reporting_verbs.json")
    out: dict[str, Verb] = {}
    for lemma, spec in data["verbs"].items():
        for form in spec["forms"]:
            out.setdefault(
                form,
                Verb(
                    lemma,
                    spec["act"],
                    form,
                    tuple(spec.get("needs", ())),
                    bool(spec.get("object")),
                    bool(spec.get("of")),
                    bool(spec.get("naming")),
                    bool(spec.get("weak")),
                    _window(spec.get("window")),
                    bool(spec.get("clause")),
                    bool(spec.get("figure")),
                ),
            )
    return out


@functools.cache
def verb_particles() -> dict[str, str]:
    """Verb + particle phrases ('called for') -> the act they signal."""
    return dict(load_wordlist("reporting_verbs.json")["particles"])


@functools.cache
def thing_objects() -> dict[str, frozenset[str]]:
    """Reporting-verb lemma -> the nouns it takes as a thing, never as words ('claimed payment')."""
    return {k: frozenset(v) for k, v in load_wordlist("reporting_verbs.json")["thing_objects"].items()}


@functools.cache
def document_speakers() -> frozenset[str]:
    """Nouns for documents and inquiries that speak for their owner ('the complaint said')."""
    return frozenset(load_wordlist("reporting_verbs.json")["document_speakers"])


@functools.cache
def nominal_cues() -> dict[str, str]:
    """Nouns that report a position when owned and followed by 'that' ('its claim that …') -> their act."""
    return dict(load_wordlist("reporting_verbs.json")["nominal"])


@functools.cache
def speech_phrases() -> dict[str, tuple[str, ...]]:
    """Words making a naming verb a denial ('called it a fabrication'), 'declined to comment' phrases, and the
    nouns of a list's own opening ('Its main findings:')."""
    data = load_wordlist("reporting_verbs.json")
    return {"denial_words": tuple(data["denial_words"]), "no_comment": tuple(data["no_comment"]),
            "list_nouns": tuple(data["list_nouns"])}


@functools.cache
def noun_like_cues() -> frozenset[str]:
    """Reporting-verb forms that are also nouns ('a conference call', 'the annual report')."""
    return frozenset(load_wordlist("reporting_verbs.json")["noun_like"])


@functools.cache
def titles() -> frozenset[str]:
    """Role and title words and phrases, lower case."""
    return frozenset(load_wordlist("titles.txt"))


_TITLE_GLUE = frozenset({"and", "of", "for", "the", "in", "to", "&"})


@functools.cache
def title_words() -> frozenset[str]:
    """Every single word of a role or title phrase (not 'and' of 'president and chief executive')."""
    return frozenset(w for t in titles() for w in t.split() if w not in _TITLE_GLUE)


@functools.cache
def title_heads() -> frozenset[str]:
    """The last word of every role or title phrase ('minister', 'spokesperson')."""
    return frozenset(t.split()[-1] for t in titles())


@functools.cache
def honorifics() -> dict[str, str]:
    """Honorific ('Mr', 'Ms', 'Dr') -> gender letter (m, f or -)."""
    out = {}
    for line in load_wordlist("honorifics.tsv"):
        form, _, gender = (p.strip() for p in line.partition("|"))
        out[form] = gender or "-"
    return out


@functools.cache
def things() -> dict[str, frozenset[str]]:
    """Last words of names that name things, and nouns that put a name to a thing (not an actor)."""
    data = load_wordlist("things.json")
    return {
        "document_heads": frozenset(data["document_heads"]),
        "event_heads": frozenset(data["event_heads"]),
        "nouns": frozenset(data["nouns_before_names"]),
        "place_tails": frozenset(data["place_tails"]),
        "place_nouns": frozenset(data["nouns_before_places"]),
        "nouns_after_places": frozenset(data["nouns_after_places"]),
        "made_by_namesake": frozenset(data["made_by_namesake"]),
        "ship_titles": frozenset(data["ship_titles"]),
        "cargo_words": frozenset(data["cargo_words"]),
    }


@functools.cache
def unnamed_sources() -> dict[str, Any]:
    """Heads and qualifiers of unnamed and collective sources."""
    data = load_wordlist("unnamed_sources.json")
    return {
        "plural": frozenset(data["plural"]),
        "singular": frozenset(data["singular"]),
        "qualifiers": tuple(data["qualifiers"]),
        "bare_needs_qualifier": frozenset(data["bare_needs_qualifier"]),
        "not_actor_heads": frozenset(data["not_actor_heads"]),
        "speak_for_their_body": frozenset(data["speak_for_their_body"]),
        "court_sides": {side: frozenset(roles) for side, roles in data["court_sides"].items()},
        "court_sides_not": {side: frozenset(words) for side, words in data["court_sides_not"].items()},
        "anonymity": tuple(data["anonymity"]),
        "anonymity_asked": tuple(data["anonymity_asked"]),
    }


@functools.cache
def org_words() -> dict[str, Any]:
    """Organisation head words, lower-case organisation phrases and descriptor nouns."""
    data = load_wordlist("org_words.json")
    descriptor_class: dict[str, str] = {}
    for cls, words in data["descriptors"].items():
        for w in words:
            descriptor_class.setdefault(w, cls)
    return {
        "heads": frozenset(data["heads"]),
        "generic_openers": frozenset(data["generic_openers"]),
        "lower_heads": tuple(sorted(data["lower_heads"], key=lambda s: -len(s))),
        "state_like_lower": frozenset(data["state_like_lower"]),
        "media_lower": frozenset(data["media_lower"]),
        "outlet_heads": frozenset(data["outlet_heads"]),
        "company_openers": frozenset(data["company_openers"]),
        "descriptors": data["descriptors"],
        "descriptor_class": descriptor_class,
        "place_heads": tuple(sorted(data["place_heads"], key=lambda h: -len(h))),
        "national_lower": frozenset(data["national_lower"]),
        "lower_modifiers": frozenset(data["lower_modifiers"]),
        "agent_nouns": frozenset(data["agent_nouns"]),
        "firm_nouns": frozenset(data["firm_nouns"]),
        "unit_heads": frozenset(data["unit_heads"]),
        "waiting_for_a_name": frozenset(data["waiting_for_a_name"]),
        "company_words": frozenset(data["company_words"]),
        "class_heads": {cls: frozenset(words) for cls, words in data["class_heads"].items()},
        "government_modifiers": frozenset(data["government_modifiers"]),
        "body_roles": frozenset(data["body_roles"]),
        "role_documents": {role: frozenset(nouns) for role, nouns in data["body_roles"].items()},
        "labour_words": frozenset(data["labour_words"]),
        "company_roles": tuple(sorted(data["company_roles"], key=lambda r: -len(r))),
        "plain_adjectives": frozenset(data["plain_adjectives"]),
        "constituencies": frozenset(data["constituencies"]),
        "legal_suffixes": frozenset(data["legal_suffixes"]),
    }


@functools.cache
def places() -> frozenset[str]:
    """Folded names of places that are not actors (cities, regions, seas)."""
    return frozenset(fold(p) for p in load_wordlist("places.txt"))


@functools.cache
def function_words() -> frozenset[str]:
    """Words that are never the first word of a name when capitalised at a sentence start."""
    return frozenset(load_wordlist("function_words.txt"))


@functools.cache
def evidence_words() -> dict[str, Any]:
    """Evidence cue words, quantity words, units and currencies."""
    return load_wordlist("evidence.json")


@functools.cache
def anonymity() -> str:
    """A pattern for the words saying a source is not named ('on condition of anonymity', 'asked not to be
    named', 'not authorised to speak'): unnamed_sources.json 'anonymity'."""
    return phrase_alternation(unnamed_sources()["anonymity"])


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A pattern matching any of these phrases, the longest first, any run of white space between words."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) + ")"


@functools.cache
def generic_body_words() -> frozenset[str]:
    """Words any body of its kind could bear, which alone never say which body a name is ('Interior
    Ministry', 'audit office', 'Department of Justice'), folded: organisation heads (capitalised and lower
    case), government modifiers, name connectors, state-body nouns and name_words 'generic_body_words'."""
    names, orgs = name_words(), org_words()
    words = [*orgs["heads"], *orgs["lower_heads"], *orgs["government_modifiers"], *names["connectors"],
             *names["state_org_words"], *names["generic_body_words"]]
    return frozenset(fold(x) for w in words for x in w.split())


@functools.cache
def coded_amount() -> str:
    """A pattern for an ISO 4217 currency code before an amount, the code alone matched ('CLP 2.1 billion',
    'IDR 186,000'): a space, then a number written as money is (a decimal, a thousands separator or a
    scale), so that 'COP28', 'TOP 10' or 'SDG 4' are no sums of money."""
    ev = evidence_words()
    codes = "|".join(ev["currency_codes"])
    scales = "|".join(sorted(ev["scales"], key=len, reverse=True))
    return rf"\b(?:{codes})\s(?=\d{{1,3}}(?:,\d{{3}})+|\d+\.\d|\d+(?:\.\d+)?\s?(?:{scales})\b)"


@functools.lru_cache(maxsize=8)
def money_codes_in(text: str) -> frozenset[str]:
    """The ISO 4217 codes a text writes before an amount written as money somewhere ('OMR 612,400'): there
    the code is a currency before any number, a plain one too ('a cash advance of OMR 50')."""
    return frozenset(m.group().strip() for m in re.finditer(coded_amount(), text))


_CODE_BEFORE = re.compile(r"\b([A-Z]{3}) \Z")


def money_code_before(text: str, start: int) -> int | None:
    """Where the currency code this text writes money with starts, right before a number at start."""
    m = _CODE_BEFORE.search(text, max(0, start - 4), start)
    return m.start() if m is not None and m.group(1) in money_codes_in(text) else None


@functools.cache
def name_words() -> dict[str, frozenset[str]]:
    """Connectors, month and day names, extra title words and state-body nouns, for reading names."""
    data = load_wordlist("name_words.json")
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


@functools.cache
def act_words() -> dict[str, re.Pattern[str]]:
    """The act cue lists of acts.json, each compiled to one case-insensitive pattern on word boundaries."""
    data = load_wordlist("acts.json")
    return {k: re.compile(r"\b(?:" + "|".join(v) + r")\b", re.IGNORECASE)
            for k, v in data.items() if not k.startswith("_")}
