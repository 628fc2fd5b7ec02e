"""Features built on the ``Store`` API: import and extraction, export, merge, actor merge, check,
review decisions and cross-article matching."""
