"""What a claim is about, as comparable terms: content words stemmed and mapped through the shipped
synonym groups, so "sold rifles to the rebels" and "supplied the insurgents with small arms" share terms.

Also the word shingles that find a quote repeated word for word, and the polarity (negated or not)
that tells a denial from the claim it denies.
"""

from __future__ import annotations

import functools
import re
import zlib

from claimnet.store.features.extract.wordlists import (
    function_words,
    gazetteer,
    load_wordlist,
    reporting_verbs,
)
from claimnet.store.model.textnorm import fold

_WORD = re.compile(r"[0-9]+(?:[,.][0-9]+)*|[a-z0-9]+(?:['’][a-z]+)?")
#: Where the leading clause ends: negation after it ("flooded because the wall was not there") is not
#: the claim's own.
_CLAUSE_END = re.compile(r"[,.;:!?]|\b(?:because|while|although|though|since|after|before|if|unless|when"
                         r"|and|but|which|who|so|could|would)\b")
_NEGATIONS = frozenset({"not", "no", "never", "nothing", "none", "neither", "nor", "without",
                        "cannot", "n't", "denied", "denies", "deny", "false", "untrue", "baseless"})
#: Words that carry no claim of their own in news copy, beyond the shipped function words.
_EMPTY_WORDS = frozenset({
    "also", "would", "could", "should", "will", "shall", "may", "might", "must", "can", "had", "has",
    "have", "was", "were", "is", "are", "be", "been", "being", "did", "does", "do", "that", "this",
    "these", "those", "it", "its", "they", "them", "their", "he", "she", "his", "her", "him", "we",
    "our", "us", "you", "your", "i", "me", "my", "who", "which", "what", "whom", "whose", "there",
    "here", "than", "then", "very", "just", "only", "even", "still", "already", "about", "over",
    "into", "onto", "out", "up", "down", "off", "after", "before", "while", "when", "where", "if",
    "because", "as", "such", "said", "says", "say", "told", "tell", "according", "statement",
    "spokesperson", "spokesman", "spokeswoman", "mr", "mrs", "ms", "dr", "last", "week", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
    "made", "make", "go", "come", "per", "cent", "percent", "s", "t", "new", "year", "years",
})
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ives", "ive", "edly", "ed", "es", "s")
#: Irregular past forms news copy uses, to their base ("sold" -> "sell").
_IRREGULAR = {
    "sold": "sell", "gave": "give", "given": "give", "sent": "send", "paid": "pay", "bought": "buy",
    "knew": "know", "known": "know", "hid": "hide", "hidden": "hide", "stole": "steal", "stolen": "steal",
    "struck": "strike", "built": "build", "lost": "lose", "won": "win", "fled": "flee", "began": "begin",
    "begun": "begin", "spent": "spend", "brought": "bring", "held": "hold", "met": "meet", "rose": "rise",
    "risen": "rise", "grew": "grow", "grown": "grow", "broke": "break", "broken": "break",
    "wrote": "write", "written": "write", "chose": "choose", "chosen": "choose", "fought": "fight",
    "took": "take", "taken": "take", "fell": "fall", "fallen": "fall", "hurt": "hurt", "shot": "shoot",
    "misled": "mislead", "withdrew": "withdraw", "withdrawn": "withdraw", "froze": "freeze",
    "frozen": "freeze", "sank": "sink", "sunk": "sink", "spoke": "speak", "spoken": "speak",
    "lied": "lie", "lying": "lie", "came": "come", "went": "go", "goes": "go", "gone": "go",
    "children": "child", "men": "man", "women": "woman", "people": "people", "dying": "die",
}


@functools.cache
def _stop() -> frozenset[str]:
    return frozenset(function_words()) | _EMPTY_WORDS | frozenset(reporting_verbs())


@functools.cache
def stem(word: str) -> str:
    """A light English stem: enough to make "supplied", "supplies" and "supply" one form."""
    word = _IRREGULAR.get(word, word)
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                return base + "y"
            if suffix in ("ives", "ive"):
                return base + "iv"
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "shipped" -> "ship"
            return base.rstrip("e") if len(base) > 3 else base
    return word.rstrip("e") if len(word) > 3 else word


