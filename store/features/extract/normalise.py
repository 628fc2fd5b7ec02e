"""Stage 1, normalise: a working copy of the article, as long as the stored text, that reads as prose.

Every later stage reads the working copy, so every offset it finds points into the text as stored.
Only same-length substitutions are made: a line break inside a hard-wrapped paragraph becomes a space,
and page furniture (captions, "Read more" lines, bylines, credit trailers, the dateline's prefix) is
blanked out with spaces, so it can neither become a statement nor cut one.
"""

from __future__ import annotations

import re
import statistics

from . import wordlists as wl
from .pull_quotes import pull_quotes
from .textutil import fold

_TERMINAL = tuple(".!?:;\"'”’»)")
_BULLET = re.compile(r"[-*•·–—▪‣>](?:\s|$)|\d{1,2}[.)]\s")
#: When a time stamp says a story was published or updated: '14:32', 'Tuesday', 'Sept. 4' (whole words: not
#: 'decades', 'monthly').
_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
           r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_WHEN = r"(?:\d|(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|" + _MONTHS + r")\b)"
_STAMPED = r"(?:published|updated|last\s+updated|posted|modified)"
#: How a related story's link opens: 'Read more', 'READ:', 'Watch:', 'Related coverage:', 'See also:'.
_RELATED = (r"(?i:read\s+more\b|(?:also\s+)?read\s*[:|]|watch\s*:|listen\s*:|"
            r"related\b\s*(?:stor(?:y|ies)|articles?|coverage)?\s*:|see\s+also\s*:)")
_MONTH = r"(?:" + _MONTHS + r")\b\.?"
#: A line that is only a date, perhaps with its day, time and zone: 'Tue 14 Oct 2025 07.00 BST', 'October 14,
#: 2025 5:18pm', 'Monday, 3 March 2025'.
_DATE_LINE = (r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d{1,2}\s+" + _MONTH + r"|" + _MONTH
              + r"\s+\d{1,2}),?\s+\d{4}"
              r"(?:,?\s+(?:at\s+)?\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?)?\s*$")
#: A line that is only a date, maybe with its day, time, zone and when it was updated: '04 Dec 2025 06:12PM
#: (Updated: …)', 'Thursday 4 Dec 2025', 'Nov 3, 2025 | 09:15 GMT'.
_DATE_LINE_ONLY = re.compile(r"(?i)(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\d{1,2}\s+" + _MONTH
                             + r"\s+\d{4}|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\b[^a-z]*"
                             r"(?:(?:[ap]m|gmt|utc)\b[^a-z]*)?(?:\(updated:?[^)]*\))?\s*$")
