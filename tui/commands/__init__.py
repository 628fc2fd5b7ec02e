"""The ``claimnet`` subcommands; each module registers its own parsers."""
