"""Template filling: known placeholders filled, unknown ones kept."""

from inspect_ai._solver.template import (
    format_template,
    missing_fields,
    state_values,
    template_fields,
)

from .test_solver_support import make_state


def test_fills_known_placeholders() -> None:
    assert format_template("Hello {name}!", {"name": "Ada"}) == "Hello Ada!"


def test_unknown_placeholders_are_kept() -> None:
    text = "Hello {name}, see {other} and {0} and {} and {x.y} and {z[1]}"
    assert format_template(text, {"name": "Ada"}) == (
        "Hello Ada, see {other} and {0} and {} and {x.y} and {z[1]}"
    )


def test_conversions_and_specs() -> None:
    values = {"n": 3.14159, "s": "hi", "w": 6}
    assert format_template("{n:.2f} {s!r} {s:>{w}}", values) == "3.14 'hi'     hi"
    assert format_template("{missing!r:>5}", values) == "{missing!r:>5}"


def test_attribute_and_index_access() -> None:
    values = {"info": {"city": "Paris"}, "items": ["a", "b"]}
    assert format_template("{info[city]} {items[1]}", values) == "Paris b"


def test_bad_spec_keeps_placeholder() -> None:
    assert format_template("{s:d}", {"s": "text"}) == "{s:d}"


def test_escaped_braces_and_json() -> None:
    assert format_template("{{literal}} {a}", {"a": 1}) == "{literal} 1"
    json_text = 'Reply as {"answer": "x"} for {a}'
    assert format_template(json_text, {"a": "you"}) == 'Reply as {"answer": "x"} for you'


def test_unbalanced_braces_fill_simple_placeholders() -> None:
    assert format_template("set {x} = { oops", {"x": 1}) == "set 1 = { oops"
    assert format_template("a } b {y}", {}) == "a } b {y}"


def test_template_fields() -> None:
    assert template_fields("{question} {choices[0]} {a.b} {{no}}") == {"question", "choices", "a"}
    assert missing_fields("{question}", ["question", "choices"]) == ["choices"]


def test_state_values_order() -> None:
    state = make_state(metadata={"a": "meta", "b": "meta"})
    state.store.set("b", "store")
    state.store.set("c", "store")
    values = state_values(state, {"c": "param"})
    assert values == {"a": "meta", "b": "store", "c": "param"}