#: An outlet's name and the date on one line above a story: 'Ahram Online, Thursday 4 Dec 2025'.
_OUTLET_AND_DATE = re.compile(r"^[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3}\s*,\s*")
#: A date written in figures, maybe with its time: '14/01/2026', '14.01.2026 • 18:20'.
_NUMERIC_DATE = r"\d{1,2}[/.]\d{1,2}[/.]\d{4}(?:\s*[•|,-]?\s*\d{1,2}:\d{2})?\s*$"
#: Lines that are page furniture wherever they stand (matched on the line, after its indent): captions,
#: related links, credits and trailers ('Associated Press writer Jane Roe in Lima contributed.'), stamps,
#: rules ('___').
_FURNITURE_LINE = re.compile(
    r"""(?ix)^(?:
        (?:(?:file|illustrative|archive)\s+)?photo\s*:|photograph\s*:|picture\s*:|image\s*:|video\s*:|caption\s*:|
        listen\s*$|\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}\s*$|""" + _NUMERIC_DATE + r"""|
        \[(?-i:[A-Z])[\w .&'’/-]{1,40}\]\s*$|\((?-i:[A-Z])[\w.&'’/-]{1,20}\)\s*$|(?-i:[A-Z][\w.&]+)/end\s*$|
        --\s*(?-i:[A-Z][A-Z&.]+)\s*$|  # an agency's sign-off: '(PNA)', 'Lusa/End', '-- BERNAMA'
        (?-i:Sources?|SOURCE|Reporters?|Editors?|Tags|TAGS|(?:Related\s+)?Topics)\s*:\s*[^.!?\s][^.!?]{0,80}$|
        (?:image|media|photo|video)\s+(?:caption|source|credit)\b|
        """ + _RELATED + r"""|
        more\s+on\s+this\s+story|most\s+read\b|recommended\s*:|
        advertisement\s*$|sponsored\s*$|subscribe\b|sign\s+up\b|click\s+here\b|share\s+this\b|
        follow\s+us\b|download\s+the\s+app\b|
        \(?\s*(?:additional\s+)?reporting\s+by\b|additional\s+reporting\s*:|short\s+link\s*:|
        [-–—]\s*licen[cs]e\s*:|[^.!?]{0,120}\s[-–—|]\s*(?:credit|photo)\s*:\s*(?-i:[A-Z])[^.!?]{0,60}$|\(?\s*writing\s+by\b|\(?\s*editing\s+by\b|
        \(?\s*compiled\s+by\b|[(–—-]?\s*(?:with\s+)?(?:files|contributions)\s+from\b|
        this\s+(?:report|story|article)\s+by\s+(?-i:(?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})
        \s+was\s+first\s+published\s+[^;]{0,30}?\d{4}\.?\s*$|\(END\)\s*$|
        (?:©|\(c\)|copyright\b)|
        """ + _STAMPED + r"\s*[:–—/-]?\s*" + _WHEN + r"""|

        (?-i:Published|Updated|Posted)\s+on\s+""" + _DATE_LINE + r"""|
        save\s+(?:this\s+)?articles?\b|create\s+your\s+own\s+reading\s+list|
        ={2,}\s*(?-i:[A-Z])[\w.'’ -]{0,30}$|
        (?-i:[A-Z][A-Z&.'’ ]{1,30})\s+[-–—|]\s+""" + _MONTH + r"""\s+\d{1,2},?\s+\d{4}\b.*$|
        \d{1,2}:\d{2}\s*(?:am|pm|gmt|utc|bst|cet|est|edt|pst|et)\b|
        """ + _DATE_LINE + r"""|
        [_*=~-]{3,}\s*$|
        (?:[\w.'’-]+\s+){0,3}(?:writers?|reporters?|correspondents?|journalists?)\s+
        (?-i:[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|de|da|van|von|al))+)
        (?:,?\s+(?:in|from)\s+(?-i:[A-Z])[^.]{0,60}?)?,?\s+contributed
        (?:\s+(?:to\s+(?:this\s+)?(?:report|story)|from\s+[^.]{1,40}))?\.?\s*$|
        contributed\s+to\s+(?:this\s+)?(?:report|story)\.?\s*$
    )"""
)
#: A time stamp standing on its own line above a story: 'Updated 14:32 GMT', 'Published on 14/05/2025',
#: 'Published at : February 20, 2026'.
_STAMP = re.compile(r"^\s*(?=[A-Z])(?i:" + _STAMPED + r")\s*[:–—-]?\s*(?i:on\s+|at\s*:\s*)?" + _WHEN)
#: A related story's link: a line of its own.
_RELATED_LINK = re.compile(_RELATED)
#: A byline and the date it was filed on one line: 'By Jane Roe on Tuesday, 4 November 2025 - 09:12'.
_DATED_BYLINE = re.compile(r"(By\s+[A-Z][^,.;:]{2,60}?)\s+on\s+")
#: A byline standing alone: "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Jane Doe, Correspondent".
_BYLINE = re.compile(
    r"""^(?:(?:By|BY)\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&|in|de|van|von|al|bin))*
        (?:\s*[,|]\s*[\w .'’-]+)*
        |(?!The\s)[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*,?\s*(?:[\w'’-]+\s+){0,3}(?i:correspondent|editor|reporter|
        writer|staff\s+writer|bureau\s+chief))\s*$""",
    re.VERBOSE,
)
#: A caption's tell: an agency's photo credit at its end.
_PHOTO_CREDIT = re.compile(
    r"(?:REUTERS|AFP|AP|EPA|EFE|ANSA|Getty\s+Images|Reuters|Photo|PHOTO)\s*/\s*[A-Z][\w .'’/-]*\s*\)?\s*$|"
    r"[.!?]\s+\((?:AP|AFP|Reuters|EPA|EFE|Kyodo|Xinhua|Yonhap|dpa|ANSA|Bernama|Antara)\)\s*$|"
    r"\((?:AP|AFP|Reuters|EPA)\s+Photo[^)]*\)\s*$|Photograph:\s*[^.]+$|via\s+Getty\s+Images\s*\)?\s*$|"
    r"\b(?:Photo|Picture|Image)\s*:\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*/\s*[A-Z][\w .'’-]*$|"
    r"\((?:File\s+)?(?:[Pp]hoto|Picture|Image|Photograph)(?:\s*:|\s+by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*/\s*[A-Z][\w .'’-]*)?\)\s*$"  # '… on Sunday. (Photo: Hari Kandel)', '(Photo by Ana Cruz / AFP)'
)
#: A wire story's subheading between dashes: '- «Smoke, not flames» -', '— Talks stall —'.
_SUBHEAD = re.compile(r"^[-–—]\s+[^.]{1,60}?\s+[-–—]$")
#: A wire desk's sign-off closing a story: 'str-ml/ach', 'jm/dw'.
_DESK_CODE = re.compile(r"^[a-z]{2,5}(?:[-/][a-z]{2,5})+(?:\s+[a-z]{2,5}(?:[-/][a-z]{2,5})*)*$")
#: A dateline opening the first paragraph: "WARSAW, June 12 (Reuters) -", "GENEVA (AP) —", "LONDON -".
_DATELINE = re.compile(
    r"""^[ \t]*(?:[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3}
        (?:,[ ][A-Z][a-zA-Z.]+(?:[ ][A-Z][a-zA-Z.]+)?)?           # , Calif. / , Ukraine
        (?:,?[ ](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ ]\d{1,2}  # , June 12
        (?:,[ ]\d{4})?                                           # , 2026 (AFP's)
        (?:[ ][A-Z][A-Za-z]+(?=[ ][-–—]))?)?                     # Kyodo (no brackets: 'Dec. 4 Kyodo -')
        [ ]?(?:\((?:[A-Za-z][\w .&'’-]{0,30})\)\.?)?              # (Reuters), (EFE).
        [ ]?(?:--|[-–—:])[ ])                                    # -, --, —
        |^[ \t]*[A-Z][\w'’.-]+(?:[ ][A-Z][\w'’.-]+){0,3}(?:,[ ][A-Z][\w.]+(?:[ ][A-Z][\w.]+)?)?  # Maputo,
        # Mozambique / Kendari, SE Sulawesi; then , Dec 3 or , 19 Feb 2026
        (?:,?[ ](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ ]\d{1,2}  # , Dec 3
        |,[ ]\d{1,2}[ ](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:[ ]\d{4})?)?
        (?:[ ]\([A-Z][\w .'’-]{0,30}\))?                                     # (Senegal)
        [ ]\((?:[A-Z][\w .&'’-]{0,30}|dpa)\)\.?[ ]?[-–—:][ ]                 # (AFP) –, (dpa) -, (EFE).-
        |^[ \t]*\([A-Z][\w .&'’-]{0,30}\)[ ][-–—][ ]                       # (ANSA) -
        [A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3}                          # ROME
        (?:,[ ](?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-zA-Z]*\.?[ ]\d{1,2})?  # , DEC 4
        [ ][-–—][ ]
        |^[ \t]*(?P<city>[A-Z][\w'’.-]+(?:[ ][A-Z][\w'’.-]+)?),                 # Lagos,
        [ ](?P<state>[A-Z][\w'’.-]+(?:[ ][A-Z][\w'’.-]+)?)[ ][–—][ ]            # Nigeria –
        """,
    re.VERBOSE,
)


