"""Document properties (docProps/core.xml): plain text on one line, never template
output, never over Word's 255 characters (issue 10, item 8)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

import vbdocs
from vbdocs.rendering import MAX_PROPERTY_CHARS, property_text

_CP = {"dc": "http://purl.org/dc/elements/1.1/",
       "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"}


def _core(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("docProps/core.xml"))
    return {name: root.findtext(f"dc:{name}", namespaces=_CP) or "" for name in ("title", "subject", "creator")}


@pytest.mark.parametrize(("text", "expected"), [
    ("A & B <c> {{ d }}", "A & B <c> {{ d }}"),
    ("tiếp tục đẩy mạnh\nphong trào", "tiếp tục đẩy mạnh phong trào"),
    ("  a \t b  ", "a b"),
])
def test_property_text_is_one_plain_line(text: str, expected: str) -> None:
    assert property_text(text) == expected


def test_a_long_property_is_cut_at_a_word() -> None:
    text = " ".join(["chương trình"] * 60)
    cut = property_text(text)
    kept = cut.removesuffix("…")
    assert len(cut) <= MAX_PROPERTY_CHARS and cut.endswith("…")
    assert text.startswith(kept) and text[len(kept)] == " ", "cut between two words"


def test_hostile_and_long_subjects_reach_the_properties_as_text(config_copy: Path, tmp_path: Path) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    text = campaign.read_text(encoding="utf-8")
    long_tail = " ".join(["và nâng cao chất lượng"] * 15)  # about 330 characters in all
    subject = f"Thực hiện A & B <c> {{{{ d }}}} {long_tail}"
    old = "  subject: Thực hiện phong trào thi đua “Dân vận khéo” năm 2024\n"
    assert text.count(old) == 1
    campaign.write_text(text.replace(old, f'  subject: "{subject}"\n'), encoding="utf-8")
    vbdocs.validate(campaign)
    result = vbdocs.build(campaign, output=tmp_path / "out", only=["plan"])
    props = _core(result.documents[0].path)
    assert props["subject"] == property_text(subject)
    assert props["subject"].startswith("Thực hiện A & B <c> {{ d }} và nâng cao")
    assert len(props["title"]) <= MAX_PROPERTY_CHARS and props["title"].startswith("Kế hoạch Thực hiện A & B <c>")
    assert props["creator"] == "Sở Nông nghiệp và Phát triển nông thôn"


def test_a_subject_written_over_two_lines_is_one_line_in_the_properties(tmp_path: Path) -> None:
    from tests.conftest import ROOT

    result = vbdocs.build(ROOT / "examples" / "campaign_2023.yaml", output=tmp_path / "out")
    props = _core(result.documents[0].path)
    assert props["subject"] == "tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo”"
    assert props["title"] == "V/v tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo”"
