"""Forward-only schema migrations, applied in order, one list for every backend.

SQLite records the last one applied in ``PRAGMA user_version``, PostgreSQL in the table
``maturity_schema``; the numbers are the same. Each migration is written once in the SQL both
speak; :func:`statements` adapts the few SQLite-only words for PostgreSQL mechanically
(``WITHOUT ROWID``, ``REAL``, byte-wise text order) and :data:`POSTGRES_ONLY` adds what
PostgreSQL needs besides (an insertion-order column where SQLite has ``rowid``).

Never edit a migration that has shipped: add a new one. A store whose version is newer than
``SCHEMA_VERSION`` was written by a newer maturity and is refused untouched.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: assessments, their answers, and the questionnaire snapshot each was taken with.
    """
    CREATE TABLE questionnaires (
        id TEXT NOT NULL,
        version TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (id, version)
    );
    CREATE TABLE assessments (
        id TEXT PRIMARY KEY,
        team TEXT NOT NULL,
        team_key TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        facilitator TEXT,
        participants TEXT NOT NULL DEFAULT '[]',
        questionnaire_id TEXT NOT NULL,
        questionnaire_version TEXT NOT NULL,
        language TEXT NOT NULL,
        status TEXT NOT NULL,
        dora TEXT NOT NULL DEFAULT '{}',
        answered INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL DEFAULT 0,
        level INTEGER,
        score REAL,
        FOREIGN KEY (questionnaire_id, questionnaire_version)
            REFERENCES questionnaires (id, version)
    );
    CREATE INDEX assessments_by_team ON assessments (team_key, created);
    CREATE INDEX assessments_by_created ON assessments (created);
    CREATE TABLE answers (
        assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        level INTEGER CHECK (level IS NULL OR level BETWEEN 1 AND 5),
        note TEXT NOT NULL DEFAULT '',
        votes TEXT NOT NULL DEFAULT '{}',
        updated TEXT,
        PRIMARY KEY (assessment_id, question_id)
    ) WITHOUT ROWID;
    """,
    # 2: a log of what happened to an assessment (completed, reopened, team renamed, ...).
    """
    CREATE TABLE events (
        assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX events_by_assessment ON events (assessment_id, at);
    """,
    # 3: team mode. Anonymous assessments; the facilitator's session (current question and the
    # questions already revealed); live votes, one row per voter and question, moved into
    # answers.votes when the team records its answer. In anonymous mode ``voter`` is a per-
    # question token only the participant's process can recompute (see maturity.voting).
    """
    ALTER TABLE assessments ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE sessions (
        assessment_id TEXT PRIMARY KEY REFERENCES assessments (id) ON DELETE CASCADE,
        current_question TEXT,
        revealed TEXT NOT NULL DEFAULT '[]',
        updated TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE votes (
        assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        voter TEXT NOT NULL,
        level INTEGER CHECK (level IS NULL OR level BETWEEN 1 AND 5),
        PRIMARY KEY (assessment_id, question_id, voter)
    ) WITHOUT ROWID;
    """,
    # 4: retro-ready team mode. ``mode`` keeps whether the assessment is run as a team vote;
    # ``recorded`` lists the questions whose team answer was recorded in this session (so a
    # reveal on a question answered earlier is not mistaken for a decision); ``heartbeat`` is
    # when the facilitator's app last said it is there; ``presence`` has one row per joined
    # participant and when it was last seen (a joined participant's vote is theirs alone).
    """
    ALTER TABLE assessments ADD COLUMN mode TEXT NOT NULL DEFAULT 'solo';
    ALTER TABLE sessions ADD COLUMN recorded TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE sessions ADD COLUMN heartbeat TEXT;
    CREATE TABLE presence (
        assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        voter TEXT NOT NULL,
        seen TEXT NOT NULL,
        PRIMARY KEY (assessment_id, voter)
    ) WITHOUT ROWID;
    """,
    # 5: measured DORA metrics (maturity dora measure --into ID), kept beside the self-reported
    # inputs: one JSON document (maturity/measurement@1, with its provenance) per assessment.
    """
    CREATE TABLE IF NOT EXISTS measurements (
        assessment_id TEXT PRIMARY KEY REFERENCES assessments (id) ON DELETE CASCADE,
        body TEXT NOT NULL,
        updated TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 6: the plan. Per dimension a target level and date; actions (owner, due date, status,
    # why dropped, notes) in the order they were added. ``carried_from``/``carried_to`` link
    # an action to its copy in the next assessment (the follow-through review of new --from).
    # Self-contained: only creates tables of its own.
    """
    CREATE TABLE targets (
        assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        dimension TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        target_date TEXT NOT NULL,
        PRIMARY KEY (assessment_id, dimension)
    );
    CREATE TABLE actions (
        id TEXT PRIMARY KEY,
        assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        practice TEXT,
        owner TEXT,
        due TEXT,
        status TEXT NOT NULL CHECK (status IN ('todo', 'doing', 'done', 'dropped')),
        reason TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        done_at TEXT,
        carried_from TEXT,
        carried_to TEXT
    );
    CREATE INDEX actions_by_assessment ON actions (assessment_id, position);
    """,
    # 7: stored results for the quick read path (maturity.store.fastread): SQLite only, see
    # SQLITE_ONLY[7]. On PostgreSQL nothing changes (commands there take the normal path).
    "",
]

SCHEMA_VERSION = len(MIGRATIONS)

# The tables whose rows belong to an assessment and change what its results say. A change to
# any of them (or to the assessment's row) gives the assessment a new revision.
_REVISED_BY = ("answers", "events", "measurements", "targets", "actions")
_NEXT_REVISION = (
    "UPDATE revision_counter SET n = n + 1;"
    " UPDATE assessments SET revision = (SELECT n FROM revision_counter) WHERE id = {row}.{key};"
)


def _revision_triggers() -> list[str]:
    """Triggers that keep ``assessments.revision`` current whatever writes the rows.

    Revisions come from one store-wide counter, so they never repeat: an assessment deleted
    and imported again (``import --replace``) gets a revision it never had, and the counter
    itself says whether anything in the store changed. Written as triggers (not in each store
    method) so that no write path, present or future, can forget to bump it."""
    out = []
    for table in _REVISED_BY:
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            body = _NEXT_REVISION.format(row=row, key="assessment_id")
            out.append(
                f"CREATE TRIGGER {table}_{event.lower()}_revises AFTER {event} ON {table}"
                f" BEGIN {body} END"
            )
    own = _NEXT_REVISION.format(row="NEW", key="id")
    out.append(
        f"CREATE TRIGGER assessments_insert_revises AFTER INSERT ON assessments BEGIN {own} END"
    )
    # The WHEN clause: the trigger's own UPDATE (and a child table's) changes the revision
    # and so does not count again.
    out.append(
        "CREATE TRIGGER assessments_update_revises AFTER UPDATE ON assessments"
        f" WHEN NEW.revision = OLD.revision BEGIN {own} END"
    )
    out.append(
        "CREATE TRIGGER assessments_delete_revises AFTER DELETE ON assessments"
        " BEGIN UPDATE revision_counter SET n = n + 1; END"
    )
    return out


SQLITE_ONLY: dict[int, list[str]] = {
    # 7: every assessment has a revision (see _revision_triggers); results_cache keeps what a
    # read-only command printed (zlib-compressed UTF-8) under a stamp (app version, revision,
    # valid until), so the next identical command can print it without loading the models. A
    # missing or stale entry is recomputed by the normal path and written again; deleting an
    # assessment deletes its entries.
    7: [
        "ALTER TABLE assessments ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
        "CREATE TABLE revision_counter (one INTEGER PRIMARY KEY CHECK (one = 1),"
        " n INTEGER NOT NULL)",
        "INSERT INTO revision_counter (one, n) VALUES (1, 0)",
        "CREATE TABLE results_cache (key TEXT PRIMARY KEY,"
        " assessment_id TEXT REFERENCES assessments (id) ON DELETE CASCADE,"
        " stamp TEXT NOT NULL, valid_until TEXT NOT NULL, body BLOB NOT NULL)",
        "CREATE INDEX results_cache_by_assessment ON results_cache (assessment_id)",
        *_revision_triggers(),
    ],
}

POSTGRES_ONLY: dict[int, list[str]] = {
    # events keep their insertion order (SQLite: rowid) for events with the same time.
    2: ["ALTER TABLE events ADD COLUMN seq BIGSERIAL"],
    # targets keep the order they were set in (SQLite: rowid).
    6: ["ALTER TABLE targets ADD COLUMN seq BIGSERIAL"],
}


def _postgres(statement: str) -> str:
    """SQLite DDL as PostgreSQL: text compares byte-wise as in SQLite (ids, team keys and
    times sort the same on both), REAL is a double, WITHOUT ROWID has no meaning."""
    import re  # here, not at the top: the quick read path imports this module for its version

    s = statement.replace("WITHOUT ROWID", "")
    s = re.sub(r"\bREAL\b", "DOUBLE PRECISION", s)
    s = re.sub(r"\bINTEGER PRIMARY KEY AUTOINCREMENT\b", "BIGSERIAL PRIMARY KEY", s)
    return re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', s)


def statements(number: int, dialect: str) -> list[str]:
    """The statements of migration ``number`` (1-based) for ``dialect`` (sqlite, postgresql)."""
    plain = [s.strip() for s in MIGRATIONS[number - 1].split(";") if s.strip()]
    if dialect == "sqlite":
        return plain + SQLITE_ONLY.get(number, [])
    return [_postgres(s) for s in plain] + POSTGRES_ONLY.get(number, [])


def describe(number: int, dialect: str = "sqlite") -> str:
    """One line saying what migration ``number`` does on ``dialect``, from its statements."""
    import re

    parts = []
    triggers = 0
    for s in statements(number, dialect):
        words = re.sub(r"--[^\n]*|\bIF NOT EXISTS\b", "", s).split()
        if not words:
            continue
        if words[:2] == ["CREATE", "TABLE"]:
            parts.append(f"create table {words[2]}")
        elif words[:2] == ["CREATE", "INDEX"]:
            parts.append(f"index {words[2]}")
        elif words[:2] == ["ALTER", "TABLE"] and words[3:5] == ["ADD", "COLUMN"]:
            parts.append(f"add column {words[2]}.{words[5]}")
        elif words[:2] == ["CREATE", "TRIGGER"]:
            triggers += 1
        else:
            parts.append(" ".join(words[:3]).lower())
    if triggers:
        parts.append(f"{triggers} triggers keeping assessments.revision current")
    return ", ".join(parts) or "(nothing on this backend)"
