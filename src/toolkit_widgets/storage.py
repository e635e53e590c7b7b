"""Where a worksheet keeps the learner's answers between visits.

In the browser the answers go to the site's own IndexedDB database, reached
from the Python kernel's web worker (``localStorage`` does not exist there).
Nothing is sent over the network. Outside a browser (tests, a desktop Jupyter)
a :class:`MemoryStore` with the same interface is used.

Answers are stored as JSON text under one key per worksheet.
"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any, Protocol

#: name of the browser database that holds saved worksheet answers
DB_NAME = "coaching-toolkit"
#: the one object store inside it: key = worksheet id, value = JSON text
STORE_NAME = "answers"


class Store(Protocol):
    async def load(self, key: str) -> dict[str, Any] | None: ...

    async def save(self, key: str, data: dict[str, Any]) -> None: ...

    async def delete(self, key: str) -> None: ...


class MemoryStore:
    """Keeps answers in a dict; for tests and for Python outside a browser."""

    def __init__(self) -> None:
        self.saved: dict[str, str] = {}

    async def load(self, key: str) -> dict[str, Any] | None:
        text = self.saved.get(key)
        return None if text is None else json.loads(text)

    async def save(self, key: str, data: dict[str, Any]) -> None:
        self.saved[key] = json.dumps(data)

    async def delete(self, key: str) -> None:
        self.saved.pop(key, None)


class BrowserStore:
    """Keeps answers in this browser's IndexedDB, from Pyodide's web worker."""

    def __init__(self) -> None:
        self._db: Any = None

    async def _request(self, request: Any) -> Any:
        from pyodide.ffi import create_once_callable

        future: asyncio.Future[Any] = asyncio.get_event_loop().create_future()

        def done(_event: Any) -> None:
            if not future.done():
                future.set_result(request.result)

        def failed(_event: Any) -> None:
            if not future.done():
                future.set_exception(OSError(f"browser storage: {request.error}"))

        request.onsuccess = create_once_callable(done)
        request.onerror = create_once_callable(failed)
        return await future

    async def _database(self) -> Any:
        if self._db is None:
            from js import indexedDB
            from pyodide.ffi import create_once_callable

            request = indexedDB.open(DB_NAME, 1)

            def upgrade(_event: Any) -> None:
                request.result.createObjectStore(STORE_NAME)

            request.onupgradeneeded = create_once_callable(upgrade)
            self._db = await self._request(request)
        return self._db

    async def load(self, key: str) -> dict[str, Any] | None:
        db = await self._database()
        store = db.transaction(STORE_NAME, "readonly").objectStore(STORE_NAME)
        text = await self._request(store.get(key))
        return json.loads(text) if isinstance(text, str) else None

    async def save(self, key: str, data: dict[str, Any]) -> None:
        db = await self._database()
        store = db.transaction(STORE_NAME, "readwrite").objectStore(STORE_NAME)
        await self._request(store.put(json.dumps(data), key))

    async def delete(self, key: str) -> None:
        db = await self._database()
        store = db.transaction(STORE_NAME, "readwrite").objectStore(STORE_NAME)
        await self._request(store.delete(key))


def default_store() -> Store:
    """The browser's store under Pyodide, an in-memory one elsewhere."""
    return BrowserStore() if sys.platform == "emscripten" else MemoryStore()
