"""Exporting a claim network (whole or a selection) in the formats other tools read.

``select(store, …)`` takes a referentially closed snapshot; ``export(net, fmt, target)`` writes it
in one of ``FORMATS``: ``json`` (the claimnet network document, which imports back without
loss), ``csv`` (a folder or zip of tables), ``markdown`` (a report), ``dot`` and ``graphml``
(graphs), ``claimreview`` (schema.org JSON-LD). Writers accept an optional progress callback.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from typing import IO

from claimnet.store.model.errors import StoreFileError

from .claimreview import write_claimreview
from .csv_format import write_csv
from .dot import write_dot
from .graphml import write_graphml
from .json_format import import_document, read_document, write_json
from .markdown import write_markdown
from .snapshot import Network, Progress, select

Writer = Callable[[Network, IO[bytes], "Progress | None"], None]

#: Formats written to one stream (a file or standard output).
STREAM_FORMATS: dict[str, Writer] = {
    "json": write_json,
    "markdown": write_markdown,
    "dot": write_dot,
    "graphml": write_graphml,
    "claimreview": write_claimreview,
}
#: Every format, in the order help texts list them.
FORMATS = ("json", "csv", "markdown", "dot", "graphml", "claimreview")

__all__ = ["FORMATS", "Network", "STREAM_FORMATS", "export", "import_document", "read_document",
           "select", "write_csv"]


def export(net: Network, fmt: str, target: str | IO[bytes], progress: Progress | None = None) -> None:
    """Write ``net`` as ``fmt`` to ``target``: a path (replaced atomically) or a binary stream.

    CSV needs a path: a folder, or a file name ending in ``.zip``.
    """
    if fmt == "csv":
        if not isinstance(target, str):
            raise StoreFileError("CSV export writes several files; give a folder or a .zip file.")
        write_csv(net, target, progress)
        return
    writer = STREAM_FORMATS.get(fmt)
    if writer is None:
        raise StoreFileError(f"There is no export format {fmt!r}; known: {', '.join(FORMATS)}.")
    if not isinstance(target, str):
        writer(net, target, progress)
        return
    folder = os.path.dirname(os.path.abspath(target))
    try:
        fd, temp = tempfile.mkstemp(prefix=".claimnet-export-", dir=folder)
    except OSError as error:
        raise StoreFileError(f"Cannot write {target}: {error.strerror}.") from error
    try:
        with os.fdopen(fd, "wb") as handle:
            writer(net, handle, progress)
        os.chmod(temp, 0o600)  # owner-only like the store: exports can hold analysts' notes
        os.replace(temp, target)
    except OSError as error:
        raise StoreFileError(f"Cannot write {target}: {error.strerror or error}.") from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
