"""Deployment and incident records from files a team already has.

Formats (detected from the content, documented with examples in docs/measurement.md):

* deployments CSV: ``time, commit, environment, status`` and optional ``id``, ``unplanned``;
* GitHub: the JSON of ``gh api repos/OWNER/REPO/deployments`` together with the statuses of
  each (``.../deployments/ID/statuses``), concatenated in one file or embedded as ``statuses``;
* GitLab: the JSON of ``GET /projects/:id/deployments``;
* incidents CSV: ``opened, resolved, severity, caused_by`` and optional ``id``;
* PagerDuty's incidents CSV export (a header with ``incident_number``).

Every problem names the file, the line (or JSON item) and the column; nothing is guessed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from maturity.errors import MaturityError
from maturity.measure import location
from maturity.measure.location import Location
from maturity.measure.model import Deployment, Incident
from maturity.measure.timeparse import TimeReader
from maturity.yamlio import read_bytes

MAX_BYTES = 64 * 1024 * 1024
"""Largest records file read (64 MiB, about a million CSV rows); a bigger one is refused
before a byte is read, so a mistaken 2 GB log cannot exhaust memory."""

SUCCESS = {"success", "succeeded", "successful", "ok", "deployed", "done", "passed"}
NOT_SUCCESS = {
    "failed", "failure", "error", "errored", "cancelled", "canceled", "aborted", "rolled_back",
    "rollback", "pending", "queued", "in_progress", "running", "created", "blocked", "skipped",
    "inactive",
}  # fmt: skip
TRUE = {"true", "yes", "y", "1", "unplanned", "x"}
FALSE = {"false", "no", "n", "0", "planned", ""}
DEPLOY_COLUMNS = ("time", "commit", "environment", "status")
INCIDENT_COLUMNS = ("opened", "resolved", "severity", "caused_by")
_ROOT_CAUSE = re.compile(r"root cause:\s*([0-9a-fA-F]{7,40})")


@dataclass
class Records:
    """What one file gave, with the format recognised (for the provenance)."""

    deployments: list[Deployment]
    incidents: list[Incident]
    format: str
    naive_times: int


def read_text(path: Path, flag: str) -> str:
    """The file as text, refused clearly when missing, unreadable, binary or too big.

    The command line's message names the flag; the code's params name only the file (a
    screen's form has a field, not a flag)."""
    name = f"{flag} {path}"

    def refused(message: str, code: str, **params: object) -> MaturityError:
        return MaturityError(f"{name}: {message}", code=code, params={"name": path, **params})

    if not path.exists():
        raise refused("no such file", "file.missing")
    if path.is_dir():
        raise refused("is a folder, expected a file", "file.is_folder")
    if not os.access(path, os.R_OK):
        raise refused("permission denied", "file.permission")
    size = path.stat().st_size
    if size > MAX_BYTES:
        mib, most = f"{size / 1024**2:,.0f}", MAX_BYTES // 1024**2
        raise refused(
            f"{mib} MiB is larger than the {most} MiB this command reads; filter the records to"
            " the window first",
            "measure.file_too_large",
            size=mib,
            max=most,
        )
    # FIFOs and devices are refused by the one reader of user files (their st_size is 0, so
    # they would otherwise read as "empty", or hang); the size cap is enforced by reading.
    data = read_bytes(path, MAX_BYTES, label=name)
    if not data:
        raise refused("the file is empty", "measure.file_empty")
    if b"\x00" in data[:8192]:
        raise refused("a binary file, expected CSV or JSON text", "measure.file_binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise refused(
            f"not UTF-8 text (byte {exc.start})", "measure.file_not_utf8", byte=exc.start
        ) from None


# --- CSV -----------------------------------------------------------------------------------


def _norm_key(key: str) -> str:
    return re.sub(r"[\s\-]+", "_", key.strip().lower())


def _csv_rows(text: str, label: str) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [_norm_key(h) for h in next(reader)]
    except StopIteration:
        raise MaturityError(code="records.empty", params={"file": label}) from None
    except csv.Error as exc:
        raise _csv_problem(location.line(label, 1), exc) from None
    dup = sorted({h for h in header if header.count(h) > 1 and h})
    if dup:
        raise MaturityError(
            code="records.column_twice",
            params={"where": location.line(label, 1), "column": dup[0]},
        )

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        try:
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                line = reader.line_num
                if len(row) > len(header):
                    raise MaturityError(
                        code="records.too_many_fields",
                        params={
                            "where": location.line(label, line),
                            "count": len(row),
                            "header": len(header),
                        },
                    )
                cells = {
                    h: (row[i].strip() if i < len(row) else None) for i, h in enumerate(header)
                }
                yield line, {k: v for k, v in cells.items() if v is not None}
        except csv.Error as exc:
            raise _csv_problem(location.line(label, reader.line_num), exc) from None

    return header, rows()


def _csv_problem(where: Location, exc: csv.Error) -> MaturityError:
    """The csv module's own words for a malformed line (in English: they are Python's)."""
    return MaturityError(code="records.csv", params={"where": where, "detail": str(exc)})


def _need(cells: dict[str, str], column: str, where: Location, *, allow_empty: bool = False) -> str:
    if column not in cells:
        raise MaturityError(code="records.row_short", params={"where": where, "column": column})
    value = cells[column]
    if not value and not allow_empty:
        raise MaturityError(code="records.column_empty", params={"where": where, "column": column})
    return value


def _check_header(header: list[str], required: tuple[str, ...], label: str, kind: str) -> None:
    missing = [c for c in required if c not in header]
    if missing:
        have = ", ".join(h for h in header if h) or location.word("records.nothing")
        raise MaturityError(
            code="records.header_missing",
            params={
                "where": location.line(label, 1),
                "column": missing[0],
                "kind": location.word(kind),
                "need": ", ".join(required),
                "have": have,
            },
        )


def _status(value: str, where: Location) -> bool:
    v = _norm_key(value)
    if v in SUCCESS:
        return True
    if v in NOT_SUCCESS:
        return False
    raise MaturityError(code="records.status", params={"where": where, "value": value[:30]})


def _flag(value: str, where: Location) -> bool:
    v = value.strip().lower()
    if v in TRUE:
        return True
    if v in FALSE:
        return False
    raise MaturityError(code="records.unplanned", params={"where": where, "value": value[:20]})


def _commit_cell(value: str, where: Location) -> str:
    v = value.strip().lower()
    if not re.fullmatch(r"[0-9a-f]{7,40}", v):
        raise MaturityError(code="records.commit", params={"where": where, "value": value[:45]})
    return v


def deployments_csv(text: str, label: str) -> Records:
    header, rows = _csv_rows(text, label)
    _check_header(header, DEPLOY_COLUMNS, label, "records.deployments")
    times = TimeReader(label)
    has_unplanned = "unplanned" in header
    out: list[Deployment] = []
    for line, cells in rows:
        where = location.line(label, line)
        when = times.parse(_need(cells, "time", where), where, "time")
        commit = _commit_cell(_need(cells, "commit", where), where)
        env = _need(cells, "environment", where)
        ok = _status(_need(cells, "status", where), where)
        unplanned = _flag(cells.get("unplanned", ""), where) if has_unplanned else None
        out.append(
            Deployment(
                time=when,
                commit=commit,
                environment=env,
                success=ok,
                id=cells.get("id", ""),
                unplanned=unplanned,
                where=str(where),
            )
        )
    return Records(out, [], "deployments CSV", times.naive)


def incidents_csv(text: str, label: str) -> Records:
    header, rows = _csv_rows(text, label)
    if "incident_number" in header:
        return _pagerduty_csv(header, rows, label)
    _check_header(header, INCIDENT_COLUMNS, label, "records.incidents")
    times = TimeReader(label)
    out: list[Incident] = []
    for line, cells in rows:
        where = location.line(label, line)
        opened = times.parse(_need(cells, "opened", where), where, "opened")
        resolved_text = _need(cells, "resolved", where, allow_empty=True)
        resolved = times.parse(resolved_text, where, "resolved") if resolved_text else None
        out.append(
            Incident(
                opened=opened,
                resolved=resolved,
                severity=_need(cells, "severity", where, allow_empty=True),
                caused_by=_need(cells, "caused_by", where, allow_empty=True).lower(),
                id=cells.get("id", ""),
                where=str(where),
            )
        )
    return Records([], out, "incidents CSV", times.naive)


def _pick(header: list[str], names: tuple[str, ...], label: str, what: str) -> str:
    for n in names:
        if n in header:
            return n
    raise MaturityError(
        code="records.pagerduty_column",
        params={"where": location.line(label, 1), "what": what, "names": ", ".join(names)},
    )


def _pagerduty_csv(
    header: list[str], rows: Iterator[tuple[int, dict[str, str]]], label: str
) -> Records:
    """PagerDuty's incidents CSV: created/resolved times, urgency; ``root cause: <sha>`` in the
    title or description links a commit (the convention dora-team/fourkeys uses)."""
    opened_col = _pick(header, ("created_on", "created_at", "created"), label, "created")
    resolved_col = _pick(header, ("resolved_on", "resolved_at", "resolved"), label, "resolved")
    text_cols = [c for c in ("title", "description", "summary") if c in header]
    times = TimeReader(label)
    out: list[Incident] = []
    for line, cells in rows:
        where = location.line(label, line)
        opened = times.parse(_need(cells, opened_col, where), where, opened_col)
        resolved_text = cells.get(resolved_col, "")
        cause = ""
        for col in text_cols:
            if m := _ROOT_CAUSE.search(cells.get(col, "")):
                cause = m.group(1).lower()
                break
        out.append(
            Incident(
                opened=opened,
                resolved=times.parse(resolved_text, where, resolved_col) if resolved_text else None,
                severity=cells.get("urgency", cells.get("priority", "")),
                caused_by=cause,
                id=cells.get("incident_number", ""),
                where=str(where),
            )
        )
    return Records([], out, "PagerDuty incidents CSV", times.naive)


# --- JSON ----------------------------------------------------------------------------------


def _json_values(text: str, label: str) -> list[Any]:
    """Every JSON value in the file: one document, or several one after another (what
    ``gh api --paginate`` and a shell loop over ``gh api`` write)."""
    decoder = json.JSONDecoder()
    out: list[Any] = []
    pos, end = 0, len(text)
    while True:
        while pos < end and text[pos].isspace():
            pos += 1
        if pos >= end:
            return out
        try:
            value, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise MaturityError(
                code="file.json_syntax",
                params={"name": label, "line": exc.lineno, "column": exc.colno, "detail": exc.msg},
            ) from None
        out.append(value)


def _items(values: list[Any]) -> list[Any]:
    items: list[Any] = []
    for v in values:
        items.extend(v if isinstance(v, list) else [v])
    return items


def _is_github_deploy(o: dict[str, Any]) -> bool:
    return "sha" in o and isinstance(o.get("environment"), str) and "state" not in o


def _is_github_status(o: dict[str, Any]) -> bool:
    return "state" in o and "deployment_url" in o


def _is_gitlab(o: dict[str, Any]) -> bool:
    return "iid" in o and "sha" in o and isinstance(o.get("environment"), dict)


def deployments_json(text: str, label: str) -> Records:
    items = _items(_json_values(text, label))
    times = TimeReader(label)
    for i, o in enumerate(items):
        if not isinstance(o, dict) or not (
            _is_github_deploy(o) or _is_github_status(o) or _is_gitlab(o)
        ):
            keys = ", ".join(list(o)[:6]) if isinstance(o, dict) else type(o).__name__
            raise MaturityError(
                code="records.json_kind",
                params={
                    "where": location.item(label, i + 1),
                    "keys": keys or location.word("records.empty_object"),
                },
            )
    gitlab = [o for o in items if _is_gitlab(o)]
    if gitlab and len(gitlab) != len(items):
        raise MaturityError(code="records.json_mixed", params={"file": label})
    if gitlab:
        return Records(_gitlab(gitlab, label, times), [], "GitLab deployments JSON", times.naive)
    return Records(_github(items, label, times), [], "GitHub deployments JSON", times.naive)


def _field(o: dict[str, Any], key: str, where: Location) -> Any:
    if key not in o or o[key] in (None, ""):
        raise MaturityError(code="records.field_missing", params={"where": where, "field": key})
    return o[key]


def _github(items: list[dict[str, Any]], label: str, times: TimeReader) -> list[Deployment]:
    """A deployment counts as successful at its first ``success`` status; statuses come embedded
    (``statuses: [...]``) or as separate objects linked by ``deployment_url``."""
    deploys = [(i, o) for i, o in enumerate(items) if _is_github_deploy(o)]
    linked: dict[str, list[dict[str, Any]]] = {}
    for o in items:
        if _is_github_status(o):
            key = str(o["deployment_url"]).rstrip("/").rsplit("/", 1)[-1]
            linked.setdefault(key, []).append(o)
    if deploys and not linked and not any("statuses" in o for _, o in deploys):
        raise MaturityError(code="records.github_no_statuses", params={"file": label})
    out: list[Deployment] = []
    for i, o in deploys:
        where = location.item(label, i + 1)
        did = str(_field(o, "id", where))
        statuses = list(o.get("statuses") or []) + linked.get(did, [])
        success_times = []
        for s in statuses:
            if not isinstance(s, dict) or "state" not in s:
                raise MaturityError(code="records.statuses_shape", params={"where": where})
            if s["state"] == "success":
                success_times.append(
                    times.parse(str(_field(s, "created_at", where)), where, "created_at")
                )
        created = times.parse(str(_field(o, "created_at", where)), where, "created_at")
        out.append(
            Deployment(
                time=min(success_times) if success_times else created,
                commit=_commit_cell(str(_field(o, "sha", where)), where),
                environment=str(o["environment"]),
                success=bool(success_times),
                id=did,
                where=str(where),
            )
        )
    return out


def _gitlab(items: list[dict[str, Any]], label: str, times: TimeReader) -> list[Deployment]:
    out: list[Deployment] = []
    for i, o in enumerate(items):
        where = location.item(label, i + 1)
        env = o["environment"].get("name")
        if not env:
            raise MaturityError(
                code="records.field_missing", params={"where": where, "field": "environment.name"}
            )
        status = str(_field(o, "status", where))
        deployable = o.get("deployable") if isinstance(o.get("deployable"), dict) else {}
        stamp = (
            o.get("finished_at")
            or (deployable or {}).get("finished_at")
            or o.get("updated_at")
            or (o.get("created_at") if status != "success" else None)
        )
        if not stamp:
            raise MaturityError(code="records.finished_missing", params={"where": where})
        out.append(
            Deployment(
                time=times.parse(str(stamp), where, "finished_at"),
                commit=_commit_cell(str(_field(o, "sha", where)), where),
                environment=str(env),
                success=status == "success",
                id=str(_field(o, "id", where)),
                where=str(where),
            )
        )
    return out


def read_deployments(path: Path) -> Records:
    text = read_text(path, "--deployments")
    label = path.name
    if text.lstrip()[:1] in ("[", "{"):
        return deployments_json(text, label)
    return deployments_csv(text, label)


def read_incidents(path: Path) -> Records:
    text = read_text(path, "--incidents")
    if text.lstrip()[:1] in ("[", "{"):
        raise MaturityError(
            f"--incidents {path.name}: JSON is not read for incidents; give the incidents CSV"
            " or PagerDuty's incidents CSV export",
            code="measure.incidents_json",
            params={"name": path.name},
        )
    return incidents_csv(text, path.name)


def window_filter(when: datetime, start: datetime, end: datetime) -> bool:
    return start <= when < end
