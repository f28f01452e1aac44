"""Fuzz the parsers of user input with hypothesis, for a bounded time, and print what broke.

Targets (each gets the same share of ``--seconds``):

* ``answers``        answers files (``maturity new --answers``): structured YAML built from
                     the real keys and question ids, and raw YAML text;
* ``questionnaire``  questionnaire files: the test questionnaire with one part replaced by
                     arbitrary YAML values, and raw YAML text;
* ``interchange``    bundle and assessment JSON through the real ``maturity import`` (in
                     process), then ``list``, ``export --all`` and ``portfolio`` of the store;
* ``dora``           DORA inputs: arbitrary text and number-like text for every metric.

A finding is anything other than :class:`maturity.errors.MaturityError` escaping (what the
command line would show as a traceback), or a single input taking longer than
``--slow`` seconds. Each is printed once with hypothesis' shrunk example. Exit code: 0 when
nothing was found, 1 otherwise. Nothing is timed as a pass/fail criterion beyond that.

Usage: uv run python benchmarks/fuzz_parsers.py [--seconds 120] [--target NAME ...]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from maturity import dora
from maturity import questionnaire as qmod
from maturity.answers_file import load_answers
from maturity.cli import main as main_cli
from maturity.errors import MaturityError

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "data" / "mini.yaml"
CALMS = qmod.builtin("calms")
QIDS = CALMS.questionnaire.question_ids()

# -- strategies ---------------------------------------------------------------------------------

hostile_text = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.sampled_from(
        [
            "", " ", "\x00", "\u202e", "\x1b[31m", "[/]", "[@click=app.quit]", "~", "~nouser/x",
            "*a", "&a", "? x", "0", "-1", "1e309", "9" * 400, "NaN", "inf", "²", "٣", "1.0.0\n",
            "/dev/zero", "null", "true", "{}", "[]", "3/day", "2d", "12%", "1d 4h", "qc:3",
        ]
    ),
)  # fmt: skip
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    hostile_text,
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner, max_size=4),
    max_leaves=12,
)


def _dump_yaml(data: Any) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        return json.dumps(data, default=str)  # JSON is YAML too


answers_docs = st.fixed_dictionaries(
    {},
    optional={
        "team": values,
        "questionnaire": st.one_of(st.just("calms"), st.just("quick"), values),
        "facilitator": values,
        "participants": values,
        "language": st.one_of(st.sampled_from(["en", "ko"]), values),
        "answers": st.one_of(
            st.dictionaries(
                st.sampled_from(QIDS) | hostile_text,
                st.one_of(
                    st.integers(min_value=-2, max_value=7),
                    st.fixed_dictionaries({}, optional={"level": values, "note": values}),
                    values,
                ),
                max_size=5,
            ),
            values,
        ),
        "dora": st.one_of(
            st.dictionaries(st.sampled_from(list(dora.ALL_METRICS)) | hostile_text, values),
            values,
        ),
        "benchmark": values,
        "unknown": values,
    },
)


def _stamp() -> st.SearchStrategy[Any]:
    return st.one_of(st.just("2026-01-31T09:00:00.000Z"), values)


assessment_docs = st.fixed_dictionaries(
    {
        "schema": st.just("maturity/assessment@1"),
        "id": st.one_of(st.from_regex(r"\A[0-9a-f]{12}\Z"), values),
        "team": st.one_of(st.just("Payments"), values),
        "created": _stamp(),
        "updated": _stamp(),
        "questionnaire": st.one_of(
            st.just({"id": "calms", "version": CALMS.version}),
            st.fixed_dictionaries({"id": values, "version": values}),
            values,
        ),
    },
    optional={
        "facilitator": values,
        "participants": values,
        "anonymous": values,
        "language": values,
        "status": values,
        "answers": st.one_of(
            st.dictionaries(
                st.sampled_from(QIDS),
                st.fixed_dictionaries(
                    {"level": st.one_of(st.integers(-1, 6), values)},
                    optional={"note": values, "votes": values, "updated": _stamp()},
                ),
                max_size=4,
            ),
            values,
        ),
        "dora": st.one_of(st.dictionaries(st.sampled_from(list(dora.ALL_METRICS)), values), values),
        "events": values,
        "questionnaire_snapshot": values,
    },
)

bundle_docs = st.fixed_dictionaries(
    {"schema": st.just("maturity/bundle@1")},
    optional={
        "exported": values,
        "questionnaires": st.one_of(
            st.lists(
                st.fixed_dictionaries(
                    {"id": values, "version": values, "body": st.one_of(values, st.just({}))}
                ),
                max_size=2,
            ),
            values,
        ),
        "assessments": st.one_of(st.lists(assessment_docs, max_size=3), values),
        "extra": values,
    },
)

YAML_BITS = [
    "? [a, b]\n: 1", "? {a: 1}\n: 2", "&a [1, 2]", "*a", "&b {x: 1}", "<<: *b", "!!binary aGk=",
    "!!python/object:os.system {}", "!!timestamp 2026-01-01", "!!float .nan", "!!int '9'",
    "[" * 60 + "]" * 60, "{a: 1, a: 2}", "9" * 5000, "0x" + "f" * 40, "1e400", "-.inf", ".nan",
    "'unterminated", '"\\x00"', "\t\ttab", "%YAML 1.1", "---", "...", "|\n  block",
    ">-\n  folded", "- - - -", ": :", "? ", "~", "null", "0o777", "1_000", "2026-13-45",
]  # fmt: skip
yaml_text = st.lists(
    st.one_of(st.sampled_from(YAML_BITS), st.text(max_size=20)), min_size=1, max_size=8
).map(lambda parts: "\n".join(parts))
yaml_values = st.builds(
    lambda key, bit: f"{key}: {bit}",
    st.sampled_from(["team", "facilitator", "participants", "answers", "dora", "benchmark"]),
    st.sampled_from(YAML_BITS),
)

raw_json = st.one_of(
    st.text(max_size=300),
    st.builds(
        lambda a, b, c: a + b + c,
        st.sampled_from(["{", "[", '{"a":', "", '"']),
        st.text(alphabet='{}[]":,0123456789eE.-+ntruefalsNI\\ ', max_size=200),
        st.sampled_from(["}", "]", "", "}}", '"']),
    ),
)

mini_text = MINI.read_text(encoding="utf-8")
mini_data = yaml.safe_load(mini_text)

# -- targets ------------------------------------------------------------------------------------


class Finding(Exception):
    pass


def _guard(slow: float, work: Callable[[], object]) -> None:
    """Run one example: MaturityError is the expected refusal; anything else, or a slow
    example, is a finding (raised so hypothesis shrinks it)."""
    start = time.perf_counter()
    try:
        work()
    except MaturityError:
        pass
    except Exception as exc:
        raise Finding(
            f"{type(exc).__name__}: {str(exc)[:200]}\n{traceback.format_exc(limit=-3)}"
        ) from exc
    took = time.perf_counter() - start
    if took > slow:
        raise Finding(f"slow: {took:.2f} s for one input")


def target_answers(tmp: Path, slow: float) -> list[Callable[[], None]]:
    path = tmp / "answers.yaml"

    @given(answers_docs)
    def structured(doc: dict[str, Any]) -> None:
        path.write_text(_dump_yaml(doc), encoding="utf-8")
        _guard(slow, lambda: load_answers(path))

    @given(st.one_of(st.text(max_size=400), yaml_text, yaml_values))
    def raw(text: str) -> None:
        path.write_text("team: T\n" + text, encoding="utf-8")
        _guard(slow, lambda: load_answers(path))

    return [structured, raw]


def target_questionnaire(tmp: Path, slow: float) -> list[Callable[[], None]]:
    path = tmp / "mini.yaml"
    (tmp / "mini-practices.yaml").write_text(
        (MINI.parent / "mini-practices.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )

    @given(st.sampled_from(["id", "version", "title", "levels", "dimensions", "schema"]), values)
    def replaced(key: str, value: Any) -> None:
        doc = dict(mini_data)
        doc[key] = value
        path.write_text(_dump_yaml(doc), encoding="utf-8")
        _guard(slow, lambda: qmod.load_file(path))

    @given(st.integers(0, len(mini_text)), st.one_of(st.text(max_size=40), yaml_text))
    def spliced(at: int, text: str) -> None:
        path.write_text(mini_text[:at] + text + mini_text[at:], encoding="utf-8")
        _guard(slow, lambda: qmod.load_file(path))

    return [replaced, spliced]


def _cli(*args: str) -> int:
    """The real command line in-process: exit 2 is a refusal; an exception escaping it is
    what a user would see as a traceback."""
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main_cli(list(args))


def _import(tmp: Path, text: str) -> None:
    doc = tmp / "fuzz.json"
    doc.write_text(text, encoding="utf-8")
    store = str(tmp / "fuzz.db")
    code = _cli("--store", store, "import", "--replace", str(doc))
    if code not in (0, 2):
        raise RuntimeError(f"import exited {code}")
    if code == 0:  # what was imported reads back: list, export and show every assessment
        for args in (("list", "--json"), ("export", "--all"), ("portfolio", "--json")):
            if (got := _cli("--store", store, *args)) != 0:
                raise RuntimeError(f"{args[0]} after a successful import exited {got}")


def target_interchange(tmp: Path, slow: float) -> list[Callable[[], None]]:
    @given(st.one_of(assessment_docs, bundle_docs))
    def documents(doc: dict[str, Any]) -> None:
        try:
            text = json.dumps(doc, allow_nan=True)
        except (TypeError, ValueError):
            return
        _guard(slow, lambda: _import(tmp, text))

    @given(raw_json)
    def raw(text: str) -> None:
        _guard(slow, lambda: _import(tmp, text))

    return [documents, raw]


def target_dora(tmp: Path, slow: float) -> list[Callable[[], None]]:
    numberish = st.builds(
        lambda n, sep, unit: f"{n}{sep}{unit}",
        st.one_of(st.integers(0, 10**60).map(str), st.floats().map(str), hostile_text),
        st.sampled_from(["", " ", "/", " per ", " x ", "%"]),
        st.sampled_from([*dora.HOURS, "day", "week", "", "%", "bucket", "qc"]),
    )

    @given(st.sampled_from(list(dora.ALL_METRICS)), st.one_of(hostile_text, numberish))
    def metric(name: str, text: str) -> None:
        def work() -> None:
            parsed = dora.parse_metric(name, text)
            json.dumps(parsed.model_dump(mode="json"), allow_nan=False)

        _guard(slow, work)

    @given(st.dictionaries(st.sampled_from(list(dora.KEY_METRICS)), numberish, min_size=1))
    def classify(given_inputs: dict[str, str]) -> None:
        def work() -> None:
            result = dora.classify(given_inputs)
            json.dumps(result.model_dump(mode="json"), allow_nan=False)

        _guard(slow, work)

    return [metric, classify]


TARGETS: dict[str, Callable[[Path, float], list[Callable[[], None]]]] = {
    "answers": target_answers,
    "questionnaire": target_questionnaire,
    "interchange": target_interchange,
    "dora": target_dora,
}


def run_target(name: str, seconds: float, slow: float) -> tuple[int, list[str]]:
    """Batches of examples with fresh seeds until the time share is used up."""
    findings: list[str] = []
    examples = 0
    with tempfile.TemporaryDirectory() as folder:
        deadline = time.monotonic() + seconds
        batch = 0
        while time.monotonic() < deadline:
            # fresh test functions each batch: settings() and seed() decorate in place
            for test in TARGETS[name](Path(folder), slow):
                batch += 1
                configured = settings(
                    max_examples=50,
                    deadline=None,
                    database=None,
                    suppress_health_check=list(HealthCheck),
                    print_blob=False,
                )(seed(batch)(test))
                try:
                    configured()
                    examples += 50
                except (Finding, ExceptionGroup) as exc:
                    found = exc.exceptions if isinstance(exc, ExceptionGroup) else (exc,)
                    for one in found:
                        text = f"{test.__name__}: {one}"
                        key = text.splitlines()[0][:120]
                        if all(not f.startswith(key) for f in findings):
                            findings.append(text)
                except Exception as exc:  # hypothesis itself, e.g. a flaky example
                    findings.append(f"{test.__name__}: {type(exc).__name__}: {exc}"[:500])
                if time.monotonic() >= deadline:
                    break
    return examples, findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0, help="total time budget")
    parser.add_argument("--slow", type=float, default=2.0, help="one input slower than this")
    parser.add_argument("--target", action="append", choices=sorted(TARGETS))
    args = parser.parse_args()
    chosen = args.target or list(TARGETS)
    share = args.seconds / len(chosen)
    total = 0
    for name in chosen:
        start = time.monotonic()
        examples, findings = run_target(name, share, args.slow)
        total += len(findings)
        took = time.monotonic() - start
        print(f"{name:<14} ~{examples} examples in {took:.0f} s: {len(findings)} finding(s)")
        for f in findings:
            print("  - " + f.replace("\n", "\n    "))
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
