"""Score cross-article matching against the gold stories: ``python -m tests.across.score [--compare]``.

Every story's outlets are imported, in the order its gold gives, into one fresh store (so stories can
be confused with each other). Gold refers to text, not to the extractor's output:

- a gold claim mention is a phrase of an article; a stored statement or evidence *hits* it when their
  spans overlap by at least half of the mention (a fragment such as "2.4 million pounds" does not stand
  for a whole claim);
- same-claim pairs are two mentions in different articles of one claim with the same polarity
  ("for" or "against"); a proposed ``restates`` or ``supports`` link between two articles is right when
  its ends hit the two mentions of such a pair, wrong otherwise (precision counts every such link);
  answer pairs are one "for" and one "against" mention, scored the same way with ``denies`` and
  ``contradicts`` links;
- recall is over the gold pairs whose two mentions were both extracted (the extractor's misses are not
  matching's), and also given over all gold pairs;
- a gold actor is one phrase per article naming it; two articles' mentions of one stored actor are a
  merge; a merge is right when a gold actor's mentions in both articles resolve to that actor. Every
  merge the store made counts, including the extractor's own matches against stored names.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

import claimnet.store as store_pkg
import claimnet.store.features.importer as importer
from claimnet.store.features.across import claim_index, claim_match, claim_terms
from claimnet.store.features.reading import Article

STORIES = Path(__file__).parent / "stories"
SAME_TYPES = ("restates", "supports")
ANSWER_TYPES = ("denies", "contradicts")


@dataclass
class Figures:
    """Counts behind the precision and recall of one run."""

    same_tp: int = 0
    same_fp: int = 0
    same_found: set = field(default_factory=set)
    same_gold: set = field(default_factory=set)
    same_gold_extracted: set = field(default_factory=set)
    answer_tp: int = 0
    answer_fp: int = 0
    answer_found: set = field(default_factory=set)
    answer_gold_extracted: set = field(default_factory=set)
    actor_tp: int = 0
    actor_fp: int = 0
    actor_gold: int = 0
    wrong: list = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    def figures(self) -> dict[str, float]:
        """Precision and recall of same-claim pairs, answer pairs and actor merges."""
        return {
            "same_precision": self._ratio(self.same_tp, self.same_tp + self.same_fp),
            "same_recall": self._ratio(len(self.same_found & self.same_gold_extracted),
                                       len(self.same_gold_extracted)),
            "same_recall_all": self._ratio(len(self.same_found), len(self.same_gold)),
            "answer_precision": self._ratio(self.answer_tp, self.answer_tp + self.answer_fp),
            "answer_recall": self._ratio(len(self.answer_found & self.answer_gold_extracted),
                                         len(self.answer_gold_extracted)),
            "actor_precision": self._ratio(self.actor_tp, self.actor_tp + self.actor_fp),
            "actor_recall": self._ratio(self.actor_tp, self.actor_gold),
        }


def stories() -> list[tuple[str, Path, dict]]:
    """Every gold story: its name, folder and gold."""
    return [(d.name, d, json.loads((d / "gold.json").read_text())) for d in sorted(STORIES.iterdir())
            if (d / "gold.json").exists()]


def _span(text: str, phrase: str, name: str) -> tuple[int, int]:
    start = text.find(phrase)
    if start < 0:
        raise ValueError(f"{name}: gold phrase not in the text: {phrase!r}")
    return start, start + len(phrase)


def _hits(item: tuple[int, int], mention: tuple[int, int]) -> bool:
    overlap = min(item[1], mention[1]) - max(item[0], mention[0])
    return overlap > 0 and overlap >= 0.5 * (mention[1] - mention[0])


def run() -> Figures:
    """Import every story into one fresh store and score what was matched."""
    out = Figures()
    captured: dict[str, object] = {}
    real_extract = importer.extract

    def capture(*args, **kwargs):
        captured["x"] = real_extract(*args, **kwargs)
        return captured["x"]

    with tempfile.TemporaryDirectory() as folder, mock.patch.object(importer, "extract", capture):
        st = store_pkg.open_store(os.path.join(folder, "s.json"),
                                  network={"format": "claimnet-network", "version": 1})
        file_of: dict[str, str] = {}  # source id -> "story/file"
        mentions: dict[str, list[tuple[tuple[int, int], tuple[int, str]]]] = {}  # key -> spans, (claim, pol)
        actor_at: dict[str, dict[str, set[str]]] = {}  # key -> actor id -> gold entity keys
        spans_of: dict[str, dict[str, list]] = {}
        for name, folder_path, gold in stories():
            for fname in gold["order"]:
                key = f"{name}/{fname}"
                text = (folder_path / fname).read_text()
                outlet, date = gold["outlets"][fname]
                result = importer.import_article(st, Article(text, title=key, outlet=outlet, published=date))
                file_of[result.source_id] = key
                spans_of[key] = captured["x"].actor_spans
                mentions[key] = [(_span(text, phrase, key), (n, pol))
                                 for n, claim in enumerate(gold["claims"])
                                 for pol in ("for", "against")
                                 for phrase in claim.get(pol, {}).get(fname, [])]
                actor_at[key] = {}
                for n, actor in enumerate(gold["actors"]):
                    phrases = actor.get(fname, [])
                    for phrase in [phrases] if isinstance(phrases, str) else phrases:
                        span = _span(text, phrase, key)
                        for aid, spans in captured["x"].actor_spans.items():
                            if any(s[0] < span[1] and span[0] < s[1] for s in spans):
                                actor_at[key].setdefault(aid, set()).add(f"{name}#{n}")
            _gold_pairs(name, gold, out)
        _score_claims(st, file_of, mentions, out)
        _score_actors(spans_of, actor_at, stories(), out, {a.id: a.name for a in st.all("actors")})
        st.close()
    return out


def _gold_pairs(name: str, gold: dict, out: Figures) -> None:
    for n, claim in enumerate(gold["claims"]):
        for pol in ("for", "against"):
            files = sorted(claim.get(pol, {}))
            for a, b in itertools.combinations(files, 2):
                out.same_gold.add((name, n, pol, a, b))
        for a in claim.get("for", {}):
            for b in claim.get("against", {}):
                if a != b:
                    out.answer_gold_extracted.add((name, n, *sorted((a, b))))


def _labels(st, rid: str, file_of, mentions) -> set[tuple[str, int, str]]:
    rec = st.raw(rid)
    if rec is None or not rec.get("span") or rec.get("source") not in file_of:
        return set()
    key = file_of[rec["source"]]
    return {(key, n, pol) for span, (n, pol) in mentions[key] if _hits(tuple(rec["span"]), span)}


def _score_claims(st, file_of, mentions, out: Figures) -> None:
    extracted: set[tuple[str, int, str]] = set()
    for table in ("statements", "evidence"):
        for rid in st.ids(table):
            extracted |= _labels(st, rid, file_of, mentions)
    for name, n, pol, a, b in out.same_gold:
        if (f"{name}/{a}", n, pol) in extracted and (f"{name}/{b}", n, pol) in extracted:
            out.same_gold_extracted.add((name, n, pol, a, b))
    out.answer_gold_extracted = {g for g in out.answer_gold_extracted
                                 if {(f"{g[0]}/{g[2]}", g[1]), (f"{g[0]}/{g[3]}", g[1])}
                                 <= {(k, n) for k, n, _p in extracted}}
    for link in st.all("links"):
        ends = [st.raw(link.from_), st.raw(link.to)]
        if any(e is None or e.get("source") not in file_of for e in ends) or ends[0]["source"] == ends[1][
                "source"] or link.type not in SAME_TYPES + ANSWER_TYPES:
            continue
        la, lb = _labels(st, link.from_, file_of, mentions), _labels(st, link.to, file_of, mentions)
        same = link.type in SAME_TYPES
        found = set()
        for (ka, n, pa), (kb, m, pb) in itertools.product(la, lb):
            if n == m and ka.split("/")[0] == kb.split("/")[0] and (pa == pb) == same:
                story, fa, fb = ka.split("/")[0], *sorted((ka.split("/")[1], kb.split("/")[1]))
                found.add((story, n, pa, fa, fb) if same else (story, n, fa, fb))
        if same:
            out.same_found |= found
        else:
            out.answer_found |= found
        kind = "same" if same else "answer"
        counter = f"{kind}_tp" if found else f"{kind}_fp"
        setattr(out, counter, getattr(out, counter) + 1)
        if not found:
            out.wrong.append(f"{link.type}: {ends[0]['text'][:50]!r} -> {ends[1]['text'][:50]!r}")


def _score_actors(spans_of, actor_at, all_stories, out: Figures, names: dict[str, str]) -> None:
    for _name, _path, gold in all_stories:
        for actor in gold["actors"]:
            out.actor_gold += len(list(itertools.combinations(actor, 2)))
    files_of: dict[str, list[str]] = {}
    for key, spans in spans_of.items():
        for aid in spans:
            files_of.setdefault(aid, []).append(key)
    for aid, keys in files_of.items():
        for a, b in itertools.combinations(keys, 2):
            shared = actor_at[a].get(aid, set()) & actor_at[b].get(aid, set())
            if shared:
                out.actor_tp += 1
            else:
                out.actor_fp += 1
                out.wrong.append(f"actor merge {aid} ({names.get(aid)}) across {a} and {b}")


def _cosine(index: claim_index.ClaimIndex, a, b) -> float:
    """TF-IDF cosine alone (the default blends it with containment)."""
    weight = {t: index.idf(t) ** 2 for t in a.terms | b.terms}
    common = sum(weight[t] for t in a.terms & b.terms)
    return common / ((sum(weight[t] for t in a.terms) * sum(weight[t] for t in b.terms)) ** 0.5 or 1)


@contextlib.contextmanager
def method(name: str, threshold: float | None = None) -> Iterator[None]:
    """Run matching with another similarity measure, to compare them (the default is "tfidf+synonyms")."""
    patches = []
    if threshold is not None:
        patches.append(mock.patch.object(claim_match, "SAME_CLAIM", threshold))
    if name in ("tfidf", "jaccard"):
        patches += [mock.patch.object(claim_terms, "synonym_groups", lambda: ({}, 1)),
                    mock.patch.object(claim_terms, "_states", lambda: ({}, frozenset(), 1))]
    if name == "cosine+synonyms":
        patches.append(mock.patch.object(claim_index.ClaimIndex, "similarity", _cosine))
    if name.startswith("jaccard"):
        patches.append(mock.patch.object(claim_index.ClaimIndex, "similarity", lambda self, a, b: (
            len(a.terms & b.terms) / len(a.terms | b.terms) if a.terms and b.terms else 0.0)))
    if name == "char4":
        patches.append(mock.patch.object(claim_index, "terms", lambda text: (
            claim_terms.char_grams(text), claim_terms.terms(text)[1])))
    with contextlib.ExitStack() as stack:
        for p in patches:
            stack.enter_context(p)
        yield


def main(argv: list[str] | None = None) -> int:
    """Print the figures (and, with --compare, those of other similarity measures and thresholds)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", action="store_true", help="also score other measures and thresholds")
    parser.add_argument("--wrong", action="store_true", help="list the wrong links and merges")
    args = parser.parse_args(argv)
    runs = [("tfidf+synonyms", None)]
    if args.compare:
        runs += [(m, t) for m in ("tfidf+synonyms", "cosine+synonyms", "tfidf", "jaccard+synonyms",
                                  "jaccard", "char4") for t in (0.3, 0.4, 0.5, 0.6, 0.7)]
    print(f"{'measure':18} {'cut':>5} {'same P':>7} {'same R':>7} {'R all':>6} {'ans P':>6} {'ans R':>6}"
          f" {'actor P':>8} {'actor R':>8}")
    for name, threshold in runs:
        with method(name, threshold):
            result = run()
        f = result.figures()
        cut = threshold if threshold is not None else claim_match.SAME_CLAIM
        print(f"{name:18} {cut:5.2f} {f['same_precision']:7.2f} {f['same_recall']:7.2f} "
              f"{f['same_recall_all']:6.2f} {f['answer_precision']:6.2f} {f['answer_recall']:6.2f} "
              f"{f['actor_precision']:8.2f} {f['actor_recall']:8.2f}")
        if args.wrong and threshold is None:
            print("\n".join("  " + w for w in result.wrong))
            missed = sorted(result.same_gold_extracted - result.same_found)
            print("\n".join(f"  missed same claim: {m}" for m in missed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