#: Terminal escape sequences and other control characters: never words of the article.
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def working_text(text: str) -> str:
    """The same-length working copy: hard wraps joined into paragraphs, furniture and datelines blanked."""
    text = _CONTROL.sub(lambda m: " " * len(m.group()), text)
    chars = list(_line_ends(text))
    lines = _lines("".join(chars))
    if _hard_wrapped(lines, "".join(chars)):
        for i in _soft_breaks(lines, "".join(chars)):
            chars[i] = " "
    work = "".join(chars)
    for start, end in furniture(work):
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _line_ends(text: str) -> str:
    """The text with every line end a newline, as long as it was ('\r\n' becomes ' \n')."""
    return text.replace("\r\n", " \n").replace("\r", "\n")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, the line break left out."""
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


#: A line wider than this is a whole paragraph, never a hard-wrapped line.
_PARAGRAPH_WIDTH = 100


def _hard_wrapped(lines: list[tuple[int, int]], text: str) -> bool:
    """Whether the text was broken into lines narrower than its paragraphs (e-mail, wire feed, PDF)."""
    filled = [(s, e) for k, (s, e) in enumerate(lines[:-1]) if e > s and lines[k + 1][1] > lines[k + 1][0]]
    if len(filled) < 2:
        return False
    widths = [e - s for s, e in lines if e > s]
    width = sorted(widths)[int(0.9 * (len(widths) - 1))]
    if width > _PARAGRAPH_WIDTH:
        return False
    open_ended = sum(1 for s, e in filled if not text[s:e].rstrip().endswith(_TERMINAL))
    return open_ended >= max(2, 0.3 * len(filled))


def _soft_breaks(lines: list[tuple[int, int]], text: str) -> list[int]:
    """Offsets of the line breaks inside paragraphs of hard-wrapped text."""
    widths = [e - s for s, e in lines if e > s]
    width = statistics.median_high(sorted(widths)[len(widths) // 2 :])
    indents = [len(text[s:e]) - len(text[s:e].lstrip()) for s, e in lines if e > s]
    all_indented = all(i > 0 for i in indents)
    out = []
    byline = [_byline(text[s:e]) for s, e in lines]
    for k, ((s, e), (ns, ne)) in enumerate(zip(lines, lines[1:], strict=False)):
        line, nxt = text[s:e], text[ns:ne]
        if not line.strip() or not nxt.strip():
            continue  # a blank line ends a paragraph
        if nxt[:1] in " \t" and not all_indented:
            continue  # an indent starts one
        if _BULLET.match(nxt.lstrip()):
            continue
        stripped = line.rstrip()
        if stripped.endswith(_TERMINAL) and len(stripped) < 0.7 * width:
            continue  # a short line closing a sentence closes its paragraph
        if byline[k] or byline[k + 1]:
            continue  # a byline stands on its own line ('Jane Roe, Environment Reporter')
        if _RELATED_LINK.match(line.lstrip()):
            continue  # 'READ: Teachers still waiting …' is a line of its own, never the start of a paragraph
        if _LINKS_HEADER.fullmatch(line.strip()) or is_furniture_line(nxt) and not stripped.endswith(","):
            continue  # 'RELATED COVERAGE' and the headlines listed under it are lines of their own
        if stripped.endswith(_TERMINAL) and is_furniture_line(nxt):
            continue  # a caption after a finished sentence is no part of its paragraph
        out.append(e)
    return out


def _byline(line: str) -> bool:
    """Whether a line is a byline ('By Jane Roe', 'Jane Roe, Environment Reporter')."""
    body = line.strip()
    if _SENTENCE_ENDS.search(body) or _BY_A_DAY.match(body):
        return False  # 'By Wednesday, the fire had spread.': a sentence
    signed = body[:3] in ("By ", "BY ") or "," in body or _A_ROLE_LAST.search(body) is not None
    return len(body) <= 90 and signed and len(body.split()) <= 12 and _BYLINE.match(body) is not None


#: 'By' and a day or a month: when, not who ('By Wednesday', 'By March').
_BY_A_DAY = re.compile(r"(?:By|BY)\s+" + _WHEN)
#: A reporter's role ending a byline that has no comma ('Jane Roe North of England correspondent').
_A_ROLE_LAST = re.compile(r"(?i:correspondent|editor|reporter|writer)\s*$")


def is_furniture_line(line: str) -> bool:
    """Whether a whole line is page furniture: a caption, a byline, a credit, a 'Read more' link."""
    body = line.strip()
    if not body:
        return False
    if _FURNITURE_LINE.match(body) or _LINKS_HEADER.fullmatch(body) or _byline(body):
        return True
    dated = _DATED_BYLINE.match(body)  # 'By Jane Roe on Tuesday, 4 November 2025 - 09:12'
    if dated is not None and _byline(dated.group(1)) and _DATE_LINE_ONLY.match(body, dated.end()):
        return True
    if _DESK_CODE.match(body) or _SUBHEAD.match(body) or _DATE_LINE_ONLY.match(body):
        return True
    outlet = _OUTLET_AND_DATE.match(body)
    if outlet is not None and _DATE_LINE_ONLY.match(body, outlet.end()):
        return True
    if "/" not in body and "Photo" not in body and "Getty" not in body and not body.endswith(")"):
        return False  # what every credit pattern needs; searching each line for them cost 0.05 s per MB
    return bool(_PHOTO_CREDIT.search(body)) and len(body) < 400


def furniture(text: str) -> list[tuple[int, int]]:
    """(start, end) of every stretch of furniture in a text whose paragraphs are already joined.

    Besides furniture lines: a headline standing above the story, and the dateline opening it.
    """
    out = []
    content = 0  # paragraphs of the story seen so far
    links = False  # inside a block of linked headlines ('RELATED COVERAGE' and the lines under it)
    every = _lines(text)
    lines = [(s, e) for s, e in every if text[s:e].strip()]
    blank_after = {e for (s, e), (ns, ne) in zip(every, every[1:], strict=False) if not text[ns:ne].strip()}
    pulled = pull_quotes(text, lines)
    head = _head_above_its_marks(text, lines)
    out.extend(ln for k, ln in enumerate(head) if k or not _quoted_headline(text[ln[0] : ln[1]]))  # (kept:
    # headline_left)
    for k, (start, end) in enumerate(lines):
        line = text[start:end]
        if k < len(head):
            continue
        if is_furniture_line(line) or links and (_headline(line) or _BULLET.match(line.lstrip())):  # (a box's
            # bullets: '- The supplier says its bags leave the gate full.')
            out.append((start, end))
            links = bool(_LINKS_HEADER.fullmatch(line.strip()) or links) and end not in blank_after
            if _PHOTO_CREDIT.search(line):
                out.extend(_caption_above(text, lines, k, blank_after))
            continue
        links = False
        if start in pulled:
            out.append((start, end))
            continue
        content += 1
        headed = content <= _HEAD_PARAGRAPHS and _a_head(text, lines[:k])
        dateline = _DATELINE.match(line) if content <= 2 or headed else None
        dated = dateline is not None and _dateline_words(dateline.group(0))
        if content == 1 and k + 1 < len(lines) and _headline(line) and not dated:
            out.append((start, end))  # (a line opening with a dateline is the lede's, however it ends)
            continue
        if dated:
            if headed:
                out.extend(lines[:k])  # all above a dateline is the story's head: headline, deck, credits
            out.append((start, start + dateline.end()))
            content = _HEAD_PARAGRAPHS + 1
    return out


#: How many paragraphs may open a story before its dateline (a headline, a deck, a caption joined as one).
_HEAD_PARAGRAPHS = 3
#: How far into a story its head's last mark may stand (lines of text); how long a deck (a standfirst) may
#: be; how long a byline or a time stamp.
_HEAD_REACH, _DECK_WORDS, _MARK_WORDS = 10, 40, 12


def _a_bare_credit(line: str) -> bool:
    """Whether a line is only a photo's credit ('Photograph: Jo Roe/The Guardian', '(File photo: CNA/Ali
    Rahman)'), not a caption ending in one."""
    return len(line.split()) <= 6 and _PHOTO_CREDIT.search(line) is not None


