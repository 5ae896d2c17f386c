"""YAML loading with positions: duplicate keys, syntax errors, safe types, limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbdocs.errors import ConfigError
from vbdocs.loader import MAX_VALUES, format_path, load_yaml, parse_yaml


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
        "f.yaml:2:2: YAML syntax error: while parsing a flow sequence expected ',' or ']', but got ':'"
    ]


def test_tab_indentation_is_explained() -> None:
    assert problems("a:\n\tb: 1\n") == [
        "f.yaml:2:1: YAML syntax error: a tab character is not allowed for indentation in YAML; use spaces"
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


def test_alias_bomb_is_refused() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i, name in enumerate("bcdefgh"):
        prev = "abcdefgh"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]")
    found = problems("\n".join(lines) + "\n")
    assert len(found) == 1
    assert f"expands to more than {MAX_VALUES} values (an alias bomb?); refused" in found[0]


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
