"""Shared fixtures: a fresh store with the default network in a temporary folder."""

from __future__ import annotations

import pytest

import claimnet.store as store_pkg


@pytest.fixture
def missing_store_path(tmp_path, monkeypatch):
    """Path of a store file that does not exist yet; CLAIMNET_STORE points at it."""
    path = str(tmp_path / "store.json")
    monkeypatch.setenv("CLAIMNET_STORE", path)
    monkeypatch.setenv("CLAIMNET_ANALYST", "tester")
    return path


@pytest.fixture
def store_path(missing_store_path):
    """Path of a store holding the default network; CLAIMNET_STORE points at it."""
    store_pkg.open_store(missing_store_path).close()
    return missing_store_path


@pytest.fixture
def store(missing_store_path):
    """An open store holding the default network of the seed article, just created."""
    opened = store_pkg.open_store(missing_store_path)
    yield opened
    opened.close()


@pytest.fixture
def empty_store(tmp_path, monkeypatch):
    """An open store with no records."""
    monkeypatch.setenv("CLAIMNET_ANALYST", "tester")
    opened = store_pkg.open_store(str(tmp_path / "empty.json"), network=EMPTY_NETWORK)
    yield opened
    opened.close()


EMPTY_NETWORK = {"format": "claimnet-network", "version": 1}
