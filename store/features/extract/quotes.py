"""Direct quotations: matched quotation marks, their inner words and their exact spans."""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from .interviews import Interview, interviews
from .sentences import paragraphs

_MAX_QUOTE = 3000
#: Each opening mark and the marks that close it: a low opening mark is closed high, by a turned mark in
#: German copy („…“) and by a closing one in Polish, Czech or Hungarian copy („…”).
_PAIRS = {"“": "”", "«": "»", "„": "“”"}
#: How the words before a reporting verb end when a quotation has just closed ('…,” said', '…,' said').
QUOTE_CLOSE_ENDS = ("”", '"', "»", ",”", ',"', ",»", ",'", ",“")  # (',“': German copy's „…,“ she said)
_MARK = re.compile('[“”«»„"]')  # every mark that opens or closes a double quotation
_STRAIGHT = re.compile('"')
_CURLY_CLOSE = re.compile("”")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: `start`/`end` bound the quoted words; `outer_*` include the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    open_ended: bool = False  # a paragraph-final quote whose closing mark comes in a later paragraph
    answer: bool = False  # an interview's answer ('A: No. We sold …'), quoted by its layout, not by marks
    asked_from: int = -1  # an answer's: where its run of questions and answers starts

    @property
    def span(self) -> tuple[int, int]:
        """The quoted words' (start, end)."""
        return (self.start, self.end)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Inner bounds without surrounding spaces or a trailing comma (the comma belongs to the sentence)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
        b -= 1
    return a, b


def _make(text: str, o: int, c: int, open_ended: bool = False) -> Quote | None:
    a, b = _trim(text, o + 1, c)
    if b <= a or not any(ch.isalnum() for ch in text[a:b]) or c - o > _MAX_QUOTE:
        return None
    return Quote(a, b, o, c + (0 if open_ended else 1), open_ended)


def _curly_single(text: str, ps: int, pe: int) -> list[Quote]:
    """Quotations in ‘single curly marks’, told apart from apostrophes by what surrounds them."""
    out = []
    i = ps
    while i < pe:
        o = text.find("‘", i, pe)
        if o < 0:
            break
        if o > ps and text[o - 1].isalnum():
            i = o + 1
            continue
        c = o + 1
        found = -1
        while c < pe:
            c = text.find("’", c, pe)
            if c < 0:
                break
            after = text[c + 1] if c + 1 < pe else " "
            if not after.isalpha():
                found = c
                break
            c += 1
        if found < 0:
            break
        q = _make(text, o, found)
        if q:
            out.append(q)
        i = found + 1
    return out


_OPENS_AFTER = "([—–"  # besides a space or a line's start, what may stand before an opening mark


