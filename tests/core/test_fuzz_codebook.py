"""Random and mutated codebooks: each is either loaded or refused in one line.

The shapes come from the bundled codebook, cut, duplicated, retyped and nested, and
from TOML assembled out of codebook keys with values of the wrong kind.  Loading goes
through the file loader (as ``codebook --load`` does); anything but a valid
:class:`Codebook` or a one-line :class:`AnnotatorError` is a bug.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core import paths
from annotator.core.codebook import Codebook, load_codebook, parse_codebook
from annotator.core.errors import AnnotatorError

SOURCE = paths.default_codebook_path().read_text(encoding="utf-8")
LINES = SOURCE.splitlines()

KEYS = ["id", "type", "label", "definition", "definition_fa", "ordered", "with_participant",
        "attributable", "scale", "retired", "example", "revision", "title", "description",
        "category", "role", "field", "codebook"]
HEADERS = ["[codebook]", "[[field]]", "[[field.category]]", "[[field.role]]", "[field]",
           "[[codebook]]", "[field.category]"]
SCALARS = ['"single"', '"multiple"', '"participants"', '"text"', '"x"', '""', "true", "1",
           "1.5", "[]", "{}", '{ en = "E" }', '{ fa = "ف" }', '["a"]', "[[]]", '{ en = 1 }',
           "2024-06-01", '"\\u0000"', '"Bad Id"', '"ﻻ"']


def _outcome(text: str, tmp_path: Path) -> None:
    path = tmp_path / "fuzz.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        codebook = load_codebook(path)
    except AnnotatorError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message
        return
    assert isinstance(codebook, Codebook) and codebook.fields
    codebook.to_dict()  # what the command line prints must work for whatever loads
    for item in codebook.fields:
        assert codebook.field(item.id) is item


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        action = draw(st.sampled_from(["drop", "duplicate", "swap", "replace", "insert"]))
        at = draw(st.integers(0, len(lines) - 1)) if lines else 0
        if not lines:
            break
        if action == "drop":
            del lines[at:at + draw(st.integers(1, 40))]
        elif action == "duplicate":
            lines[at:at] = lines[at:at + draw(st.integers(1, 30))]
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "replace" and "=" in lines[at]:
            key = lines[at].split("=", 1)[0]
            lines[at] = f"{key}= {draw(st.sampled_from(SCALARS))}"
        else:
            lines.insert(at, draw(st.sampled_from(HEADERS)))
    return "\n".join(lines) + "\n"


@st.composite
def assembled(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 25))):
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(HEADERS)))
        else:
            parts.append(f"{draw(st.sampled_from(KEYS))} = {draw(st.sampled_from(SCALARS))}")
    return "\n".join(parts) + "\n"


@st.composite
def nested(draw: st.DrawFn) -> str:
    depth = draw(st.sampled_from([1, 10, 500, 5_000, 60_000]))
    opening, closing = draw(st.sampled_from([("[", "]"), ("{ a = ", "}")]))
    body = opening * depth + closing * draw(st.sampled_from([depth, depth - 1]))
    return draw(st.sampled_from([f"x = {body}\n", SOURCE + f"\ny = {body}\n",
                                 f'[codebook]\nid = "x"\ntitle = {body}\n']))


SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


@SETTINGS
@given(text=mutated())
def test_mutated_codebooks_load_or_are_refused_in_one_line(text: str, tmp_path: Path) -> None:
    _outcome(text, tmp_path)


@SETTINGS
@given(text=assembled())
def test_assembled_codebooks_load_or_are_refused_in_one_line(text: str,
                                                             tmp_path: Path) -> None:
    _outcome(text, tmp_path)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=nested())
def test_nested_codebooks_load_or_are_refused_in_one_line(text: str, tmp_path: Path) -> None:
    _outcome(text, tmp_path)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300))
def test_any_text_parses_or_is_refused_in_one_line(text: str) -> None:
    try:
        parse_codebook(text, "fuzz.toml")
    except AnnotatorError as exc:
        assert "\n" not in str(exc)
