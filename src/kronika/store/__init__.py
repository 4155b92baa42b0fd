"""The article store: SQLite with WAL, migrations and one transaction per article."""

from kronika.store.sqlite import PutResult, Store

__all__ = ["PutResult", "Store"]
