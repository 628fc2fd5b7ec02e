"""Where the stories of a text begin, and what a story's head says of it: its headline above the first mark
of its head (a byline, a time stamp or a dateline), the agency its dateline names and the outlet its credits
name. (Line shapes are normalise.py's; pieces.py cuts a text into stories here.)"""

from __future__ import annotations

import re

from .normalise import (
    _DATE_LINE,
    _DATELINE,
    _DESK_CODE,
    _LINKS_HEADER,
    _PARAGRAPH_WIDTH,
    _STAMP,
    _byline,
    _dateline_words,
    _line_ends,
    _lines,
    is_furniture_line,
)

_AGENCY = re.compile(r"\(([A-Z][\w .&'’-]{1,30})\)\s*[-–—:]\s*$")


#: How many lines apart the marks of one story's head may stand (byline, time stamp, dateline).
_HEAD_LINES = 6
#: The most lines a paragraph of a story's head may have (a caption wraps over three or four).
_HEAD_PARAGRAPH = 4


def story_starts(text: str) -> list[int]:
    """Where the stories of a text of several begin, after the first: each at its headline, above the
    first mark of a story's head (a byline, a time stamp or a dateline opening a paragraph). Marks a few
    lines apart are one head ('By Jane Roe' / 'Updated 14:32 GMT'); a mark with no headline above it
    ('By Wednesday, the fire …', 'CORRECTION: …' in the body) begins nothing, nor does one with no
    story's body before it (a newsletter's banner above the first headline). Line ends are read as the
    working copy reads them ('\r\n', '\r')."""
    text = _line_ends(text)
    lines = [(s, e) if text[s:e].strip() else (s, s) for s, e in _lines(text)]  # (blank: empty)
    out: list[int] = []
    last_mark = -_HEAD_LINES - 1
    for k, (s, e) in enumerate(lines):
        if not _marks_a_head(text[s:e]) and not _signed_stamp(lines, text, k):
            continue
        if k - last_mark > _HEAD_LINES:
            top = _headline_above(lines, text, k)
            start = lines[top][0] if top is not None else 0
            if start > 0 and _tells_something(text[out[-1] if out else 0 : start]):
                out.append(start)
        last_mark = k
    return out


def _tells_something(text: str) -> bool:
    """Whether a stretch holds a story's body: a sentence that is no furniture (not a newsletter's banner
    or a section's name above the first headline)."""
    return any(_SENTENCE_END.search(line) and not is_furniture_line(line) for line in text.split("\n"))


def _marks_a_head(line: str) -> bool:
    """Whether a line is a byline, a time stamp or a paragraph opening with a dateline."""
    if _byline(line) or _STAMP.match(line):
        return True
    dateline = _DATELINE.match(line)
    if dateline and dateline.group(0).rstrip().endswith(":") and line[dateline.end() :][:1] in _QUOTE_OPENS:
        return False  # a title that quotes someone ('CEO: 'We are not short of pilots''), not 'DELHI: …'
    return bool(dateline and _dateline_words(dateline.group(0)) and not is_furniture_line(line))


#: A person's name alone on a line: two or three capitalised words.
_NAME_ALONE = re.compile(r"[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){1,2}")
#: A line that is only a date in figures and its time: '20.02.2026 11:34', '14/01/2026 • 18:20'.
_TIMED_NUMERIC_DATE = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{4}\s*[•|,-]?\s*\d{1,2}:\d{2}")
#: A short line of words alone, no figure in it and no sentence's end: an outlet's or a writer's name.
_A_NAME_LINE = re.compile(r"[A-Z][^\d.!?:;,]{1,40}")


def _signed_stamp(lines: list[tuple[int, int]], text: str, k: int) -> bool:
    """Whether line ``k`` is a date and time in figures right under an outlet's or a writer's name ('ERR
    News' / '20.02.2026 11:34'): a stamp of a story's head (a date line in a fact box is not one)."""
    s, e = lines[k]
    if k == 0 or not _TIMED_NUMERIC_DATE.fullmatch(text[s:e].strip()):
        return False
    above = text[lines[k - 1][0] : lines[k - 1][1]].strip()
    return _A_NAME_LINE.fullmatch(above) is not None
_QUOTE_OPENS = frozenset("'\"‘“«„")


def _headline_above(lines: list[tuple[int, int]], text: str, k: int) -> int | None:
    """The first line of the headline of the head whose first mark is line ``k``, or None when there is
    none: above the mark, any furniture (a caption, a time stamp, a byline that is only a name), at most
    one standfirst ending in a full stop, and then the headline, one or two lines no wider than
    _PARAGRAPH_WIDTH that do not end a sentence (three set right above the mark: a section's name, the
    headline and a credit), or one such line over a standfirst printed as one long line, with a second
    such paragraph above it when that is no related story's link (the headline over its deck); with no
    headline, the furniture above the mark, if any. What stands above the headline is the last story's."""
    standfirst = False
    heads: list[int] = []  # the first line of each headline paragraph, nearest the mark first
    furniture: int | None = None  # the first line of the topmost furniture above the mark
    j = k - 1
    while len(heads) < 2:
        while j >= 0 and lines[j][1] == lines[j][0]:
            j -= 1  # blank lines between paragraphs
        if j < 0:
            break
        first = j
        while first > 0 and lines[first - 1][1] > lines[first - 1][0] and j - first < _HEAD_PARAGRAPH:
            first -= 1
        if first > 0 and lines[first - 1][1] > lines[first - 1][0]:
            break  # a paragraph longer than any head's: the body of a story
        paragraph = [text[s:e] for s, e in lines[first : j + 1]]
        touching = j == k - 1
        if not (heads or standfirst) and furniture is None and len(paragraph) == 1 \
                and _NAME_ALONE.fullmatch(paragraph[0].strip()):
            furniture = first  # a byline that is only a name, right above the stamp ('Sushmita Rai')
        elif _headline_paragraph(paragraph, 3 if touching else 2) \
                or not heads and (_over_standfirst(paragraph) or _over_its_stamp(paragraph)):
            heads.append(first)  # ('Oman' / 'Contractor has not paid …' / 'Times News Service' right above
            # its stamp; a headline over a standfirst printed as one long line)
        elif heads:
            break
        elif _furniture_paragraph(paragraph):
            furniture = first
        elif not standfirst and paragraph[-1].rstrip().endswith("."):
            standfirst = True
        else:
            break
        j = first - 1
    if len(heads) == 2 and _under_links(lines, text, heads[1]):
        return heads[0]  # 'More on this story' / a linked headline / this story's headline
    return heads[-1] if heads else furniture  # a story with no headline begins at its caption or after
    # the last story's trailer ('(Reporting by …)' / 'FILE PHOTO: …' / 'LIMA, May 3 (Reuters) -')


