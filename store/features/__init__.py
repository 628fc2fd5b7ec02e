"""Features built on the Store API: cross-article matching (the importer and export move here)."""
