"""One language list, one catalogue shape, and core errors with codes (issue 12, item 3)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from maturity import catalogue
from maturity.catalogue import LANGUAGES, Catalogue, fields, language_problem, merged
from maturity.dora import METRIC_KIND, parse_metric
from maturity.error_messages import ERRORS
from maturity.errors import MaturityError, NotFoundError
from maturity.limits import LIMITS, check_participants, check_text
from maturity.plan import check_title, parse_date
from maturity.questionnaire import builtin
from maturity.store import open_store
from maturity.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "maturity"


# -- the catalogue shape ------------------------------------------------------------------------


def test_a_lookup_fills_fields_and_falls_back_to_english_then_to_the_key() -> None:
    c = Catalogue(
        {
            "greet": {"en": "Hello {name}", "ko": "{name}님 안녕하세요"},
            "only_en": {"en": "Only English"},
        }
    )
    assert c.text("greet", "ko", name="Mina") == "Mina님 안녕하세요"
    assert c.text("greet", "en", name="Mina") == "Hello Mina"
    assert c.text("greet", "ko") == "{name}님 안녕하세요"  # no params: the text as written
    assert c.text("only_en", "ko") == "Only English"
    assert c.text("missing.key", "ko") == "missing.key"
    assert c.table("ko") == {"greet": "{name}님 안녕하세요", "only_en": "Only English"}


def test_the_completeness_check_names_missing_languages_and_different_fields() -> None:
    c = Catalogue(
        {
            "ok": {"en": "{n} items", "ko": "항목 {n}개"},
            "no_ko": {"en": "text"},
            "fields": {"en": "{a} and {b}", "ko": "{a}"},
            "stray": {"en": "x", "ko": "x", "fr": "x"},
        }
    )
    problems = c.problems()
    assert "no_ko: no 'ko' text" in problems
    assert any(p.startswith("fields: 'ko' fields") for p in problems)
    assert "stray: 'fr' is not a language" in problems
    assert not any(p.startswith("ok:") for p in problems)


def test_merged_refuses_a_key_defined_twice() -> None:
    with pytest.raises(ValueError, match="defined twice: a"):
        merged({"a": {"en": "1"}}, {"b": {"en": "2"}, "a": {"en": "3"}})
    assert list(merged({"a": {"en": "1"}}, {"b": {"en": "2"}})) == ["a", "b"]


def test_every_catalogue_of_the_app_has_one_shape_and_is_complete() -> None:
    """The TUI's words, the reports' words and the core's errors: one type, every language of
    the list, the same {fields} in each language."""
    from maturity.report import strings, strings_history, strings_plan
    from maturity.tui import i18n

    catalogues = {
        "tui": i18n.STRINGS,
        "report": strings.TEXTS,
        "report history": strings_history.TEXTS,
        "report plan": strings_plan.TEXTS,
        "errors": ERRORS,
    }
    for name, cat in catalogues.items():
        assert isinstance(cat, Catalogue), name
        assert cat.problems() == [], name
    # the history reports extend the shared report words; a key in both would be refused
    assert not set(strings.TEXTS) & set(strings_history.TEXTS)
    assert strings_history.history_strings("ko")["doc_title"] == strings.KO["doc_title"]


def test_the_domain_terms_have_every_language_and_share_the_one_fallback_rule() -> None:
    from maturity.model import terms, text

    for table in (terms.TIERS, terms.LEVELS, terms.DIMENSIONS, terms.WHO_ACTS, terms.WORDS):
        assert Catalogue({str(k): v for k, v in table.items()}).problems() == []
    assert terms.tr is catalogue.tr and text.tr is catalogue.tr
    assert catalogue.tr({"en": "Team", "ko": "팀"}, "ko") == "팀"
    assert catalogue.tr({"en": "Team"}, "ko") == "Team"


def test_the_old_per_language_tables_are_views_of_the_catalogue() -> None:
    """Views and tests still read EN/KO and strings(lang): derived from the one catalogue."""
    from maturity.report import strings

    assert {k: e["en"] for k, e in strings.TEXTS.items()} == strings.EN
    assert {k: e["ko"] for k, e in strings.TEXTS.items()} == strings.KO
    assert strings.strings("ko") == strings.TEXTS.table("ko")
    assert strings.strings("fr") == strings.EN  # an unknown language reads English


# -- one language list ------------------------------------------------------------------------

_LITERAL_LIST = re.compile(r"""[(\[{]\s*["']en["']\s*,\s*["']ko["']""")
_LITERAL_NOT_IN = re.compile(r"""not in \(?["']en["']|== ["']ko["'] else ["']en""")


def test_no_other_literal_language_list_exists_in_the_package() -> None:
    """The list lives once, in maturity.catalogue; a second ``("en", "ko")`` would not grow when
    a language is added."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "catalogue.py" and path.parent == PACKAGE:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _LITERAL_LIST.search(line) or _LITERAL_NOT_IN.search(line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == []


def test_every_front_end_uses_the_one_list() -> None:
    from maturity import report
    from maturity.model import text
    from maturity.model.assessment import Assessment
    from maturity.tui import i18n

    assert text.LANGUAGES is LANGUAGES and i18n.LANGS is LANGUAGES and report.LANGS is LANGUAGES
    schema = Assessment.model_json_schema()["properties"]["language"]
    assert schema["enum"] == list(LANGUAGES)
    assert language_problem("fr") == "expected en or ko, got 'fr'"
    assert all(language_problem(lang) is None for lang in LANGUAGES)


def test_a_third_language_added_to_the_list_reaches_every_front_end(tmp_path: Path) -> None:
    """Add "ja" in maturity.catalogue only (before anything imports it): the model, the answers
    file, the command line, the TUI, the reports and the completeness checks all follow."""
    script = textwrap.dedent(
        """
        import json
        import maturity.catalogue as c
        c.LANGUAGES = ("en", "ko", "ja")
        c.LANGUAGE_NAMES["ja"] = "日本語"
        from maturity import report
        from maturity.cli.common import lang_code
        from maturity.model.assessment import Assessment
        from maturity.tui import i18n
        from maturity.error_messages import ERRORS
        schema = Assessment.model_json_schema()["properties"]["language"]
        print(json.dumps({
            "schema": schema["enum"],
            "cli": lang_code("ja"),
            "choices": c.language_problem("fr"),
            "tui": list(i18n.LANGS),
            "toggle": [i18n.other("en"), i18n.other("ko"), i18n.other("ja")],
            "toggle_key": [i18n.t("binding.language", lang) for lang in ("en", "ko", "ja")],
            "report": list(report.LANGS),
            "tui_missing_ja": sum(p.endswith("no 'ja' text") for p in i18n.STRINGS.problems()),
            "errors_missing_ja": sum(p.endswith("no 'ja' text") for p in ERRORS.problems()),
            "tui_fallback": i18n.t("common.save", "ja"),
        }))
        """
    )
    r = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["schema"] == ["en", "ko", "ja"]
    assert out["cli"] == "ja"
    assert out["choices"] == "expected en, ko or ja, got 'fr'"
    assert out["tui"] == out["report"] == ["en", "ko", "ja"]
    assert out["toggle"] == ["ko", "ja", "en"]
    assert out["toggle_key"] == ["한국어", "日本語", "English"]  # names the language it switches to
    assert out["tui_missing_ja"] > 100 and out["errors_missing_ja"] == len(ERRORS)
    assert out["tui_fallback"] == "Save"


# -- core errors with codes -----------------------------------------------------------------


def test_every_error_code_has_every_language_with_the_same_fields() -> None:
    assert ERRORS.problems() == []


def test_no_error_text_names_a_command_line_flag_or_command() -> None:
    """Screens show these; a TUI user cannot type ``--replace`` or ``maturity new``."""
    for code, entry in ERRORS.items():
        for lang, text in entry.items():
            assert not re.search(r"(?<![\w-])--\w", text), (code, lang, text)
            assert not re.search(r"maturity (new|team|show|store) [a-z-]", text), (code, lang, text)


def _codes_in_source() -> set[str]:
    """Every ``code="x.y"`` in the package, and in the core (where helpers take a code as an
    argument) every string literal that looks like a code of a known namespace."""
    spaces = "|".join(sorted({code.split(".")[0] for code in ERRORS}))
    literal = re.compile(rf"""(?<!Problem\()["']((?:{spaces})\.[a-z0-9_]+)["']""")
    codes = set()
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text("utf-8")
        codes |= set(re.findall(r"""code=["']([a-z_]+\.[a-z0-9_.]+)["']""", text))
        front_end = {"tui", "report"} & set(path.relative_to(PACKAGE).parts)
        if not front_end and path.name != "error_messages.py":
            codes |= set(literal.findall(text))
    return codes


def test_every_code_the_package_raises_is_in_the_catalogue() -> None:
    used = _codes_in_source()
    used |= {f"limit.{field}" for field in LIMITS}  # limits.text_error builds them
    used |= {f"dora.{kind}" for kind in set(METRIC_KIND.values())}  # dora.parse_metric
    assert len(used) > 50
    assert sorted(used - set(ERRORS)) == []
    assert sorted(set(ERRORS) - used) == []  # no dead entries


def test_a_coded_error_keeps_the_english_message_and_words_the_code_in_korean() -> None:
    with pytest.raises(MaturityError) as caught:
        check_text("team", "x" * 201)
    error = caught.value
    assert str(error) == "a team name has at most 200 characters (got 201)"
    assert error.code == "limit.team" and error.params == {"limit": 200, "count": 201}
    assert error.text("ko") == "팀 이름은 200자까지 쓸 수 있습니다 (지금 201자)"
    assert error.text("en") == str(error)

    with pytest.raises(MaturityError) as caught:
        check_participants([f"p{i}" for i in range(101)])
    assert caught.value.text("ko") == "진단 하나에 참여자는 100명까지 둘 수 있습니다 (지금 101명)"


def test_an_error_without_a_code_is_shown_as_it_is() -> None:
    error = MaturityError("something only English says")
    assert error.code is None and error.text("ko") == "something only English says"
    with pytest.raises(TypeError):
        MaturityError()
    with pytest.raises(KeyError, match="no error code"):
        MaturityError(code="no.such.code")


def test_a_dora_input_error_keeps_the_metric_for_the_cli_and_drops_it_for_screens() -> None:
    with pytest.raises(MaturityError) as caught:
        parse_metric("lead_time", "soon")
    error = caught.value
    assert str(error) == (
        "lead_time: cannot read 'soon'; expected a duration like 45m, 6h, 2d, 3w or 4mo"
    )
    assert error.text("ko") == (
        "읽을 수 없는 값입니다: 'soon'. 45m, 6h, 2d, 3w, 4mo 같은 기간으로 입력하세요"
    )
    with pytest.raises(MaturityError) as caught:
        parse_metric("deployment_frequency", "9 days/week")
    assert caught.value.code == "dora.days_week"
    assert str(caught.value).endswith("a week has at most 7 days")


def test_a_message_naming_flags_keeps_them_for_the_cli_only() -> None:
    with pytest.raises(MaturityError) as caught:
        parse_date("tomorrow", "due date")
    assert str(caught.value) == "due date must be a date YYYY-MM-DD, got 'tomorrow'"
    assert caught.value.text("ko") == "날짜는 YYYY-MM-DD 형식으로 입력하세요 (입력: 'tomorrow')"
    with pytest.raises(MaturityError) as caught:
        check_title("   ")
    assert caught.value.text("ko") == "액션 아이템에는 제목이 필요합니다"


def test_workspace_and_store_errors_carry_codes(tmp_path: Path) -> None:
    ws = Workspace(open_store(tmp_path / "s.db"))
    calms = builtin("calms")
    a = ws.create("Payments", calms)
    ws.complete(a.id)
    with pytest.raises(MaturityError) as caught:
        ws.answer(a.id, calms.questionnaire.question_ids()[0], 3)
    assert str(caught.value) == f"assessment {a.id} is complete; reopen it to change answers"
    assert caught.value.text("ko") == (
        f"이 진단({a.id})은 완료되었습니다. 답을 바꾸려면 먼저 진단을 다시 여세요"
    )
    with pytest.raises(NotFoundError) as missing:
        ws.get("ffffffff")
    assert str(missing.value) == "no assessment with id 'ffffffff'"
    assert missing.value.text("ko") == "ID가 'ffffffff'인 진단이 없습니다"
    with pytest.raises(NotFoundError) as team:
        ws.trend("Nobody")
    assert team.value.text("ko") == "'Nobody' 팀이 없습니다"


def test_fields_are_read_like_str_format_reads_them() -> None:
    assert fields("{a} {b} {{literal}} {a}") == {"a", "b"}
    assert catalogue.language_choices() == "en or ko"


@pytest.mark.parametrize(
    ("text", "english", "korean"),
    [
        ('{"a": ', "q.json: not valid JSON (line 1, column 7: Expecting value)",
         "q.json: 올바른 JSON이 아닙니다 (1행 7열: Expecting value)"),
        ("[" * 300 + "]" * 300, "q.json: not valid JSON (nested more than",
         "q.json: 올바른 JSON이 아닙니다 ("),
    ],
)  # fmt: skip
def test_a_json_file_problem_is_worded_in_each_language(
    text: str, english: str, korean: str
) -> None:
    """A questionnaire or answers file given to a Korean screen as JSON is refused in Korean;
    the command line's English message is unchanged."""
    from maturity.yamlio import parse_json

    with pytest.raises(MaturityError) as caught:
        parse_json(text, "q.json")
    assert str(caught.value).startswith(english)
    assert caught.value.text("ko").startswith(korean)
    assert "not valid" not in caught.value.text("ko")
