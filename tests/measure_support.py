"""Real git repositories built with pygit2 for the measurement tests, with controlled times.

Every commit's tree, author, committer and times are fixed, so commit ids are the same on
every machine: docs/measurement.md quotes them in its worked example.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pygit2

T0 = datetime(2024, 1, 1, tzinfo=UTC)  # a Monday


def at(days: float = 0, hours: float = 0) -> datetime:
    return T0 + timedelta(days=days, hours=hours)


def iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


class RepoBuilder:
    """A repository and the commits made in it, named for the tests."""

    def __init__(self, path: Path, *, bare: bool = False) -> None:
        self.repo = pygit2.init_repository(str(path), bare=bare, initial_head="main")
        self.path = path
        self.ids: dict[str, str] = {}
        self._n = 0

    def commit(
        self,
        name: str,
        when: datetime,
        *,
        parents: list[str] | None = None,
        committed: datetime | None = None,
        message: str | None = None,
        branch: str | None = "main",
    ) -> str:
        """A commit named ``name`` (its file's content); ``parents`` are names, default the
        branch tip. ``when`` is the author time, ``committed`` the committer time (default
        the same). The branch moves to it unless ``branch`` is None."""
        self._n += 1
        blob = self.repo.create_blob(f"{name}\n".encode())
        tb = self.repo.TreeBuilder()
        tb.insert(f"{name}.txt", blob, pygit2.enums.FileMode.BLOB)
        tree = tb.write()
        author = pygit2.Signature("Dev", "dev@example.com", int(when.timestamp()), 0)
        c_when = committed or when
        committer = pygit2.Signature("Dev", "dev@example.com", int(c_when.timestamp()), 0)
        if parents is None:
            ref = f"refs/heads/{branch or 'main'}"
            parent_ids = (
                [str(self.repo.references[ref].target)] if ref in self.repo.references else []
            )
        else:
            parent_ids = [self.ids[p] for p in parents]
        oid = self.repo.create_commit(
            None, author, committer, message or f"{name}\n", tree, parent_ids
        )
        self.ids[name] = str(oid)
        if branch is not None:
            self.repo.references.create(f"refs/heads/{branch}", oid, force=True)
        return str(oid)

    def tag(self, name: str, commit: str, when: datetime | None = None) -> None:
        """An annotated tag (tagger time ``when``) or, without ``when``, a lightweight one."""
        oid = pygit2.Oid(hex=self.ids[commit])
        if when is None:
            self.repo.references.create(f"refs/tags/{name}", oid)
        else:
            tagger = pygit2.Signature("Rel", "rel@example.com", int(when.timestamp()), 0)
            self.repo.create_tag(name, oid, pygit2.enums.ObjectType.COMMIT, tagger, name)


def workflows_repo(path: Path) -> RepoBuilder:
    """The repository of docs/measurement.md's worked example: a merge, a squash, a rebase and
    a revert on main (times in days and hours after Monday 2024-01-01 00:00 UTC)."""
    b = RepoBuilder(path)
    b.commit("c0", at(-10))
    b.commit("c1", at(1))
    b.commit("f1", at(1, 12), parents=["c1"], branch="feature")
    b.commit("f2", at(2), branch="feature")
    b.commit("m1", at(2, 12), parents=["c1", "f2"], message="Merge branch 'feature'\n")
    b.commit("s1", at(7), committed=at(8), message="Squashed feature (#2)\n")
    b.commit("r1", at(14), committed=at(15))
    b.commit("r2", at(14, 12), committed=at(15))
    b.commit(
        "v1",
        at(16, 12),
        message=f'Revert "r2"\n\nThis reverts commit {b.ids["r2"]}.\n',
    )
    return b


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
