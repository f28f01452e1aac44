"""The one owner of the stores a command opens.

:func:`maturity.cli.entry.main` makes one :class:`CliContext` per command and closes it on
the way out, whatever happens (an error, Ctrl-C, a broken pipe), so a SQLite store is
checkpointed and a PostgreSQL connection is released. Commands ask the context for the store
or the workspace instead of opening their own; the store is opened on first use only, so a
command that fails its argument checks, or needs no store, never touches one.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from maturity.keep import Keeper
    from maturity.store import Store
    from maturity.workspace import Workspace


class CliContext:
    """The store named by ``--store`` / ``$MATURITY_STORE`` (opened lazily, once), its
    workspace, and any other store the command opens (``store copy``'s source and
    destination, ``import``'s in-memory rehearsal), all closed together.

    ``create``: ``False`` leaves a missing SQLite file missing (it reads as empty), which is
    what read-only commands want; a later ``create=True`` request for a store that does not
    exist yet reopens it so that it is created.
    """

    def __init__(self, given: str | None) -> None:
        self.given = given
        """The ``--store`` argument as typed (``None``: the environment or the default)."""
        self._store: Store | None = None
        self._workspace: Workspace | None = None
        self._others: list[Store] = []
        self._keeper: Keeper | None = None

    def __enter__(self) -> CliContext:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def target(self) -> str:
        """The store's target, absolute (what another process, a participant, must open)."""
        from maturity.store import store_target

        return store_target(self.given)

    def store(self, *, create: bool = False) -> Store:
        """The command's store, opened on first use and kept open until :meth:`close`."""
        if self._store is not None and (self._store.exists or not create):
            return self._store
        from maturity.store import open_store

        # Opened with the argument as given, not the resolved target: open_store creates
        # the default folder only when no store was named.
        store = open_store(self.given, create=create)
        if self._store is not None:  # it did not exist, and now it is to be created
            self._workspace = None
            self._store.close()
        else:
            from maturity.keep import Keeper

            self._keeper = Keeper.of(store)  # before the command writes anything
        self._store = store
        return store

    def keep_outputs(self) -> None:
        """After a command that succeeded: keep the quick read path's outputs of what it
        changed (:mod:`maturity.keep`), in this process, with the models it has loaded.
        Best effort and silent: the command has done its work and said so, and an output
        not kept is computed by its next command."""
        keeper, store = self._keeper, self._store
        if keeper is None or store is None:
            return
        try:
            if keeper.changed():
                keeper.keep(self.workspace())
        except (Exception, KeyboardInterrupt):
            pass

    def workspace(self, *, create: bool = False) -> Workspace:
        """The workspace over :meth:`store` (one per open store)."""
        store = self.store(create=create)
        if self._workspace is None or self._workspace.store is not store:
            from maturity.workspace import Workspace

            self._workspace = Workspace(store)
        return self._workspace

    def open_other(self, target: str, create: bool) -> Store:
        """Another store (``store copy --from/--to``), closed with the rest at exit."""
        from maturity.store import open_store

        store = open_store(target, create=create)
        self._others.append(store)
        return store

    def rehearsal(self) -> Workspace:
        """An empty workspace in memory to rehearse a change on (``import`` into a store that
        does not exist yet); closed with the rest at exit, or earlier by the caller."""
        from maturity.store import open_rehearsal
        from maturity.workspace import Workspace

        store = open_rehearsal()
        self._others.append(store)
        return Workspace(store)

    def close(self) -> None:
        """Close every store opened so far (and forget them: a later request reopens).

        Called at exit, and by a command before it hands over to a user interface that
        runs for hours with its own connections (``join``, ``serve``)."""
        stores = [*self._others, *([self._store] if self._store is not None else [])]
        self._store, self._workspace, self._others, self._keeper = None, None, [], None
        errors: list[BaseException] = []
        for store in stores:
            try:
                store.close()
            except BaseException as exc:  # close the rest, then report the first failure
                errors.append(exc)
        if errors:
            raise errors[0]
