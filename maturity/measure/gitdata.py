"""Reading a git repository with pygit2 (libgit2): no git binary needed, bare or working clone.

The branch's history is read once as its *first-parent chain* (the mainline: each commit the
branch pointed at, oldest first). A deploy of mainline commit ``k`` contains every commit that
entered the mainline at position ``k`` or earlier; a commit brought in by a merge enters at the
merge. So "the first deploy containing commit c" is the earliest deploy whose mainline position
is at or after c's entry position; merge, squash and rebase workflows all reduce to this.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Literal

import pygit2
from pygit2.enums import SortMode

from maturity.errors import MaturityError
from maturity.measure.model import Deployment

CommitTime = Literal["author", "committer"]
_REVERT = re.compile(r"This reverts commit ([0-9a-fA-F]{7,40})")


def _when(seconds: int, offset_minutes: int) -> datetime:
    return datetime.fromtimestamp(seconds, timezone(timedelta(minutes=offset_minutes))).astimezone(
        UTC
    )


@dataclass
class Mainline:
    """The branch's first-parent chain, oldest first; times in Unix seconds."""

    ids: list[str]
    times: list[int]  # committer times
    change_times: list[int]  # author or committer times, as chosen for lead time
    merges: set[int]  # positions of merge commits
    reverted: dict[int, list[str]]  # position -> commit ids its message says it reverts
    index: dict[str, int]
    boundary: int  # commits whose parents are missing (a shallow clone's edge)
    merged: dict[int, list[pygit2.Oid]]  # merge position -> the commits it brought in


@dataclass
class Change:
    """A commit brought in by a merge."""

    id: str
    time: int  # Unix seconds (author or committer time, as chosen)
    parent_time: int | None  # committer time of its first parent, for the clock-skew check
    committed: int
    merge: bool
    reverts: list[str]


