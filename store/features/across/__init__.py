"""The same claim across articles: actors matched across sources, claims linked across reports,
and the views that follow a claim or an actor through them (``same``, ``timeline``)."""

from .propose import DETAILS_KEY, AcrossProposals, propose_across

__all__ = ["DETAILS_KEY", "AcrossProposals", "propose_across"]
