"""Forward-only schema migrations, applied in order; ``PRAGMA user_version`` records the last.

Never edit a migration that has shipped: add a new one. A store whose user_version is newer
than ``SCHEMA_VERSION`` was written by a newer maturity and is refused untouched.
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
]

SCHEMA_VERSION = len(MIGRATIONS)