#: A date line under a headline, with its time and zone if any: 'Thursday, 19 February 2026 18:07 WIB' (the
#: furniture's own date line, normalise._DATE_LINE).
_STAMP_UNDER = re.compile(_DATE_LINE, re.IGNORECASE)


def _over_its_stamp(paragraph: list[str]) -> bool:
    """Whether a paragraph is a headline with its time stamp on the line under it ('Lab finds chromium …' /
    'Thursday, 19 February 2026 18:07 WIB')."""
    return len(paragraph) == 2 and _headline_paragraph(paragraph[:1]) \
        and _STAMP_UNDER.match(paragraph[1].strip()) is not None


def _under_links(lines: list[tuple[int, int]], text: str, k: int) -> bool:
    """Whether the nearest line above line ``k`` heads a block of links ('More on this story', 'Related')
    or is one of them ('Read more: …')."""
    j = k - 1
    while j >= 0 and lines[j][1] == lines[j][0]:
        j -= 1
    line = text[lines[j][0] : lines[j][1]].strip() if j >= 0 else ""
    return bool(_LINKS_HEADER.fullmatch(line.strip()))


def _furniture_paragraph(paragraph: list[str]) -> bool:
    """Whether a paragraph is furniture: a caption or a trailer however many lines it wraps over (its
    first line furniture, or its last a photo credit), or a desk's sign-off."""
    return is_furniture_line(paragraph[0]) or is_furniture_line(paragraph[-1]) \
        or all(_DESK_CODE.match(line.strip()) for line in paragraph)


#: How a headline may not end: a sentence's end, or a quotation that ends one ('… lying to everyone.”').
_SENTENCE_END = re.compile(r"(?:[.!?:;]|[.!?,][\"'”’»])\s*$")


def _headline_paragraph(paragraph: list[str], most: int = 2) -> bool:
    """Whether a paragraph can be a headline: one or two lines (three for a section's name, a headline and
    a credit set right above a mark), none wider than _PARAGRAPH_WIDTH, not ending a sentence, and no
    furniture."""
    return len(paragraph) <= most and all(len(line) <= _PARAGRAPH_WIDTH for line in paragraph) \
        and not _SENTENCE_END.search(paragraph[-1]) and not _furniture_paragraph(paragraph)


def _over_standfirst(paragraph: list[str]) -> bool:
    """Whether a paragraph is a headline line over a standfirst printed unwrapped, as one line wider than
    any hard-wrapped body's, ending a sentence ('Nigerians say mobile data …' / 'Customers say …')."""
    return len(paragraph) == 2 and _headline_paragraph(paragraph[:1]) \
        and len(paragraph[1]) > _PARAGRAPH_WIDTH and _SENTENCE_END.search(paragraph[1]) is not None


def dateline_agency(text: str) -> str | None:
    """The news agency a story's dateline names ('WARSAW, June 12 (Reuters) -' gives Reuters), if any."""
    lines = [text[s:e] for s, e in _lines(text[:2000]) if text[s:e].strip()]
    content = [line for line in lines if not is_furniture_line(line)][:2]
    for line in content:
        dateline = _DATELINE.match(line)
        if dateline and _dateline_words(dateline.group(0)):
            m = _AGENCY.search(dateline.group(0))
            return m.group(1).strip() if m else None
    return None


#: An agency in brackets before a dash, early in a line of a story's head: '(Bloomberg) -- Defne Bank, …',
#: 'ALGIERS/GENEVA, Feb 18 (Reuters) - …'.
_AGENCY_CREDIT = re.compile(r"[^()\n]{0,60}?\(([A-Z][\w .&'’-]{1,30})\)\s*(?:--?|[–—:])\s")


def outlet_credits(text: str) -> list[str]:
    """Where a story names the outlet that publishes it: its dateline's agency and its bylines' lines ('By
    Helen Marsh, BBC News, Lancashire')."""
    head = [text[s:e].strip() for s, e in _lines(text[:2000])][:12]
    agencies = [m.group(1) for line in head if (m := _AGENCY_CREDIT.match(line))]
    return [line for line in head if _byline(line)] + agencies


def without_dateline(line: str) -> str:
    """A story's first line without its dateline ('WARSAW, June 12 (Reuters) - ' dropped)."""
    dateline = _DATELINE.match(line)
    return line[dateline.end() :].strip() if dateline and _dateline_words(dateline.group(0)) else line
