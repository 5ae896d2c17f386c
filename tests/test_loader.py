"""YAML loading with positions: duplicate keys, syntax errors, safe types, limits."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vbdocs import loader
from vbdocs.errors import ConfigError
from vbdocs.loader import MAX_CHARACTERS, MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES, format_path, load_yaml, parse_yaml


def problems(text: str) -> list[str]:
    try:
        doc = parse_yaml(text, "f.yaml")
    except ConfigError as exc:
        return [str(p) for p in exc.problems]
    return [str(p) for p in doc.problems]


def test_positions_of_values_and_keys() -> None:
    doc = parse_yaml("a:\n  b:\n    - x\n    - y: 1\n", "f.yaml")
    assert doc.data == {"a": {"b": ["x", {"y": 1}]}}
    pos = doc.values[("a", "b", 1, "y")]
    assert (pos.line, pos.column) == (4, 10)
    key = doc.keys[("a", "b", 1, "y")]
    assert (key.line, key.column) == (4, 7)


def test_duplicate_key_is_reported_at_the_second() -> None:
    assert problems("a: 1\nb: 2\na: 3\n") == [
        "f.yaml:3:1: a: duplicate key 'a' (first written at line 1); YAML would silently keep only the last one"
    ]


def test_yes_and_no_stay_words() -> None:
    doc = parse_yaml("a: no\nb: yes\nc: true\nd: On\n", "f.yaml")
    assert doc.data == {"a": "no", "b": "yes", "c": True, "d": "On"}


def test_dates_are_dates() -> None:
    import datetime as dt

    assert parse_yaml("d: 2024-05-10\n", "f.yaml").data == {"d": dt.date(2024, 5, 10)}


def test_syntax_error_is_located() -> None:
    assert problems("a: [1, 2\nb: 3\n") == [
        "f.yaml:2:2: YAML syntax error: a [ or { is not closed, or a , is missing between items"
    ]


def test_tab_indentation_is_explained() -> None:
    assert problems("a:\n\tb: 1\n") == [
        "f.yaml:2:1: YAML syntax error: a tab character is not allowed for indentation in YAML; indent with spaces"
    ]


def test_empty_file() -> None:
    assert problems("# nothing\n") == ["f.yaml: is empty"]


def test_top_level_must_be_a_mapping() -> None:
    assert problems("- a\n- b\n") == ["f.yaml:1:1: must be a mapping of keys to values at the top"]


def test_custom_tags_are_refused() -> None:
    assert problems("a: !!python/object:os.system x\n") == [
        "f.yaml:1:4: a: the tag tag:yaml.org,2002:python/object:os.system is not allowed in vbdocs files"
    ]


def test_merge_keys_are_refused() -> None:
    assert problems("base: &b {x: 1}\nc:\n  <<: *b\n") == [
        "f.yaml:3:3: c: merge keys (<<) are not supported; write the values out"
    ]


def test_alias_bomb_is_refused_at_the_alias_that_goes_beyond() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i, name in enumerate("bcdefgh"):
        prev = "abcdefgh"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]")
    # Up to e, 123 456 keys and values; the first *e in f adds 111 111 more.
    assert problems("\n".join(lines) + "\n") == [
        f"f.yaml:6:8: expands to more than {MAX_VALUES} values (an alias bomb?); refused",
    ]


def test_text_expanded_through_aliases_is_bounded() -> None:
    size = MAX_CHARACTERS // 8 - 1  # the keys "a" and "b" count too
    text = f"a: &a {'x' * size}\nb: [{', '.join(['*a'] * 7)}]\n"
    assert [len(v) for v in parse_yaml(text, "f.yaml").data["b"]] == [size] * 7
    assert problems(text.replace("[*a, ", "[*a, *a, ")) == [
        f"f.yaml:2:33: expands to more than {MAX_CHARACTERS} characters of text (an alias bomb?); refused",
    ]


def test_an_alias_to_the_value_that_contains_it_is_refused() -> None:
    message = "the alias *a refers to the value that contains it (a value cannot contain itself)"
    assert problems("a: &a [*a]\n") == [f"f.yaml:1:8: {message}"]
    assert problems("a: &a {b: {c: *a}}\n") == [f"f.yaml:1:15: {message}"]
    assert parse_yaml("a: &a [1]\nb: [*a, *a]\n", "f.yaml").data == {"a": [1], "b": [[1], [1]]}


def test_nesting_is_bounded() -> None:
    # The mapping at the top is the first level.
    assert problems("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n") == []
    deeper = "a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n"
    assert problems(deeper) == [
        f"f.yaml:1:{MAX_DEPTH + 3}: nests lists and mappings more than {MAX_DEPTH} levels deep; refused",
    ]
    assert problems("[" * 5_000) == [
        f"f.yaml:1:{MAX_DEPTH + 1}: nests lists and mappings more than {MAX_DEPTH} levels deep; refused",
    ]


def test_a_long_number_is_refused_before_it_is_computed() -> None:
    base_60 = "1" + ":5" * 200_000  # PyYAML would take minutes: its time grows with the square of the length
    assert problems(f"a: {base_60}\nb: 1:30\n") == [
        "f.yaml:1:4: a: cannot read this value: a number of more than 100 characters",
    ]
    assert parse_yaml("b: 1:30\n", "f.yaml").data == {"b": 90}


def test_positions_under_an_alias_are_those_of_the_anchored_text() -> None:
    doc = parse_yaml("base: &b\n  x: 1\nc: *b\n", "f.yaml")
    assert doc.data == {"base": {"x": 1}, "c": {"x": 1}}
    assert doc.values[("c", "x")] == doc.values[("base", "x")]


def test_anchors_are_named_once_and_used_after() -> None:
    assert problems("a: &n 1\nb: &n 2\n") == [
        "f.yaml:2:4: YAML syntax error: the anchor &n is written twice (first at line 1)",
    ]
    assert problems("a: *n\nb: &n 2\n") == ["f.yaml:1:4: YAML syntax error: found undefined alias 'n'"]


def test_what_a_message_quotes_of_a_file_is_short_and_escaped() -> None:
    key = "\x1b[2J" + "x" * 100
    assert problems(f'"\\e[2J{"x" * 100}": 1\n"\\e[2J{"x" * 100}": 2\n') == [
        f"f.yaml:2:1: [{format_path((key,))[1:-1]}]: duplicate key {format_path((key,))[1:-1]} (first written at "
        "line 1); YAML would silently keep only the last one",
    ]
    assert format_path((key,)) == "['\\x1b[2J" + "x" * 35 + "…']"
    assert format_path(("plan", "", "Kính gửi", 0)) == "plan[''].Kính gửi[0]"
    long_handle = problems("a: !" + "h" * 5000 + "!x y\n")
    assert len(long_handle) == 1 and len(long_handle[0]) < 250


def test_a_file_that_reports_no_size_is_read_no_further_than_allowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 10))
    real_fstat = os.fstat

    def as_proc_reports(descriptor: int) -> os.stat_result:  # /proc files report a size of 0
        info = list(real_fstat(descriptor))
        info[6] = 0
        return os.stat_result(info)

    monkeypatch.setattr(loader.os, "fstat", as_proc_reports)
    with pytest.raises(ConfigError) as info:
        load_yaml(path, "f.yaml")
    assert str(info.value) == (
        f"f.yaml: is more than {MAX_FILE_BYTES} bytes; vbdocs reads files up to {MAX_FILE_BYTES} bytes"
    )


def test_what_the_system_refuses_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    with pytest.raises(ConfigError) as info:
        load_yaml(tmp_path / "a.yaml", "a.yaml")
    assert str(info.value) == "a.yaml: cannot be read: Too many levels of symbolic links"
    with pytest.raises(ConfigError) as info:
        load_yaml(tmp_path / ("x" * 5000), "long.yaml")
    assert str(info.value) == "long.yaml: cannot be read: File name too long"
    with pytest.raises(ConfigError) as info:
        load_yaml(tmp_path / "a\0b", "nul.yaml")
    assert str(info.value) == "nul.yaml: cannot be read: its name holds a character no file name can hold"


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes("a: 1\nb: café\n".encode("latin-1"))
    with pytest.raises(ConfigError) as info:
        load_yaml(path, "f.yaml")
    assert str(info.value) == "f.yaml:2:7: is not UTF-8 text (save it as UTF-8 in your editor)"


def test_folder_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is a folder, not a YAML file"):
        load_yaml(tmp_path, "dir")
    with pytest.raises(ConfigError, match="no such file"):
        load_yaml(tmp_path / "nope.yaml", "nope.yaml")


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert load_yaml(path).data == {"a": 1}


def test_format_path() -> None:
    assert format_path(("plan", "sections", 1, "items", 0)) == "plan.sections[1].items[0]"
