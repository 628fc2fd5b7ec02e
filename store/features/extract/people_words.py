"""Words that name people: a noun for a person by its ending ('beekeeper', 'chemist', 'fisherman') and a
plural one no list knows ('anglers', 'linemen'). Read by the name chunker and the unnamed-source sieves."""

from __future__ import annotations

import re

from . import wordlists as wl

__all__ = ["person_noun", "plural_of_people"]

#: Endings of nouns for people ('beekeeper', 'chemist', 'technician', 'attendant', 'fisherman').
_PERSON_NOUN = re.compile(r"[a-z]{2,}(?:er|or|ist|ian|ant|ent|man|woman|wife)$")


def plural_of_people(word: str) -> bool:
    """A plural noun no list knows that names people by its ending: 'anglers', 'beekeepers', 'linemen',
    'chemists' (not the weaker '-ant' and '-ent': 'grants', 'payments', 'documents')."""
    word = word.rsplit("-", 1)[-1]  # 'festival-goers', 'eye-witnesses'
    if word.endswith("men"):
        return word not in wl.name_words()["not_men"] and person_noun(word[:-3] + "man")  # (not 'Lumen')
    return re.fullmatch(r"[a-z]{2,}(?:er|or|ist|ian)s", word) is not None and person_noun(word[:-1])


def person_noun(word: str, listed: bool = False, anonymous: bool = False) -> bool:
    """Whether a lower-case noun names a person: by its ending ('beekeeper', 'warden' no), never a paper or
    a class of body; with ``listed``, the unnamed-source and title words too ('son', 'boss', 'nurse'); with
    ``anonymous`` (its source asked not to be named: 'A former lifeguard, who asked not to be named'), any
    other noun."""
    people_too = anonymous and word in wl.org_words()["agent_nouns"]  # ('a machine operator, who spoke on
    # condition that he was not named': a person, though 'the operator' alone is a company)
    if word in wl.document_speakers() or word in wl.org_words()["descriptor_class"] and not people_too:
        return False
    if anonymous:
        return True
    if listed and (word in wl.unnamed_sources()["singular"] or word in wl.unnamed_sources()["plural"]
                   or word in wl.title_words()):
        return True
    return _PERSON_NOUN.fullmatch(word) is not None
