"""Pull quotes: a quotation repeated in a paragraph of its own between the story's paragraphs, as furniture
(normalise.py blanks it, as it blanks captions and headlines)."""

from __future__ import annotations

import bisect
import re

#: How far from a pull quote the story quoting the same words may stand (about a long story's length).
_STORY_REACH = 20_000
#: A paragraph that is only a quotation, maybe credited after a dash ('«…» — Marta Ruiz'): what a pull quote
#: looks like.
_WHOLE_QUOTE = re.compile(r"\s*[“\"«„‘']\s*(?P<words>[^“”\"«»„]{8,300}?)[\s.,]*[”\"»“’']"
                          r"(?:\s*[—–-]{1,2}\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})?\s*")
#: A quotation inside a paragraph of the story.
_QUOTED = re.compile(r"[“\"«„](?P<words>[^“”\"«»„]{8,3000}?)[”\"»“]")


def pull_quotes(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """Where each pull quote starts: a paragraph that is only a quotation, set off from the story, of words
    the story quotes within another paragraph nearby ('"Children are going hungry"' between paragraphs,
    after '"Children are going hungry," said …'). A quotation said once, even alone in its paragraph, is
    the story's own."""
    whole: dict[int, str] = {}
    for k, (s, e) in enumerate(lines):
        m = _WHOLE_QUOTE.fullmatch(text, s, e)
        introduced = k > 0 and text[lines[k - 1][0] : lines[k - 1][1]].rstrip().endswith(":")
        if m is not None and len(m.group("words").split()) >= 2 and not introduced:
            whole[s] = _plain(m.group("words"))  # ('X said:' then the quotation: X's words, not a pull quote)
    if not whole:
        return set()
    quoted = [(q.start(), _plain(q.group("words"))) for s, e in lines if s not in whole
              for q in _QUOTED.finditer(text, s, e)]
    at = [pos for pos, _ in quoted]

    def near(s: int) -> list[tuple[int, str]]:
        return quoted[bisect.bisect_left(at, s - _STORY_REACH) : bisect.bisect_right(at, s + _STORY_REACH)]

    return {s for s, words in whole.items() if any(words in told for _, told in near(s))}


def _plain(words: str) -> str:
    """A quotation's words with their spacing made single and the stop or comma that ends them left out."""
    return " ".join(words.split()).rstrip(".,;")
