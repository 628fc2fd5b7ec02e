"""Reading an article file into plain text: plain text, Markdown or an HTML page, any encoding.

Bad input is refused with one sentence: empty, binary, too large, or an encoding that cannot be
told. HTML is reduced to the article body (navigation and boilerplate dropped) by trafilatura;
Markdown is rendered to its plain text by markdown-it.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass

from claimnet.store.model.errors import StoreError

MAX_BYTES = 16 * 1024 * 1024
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_MARKDOWN_HINT = re.compile(r"^(#{1,6} |\* |- |> |\d+\. )|\[[^\]]+\]\([^)]+\)|\*\*[^*]+\*\*", re.M)


class ReadError(StoreError):
    """An article file could not be read as text."""


@dataclass(slots=True)
class Article:
    """An article's text and what its file told about it."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    format: str = "text"
    name: str = ""


def read_article(path: str) -> Article:
    """Read ``path`` (``-`` for standard input) into an Article."""
    name = "standard input" if path == "-" else path
    raw = _read_bytes(path, name)
    if not raw.strip():
        raise ReadError(f"{name} is empty; there is nothing to import.")
    text_ext = os.path.splitext(path)[1].lower()
    if text_ext in (".html", ".htm", ".xhtml") or _HTML_START.match(raw[:4096]):
        return _from_html(raw, name)
    text = decode(raw, name)
    if text_ext in (".md", ".markdown") or (text_ext not in (".txt", ".text") and _looks_markdown(text)):
        return _from_markdown(text, name)
    text = _normalise_newlines(text).strip("\n")
    return Article(text=text, title=_first_line_title(text), name=name)


def _read_bytes(path: str, name: str) -> bytes:
    try:
        if path == "-":
            raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            if os.path.isdir(path):
                raise ReadError(f"{name} is a folder, not an article file.")
            with open(path, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ReadError(f"There is no file {name}.") from None
    except OSError as error:
        raise ReadError(f"Cannot read {name}: {error.strerror}.") from None
    if len(raw) > MAX_BYTES:
        raise ReadError(
            f"{name} is larger than {MAX_BYTES // (1024 * 1024)} MB; that is not one article "
            "(split it, or import its text only)."
        )
    return raw


def decode(raw: bytes, name: str) -> str:
    """Bytes to text: a BOM or UTF-8 first, else the encoding charset-normalizer is sure of."""
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f"{name} looks like a binary file, not text.")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(codec, errors="strict")
            except UnicodeDecodeError as error:
                raise ReadError(
                    f"{name} starts as {codec.upper()} text but byte {error.start} does not fit; "
                    "fix or convert the file to UTF-8."
                ) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.chaos > 0.2:
        raise ReadError(
            f"Cannot tell the text encoding of {name}; convert it to UTF-8 and import again."
        )
    text = str(best)
    if _control_share(text) > 0.05:
        raise ReadError(f"{name} looks like a binary file, not text.")
    return text


def _control_share(text: str) -> float:
    sample = text[:20000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return controls / max(1, len(sample))


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _first_line_title(text: str) -> str | None:
    """The headline: the first line that is not page furniture (a photo caption, a byline …) nor a section's
    label over it ('NEWS', 'Home » Local')."""
    from .extract.normalise import is_furniture_line
    from .extract.story_heads import without_dateline

    lines = (line.strip() for line in text.strip().split("\n")[:12])
    first = without_dateline(next((line for line in lines
                                   if line and not is_furniture_line(line) and not _section_label(line)), ""))
    return first if 0 < len(first) <= 150 and not first.endswith((".", "”", '"')) else None


def _section_label(line: str) -> bool:
    """Whether a line only names the page's section: one to three words in capitals ('NEWS', 'WORLD
    NEWS'), or a breadcrumb ('Home » Local', 'News > Business')."""
    return len(line.split()) <= 3 and (line.isupper() or "»" in line or " > " in line)


def _looks_markdown(text: str) -> bool:
    return len(_MARKDOWN_HINT.findall(text[:20000])) >= 3


def _from_markdown(text: str, name: str) -> Article:
    from markdown_it import MarkdownIt

    title = None
    blocks: list[str] = []
    tokens = MarkdownIt("commonmark").parse(_normalise_newlines(text))
    for index, token in enumerate(tokens):
        if token.type != "inline":
            continue
        plain = " ".join("".join(_inline_text(child) for child in token.children or []).split())
        opener = tokens[index - 1] if index else None
        if opener is not None and opener.type == "heading_open" and title is None:
            title = plain
            continue
        if plain:
            blocks.append(plain)
    body = "\n".join(blocks)
    if not body.strip():
        raise ReadError(f"{name} has no text once its Markdown is removed.")
    return Article(text=body, title=title or _first_line_title(body), format="markdown", name=name)


def _inline_text(token) -> str:
    if token.type in ("text", "code_inline"):
        return token.content
    return " " if token.type in ("softbreak", "hardbreak") else ""


def _from_html(raw: bytes, name: str) -> Article:
    import trafilatura

    html = decode(raw, name)
    body = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=True)
    if not body or not body.strip():
        raise ReadError(f"{name} is an HTML page without an article body that could be found.")
    meta = trafilatura.extract_metadata(html)
    published = None
    if meta is not None and meta.date and re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", meta.date):
        published = meta.date
    return Article(
        text=_normalise_newlines(body).strip("\n"),
        title=(meta.title if meta is not None else None) or None,
        outlet=(meta.sitename if meta is not None else None) or None,
        url=(meta.url if meta is not None else None) or None,
        published=published,
        format="html",
        name=name,
    )
