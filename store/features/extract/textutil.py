"""Small text helpers shared by the extractor: accent folding and word tokens with offsets."""

from __future__ import annotations

import functools
import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w&' -]+")

_SAW_VERBS = r"(?:seen|obtained|reviewed|viewed|leaked)"
#: Who saw a document, not who wrote it: 'seen by', 'obtained by' (not 'shown to': given to it).
SAW_BY = rf"{_SAW_VERBS}\s+by"
#: Who saw or was shown a document, not who wrote it: 'seen by', 'obtained by', 'shown to'.
SAW = rf"(?:{_SAW_VERBS}|shown)\s+(?:by|to)"
#: A currency's letters that never open a name, glued to its sum or before it: 'JD5', 'KD 12', 'TSh 9.6
#: billion' (dinars of Jordan, Kuwait and Bahrain; shillings of Kenya, Tanzania and Uganda).
CURRENCY_LETTERS = r"(?:JD|KD|BD|[KTU][Ss]h)"
#: Who asked or paid for a document, not who wrote it: 'a report commissioned by residents', 'a review
#: funded by the union' (after a document's noun only: 'researchers funded by X' are the researchers).
ASKED_FOR = r"(?:commissioned|funded|requested|ordered|paid\s+for)\s+by"
#: The end of words saying who saw a document: 'a letter seen by', 'a memo obtained by the'.
SEEN_BY = re.compile(rf"\b{SAW}(?:\s+the|\s+a)?\s*$")

#: An indefinite noun, then a naming verb and a name in quotation marks at once: 'a WhatsApp group called
#: “Urea Desk”' (never 'what union leaders called “the only language …”'): a thing's name, no words said.
#: 'the' right before a mention, pointing back to one already met ('the Observatory', 'The auditors').
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
NAME_GIVEN = re.compile(r"\b[Aa]n?\s+(?:[\w-]+\s+){0,3}?[a-z]+\s+(?:called|named|dubbed|nicknamed)\s+"
                        r"[“\"‘']$")

#: What a short name stands for, after a comma inside its brackets: '(COD, by its French initials)'.
INITIALS_EXPLAINED = r",\s+[^()]{0,40}?\b(?:initials|acronym|abbreviation)\b[^()]{0,20}"
#: A short name in brackets after a full one: "(NAO)", "(CIA Energie)" (up to three capitalised words), "(COD,
#: by its French initials)".
BRACKETED_SHORT_NAME = r"\([A-Z][\w.&'’-]{1,20}(?:\s[A-Z][\w.&'’-]*){0,2}(?:" + INITIALS_EXPLAINED + r")?\)"

#: A word: letters/digits with inner apostrophes (not a possessive 's), dotted initials like U.S., or a
#: name written with its father's initial and no space, as Mongolian copy writes them ('L.Oyuntsetseg',
#: 'Ch.Ganzorig').
INITIAL_AND_NAME = r"(?:[A-Z]|Ch|Sh|Ts|Kh|Zh)\.[A-Z][a-z]{2,}\b"
WORD_RE = re.compile(r"(?:[A-Za-z]\.){2,}|" + INITIAL_AND_NAME
                     + r"|[^\W_]+(?:['’](?![sS]\b)[^\W_]+)*|['’][sS]\b")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free, apostrophe-normalised, single-spaced form of a name for matching (names are
    folded again and again as descriptions and pronouns look back over them, hence the cache)."""
    text = text.translate(_APOSTROPHES)
    if not text.isascii():  # accents to strip: most names need none of this
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _SPACES.sub(" ", text.casefold()).strip()


def lower_words(text: str) -> str:
    """Running text in lower case with straight apostrophes and hyphens ('didn’t' and 'didn't' alike),
    accents kept; uncached, unlike ``fold``, for long texts read once."""
    return text.translate(_APOSTROPHES).lower()


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A matching key for an actor name: folded, punctuation and a leading 'the' and trailing 's removed."""
    key = _PUNCT.sub(" ", fold(text))
    key = _SPACES.sub(" ", key).strip()
    if key.endswith(" 's") or key.endswith("'s"):
        key = key[:-2].rstrip()
    if key.startswith("the "):
        key = key[4:]
    return key


@functools.lru_cache(maxsize=65536)
def _word_facts(text: str) -> tuple[str, bool, bool, bool]:
    """(lower case, capitalised, acronym, possessive) of a word, computed once per distinct word."""
    letters = text.replace(".", "")
    return (
        text.lower().replace("’", "'"),
        text[:1].isupper(),
        len(letters) >= 2 and letters.isupper() and letters.isalpha(),
        text in ("'s", "’s", "'S", "’S"),
    )


class Token:
    """One word of the text with its character offsets and precomputed case facts."""

    __slots__ = ("start", "end", "text", "lower", "is_cap", "is_acronym", "is_possessive")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        #: lower: the word in lower case with straight apostrophes; is_cap: it starts with a capital;
        #: is_acronym: an all-capital abbreviation such as UN or U.S.; is_possessive: a possessive 's
        self.lower, self.is_cap, self.is_acronym, self.is_possessive = _word_facts(text)

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of text[start:end] with absolute offsets."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, start, end)]


def between(text: str, a: int, b: int) -> str:
    """The text between two offsets (empty when b <= a)."""
    return text[a:b] if b > a else ""


#: What moved someone to speak, said before the speaker and the infinitive: 'prompting the party to
#: (accuse)', 'leading residents to (deny)'; group 1 holds the words that name the speaker.
MOVED_TO = re.compile(r"(?<!which )(?<!that )\b(?:prompting|prompted|leading|led|spurring|spurred)\s+"
                      r"((?:the\s+|its\s+|their\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+to\s*$")
