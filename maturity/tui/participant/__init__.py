"""The participant's app: ``maturity join ID --as NAME``, and what ``maturity serve`` serves.

It follows the facilitator: every :data:`POLL_S` seconds it reads the session's current
question from the store (on the store thread, like every store call in the TUI) and shows it.
The participant votes 1-5 or 0 ("not sure") and may change or withdraw the vote until the
facilitator reveals the question. Before the reveal the store hands this app only the count of
votes and its own vote, so nothing on this screen can show what others voted.

In an anonymous assessment the app votes under per-question tokens derived from a secret that
lives only in this process (:class:`maturity.voting.Voter`); the name, if typed, never leaves
it. A consequence, documented in docs/team-mode.md: after restarting the app, a participant
cannot change a vote cast before the restart (it still counts; the facilitator can ``x`` to
let the team vote again).

The package: :mod:`.join` (pick a session and a name), :mod:`.vote` (follow and vote),
:mod:`.help` (the participant's keys), :mod:`.app` (the app and ``run_participant``); the
screens' styles are in ``participant.tcss``.
"""

from maturity.tui.participant.app import ParticipantApp, run_participant
from maturity.tui.participant.join import JoinScreen
from maturity.tui.participant.vote import VoteScreen

__all__ = ["JoinScreen", "ParticipantApp", "VoteScreen", "run_participant"]
