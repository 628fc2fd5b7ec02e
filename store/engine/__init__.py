"""The file engine: the store document, its journal, locking, reloading, migration and location.

It knows tables of JSON records, not the network's rules; it imports only ``claimnet.store.model``.
"""
