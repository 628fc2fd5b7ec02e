"""The importer's measured quality: gold networks are exact, and scores stay above their floors."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extraction import score as sc

# -- the corpus ------------------------------------------------------------------------


def _gold_files() -> list[tuple[str, str, dict[str, Any]]]:
    arts = sc.corpus_articles()
    seed = sc.seed_article()
    return arts + ([seed] if seed else [])


def test_corpus_has_enough_articles_of_the_right_length() -> None:
    arts = sc.corpus_articles()
    assert len(arts) >= 6
    for name, text, _ in arts:
        assert 300 <= len(text.split()) <= 700, name


@pytest.mark.parametrize(
    ("name", "text", "gold"),
    _gold_files() + sc.blind_articles(),
    ids=lambda v: v if isinstance(v, str) and len(v) < 40 else "",
)
def test_gold_spans_and_quotes_are_exact(name: str, text: str, gold: dict[str, Any]) -> None:
    assert gold["format"] == "claimnet-network" and gold["sources"][0]["text"] == text
    actors = {a["id"] for a in gold["actors"]}
    ids = actors | {s["id"] for s in gold["statements"]} | {e["id"] for e in gold["evidence"]}
    for s in gold["statements"]:
        assert s["speaker"] in actors
        a, b = s["span"]
        assert 0 <= a < b <= len(text)
        if s["mode"] == "quote":
            assert text[a:b] == s["quote"], s["id"]
    for e in gold["evidence"]:
        if e.get("span"):
            a, b = e["span"]
            assert 0 <= a < b <= len(text)
            if name != "seed" and not name.startswith("blind:"):  # those golds summarise evidence in words
                assert text[a:b] == e["text"], e["id"]
    for ln in gold["links"]:
        assert ln["from"] in ids and ln["to"] in ids


def test_scorer_matches_a_perfect_prediction_perfectly() -> None:
    name, text, gold = sc.corpus_articles()[0]
    m = sc.score(text, gold, gold).metrics()
    assert all(v == 1.0 for v in m.values()), m


#: Floors just below the scores measured when the scorer began to ask for real overlap (half of each span,
#: issue 9), with evidence and link F1 beside the rest. The conventions changed then too (REAL_COPY.md): a
#: quoted word or two stays inside its paraphrase and a longer fragment is held by the clause quoting it,
#: which the older gold files (fragment = its own quote statement) count against; media only told
#: something and credit lines are no actors, and an unnamed spokesperson speaks for the organisation
#: (older gold files make the spokesperson an actor of its own), and a state or organisation only named in
#: passing is no actor (older gold files count every name). Held-out articles were never tuned on (but see
#: FLOORS_HELD_OUT).
#: A country named once inside a claim and playing no other part is a place (eleventh session; 16 of 17 such
#: countries on the real-copy design sets are no actor, as REAL_COPY.md has it): tuning actor F1 0.90 -> 0.89,
#: held-out 0.93 -> 0.91, blind-1 0.93 -> 0.92, blind-3 0.76 -> 0.75, since their older gold counts every
#: country named ('strikes in France', 'a plant in Ireland').
#: A count written in words ('at least six farms', 'more than a dozen officers') is no quantity (thirteenth
#: session; REAL_COPY.md counts figures written in digits, and no real-copy design set's gold counts one):
#: tuning evidence F1 0.71 -> 0.70 (floor 0.69), blind-1 0.85 -> 0.847, since their older gold counts them.
FLOORS_TUNING = {
    "actor_f1": 0.89, "speaker_acc": 0.94, "st_f1": 0.84, "quote_r": 0.82,
    "ev_f1": 0.69, "ln_f1": 0.39}
#: The act model (seventh session) took held-out link F1 from 0.53 to 0.51; while it was tuned, one of the
#: two held-out articles' gold (fraud_trial) was read, so they are no longer wholly unseen. An accusation
#: that names nobody accusing the side the article's accusations are about (ninth session) took it to
#: 0.49: these tidy articles' gold reads two such remarks as plain claims, where the real-copy sets gain.
#: A denial proposing its best match even when weak (tenth session) took it to 0.47 (9 right of 20, one
#: more wrong proposal), where the design sets gain 17 right denials for 63 proposed. A span of time in
#: words ('about four weeks') is no longer evidence (real-copy gold never counts one: 0 of 15 on the design
#: sets); the corpus's older gold counts one in each of fraud_trial and tariffs_paraphrase, so held-out
#: evidence F1 went from 0.79 to 0.76, and link F1 to 0.43 with the one right link that figure carried.
#: These two articles hold 18 gold links: one link moves their F1 by 0.05. Evidence that backs what a
#: denial denies contradicting the denial (twentieth session) took it to 0.39: their gold, like the older
#: real-copy sets', draws none of these links, where the last nine real-copy sets' draws about half.
FLOORS_HELD_OUT = {
    "actor_f1": 0.91, "speaker_acc": 0.93, "st_f1": 0.82, "quote_r": 0.90,
    "ev_f1": 0.75, "ln_f1": 0.38}


def test_corpus_scores_stay_above_floors() -> None:
    results = sc.run(_gold_files())
    tune = sc.total(c for n, c in results.items() if n not in sc.HELD_OUT).metrics()
    held = sc.total(c for n, c in results.items() if n in sc.HELD_OUT).metrics()
    for key, floor in FLOORS_TUNING.items():
        assert tune[key] >= floor, (key, tune[key])
    for key, floor in FLOORS_HELD_OUT.items():
        assert held[key] >= floor, (key, held[key])


_METRICS = ("actor_f1", "speaker_acc", "st_f1", "quote_r", "ev_f1", "ln_f1")


def _floors(*values: float) -> dict[str, float]:
    """A set's floors, in the order of ``_METRICS``: actor F1, speaker accuracy, statement F1, quote
    recall, evidence F1, link F1."""
    return dict(zip(_METRICS, values, strict=True))


#: Each blind set's floors (their first unseen measurements are in their READMEs and in
#: `python -m tests.extraction.unseen`). Blind-1 to blind-6 and blind-8 to blind-20 have been used to design
#: rules, so their floors guard those rules; blind-7 is still unseen and its floors catch harm to unseen text.
#: Blind-8 to blind-21 carry the shapes of real copy (hard wraps, furniture, documents that speak); the
#: newest set is held out, its floors just below its first unseen measurement.
BLIND_FLOORS = {
    "blind": (4, _floors(0.92, 0.95, 0.89, 0.89, 0.84, 0.49)),
    # blind-2 and blind-3 name an unnamed spokesperson as a person ('OAS spokesman'); REAL_COPY.md and the
    # issue have the organisation speak, now also for 'a company spokeswoman' (the company just named).
    # Blind-2 also makes 'called it “illegal”' a one-word quote statement; the issue keeps it in the clause.
    # A deadline a party 'has 14 days to' meet is no evidence (thirteenth session, as REAL_COPY.md and the
    # real-copy gold have it): blind-2's and blind-3's older gold count one each, evidence 0.69 -> 0.689 and
    # 0.75 -> 0.744.
    "blind2": (5, _floors(0.83, 0.91, 0.78, 0.86, 0.68, 0.23)),
    # Evidence 0.79 -> 0.76 in the eighth session: a sum keeps what it was paid in ('£8.4 million in public
    # donations', which four real-copy sets' gold files do), and blind-3's gold leaves it out once.
    "blind3": (5, _floors(0.75, 0.87, 0.73, 0.86, 0.74, 0.35)),
    "blind4": (6, _floors(0.77, 0.89, 0.69, 0.86, 0.73, 0.23)),
    "blind5": (6, _floors(0.80, 0.88, 0.77, 0.93, 0.68, 0.28)),
    "blind6": (6, _floors(0.79, 0.93, 0.71, 0.87, 0.70, 0.27)),
    "blind7": (6, _floors(0.80, 0.90, 0.77, 0.88, 0.76, 0.27)),
    # First unseen measurement (9a35e53): 0.76 / 0.93 / 0.79 / 0.80 / ev 0.51 / ln 0.17. The evidence rules
    # written on blind-8 afterwards took its evidence F1 to 0.48 (and the others to 0.75 / 0.92 / 0.80 /
    # 0.85 / ln 0.16): they generalise less than blind-8 showed; only totals were looked at.
    # The act and link rules written on blind-8 in the next session took its link F1 to 0.19 (totals only).
    # Used for rule design since the fifth session (figure contradictions, evidence extents): ev 0.48 -> 0.50.
    "blind9": (8, _floors(0.77, 0.93, 0.80, 0.89, 0.50, 0.20)),
    # First unseen measurement (4eee364): 0.87 / 0.96 / 0.84 / 0.95 / ev 0.59 / ln 0.22. Used for rule design
    # since the fifth session: evidence F1 0.70, link F1 0.28.
    "blind10": (8, _floors(0.88, 0.95, 0.85, 0.95, 0.69, 0.27)),
    # link F1 0.18 -> 0.22 with the accused side's answers read as denials and responses
    "blind8": (8, _floors(0.71, 0.87, 0.75, 0.93, 0.68, 0.22)),
    # First unseen measurement (bd06939): 0.82 / 0.85 / 0.73 / 0.98 / ev 0.62 / ln 0.22; a design set since:
    # 0.85 / 0.93 / 0.84 / 1.00 / ev 0.65 / ln 0.28.
    "blind11": (8, _floors(0.84, 0.91, 0.82, 0.98, 0.68, 0.26)),
    # First unseen measurement (6801e03): 0.76 / 0.89 / 0.81 / 0.89 / ev 0.70 / ln 0.23. A design set since
    # the sixth session: 0.82 / 0.93 / 0.85 / 0.93 / ev 0.74 / ln 0.26.
    "blind12": (8, _floors(0.80, 0.91, 0.83, 0.91, 0.72, 0.24)),
    # First unseen measurement (649b415): 0.78 / 0.90 / 0.77 / 0.91 / ev 0.61 / ln 0.19. A design set since
    # the seventh session (the act model learns from it): ln 0.23.
    "blind13": (8, _floors(0.76, 0.88, 0.75, 0.89, 0.59, 0.21)),
    # First unseen measurement (68b516c): 0.76 / 0.89 / 0.80 / 0.88 / ev 0.61 / ln 0.19. A design set since
    # the eighth session, once blind-15 was scored (the act model learns from it).
    "blind14": (8, _floors(0.74, 0.87, 0.78, 0.86, 0.59, 0.17)),
    # First unseen measurement (3292aee): 0.72 / 0.83 / 0.69 / 0.92 / ev 0.69 / ln 0.20. A design set since
    # the ninth session, once blind-16 was scored.
    "blind15": (8, _floors(0.70, 0.81, 0.67, 0.90, 0.67, 0.18)),
    # First unseen measurement (b9b80ad): 0.82 / 0.89 / 0.77 / 0.95 / ev 0.73 / ln 0.23. In the ninth session
    # its quote-recall total chose between two versions of one rule (its README says so). A design set since
    # the tenth session (the act model learns from it), when its totals before any failure was read were
    # 0.87 / 0.89 / 0.78 / 0.95 / ev 0.76 / ln 0.25.
    "blind16": (8, _floors(0.80, 0.87, 0.75, 0.93, 0.71, 0.21)),
    # First unseen measurement (09afa9e): 0.74 / 0.87 / 0.76 / 0.92 / ev 0.62 / ln 0.18. A design set since
    # the tenth session, once blind-18 was scored; its totals just before any failure was read (22523b1):
    # 0.72 / 0.87 / 0.76 / 0.92 / ev 0.65 / ln 0.17 (the act model learns from it since).
    "blind17": (8, _floors(0.70, 0.85, 0.74, 0.90, 0.60, 0.15)),
    # First unseen measurement (22523b1): 0.84 / 0.89 / 0.75 / 0.94 / ev 0.62 / ln 0.24. A design set since
    # the eleventh session, once blind-19 was scored; none of its failures has been read yet (the act model
    # learns from it since).
    "blind18": (8, _floors(0.82, 0.87, 0.73, 0.92, 0.60, 0.22)),
    # First unseen measurement (c3220d2): 0.87 / 0.92 / 0.81 / 0.96 / ev 0.62 / ln 0.20. A design set since
    # the twelfth session, once blind-20 was written; its totals printed a second time just before (2755553,
    # no rule written from it): 0.87 / 0.92 / 0.81 / 0.96 / ev 0.62 / ln 0.21 (the act model learns from it
    # since).
    "blind19": (8, _floors(0.85, 0.90, 0.79, 0.94, 0.60, 0.18)),
    # First unseen measurement (3a2ac09): 0.84 / 0.95 / 0.86 / 0.98 / ev 0.68 / ln 0.26. A design set since
    # the thirteenth session, once blind-21 was written; its totals printed a third time just before any
    # failure was read (60fda5a): 0.84 / 0.95 / 0.86 / 0.98 / ev 0.70 / ln 0.27 (the models learn from it
    # since). Two of its gold evidence spans were seen by accident in that session before it was relabelled.
    "blind20": (6, _floors(0.82, 0.93, 0.84, 0.96, 0.66, 0.24)),
    # Held out. First unseen measurement (1e323ef): 0.93 / 0.97 / 0.86 / 0.97 / ev 0.73 / ln 0.27 (the rules
    # at the thirteenth session's start score it 0.93 / 0.97 / 0.86 / 0.97 / ev 0.72 / ln 0.26; printed again
    # at the fourteenth session's end, bb367be: 0.93 / 0.98 / 0.87 / 0.97 / ev 0.73 / ln 0.27; at the
    # fifteenth's end, 6dd5e1a: 0.925 / 0.97 / 0.87 / 0.97 / ev 0.73 / ln 0.28).
    "blind21": (6, _floors(0.91, 0.95, 0.84, 0.95, 0.71, 0.25)),
    # First unseen measurement (6e56af5, the rules at the fourteenth session's start): 0.815 (P 0.72) / 0.95
    # / 0.81 / 0.93 / ev 0.66 / ln 0.22 (P 0.38, R 0.15); the same at that session's end (bb367be). A design
    # set since the fifteenth session, once blind-23 was written; its totals printed a third time just before
    # any failure was read (aee38b0): 0.822 (P 0.73) / 0.95 / 0.81 / 0.93 / ev 0.66 / ln 0.22. After that
    # session's rules written from it (and the models trained on it): 0.92 / 0.97 / 0.86 / 0.97 / ev 0.76 /
    # ln 0.34.
    "blind22": (6, _floors(0.88, 0.95, 0.84, 0.95, 0.74, 0.30)),
    # First unseen measurement (39675ed, the rules at the fifteenth session's start): 0.864 (P 0.85) / 0.93 /
    # 0.83 / 0.79 / ev 0.63 / ln 0.23 (P 0.45, R 0.16); the same at aee38b0, after that session's first
    # rules; at its end (6dd5e1a): 0.875 / 0.93 / 0.83 / 0.79 / ev 0.63 / ln 0.24. Printed a fourth time in
    # the sixteenth session, after the interview and quotation-mark rules written from test sentences of its
    # own (0.88 / 0.90 / 0.81 / 0.82 / ev 0.63 / ln 0.24; the speaker floor failed), then made a design set
    # before blind-24 was ready and its failures read: after the interviewee rule and the models trained on
    # it, 0.889 / 0.935 / 0.843 / 0.909 / ev 0.635 / ln 0.289.
    "blind23": (6, _floors(0.86, 0.91, 0.81, 0.88, 0.61, 0.26)),
    # First unseen measurement (3946d13, the sixteenth session's rules and models, before any of its articles
    # was read): 0.848 (P 0.76, R 0.95) / 0.93 / 0.76 / 0.92 / ev 0.79 / ln 0.23 (P 0.38, R 0.16). A design
    # set since the seventeenth session, while blind-25 was being written: its failures were read first then.
    "blind24": (6, _floors(0.82, 0.90, 0.73, 0.89, 0.76, 0.20)),
    # First unseen measurement (3140a34, the seventeenth session's rules and models, before any of its
    # articles was read): 0.787 (P 0.70, R 0.90) / 0.82 / 0.69 / 0.97 / ev 0.68 / ln 0.16 (P 0.26, R 0.11). A
    # design set from the same session on, once blind-26 was being written: its failures were read then.
    "blind25": (6, _floors(0.76, 0.79, 0.66, 0.94, 0.65, 0.13)),
    # First unseen measurement (9af65c0, the seventeenth session's rules and models after blind-24 and
    # blind-25 were read, before any of its articles was): 0.777 (P 0.75, R 0.80) / 0.91 / 0.78 / 0.97 /
    # ev 0.76 / ln 0.26 (P 0.46, R 0.18). A design set from the eighteenth session on, once blind-27 was
    # being written: its failures were read then.
    "blind26": (6, _floors(0.75, 0.88, 0.74, 0.93, 0.72, 0.23)),
    # First unseen measurement (aac0f50, the eighteenth session's rules and models after blind-26 was read,
    # before any of its articles was): 0.895 (P 0.89, R 0.90) / 0.92 / 0.82 / 0.97 / ev 0.69 / ln 0.20
    # (P 0.37, R 0.13). A design set from the same session on, once blind-28 was being written: its
    # failures were read then.
    "blind27": (6, _floors(0.87, 0.89, 0.79, 0.95, 0.66, 0.17)),
    # First unseen measurement (7276483, the eighteenth session's rules and models after blind-26 and
    # blind-27 were read, before any of its articles was): 0.783 (P 0.73, R 0.84) / 0.91 / 0.82 / 1.00 /
    # ev 0.76 / ln 0.28 (P 0.45, R 0.20). A design set from the same session on, once blind-29 was being
    # written: its failures were read then.
    "blind28": (6, _floors(0.75, 0.88, 0.78, 0.97, 0.72, 0.24)),
    # First unseen measurement (575d954, the eighteenth session's rules and models after blind-26, blind-27
    # and blind-28 were read, before any of its articles was): 0.875 (P 0.84, R 0.91) / 0.93 / 0.80 / 0.97 /
    # ev 0.63 / ln 0.18 (P 0.32, R 0.13). A design set from the nineteenth session on, once blind-30 was
    # being written: its failures were read then.
    "blind29": (6, _floors(0.84, 0.90, 0.77, 0.95, 0.60, 0.16)),
    # First unseen measurement (339b13a, the nineteenth session's rules and models after blind-29 was read,
    # before any of its articles was): 0.759 (P 0.69, R 0.85) / 0.92 / 0.76 / 0.97 / ev 0.72 / ln 0.29 (P
    # 0.40, R 0.22). A design set from the same session on, once blind-31 was being written: its failures
    # were read then.
    "blind30": (6, _floors(0.73, 0.89, 0.73, 0.94, 0.69, 0.25)),
    # First unseen measurement (80fa7ff, the nineteenth session's rules and models after blind-29 and
    # blind-30 were read, before any of its articles was): 0.779 (P 0.72, R 0.85) / 0.87 / 0.72 / 0.97 /
    # ev 0.75 / ln 0.21 (P 0.27, R 0.17). A design set from the twentieth session on, once blind-32 was
    # being written: its failures were read then.
    "blind31": (6, _floors(0.75, 0.83, 0.69, 0.94, 0.71, 0.18)),
    # First unseen measurement (d3c020c, the twentieth session's rules and models after blind-31 was
    # read, before any of its articles was): 0.733 (P 0.66, R 0.83) / 0.82 / 0.75 / 0.96 / ev 0.77 / ln 0.32
    # (P 0.43, R 0.25). (First printed by an all-sets run on the working tree that became d3c020c after one
    # line of links.py changed; the totals printed then were the same to two decimals.) A design set from the
    # twenty-first session on, once blind-34 was being written: its failures were read then.
    "blind32": (6, _floors(0.71, 0.79, 0.72, 0.94, 0.75, 0.29)),
    # First unseen measurement (dd48e01, the twentieth session's last rules and models, written without any
    # of its articles read): 0.822 (P 0.75, R 0.91) / 0.89 / 0.79 / 0.91 / ev 0.74 / ln 0.32 (P 0.41, R
    # 0.26). A design set from the twenty-first session on, once blind-34 was being written: its failures
    # were read then.
    "blind33": (6, _floors(0.80, 0.86, 0.77, 0.89, 0.71, 0.29)),
    # Held out. First unseen measurement (ee6b010, the twenty-first session's last rules and models, written
    # without any of its articles read): 0.814 (P 0.75, R 0.89) / 0.82 / 0.73 / 0.91 / ev 0.69 / ln 0.23
    # (P 0.31, R 0.18).
    "blind34": (6, _floors(0.79, 0.80, 0.70, 0.89, 0.66, 0.20)),
}


@pytest.mark.parametrize("key", list(BLIND_FLOORS))
def test_blind_set_scores_stay_above_floors(key: str) -> None:
    least, floors = BLIND_FLOORS[key]
    arts = sc.blind_set_articles(key)
    assert len(arts) >= least
    got = sc.total(sc.run(arts).values()).metrics()
    for metric, floor in floors.items():
        assert got[metric] >= floor, (metric, got[metric])


@pytest.mark.parametrize(("key", "label"), [
    ("blind", "blind-1 (used for rule design)"),
    ("blind2", "blind-2 (used for rule design)"),
    ("blind3", "blind-3 (used for rule design)"),
    ("blind4", "blind-4 (used for rule design)"),
    ("blind5", "blind-5 (used for rule design)"),
    ("blind6", "blind-6 (used for rule design)"),
    ("blind7", "blind-7 (unseen: never used for rules)"),
    ("blind8", "blind-8 (real-copy shapes, used for rule design)"),
    ("blind9", "blind-9 (real-copy shapes, used for rule design)"),
    ("blind10", "blind-10 (real-copy shapes, used for rule design)"),
    ("blind11", "blind-11 (real-copy shapes, used for rule design)"),
    ("blind12", "blind-12 (real-copy shapes, used for rule design)"),
    ("blind13", "blind-13 (real-copy shapes, used for rule design)"),
    ("blind14", "blind-14 (real-copy shapes, used for rule design)"),
    ("blind15", "blind-15 (real-copy shapes, used for rule design)"),
    ("blind16", "blind-16 (real-copy shapes, used for rule design)"),
    ("blind17", "blind-17 (real-copy shapes, used for rule design)"),
    ("blind18", "blind-18 (real-copy shapes, used for rule design)"),
    ("blind19", "blind-19 (real-copy shapes, used for rule design)"),
    ("blind20", "blind-20 (real-copy shapes, used for rule design)"),
    ("blind21", "blind-21 (real-copy shapes, unseen: never used for rules)"),
    ("blind22", "blind-22 (real-copy shapes, used for rule design)"),
    ("blind23", "blind-23 (real-copy shapes, used for rule design)"),
    ("blind24", "blind-24 (real-copy shapes, used for rule design)"),
    ("blind25", "blind-25 (real-copy shapes, used for rule design)"),
    ("blind26", "blind-26 (real-copy shapes, used for rule design)"),
    ("blind27", "blind-27 (real-copy shapes, used for rule design)"),
    ("blind28", "blind-28 (real-copy shapes, used for rule design)"),
    ("blind29", "blind-29 (real-copy shapes, used for rule design)"),
    ("blind30", "blind-30 (real-copy shapes, used for rule design)"),
    ("blind31", "blind-31 (real-copy shapes, used for rule design)"),
    ("blind32", "blind-32 (real-copy shapes, used for rule design)"),
    ("blind33", "blind-33 (real-copy shapes, used for rule design)"),
    ("blind34", "blind-34 (real-copy shapes, unseen: never used for rules)"),
])
def test_scorer_labels_each_blind_set_honestly(key: str, label: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert sc.main(["--set", key]) == 0
    out = capsys.readouterr().out
    assert f"TOTAL {label}" in out
    assert "TOTAL tuning" not in out


def test_the_scorer_scores_held_out_sets_only_when_asked(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A bare run scores the corpus and the design sets; a held-out set is printed only by name or 'all',
    so no one reads its totals by accident."""
    scored: list[str] = []
    monkeypatch.setattr(sc, "run", lambda arts: scored.extend(n for n, _, _ in arts) or {})
    assert sc.main([]) == 0
    held_out = [key for key, (_, label) in sc.BLIND_SETS.items() if sc.UNSEEN in label]
    assert held_out and not any(n.startswith(tuple(f"{k}:" for k in held_out)) for n in scored)
    assert any(n.startswith("blind31:") for n in scored)
    scored.clear()
    assert sc.main(["--set", "all"]) == 0
    assert all(any(n.startswith(f"{k}:") for n in scored) for k in held_out)
    capsys.readouterr()


def test_a_second_annotator_agrees_with_blind20s_gold_links() -> None:
    """The ceiling link F1 is measured against (agreement/README.md): 181 of 200 and 213 links agree."""
    from tests.extraction.agreement import agreement

    got = agreement()
    assert got["all"] == (200, 213, 181)
    assert 2 * got["all"][2] / (got["all"][0] + got["all"][1]) >= 0.87
