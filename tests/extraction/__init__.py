"""Tests and the scorer for the importer's extraction core."""