@dataclass
class GitRepo:
    path: Path
    repo: pygit2.Repository
    branch: str
    tip: str
    shallow: bool
    commit_time: CommitTime = "author"
    want_reverts: bool = False
    _mainline: Mainline | None = field(default=None, repr=False)
    _info: dict[pygit2.Oid, tuple[list[pygit2.Oid], int, int]] = field(
        default_factory=dict, repr=False
    )
    _reverted: dict[pygit2.Oid, list[str]] = field(default_factory=dict, repr=False)

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        branch: str | None = None,
        commit_time: CommitTime = "author",
        reverts: bool = False,
    ) -> GitRepo:
        """Open a working clone (any folder inside it) or a bare repository, refusing clearly."""
        if not path.exists():
            raise MaturityError(f"--repo {path}: no such folder")
        if not path.is_dir():
            raise MaturityError(f"--repo {path}: not a folder (give the repository's folder)")
        if not os.access(path, os.R_OK | os.X_OK):
            raise MaturityError(f"--repo {path}: permission denied")
        found = pygit2.discover_repository(str(path))
        if found is None:
            raise MaturityError(f"--repo {path}: not a git repository")
        try:
            repo = pygit2.Repository(found)
        except pygit2.GitError as exc:
            raise MaturityError(f"--repo {path}: cannot read the repository ({exc})") from None
        if repo.is_empty:
            raise MaturityError(f"--repo {path}: the repository has no commits yet")
        name, tip = cls._resolve_branch(repo, path, branch)
        return cls(
            path=path,
            repo=repo,
            branch=name,
            tip=tip,
            shallow=repo.is_shallow,
            commit_time=commit_time,
            want_reverts=reverts,
        )

    @staticmethod
    def _resolve_branch(repo: pygit2.Repository, path: Path, branch: str | None) -> tuple[str, str]:
        if branch is None:
            if repo.head_is_unborn:
                raise MaturityError(f"--repo {path}: HEAD names a branch with no commits")
            head = repo.head
            name = head.shorthand if not repo.head_is_detached else "HEAD"
            return name, str(head.peel(pygit2.Commit).id)
        for ref in (f"refs/heads/{branch}", f"refs/remotes/origin/{branch}", branch):
            try:
                obj = repo.lookup_reference(ref).peel(pygit2.Commit)
            except (KeyError, ValueError, pygit2.InvalidSpecError, pygit2.GitError):
                continue
            return branch, str(obj.id)
        raise MaturityError(f"--branch {branch}: no such branch in {path}")

    # -- the history ------------------------------------------------------------------------

    def mainline(self) -> Mainline:
        """The first-parent chain and, for each merge on it, the commits it brought in.

        One libgit2 walk over every commit reachable from the tip (no per-commit lookups, no
        walk per merge); the rest is dictionary work. Walking the mainline oldest first, the
        commits a merge at position ``k`` brings in are those reachable from its other parents
        that no earlier position has claimed: everything reachable from position ``k - 1`` was
        claimed at ``k - 1`` or before, which is exactly what ``git log M^1..M`` leaves out.
        """
        if self._mainline is None:
            self._mainline = self._read_history()
        return self._mainline

    def _read_history(self) -> Mainline:
        author = self.commit_time == "author"
        reverts = self.want_reverts
        # commit -> (parents, committer time, change time); keyed by Oid: no hex conversions
        info: dict[pygit2.Oid, tuple[list[pygit2.Oid], int, int]] = {}
        reverted: dict[pygit2.Oid, list[str]] = {}
        for c in self.repo.walk(self.tip, SortMode.NONE):
            t = c.commit_time
            info[c.id] = (c.parent_ids, t, c.author.time if author else t)
            if reverts:
                msg = c.message
                if "This reverts commit" in msg:
                    reverted[c.id] = self.reverted(msg)
        chain: list[pygit2.Oid] = []
        boundary = 0
        cur: pygit2.Oid | None = self.repo[self.tip].id
        while cur is not None:
            chain.append(cur)
            ps = info[cur][0]
            if ps and ps[0] not in info:
                boundary += 1  # a shallow clone's edge: the parent is not here
            cur = ps[0] if ps and ps[0] in info else None
        chain.reverse()
        if self.repo.is_shallow:  # libgit2 hides grafted parents: ask the shallow file
            with contextlib.suppress(OSError):
                boundary = len((Path(self.repo.path) / "shallow").read_text().split())
        claimed: set[pygit2.Oid] = set()
        merged: dict[int, list[pygit2.Oid]] = {}
        for k, h in enumerate(chain):
            claimed.add(h)
            ps = info[h][0]
            if len(ps) < 2:
                continue
            brought: list[pygit2.Oid] = []
            stack = [p for p in ps[1:] if p in info and p not in claimed]
            while stack:
                x = stack.pop()
                if x in claimed:
                    continue
                claimed.add(x)
                brought.append(x)
                stack.extend(p for p in info[x][0] if p in info and p not in claimed)
            merged[k] = brought
        ids = [str(h) for h in chain]
        self._info = info
        self._reverted = reverted
        return Mainline(
            ids=ids,
            times=[info[h][1] for h in chain],
            change_times=[info[h][2] for h in chain],
            merges={k for k, h in enumerate(chain) if len(info[h][0]) > 1},
            reverted={k: reverted[h] for k, h in enumerate(chain) if h in reverted},
            index={h: i for i, h in enumerate(ids)},
            boundary=boundary,
            merged=merged,
        )

    def merged_at(self, k: int) -> list[Change]:
        """The commits the merge at mainline position ``k`` brought in (``git log M^1..M``)."""
        info = self._info
        out: list[Change] = []
        for x in self.mainline().merged.get(k, []):
            ps, committed, when = info[x]
            parent = info.get(ps[0]) if ps else None
            out.append(
                Change(
                    id=str(x),
                    time=when,
                    parent_time=parent[1] if parent else None,
                    committed=committed,
                    merge=len(ps) > 1,
                    reverts=self._reverted.get(x, []),
                )
            )
        return out

    # -- names ------------------------------------------------------------------------------

    def resolve(self, commit: str) -> str | None:
        """The full id of a (possibly abbreviated) commit id, or None if the repository lacks it."""
        text = commit.strip().lower()
        if not re.fullmatch(r"[0-9a-f]{4,40}", text):
            return None
        if len(text) == 40 and text in self.mainline().index:
            return text
        try:
            obj = self.repo.revparse_single(text)
            return str(obj.peel(pygit2.Commit).id)
        except (KeyError, ValueError, pygit2.GitError, pygit2.InvalidSpecError):
            return None

    # -- deploys from git -------------------------------------------------------------------

    def tag_deploys(self, pattern: str) -> list[Deployment]:
        """One deploy per tag matching ``pattern`` (fnmatch on the tag name), at the tagger's
        time for annotated tags and the commit's committer time for lightweight ones."""
        out: list[Deployment] = []
        for ref in self.repo.references:
            if not ref.startswith("refs/tags/"):
                continue
            name = ref[len("refs/tags/") :]
            if not fnmatch.fnmatchcase(name, pattern):
                continue
            obj = self.repo[self.repo.lookup_reference(ref).target]
            when: datetime | None = None
            if isinstance(obj, pygit2.Tag) and obj.tagger is not None:
                when = _when(obj.tagger.time, obj.tagger.offset)
            try:
                target = obj.peel(pygit2.Commit)
            except (ValueError, pygit2.GitError):
                continue  # a tag of a tree or blob is no deploy
            if when is None:
                when = _when(target.commit_time, target.commit_time_offset)
            out.append(Deployment(time=when, commit=str(target.id), id=name, where=f"tag {name}"))
        if not out:
            raise MaturityError(f"--deploy-tags {pattern}: no tag matches in {self.path}")
        return out

    def branch_deploys(self, name: str) -> list[Deployment]:
        """Each first-parent commit of branch ``name`` is a deploy, at its committer time."""
        if name != self.branch:
            raise MaturityError(
                f"--deploy-branch {name}: lead time follows --branch {self.branch};"
                f" give --branch {name} too (or leave --branch out)"
            )
        ml = self.mainline()
        return [
            Deployment(
                time=datetime.fromtimestamp(t, UTC), commit=h, id=h[:12], where=f"{name}@{h[:12]}"
            )
            for h, t in zip(ml.ids, ml.times, strict=True)
        ]

    @staticmethod
    def reverted(message: str) -> list[str]:
        """Commit ids a ``git revert`` message names ("This reverts commit <id>.")."""
        return [m.lower() for m in _REVERT.findall(message)]
