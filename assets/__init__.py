"""Data claimnet ships: the default network, word lists for the importer, README screenshots."""
