"""Rendering: hostile text stays text, templates are found safely."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

import vbdocs
from tests.docx_read import Docx
from vbdocs.errors import TemplateError
from vbdocs.inline import Text, escape, parse
from vbdocs.rendering import TemplateSearchPath
from vbdocs.wordml import runs_xml, text_xml

HOSTILE = "A & B < C > D \"q\" 'q' {{ 7*7 }} {% for x in y %} {_{ x }_} {%_ %} 50% </w:t> ]]> \\* x"


def test_text_xml_escapes_markup_and_template_syntax() -> None:
    assert text_xml("a & <b> {{ c }} 5%") == "a &amp; &lt;b&gt; &#123;&#123; c &#125;&#125; 5&#37;"
    assert text_xml("a\nb") == 'a</w:t><w:br/><w:t xml:space="preserve">b'


def test_runs_carry_only_emphasis() -> None:
    xml = runs_xml(parse("a *b* **c**"))
    assert xml == (
        '<w:r><w:t xml:space="preserve">a </w:t></w:r>'
        '<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">b</w:t></w:r>'
        '<w:r><w:t xml:space="preserve"> </w:t></w:r>'
        '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">c</w:t></w:r>'
    )
    assert runs_xml(Text()) == ""


def test_hostile_text_round_trips_through_a_document(config_copy: Path, tmp_path: Path) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    text = campaign.read_text(encoding="utf-8")
    yaml_value = escape(HOSTILE).replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("  subject: Thực hiện phong trào thi đua “Dân vận khéo” năm 2024",
                        f'  subject: "{yaml_value}"')
    text = text.replace("    - title: Mục đích, yêu cầu\n      items:\n",
                        f'    - title: Mục đích, yêu cầu\n      items:\n        - "{yaml_value}"\n')
    campaign.write_text(text, encoding="utf-8")
    result = vbdocs.build(campaign, output=tmp_path / "out")
    path = result.documents[0].path
    with zipfile.ZipFile(path) as z:
        etree.fromstring(z.read("word/document.xml"))  # well-formed
    expected = HOSTILE
    doc = Docx(path)
    assert doc.find("A & B").text.replace("\n", " ") == expected  # the subject, broken at spaces
    lines = doc.lines()
    assert "1. " + expected in lines
    assert "{{ 7*7 }}" in expected and "49" not in " ".join(lines)


def test_template_names_cannot_escape(tmp_path: Path) -> None:
    search = TemplateSearchPath((tmp_path,))
    for name in ("../plan.docx", "/etc/passwd", "sub/plan.docx", ".."):
        with pytest.raises(TemplateError, match="must be a plain file name"):
            search.find(name)


def test_missing_template_names_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as info:
        TemplateSearchPath((tmp_path,)).find("nope.docx")
    assert str(info.value) == f"no template 'nope.docx' in {tmp_path}, the built-in templates"


def test_a_template_that_asks_for_missing_data_is_an_error(tmp_path: Path) -> None:
    from tests.conftest import CONFIG
    from vbdocs.rendering import BUILTIN_TEMPLATES

    folder = tmp_path / "t"
    folder.mkdir()
    with zipfile.ZipFile(BUILTIN_TEMPLATES / "document.docx") as src, \
            zipfile.ZipFile(folder / "document.docx", "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"{{ heading.number }}", b"{{ heading.no_such_field }}")
            dst.writestr(item, data)
    with pytest.raises(TemplateError) as info:
        vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "out", templates=[folder])
    assert str(info.value) == "template document.docx uses heading.no_such_field, which the document has no data for"
    assert not (tmp_path / "out").exists()


def test_caches_change_no_byte() -> None:
    """Compiled templates, patched XML and template bytes are remembered per process;
    a render with every cache cold gives the same bytes as one with them warm."""
    from tests.conftest import CONFIG
    from vbdocs import rendering
    from vbdocs.config import load_config
    from vbdocs.documents.registry import campaign_documents

    contents = campaign_documents(load_config(CONFIG / "campaign_2024.yaml"))[:4]
    rendering._patched.cache_clear()
    rendering._made_environment.cache_clear()
    rendering._read_template.cache_clear()
    cold = [rendering.render(c) for c in contents]
    assert rendering._patched.cache_info().currsize > 0
    warm = [rendering.render(c) for c in contents]
    assert cold == warm


def _user_template(tmp_path: Path, old: bytes, new: bytes) -> Path:
    from vbdocs.rendering import BUILTIN_TEMPLATES

    folder = tmp_path / "t"
    folder.mkdir(exist_ok=True)
    with zipfile.ZipFile(BUILTIN_TEMPLATES / "document.docx") as src, \
            zipfile.ZipFile(folder / "document.docx", "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                assert old in data
                data = data.replace(old, new)
            dst.writestr(item, data)
    return folder


@pytest.mark.parametrize("attack", [
    b"{{ heading.number.__class__.__mro__ }}",
    b"{{ heading.__class__.__init__.__globals__ }}",
    b"{% include '/etc/passwd' %}",
    b"{% import 'os' as os %}",
])
def test_user_templates_run_in_a_sandbox(tmp_path: Path, attack: bytes) -> None:
    from tests.conftest import CONFIG

    folder = _user_template(tmp_path, b"{{ heading.number }}", attack)
    with pytest.raises(TemplateError) as info:
        vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "out", templates=[folder], only=["plan"])
    assert str(info.value).startswith("template document.docx")
    assert not (tmp_path / "out").exists()
