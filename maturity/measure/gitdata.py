"""Reading a git repository with pygit2 (libgit2): no git binary needed, bare or working clone.

The history is read in one libgit2 walk from the branch tip and every deployed commit. A deploy
of commit X contains X and all its ancestors; taking the deploys in time order and handing each
the ancestors no earlier deploy shipped gives every commit its *first* deploy. On a branch whose
deploys are first-parent commits this is first-parent reachability (a deploy of mainline commit
k ships everything that entered the mainline at k or before, merged branches included); it
also stays right for rollbacks (an older commit redeployed ships nothing new), for release
tags on a side branch, and for merge, squash and rebase workflows alike.
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
    index: dict[str, int]
    boundary: int  # commits whose parents are missing (a shallow clone's edge)


Change = tuple[pygit2.Oid, int, bool, bool, list[str]]
"""A shipped commit: (id, change time, committed before its first parent?, merge?, the ids its
message says it reverts). A tuple, not an object: a deploy can ship tens of thousands."""


@dataclass
class GitRepo:
    path: Path
    repo: pygit2.Repository
    branch: str
    tip: str
    shallow: bool
    commit_time: CommitTime = "author"
    want_reverts: bool = False
    truncated: bool = False  # the walk stopped at commits shipped before the window
    _mainline: Mainline | None = field(default=None, repr=False)
    _info: dict[pygit2.Oid, tuple[list[pygit2.Oid], int, int]] = field(
        default_factory=dict, repr=False
    )  # commit -> (parents, committer time, change time); keyed by Oid: no hex conversions
    _reverted: dict[pygit2.Oid, list[str]] = field(default_factory=dict, repr=False)
    _shipped: set[pygit2.Oid] = field(default_factory=set, repr=False)

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
            raise _repo_error(f"--repo {path}: no such folder", "measure.repo_missing", path)
        if not path.is_dir():
            raise _repo_error(
                f"--repo {path}: not a folder (give the repository's folder)",
                "measure.repo_not_folder",
                path,
            )
        if not os.access(path, os.R_OK | os.X_OK):
            raise _repo_error(f"--repo {path}: permission denied", "measure.repo_permission", path)
        found = pygit2.discover_repository(str(path))
        if found is None:
            raise _repo_error(f"--repo {path}: not a git repository", "measure.repo_not_git", path)
        try:
            repo = pygit2.Repository(found)
        except pygit2.GitError as exc:
            raise MaturityError(
                f"--repo {path}: cannot read the repository ({exc})",
                code="measure.repo_unreadable",
                params={"path": path, "detail": exc},
            ) from None
        if repo.is_empty:
            raise _repo_error(
                f"--repo {path}: the repository has no commits yet", "measure.repo_empty", path
            )
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
                raise _repo_error(
                    f"--repo {path}: HEAD names a branch with no commits",
                    "measure.repo_unborn",
                    path,
                )
            head = repo.head
            name = head.shorthand if not repo.head_is_detached else "HEAD"
            return name, str(head.peel(pygit2.Commit).id)
        for ref in (f"refs/heads/{branch}", f"refs/remotes/origin/{branch}", branch):
            try:
                obj = repo.lookup_reference(ref).peel(pygit2.Commit)
            except (KeyError, ValueError, pygit2.InvalidSpecError, pygit2.GitError):
                continue
            return branch, str(obj.id)
        raise MaturityError(
            f"--branch {branch}: no such branch in {path}",
            code="measure.branch_missing",
            params={"branch": branch, "path": path},
        )

    # -- the history ------------------------------------------------------------------------

    def load(self, deployed: list[str] | None = None, shipped: list[str] | None = None) -> None:
        """Read every commit reachable from the branch tip and from ``deployed`` but not from
        ``shipped`` (full ids), once: a later call keeps the first reading.

        ``shipped`` are the commits of deploys before the window: everything they reach
        shipped before it, so the walk stops there and a 90-day window over ten years of
        history reads about 90 days of commits."""
        if self._info:
            return
        self.truncated = bool(shipped)
        author = self.commit_time == "author"
        reverts = self.want_reverts
        info = self._info
        walker = self.repo.walk(self.tip, SortMode.NONE)
        for h in set(deployed or ()):
            walker.push(h)
        for h in set(shipped or ()):
            walker.hide(h)
        for c in walker:
            t = c.commit_time
            info[c.id] = (c.parent_ids, t, c.author.time if author else t)
            if reverts:
                msg = c.message
                if "This reverts commit" in msg:
                    self._reverted[c.id] = self.reverted(msg)

    def mainline(self) -> Mainline:
        """The branch's first-parent chain (for --deploy-branch and for reporting)."""
        if self._mainline is None:
            self.load()
            info = self._info
            chain: list[pygit2.Oid] = []
            boundary = 0
            cur: pygit2.Oid | None = pygit2.Oid(hex=self.tip)
            while cur is not None:
                chain.append(cur)
                ps = info[cur][0]
                if ps and ps[0] not in info and not self.truncated:
                    boundary += 1  # a shallow clone's edge: the parent is not here
                cur = ps[0] if ps and ps[0] in info else None
            chain.reverse()
            if self.repo.is_shallow:  # libgit2 hides grafted parents: ask the shallow file
                with contextlib.suppress(OSError):
                    boundary = len((Path(self.repo.path) / "shallow").read_text().split())
            ids = [str(h) for h in chain]
            self._mainline = Mainline(
                ids=ids,
                times=[info[h][1] for h in chain],
                index={h: i for i, h in enumerate(ids)},
                boundary=boundary,
            )
        return self._mainline

    def ship(self, commit: str) -> list[Change]:
        """The commits a deploy of ``commit`` ships that no earlier call shipped: its ancestors
        not yet shipped (call in deploy-time order). Empty for a commit already shipped."""
        info, shipped, reverted = self._info, self._shipped, self._reverted
        start = pygit2.Oid(hex=commit)
        if start in shipped or start not in info:
            return []
        out: list[Change] = []
        stack = [start]
        shipped.add(start)
        pop, push, add = stack.pop, stack.append, shipped.add
        no_reverts: list[str] = []
        while stack:
            x = pop()
            ps, committed, when = info[x]
            parent = info.get(ps[0]) if ps else None
            out.append(
                (
                    x,
                    when,
                    parent is not None and committed < parent[1],
                    len(ps) > 1,
                    reverted.get(x, no_reverts) if reverted else no_reverts,
                )
            )
            for p in ps:
                if p not in shipped and p in info:
                    add(p)
                    push(p)
        return out

    def known(self, commit: str) -> bool:
        """Whether the walk read ``commit`` (False for commits shipped before the window)."""
        return pygit2.Oid(hex=commit) in self._info

    @staticmethod
    def oid(commit: str) -> pygit2.Oid:
        return pygit2.Oid(hex=commit)

    # -- names ------------------------------------------------------------------------------

    def resolve(self, commit: str) -> str | None:
        """The full id of a (possibly abbreviated) commit id, or None if the repository lacks it."""
        text = commit.strip().lower()
        if not re.fullmatch(r"[0-9a-f]{4,40}", text):
            return None
        if len(text) == 40:
            return text if pygit2.Oid(hex=text) in self.repo else None
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
            raise MaturityError(
                f"--deploy-tags {pattern}: no tag matches in {self.path}",
                code="measure.tags_none",
                params={"pattern": pattern, "path": self.path},
            )
        return out

    def branch_deploys(self, name: str) -> list[Deployment]:
        """Each first-parent commit of branch ``name`` is a deploy, at its committer time."""
        if name != self.branch:
            raise MaturityError(
                f"--deploy-branch {name}: lead time follows --branch {self.branch};"
                f" give --branch {name} too (or leave --branch out)",
                code="measure.branch_mismatch",
                params={"name": name, "branch": self.branch},
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


def _repo_error(message: str, code: str, path: Path) -> MaturityError:
    """A repository problem: the command line names ``--repo``, a screen its folder field."""
    return MaturityError(message, code=code, params={"path": path})
