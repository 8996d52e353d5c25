"""Progress storage: the durable record of answers and schedules.

A SQLite file by default (no server); a ``postgresql://`` URL for a class on one server.
Only a URL loads the PostgreSQL driver.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kzlearn.store.base import LOCAL, Learner
from kzlearn.store.location import default_location, is_url, mask_url, scrub

if TYPE_CHECKING:
    from kzlearn.store.base import ProgressStore

__all__ = ["LOCAL", "Learner", "default_location", "is_url", "mask_url", "open_store", "scrub"]


def open_store(
    location: str | Path, *, write: bool = True, learner: Learner = LOCAL
) -> ProgressStore:
    """The store at ``location``: a PostgreSQL URL, else a SQLite file's path, opened for
    ``learner`` (by default the one local student): every read and write is theirs.

    Raises:
        StoreError: another kind of URL, no PostgreSQL driver installed, or what opening
            the store raises.
    """
    if isinstance(location, str) and is_url(location):
        from kzlearn.store.location import postgres_url

        postgres_url(location)
        from kzlearn.store.postgres import PostgresStore

        return PostgresStore(location, write=write, learner=learner)
    from kzlearn.store.sqlite import Store

    return Store(location, write=write, learner=learner)
