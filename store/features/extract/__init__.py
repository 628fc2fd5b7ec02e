"""Offline extraction of a claim network (actors, statements, evidence, links) from news text, by rules."""

from .extract import Extraction, extract
from .wordlists import load_wordlist

__all__ = ["Extraction", "extract", "load_wordlist"]
