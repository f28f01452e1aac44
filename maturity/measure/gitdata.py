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
    boundary: int  # 1 when the oldest commit's parent is missing (a shallow clone's edge)


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

    # -- the mainline -----------------------------------------------------------------------

    def mainline(self) -> Mainline:
        """The first-parent chain, read once (one libgit2 walk, no per-commit lookups)."""
        if self._mainline is None:
            ids: list[str] = []
            times: list[int] = []
            change_times: list[int] = []
            merges: set[int] = set()
            reverted: dict[int, list[str]] = {}
            walker = self.repo.walk(self.tip, SortMode.NONE)
            walker.simplify_first_parent()
            last: pygit2.Commit | None = None
            author = self.commit_time == "author"
            reverts = self.want_reverts
            for n, commit in enumerate(walker):
                ids.append(str(commit.id))
                t = commit.commit_time
                times.append(t)
                change_times.append(commit.author.time if author else t)
                if len(commit.parent_ids) > 1:
                    merges.add(n)
                if reverts:
                    msg = commit.message
                    if "This reverts commit" in msg:
                        reverted[n] = self.reverted(msg)
                last = commit
            boundary = 0
            if last is not None and last.parent_ids and self._missing(last.parent_ids[0]):
                boundary = 1
            if self.repo.is_shallow:  # libgit2 hides grafted parents: ask the shallow file
                shallow = Path(self.repo.path) / "shallow"
                with contextlib.suppress(OSError):
                    boundary = len(shallow.read_text().split())
            top = len(ids) - 1
            ids.reverse()
            times.reverse()
            change_times.reverse()
            self._mainline = Mainline(
                ids=ids,
                times=times,
                change_times=change_times,
                merges={top - n for n in merges},
                reverted={top - n: v for n, v in reverted.items()},
                index={h: i for i, h in enumerate(ids)},
                boundary=boundary,
            )
        return self._mainline

    def _missing(self, oid: pygit2.Oid) -> bool:
        try:
            return self.repo.get(oid) is None
        except (KeyError, ValueError):
            return True

    def merged_at(self, k: int) -> list[Change]:
        """The commits a merge at mainline position ``k`` brings in: reachable from its other
        parents and not from its first parent (so commits merged earlier are not repeated)."""
        commit = self.repo[self.mainline().ids[k]].peel(pygit2.Commit)
        walker = self.repo.walk(commit.parent_ids[1], SortMode.NONE)
        for extra in commit.parent_ids[2:]:
            walker.push(extra)
        walker.hide(commit.parent_ids[0])
        out: list[Change] = []
        for c in walker:
            parent_time: int | None = None
            if c.parent_ids:
                try:
                    parent_time = c.parents[0].commit_time
                except (KeyError, ValueError, pygit2.GitError):
                    parent_time = None  # a shallow clone's edge
            msg = c.message if self.want_reverts else ""
            out.append(
                Change(
                    id=str(c.id),
                    time=c.author.time if self.commit_time == "author" else c.commit_time,
                    parent_time=parent_time,
                    committed=c.commit_time,
                    merge=len(c.parent_ids) > 1,
                    reverts=self.reverted(msg) if "This reverts commit" in msg else [],
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
