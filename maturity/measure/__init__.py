"""Measured DORA metrics from a team's own git history, deployment and incident records.

Pure core (pydantic + pygit2, no UI): :mod:`.compute` runs a measurement, :mod:`.assess` puts
it next to the self-reported answers, :mod:`.text` renders it for the command line. This
package's ``__init__`` imports nothing, so the assessment model can use :mod:`.model` without
loading libgit2.
"""
