"""schema.org ClaimReview JSON-LD for every statement with a verdict, as fact-checking sites publish.

Each item is a self-contained ``ClaimReview`` (with its own ``@context``) whose ``itemReviewed``
is a ``Claim`` by the speaker (a ``Person`` for people and unknown speakers, an ``Organization``
otherwise) appearing in the statement's source. The newest verdict decides the rating, on a scale
of 1 (false) to 5 (true):

=============  ===========  ==========================================
verdict        ratingValue  alternateName
=============  ===========  ==========================================
true           5            True
mostly_true    4            Mostly true
mixed          3            Mixed
misleading     2            Misleading
mostly_false   2            Mostly false
false          1            False
unproven       (none)       Unproven
not_checkable  (none)       Not checkable
=============  ===========  ==========================================

Unproven and not-checkable claims get no ``ratingValue`` (a number would claim a judgement that
was not made); the label in ``alternateName`` says what the reviewer concluded.
"""

from __future__ import annotations

from typing import IO, Any

import orjson

from .snapshot import Network, Progress, Ticker
from .text import VERDICT_LABELS, clean

BEST, WORST = 5, 1
RATING = {"true": 5, "mostly_true": 4, "mixed": 3, "misleading": 2, "mostly_false": 2, "false": 1,
          "unproven": None, "not_checkable": None}
PERSON_KINDS = ("person", "unknown")


def _party(actor: dict[str, Any] | None, fallback: str) -> dict[str, Any]:
    if actor is None:
        return {"@type": "Person", "name": fallback}
    party: dict[str, Any] = {
        "@type": "Person" if actor["kind"] in PERSON_KINDS else "Organization",
        "name": clean(actor["name"]),
    }
    if actor["role"] and actor["kind"] in PERSON_KINDS:
        party["jobTitle"] = clean(actor["role"])
    if actor["aliases"]:
        party["alternateName"] = [clean(a) for a in actor["aliases"]]
    return party


def _appearance(source: dict[str, Any]) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": clean(source["title"])}
    if source["url"]:
        work["url"] = clean(source["url"])
    if source["published"]:
        work["datePublished"] = source["published"]
    if source["outlet"]:
        work["publisher"] = {"@type": "Organization", "name": clean(source["outlet"])}
    return work


def review(net: Network, statement: dict[str, Any], verdict: dict[str, Any]) -> dict[str, Any]:
    """The ClaimReview of one statement given its newest verdict annotation."""
    speaker = net.by_id.get(statement["speaker"])
    claim: dict[str, Any] = {
        "@type": "Claim",
        "author": _party(speaker, statement["speaker"]),
        "text": clean(statement["quote"] or statement["text"]),
    }
    if statement["said_on"]:
        claim["datePublished"] = statement["said_on"]
    source = net.by_id.get(statement["source"] or "")
    if source is not None:
        claim["appearance"] = [_appearance(source)]
        claim["firstAppearance"] = _appearance(source)
    rating: dict[str, Any] = {"@type": "Rating", "bestRating": BEST, "worstRating": WORST,
                              "alternateName": VERDICT_LABELS[verdict["verdict"]]}
    if RATING[verdict["verdict"]] is not None:
        rating["ratingValue"] = RATING[verdict["verdict"]]
    item: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": statement["id"],
        "claimReviewed": clean(statement["text"]),
        "datePublished": verdict["updated"][:10],
        "author": {"@type": "Person", "name": clean(verdict["analyst"]) or "unknown analyst"},
        "itemReviewed": claim,
        "reviewRating": rating,
    }
    if verdict["note"]:
        item["reviewBody"] = clean(verdict["note"])
    return item


def reviews(net: Network, ticker: Ticker | None = None) -> list[dict[str, Any]]:
    """A ClaimReview for every statement of ``net`` that has a verdict, in store order."""
    out = []
    for statement in net.tables["statements"]:
        verdict = net.verdicts.get(statement["id"])
        if verdict is not None:
            out.append(review(net, statement, verdict))
        if ticker is not None:
            ticker.advance()
    return out


def write_claimreview(net: Network, out: IO[bytes], progress: Progress | None = None) -> None:
    """Write the ClaimReviews of ``net`` as a JSON-LD array."""
    ticker = Ticker(progress, len(net.tables["statements"]))
    out.write(orjson.dumps(reviews(net, ticker), option=orjson.OPT_INDENT_2) + b"\n")
    ticker.finish()