@functools.cache
def synonym_groups() -> tuple[dict[tuple[str, ...], str], int]:
    """Stemmed phrase -> its group's name, and the longest phrase in words."""
    out: dict[tuple[str, ...], str] = {}
    longest = 1
    for line in load_wordlist("claim_synonyms.tsv"):
        forms = [f.strip() for f in line.split("|") if f.strip()]
        head = "~" + "_".join(stem(w) for w in forms[0].split())
        for form in forms:
            key = tuple(stem(w) for w in _WORD.findall(fold(form)))
            if key and key not in out:
                out[key] = head
                longest = max(longest, len(key))
    return out, longest


_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen", "twenty"]
_TENS = ["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBERS = {w: n for n, w in enumerate(_UNITS)} | {w: 10 * n for n, w in enumerate(_TENS, 3)}
_TIMES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


def _numbers(ws: list[str]) -> list[str]:
    """Number words as digits ("thirty" -> "30", "two hundred" -> "200"), so outlets' styles agree."""
    out: list[str] = []
    for w in ws:
        if w in _TIMES and out and out[-1].isdigit() and w != "million":
            out[-1] = str(int(out[-1]) * _TIMES[w])
        elif w in _NUMBERS:
            out.append(str(_NUMBERS[w]))
        else:
            out.append(w)
    return out


def words(text: str) -> list[str]:
    """The folded words of a text, numbers as digits, contractions split off ("didn't" -> "did", "n't")."""
    return _numbers(_words(text))


def _words(text: str) -> list[str]:
    out: list[str] = []
    for w in _WORD.findall(fold(text).replace("’", "'")):
        if w[0].isdigit():
            out.append(w.replace(",", ""))
        elif w.endswith("n't"):
            out += [w[:-3] or "not", "n't"]
        elif "'" in w:
            out.append(w.split("'")[0])
        else:
            out.append(w)
    return out


def terms(text: str) -> tuple[frozenset[str], bool]:
    """The claim's terms (stems, or synonym-group names) and whether it is negated."""
    groups, longest = synonym_groups()
    stop = _stop()
    ws = words(text)
    lead = words(_CLAUSE_END.split(fold(text), maxsplit=1)[0])
    negated = sum(1 for w in lead if w in _NEGATIONS) % 2 == 1
    stems = [stem(w) for w in ws]
    out: set[str] = set()
    states, first, most = _states()
    i = 0
    while i < len(ws):
        top = min(most, len(ws) - i) if ws[i] in first else 1
        for n in range(top, 0, -1):
            found = states.get(" ".join(ws[i : i + n]) if n > 1 else ws[i])
            if found is not None and (n > 1 or ws[i] not in stop):
                out.add(found)  # "Moscow", "Russian", "Russia": one term
                i += n
                break
        else:
            i = _phrase(ws, stems, i, out, groups, longest, stop)
    return frozenset(out), negated


@functools.cache
def _states() -> tuple[dict[str, str], frozenset[str], int]:
    """Every folded name, alias, demonym and capital of a state -> one term for the state; the first
    words of the forms of several words; the most words in a form."""
    gaz = gazetteer()
    forms = {form: "@" + fold(known.name) for form, (known, _how) in gaz.by_form.items()
             if known.kind == "state" and form not in gaz.with_the}
    first = frozenset(f.split()[0] for f in forms if " " in f)
    return forms, first, max(len(f.split()) for f in forms)


def _phrase(ws: list[str], stems: list[str], i: int, out: set[str],
            groups: dict[tuple[str, ...], str], longest: int, stop: frozenset[str]) -> int:
    """Add the term at word ``i`` (the longest synonym phrase there, else the word's stem); the next index."""
    for n in range(min(longest, len(ws) - i), 0, -1):
        head = groups.get(tuple(stems[i : i + n]) if n > 1 else (stems[i],))
        if head is not None and (n > 1 or ws[i] not in stop):
            out.add(head)
            return i + n
    if ws[i] not in stop and ws[i] not in _NEGATIONS and len(ws[i]) > 1:
        out.add(stems[i])
    return i + 1


def shingles(text: str, size: int = 5) -> frozenset[int]:
    """Hashes of every run of ``size`` words: two texts sharing one share those words verbatim."""
    ws = words(text)
    if len(ws) < size:
        return frozenset({zlib.crc32(" ".join(ws).encode())}) if len(ws) >= 3 else frozenset()
    return frozenset(zlib.crc32(" ".join(ws[i : i + size]).encode()) for i in range(len(ws) - size + 1))


def char_grams(text: str, n: int = 4) -> frozenset[str]:
    """Character n-grams of the folded words (one of the similarity measures the score compares)."""
    joined = " ".join(words(text))
    return frozenset(joined[i : i + n] for i in range(max(0, len(joined) - n + 1)))