#: A line that ends a sentence: never a byline or a time stamp ('By Wednesday, the library had shut.').
_SENTENCE_ENDS = re.compile(r"[.!?][\"'”’»]?\s*$")


def _head_above_its_marks(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A story's head when no dateline ends it: every line down to the last byline or time stamp among its
    first lines ('By Ann Lee' / 'Tue 2 Dec 2025 15.42 GMT'), with the captions right under that mark
    ('Cracks in the gable wall.' over 'Photograph: Jo Roe/The Guardian'), when what stands above the mark is
    a head (``_a_head``): never a lede above an op-ed's signature or a live blog's time stamp."""
    first = lines[:_HEAD_REACH]
    marks = [k for k, (s, e) in enumerate(first) if _a_mark(text[s:e])]
    if not marks or not _a_head(text, first[: marks[-1]]):
        return []
    k = marks[-1] + 1
    while k < len(lines):
        if is_furniture_line(text[lines[k][0] : lines[k][1]]):
            k += 1
        elif k + 1 < len(lines) and _captioned(text, lines[k], lines[k + 1]):
            k += 2
        else:
            break
    return lines[:k]


def _a_mark(line: str) -> bool:
    """Whether a line is a byline or a time stamp: short, ending no sentence and opening no list."""
    body = line.strip()
    if len(body.split()) > _MARK_WORDS or _SENTENCE_ENDS.search(body) or body.endswith(":"):
        return False
    return _byline(body) or _STAMP.match(body) is not None or _DATE_LINE_ONLY.match(body) is not None \
        or re.match(_NUMERIC_DATE, body) is not None


def _captioned(text: str, line: tuple[int, int], under: tuple[int, int]) -> bool:
    """Whether a line is a caption whose bare credit stands on the line under it."""
    words = text[line[0] : line[1]]
    return _a_bare_credit(text[under[0] : under[1]]) and len(words.split()) <= _DECK_WORDS \
        and not _DATELINE.match(words)


def _a_head(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether lines opening a story are its head: a headline first (no sentence ended, a few words) or
    furniture, then headlines, furniture, captions and at most one deck (a standfirst of one or two
    sentences); never a paragraph of the story."""
    deck = False
    for k, (s, e) in enumerate(lines):
        line = text[s:e].strip()
        if is_furniture_line(line) or k + 1 < len(lines) and _captioned(text, (s, e), lines[k + 1]):
            continue
        if _headline(line) or _quoted_headline(line):
            continue
        if k == 0 or deck or len(line.split()) > _DECK_WORDS:
            return False
        deck = True
    return True


def _caption_above(
    text: str, lines: list[tuple[int, int]], k: int, blank_after: set[int]
) -> list[tuple[int, int]]:
    """The lines above a credited caption's last line that it continues: 'Julian Pardo on the climb to Alto
    de Letras during the Ruta de los Andes' over 'in March. Photo: Hector Ruiz/Andes Press'."""
    out: list[tuple[int, int]] = []
    if not text[lines[k][0] : lines[k][1]].strip()[:1].islower():
        return out  # a line of its own, not a caption's wrapped tail
    j = k - 1
    while j >= 0 and lines[j][1] not in blank_after and not text[lines[j][0] : lines[j][1]].rstrip().endswith(
            (".", "!", "?", "”", '"', "’", "»", ":")):
        out.append(lines[j])
        j -= 1
    return out


#: A header over a list of linked headlines, a whole line in title or capital letters: 'RELATED COVERAGE',
#: 'Related stories', 'More from Reuters' (a wrapped line 'more from the council …' is prose); a wire's
#: contacts trailer, whose lines are names ('To contact the editors responsible for this story:'); and a
#: summary box over the story ('Key points:', 'What you need to know:' and its bullets, which the story then
#: tells).
_LINKS_HEADER = re.compile(
    r"(?:(?:Related|RELATED)(?:\s+(?:[Ss]tories|STORIES|[Aa]rticles|ARTICLES|[Cc]overage|COVERAGE|[Cc]ontent|"
    r"CONTENT|[Nn]ews|NEWS|[Ll]inks|LINKS))?|Read more|READ MORE|More on this story|MORE ON THIS STORY|"
    r"You may also like|YOU MAY ALSO LIKE|More from(?:\s+[A-Z][\w&.'’-]*){1,4}|"
    r"MORE FROM(?:\s+[A-Z&.'’-]+){1,4}|To contact the (?:reporters?|editors?|authors?)\b[^:]{0,40}:|"
    r"Key points|KEY POINTS|In short|IN SHORT|What you need to know|WHAT YOU NEED TO KNOW)"
    r"\s*:?"
)


def _headline(line: str) -> bool:
    """Whether the story's first paragraph is its headline: short, one line, no closing full stop."""
    body = line.strip()
    return len(body.split()) <= 20 and not body.endswith((".", "!", "?", "”", '"', ":", "’", "'", "»"))


def headline_left(work: str) -> tuple[int, int] | None:
    """(start, end) of a headline the working copy keeps: its first line of text, when that is at most 20
    words closed by a quoted phrase with no full stop ("Midwives say unit is 'not safe'", "… as officers say
    they are 'chasing numbers'"); furniture() blanks headlines of every other shape. Such a line is kept
    because its phrase may be the body's quotation told first; a claim told only there is no statement."""
    for start, end in _lines(work[:2000]):
        line = work[start:end]
        if not line.strip():
            continue
        if not _quoted_headline(line):
            return None
        return start + len(line) - len(line.lstrip()), start + len(line.rstrip())
    return None


def _quoted_headline(line: str) -> bool:
    """Whether a line is a headline closed by a quoted phrase ("Midwives say unit is 'not safe'")."""
    body = line.strip()
    unquoted = body.rstrip("”\"’'»")
    return unquoted != body and unquoted[-1:].isalnum() and len(body.split()) <= 20


def _dateline_words(prefix: str) -> bool:
    """Whether a paragraph's opening is a dateline, not a sentence that starts with capitals and a dash."""
    letters = [c for c in prefix if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return "(" in prefix or (len(letters) >= 3 and upper >= 0.6 * len(letters)) \
        or _CITY_IN_CAPITALS.match(prefix) is not None or _a_place_and_its_state(prefix)


def _a_place_and_its_state(prefix: str) -> bool:
    """Whether a dateline without capitals or an agency names a place and its country ('Lagos, Nigeria –')."""
    m = _DATELINE.match(prefix)
    if m is None or m.group("state") is None:
        return False
    state, city = wl.gazetteer().get(m.group("state")), m.group("city")
    if state is None or state[0].kind != "state" or city == m.group("state"):
        return False
    capital = wl.gazetteer().get(city)
    return fold(city) in wl.places() or capital is not None and capital[1] == "metonym"  # ('Meanwhile, Ghana
    # – which …' is no dateline)


#: A city written in capitals before a comma, opening a dateline.
_CITY_IN_CAPITALS = re.compile(r"[ \t]*[A-Z]{3,}(?:[ -][A-Z]{2,})*,")