def _opens_words(text: str, i: int) -> bool:
    """Whether the mark at ``i`` stands where an opening mark stands: after a space, a line's start or
    an opening bracket or dash, before a word."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in _OPENS_AFTER) and after.isalnum()


def _closes_words(text: str, i: int) -> bool:
    """Whether the mark at ``i`` stands where a closing mark stands: after a word's last letter or a
    stop, before no word ('…,' he said', '…allowed', officials'); not an inch mark after a digit
    ('12" pipe') nor an apostrophe inside a word ('U.S.'s')."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isalpha() or before in ",.!?;:…") and not after.isalnum()


_SINGLE_OPEN = re.compile(rf"(?:^|(?<=[\s{re.escape(_OPENS_AFTER)}]))'(?=[^\W_])")


#: The last word of a fragment quoted in straight single marks mid-sentence: lower case, and not a word whose
#: apostrophe is its own (a plural's or a name's possessive, 'growers'', 'Ramirez''; a dropped g, 'workin'').
_FRAGMENT_LAST_WORD = re.compile(r"(?<![\w'])[a-z]*[a-z](?<![sxz])(?<!in)$")


def _fragment_ends(text: str, o: int, c: int) -> bool:
    """Whether the straight single mark at ``c`` closes a fragment opened at ``o`` in mid-sentence: one of
    two words or more opening on a lower-case letter ('washed a second time and shipped anyway' because),
    never an elision ('90s, 'Tis, rock 'n' roll)."""
    inside = text[o + 1 : c]
    return inside[:1].islower() and " " in inside and not inside.startswith(("n ", "n'")) \
        and _FRAGMENT_LAST_WORD.search(inside) is not None


def _straight_single(text: str, ps: int, pe: int) -> list[Quote]:
    """Quotations in straight single marks, as British copy and headlines have them ('They promised us a
    nurse,' he said; ferry 'carried 60 more people than allowed'): an opening mark before a word, closed
    by a mark after a comma or full stop, or before one, or by the mark after a lower-case fragment's last
    word mid-sentence (``_fragment_ends``); an apostrophe ('workers' union', "don't") is neither. At least
    two words."""
    out = []
    i = ps
    while True:
        m = _SINGLE_OPEN.search(text, i, pe)
        if m is None:
            return out
        o = m.start()
        found = -1
        for c in range(o + 1, pe):
            if text[c] != "'":
                continue
            before, after = text[c - 1], text[c + 1] if c + 1 < pe else "\n"
            if _closes_words(text, c) and (before in ",.!?" or after in ",.;:!?\n"
                                           or _fragment_ends(text, o, c)):
                found = c  # after a comma or stop ('nurse,' he said), before one ('allowed', officials), or
                # a quoted fragment's last word mid-sentence ('shipped anyway' because)
                break
            if _opens_words(text, c):
                o = c  # another opening: what came before was a word or two ('shocked'), not this
        if found < 0:
            return out
        q = _make(text, o, found)
        if q and len(text[q.start : q.end].split()) >= 2:
            out.append(q)
        i = found + 1


class _Marks:
    """Where a paragraph's straight and curly closing marks stand, to look ahead in log time."""

    def __init__(self, text: str, ps: int, pe: int) -> None:
        self.straight = [m.start() for m in _STRAIGHT.finditer(text, ps, pe)]
        self.curly = [m.start() for m in _CURLY_CLOSE.finditer(text, ps, pe)]

    @staticmethod
    def _next(marks: list[int], after: int) -> int:
        k = bisect.bisect_right(marks, after)
        return marks[k] if k < len(marks) else -1

    def mixed_close(self, text: str, ch: str, closer: str, open_at: int, i: int) -> bool:
        """A quotation opened with one kind of mark and closed with another, as pasted copy often has
        it: “… ," or "… ”. A straight mark inside a curly quotation closes it when it stands where a
        closing mark stands (after the words, not before them) and no straight quotation opened inside it
        is waiting for it; otherwise it is nested only if a curly close follows."""
        if "”" in closer and ch == '"':
            if _opens_words(text, i):
                return False  # a quotation inside this one: “He called it "a lie" and …”
            inside = bisect.bisect_right(self.straight, i - 1) - bisect.bisect_right(self.straight, open_at)
            if inside % 2 == 0 and _closes_words(text, i):
                return True  # “It came from a supplement," she said.
            later = self._next(self.curly, i)
            straight = self._next(self.straight, i)
            return later < 0 or 0 <= straight < later
        if closer == '"' and ch == "”":
            return self._next(self.straight, i) < 0
        return False


#: What stands between a quotation's words and its translation's in brackets: «Não houve atraso.» ("There
#: was no delay."), “Es war kein Fehler” (“It was no mistake”).
_BRACKETED_AFTER = re.compile(r"""\s*[”"»“„'’]?\s*[,.]?\s*\(\s*[“"«„‘']?\s*""")


def translates(text: str, first_end: int, second_start: int) -> bool:
    """Whether the quoted words starting at ``second_start`` translate, in brackets, those ending at
    ``first_end``."""
    return _BRACKETED_AFTER.fullmatch(text, first_end, second_start) is not None


def _answer(text: str, ps: int, pe: int, asked_from: int, words: int) -> list[Quote]:
    """The quotations of an interview's answer (the paragraph text[ps:pe], its words from ``words``, its
    run of questions and answers from ``asked_from``): the words in the marks that open them ('A: "No. We
    averaged …"'), else all the words after the label ('A: No. We sold …', its 'outer' span then starting
    at the label; marks further in quote someone else: 'A: We never said "no deal"')."""
    if text[words : words + 1] in _OPENING_MARKS:
        marked = _marked(text, words, pe)
        if marked:
            return [dataclasses.replace(q, answer=True, asked_from=asked_from) for q in marked]
    a, b = _trim(text, words, pe)
    return [Quote(a, b, ps, pe, answer=True, asked_from=asked_from)] if b > a else []


_OPENING_MARKS = frozenset("“\"«„‘'")


def find_quotes(text: str, runs: list[Interview] | None = None) -> list[Quote]:
    """Every top-level quotation in the text, in order (straight, curly, guillemet marks; and the answers
    of an interview printed as questions and answers: ``runs``, else found here)."""
    runs = interviews(text) if runs is None else runs
    answers = {ps: (run.start, words) for run in runs for ps, words, _pe in run.answers}
    out: list[Quote] = []
    for ps, pe in paragraphs(text):
        given = answers.get(ps)
        out.extend(_answer(text, ps, pe, *given) if given else _marked(text, ps, pe))
    return out


def _marked(text: str, ps: int, pe: int) -> list[Quote]:
    """The quotations between marks in one paragraph, text[ps:pe]."""
    marks = _Marks(text, ps, pe)
    para: list[Quote] = []
    open_at = -1
    closer = ""
    for mark in _MARK.finditer(text, ps, pe):  # only the marks matter: skip the words between
        i = mark.start()
        ch = text[i]
        if open_at < 0:
            if ch in _PAIRS:
                open_at, closer = i, _PAIRS[ch]
            elif ch == '"':
                open_at, closer = i, '"'
            elif ch == "”" and _opens_words(text, i):
                open_at, closer = i, "”"  # a closing mark typed where the opening one belongs
        elif ch in closer or marks.mixed_close(text, ch, closer, open_at, i):
            q = _make(text, open_at, i)
            if q:
                para.append(q)
            open_at = -1
        elif ch in _PAIRS and closer != '"':
            open_at, closer = i, _PAIRS[ch]  # an unclosed quotation: restart at the new opening
    if open_at >= 0:
        q = _make(text, open_at, pe, open_ended=True)
        if q:
            para.append(q)
    if not para and "‘" in text[ps:pe]:
        para = _curly_single(text, ps, pe)
    if not para and "'" in text[ps:pe]:
        para = _straight_single(text, ps, pe)
    return para
