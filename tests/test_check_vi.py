"""`vbdocs --lang vi check`: what the checker finds, what it requires, what each rule asks and what
--fix changed are written in Vietnamese; with --lang en they are the English of the code, as before.
Rule ids, locators, statuses and JSON keys stay as they are in both (tools match on them)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

import vbdocs
from tests.conftest import ROOT
from tests.test_check import CORPUS, _break, _rpr, _run_with
from vbdocs import i18n
from vbdocs.check import CATALOGUE, Kind, check
from vbdocs.cli import main

#: English words the checker's texts are made of; none may be left in a Vietnamese finding (the
#: words quoted from the document are Vietnamese, and "Times New Roman", "Arial", "pt", "mm" are names;
#: "in" is Vietnamese too: "chữ in hoa").
ENGLISH = re.compile(r"\b(required|found|bold|italic|upright|set|aligned|center|centred|justify|justified|"
                     r"upper|case|line|lines|without|leading|with|section|top|bottom|left|right|not|no|the|a|of|"
                     r"and|or|under|motto|title|name|size|page|header|body|closing|document|paragraphs?|"
                     r"indented|first|between|typeface|font|margins?|portrait|landscape|each|its|at|on|runs)\b",
                     re.IGNORECASE)
_BREAKS = ("page.margins", "page.size", "font.typeface", "header.national_title", "header.motto", "date.padding",
           "title.type_name", "body.alignment", "body.indent", "body.spacing", "recipients.label",
           "recipients.list", "signature.name", "header.number")


_GLOSS = re.compile(r"\((section|run|header|single)\)")
"""Word's own English names of a thing, given after its Vietnamese name for a clerk whose Word is in
English ("phần (section) 1"): a gloss, not an untranslated text."""


def _unquoted(text: str) -> str:
    """A finding's text but the words it quotes from the document, the glosses and the typeface's name."""
    return _GLOSS.sub("", re.sub(r"'[^']*'|\"[^\"]*\"", "", text)).replace("Times New Roman", "")


def _many_faults(root: etree._Element) -> None:
    """The plan broken in many ways at once: Arial, margins, sizes, weights, the date, the body."""
    for rule in _BREAKS:
        CORPUS[rule][1](root)
    _rpr(_run_with(root, "CỘNG HÒA"), '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>')


@pytest.fixture(scope="module")
def plan(built_plan: Path) -> Path:
    return built_plan


@pytest.fixture(scope="module")
def broken(plan: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("broken") / "broken.docx"
    with zipfile.ZipFile(plan) as src:  # Arial in the styles too, for the runs that take the style's typeface
        styles = src.read("word/styles.xml").decode().replace('w:ascii="Times New Roman"', 'w:ascii="Arial"')
    _break(plan, target, _many_faults)
    with zipfile.ZipFile(target) as src:
        items = [(item, src.read(item.filename)) for item in src.infolist()]
    with zipfile.ZipFile(target, "w") as dst:
        for item, data in items:
            dst.writestr(item, styles.encode() if item.filename == "word/styles.xml" else data)
    return target


def _json(args: list[str]) -> dict[str, object]:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def _failures(data: dict[str, object]) -> list[dict[str, object]]:
    files = data["files"]
    assert isinstance(files, list)
    return [f for f in files[0]["findings"] if f["status"] == "fail"]


def test_findings_are_in_vietnamese(broken: Path) -> None:
    vi = _failures(_json(["--lang", "vi", "check", "--json", str(broken)]))
    en = _failures(_json(["--lang", "en", "check", "--json", str(broken)]))
    # the same findings, in the same order, with the same ids, locators, statuses, paragraphs and keys
    assert [(f["rule"], f["item"], f["status"], f["paragraph"]) for f in vi] == \
           [(f["rule"], f["item"], f["status"], f["paragraph"]) for f in en]
    assert {f["rule"] for f in vi} >= set(_BREAKS) and all(f.keys() == g.keys() for f, g in zip(vi, en, strict=True))
    for f, g in zip(vi, en, strict=True):
        for key in ("found", "required"):
            text = str(f[key])
            unquoted = _unquoted(text)
            assert not ENGLISH.search(unquoted), (f["rule"], key, text)
            if f["rule"] != "font.typeface":  # a typeface is named as the document names it
                assert text != g[key] or not re.search(r"[a-z]{3}", unquoted), (f["rule"], key, text)
        assert f["where"] == g["where"] or not ENGLISH.search(str(f["where"])), f
    by_rule = {f["rule"]: f for f in vi}
    assert by_rule["date.padding"]["found"] == "ngày 5 thiếu số 0 ở trước; tháng 03 thừa số 0 ở trước"
    assert by_rule["page.margins"]["found"] == "lề trái 20,0 mm"
    assert by_rule["page.margins"]["where"] == "trang"
    assert by_rule["title.type_name"]["found"] == "không đậm"
    assert by_rule["body.alignment"]["found"].startswith("căn trái")
    assert by_rule["body.alignment"]["required"] == "căn đều hai lề"
    assert "Arial" in {f["found"] for f in vi if f["rule"] == "font.typeface"}


def test_english_is_as_before(broken: Path) -> None:
    en = {f["rule"]: f for f in _failures(_json(["--lang", "en", "check", "--json", str(broken)]))}
    assert en["date.padding"]["found"] == "day 5 without its leading 0; month 03 with a leading 0"
    assert en["date.padding"]["required"] == \
        "days below 10 and the months 1 and 2 with a leading 0 (ngày 05 tháng 01; tháng 3, not 03)"
    assert en["page.margins"] == {**en["page.margins"], "where": "page", "found": "left 20.0 mm",
                                  "required": "top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm"}
    assert en["page.size"]["found"] == "216 × 279 mm, portrait"
    assert en["title.type_name"]["found"] == "not bold"
    assert en["title.type_name"]["required"] == "upper case, 13–14 pt, bold, centred"
    assert en["header.motto"]["found"] == "set in 15 pt"
    assert en["body.alignment"]["found"] == "aligned left"
    assert en["body.alignment"]["required"] == "justified on both margins"
    assert en["recipients.label"]["found"] == "upright"
    assert en["recipients.label"]["required"] == "\"Nơi nhận:\", 12 pt, bold italic"
    # the library in the default language (the tests' locale is English) says the same
    direct = {f.rule: f.__dict__ for f in check(broken).failures}
    assert direct == en


def test_the_text_output_in_vietnamese(broken: Path) -> None:
    result = CliRunner().invoke(main, ["--lang", "vi", "check", str(broken)])
    assert result.exit_code == 1
    assert "ngày 5 thiếu số 0 ở trước; tháng 03 thừa số 0 ở trước" in result.stdout
    assert "day 5 without" not in result.stdout and "set in " not in result.stdout
    english = CliRunner().invoke(main, ["--lang", "en", "check", str(broken)])
    assert "found day 5 without its leading 0; month 03 with a leading 0" in english.stdout


def test_every_rule_asks_in_vietnamese() -> None:
    result = CliRunner().invoke(main, ["--lang", "vi", "check", "--rules", "--json"])
    assert result.exit_code == 0
    rules = json.loads(result.stdout)
    assert [r["id"] for r in rules] == list(CATALOGUE)
    for r in rules:
        info = CATALOGUE[r["id"]]
        assert r["locator"] == info.locator and r["fix"] == info.fix
        assert r["asks"] != info.asks and not ENGLISH.search(_unquoted(r["asks"])), (r["id"], r["asks"])
    text = CliRunner().invoke(main, ["--lang", "vi", "check", "--rules"]).stdout.splitlines()
    assert [line.split()[0] for line in text] == list(CATALOGUE)
    assert text[2].endswith("tự sửa: có           phông chữ Times New Roman trong toàn văn bản")
    assert not any("fix:" in line for line in text)
    english = CliRunner().invoke(main, ["--lang", "en", "check", "--rules"]).stdout.splitlines()
    assert english[2] == "font.typeface          PL I, I.4                fix: safe     Times New Roman throughout"


def test_kinds_and_skips_in_vietnamese(tmp_path: Path) -> None:
    vbdocs.build(ROOT / "examples" / "documents" / "so-nn" / "thong-bao-dien-tu.yaml", output=tmp_path)
    appendix = tmp_path / "thong-bao-118-phu-luc-ii.docx"
    assert str(check(appendix).kind) == "Phụ lục, appendix"
    token = i18n.use("vi")
    try:
        report = check(appendix)
        assert str(report.kind) == "Phụ lục, phụ lục trong tệp riêng"
        assert str(Kind(None, "document")) == "không có tên loại"
        assert str(Kind("Quyết định", "attached", draft=True)) == "Quyết định, văn bản ban hành kèm theo, dự thảo"
        skipped = {f.rule: f for f in report.findings if f.status == "skip"}
        assert skipped["header.national_title"].found == \
            "phụ lục trong tệp riêng (Mẫu 2.2): thuộc văn bản mà nó kèm theo"
        assert skipped["header.national_title"].where == "phần đầu văn bản"
    finally:
        i18n.restore(token)
    english = {f.rule: f for f in check(appendix).findings if f.status == "skip"}
    assert english["header.national_title"].found == \
        "a phụ lục in a file of its own (Mẫu 2.2): the document it belongs to has it"


def test_fix_lists_its_changes_in_vietnamese(broken: Path, tmp_path: Path) -> None:
    vi = CliRunner().invoke(main, ["--lang", "vi", "check", str(broken), "--fix", str(tmp_path / "vi.docx"),
                                   "--json"])
    en = CliRunner().invoke(main, ["--lang", "en", "check", str(broken), "--fix", str(tmp_path / "en.docx"),
                                   "--json"])
    changed_vi, changed_en = json.loads(vi.stdout)["changed"], json.loads(en.stdout)["changed"]
    assert len(changed_vi) == len(changed_en) >= 5
    for v, e in zip(changed_vi, changed_en, strict=True):
        rule, _sep, what = v.partition(": ")
        assert e.startswith(rule + ": ")
        assert not ENGLISH.search(_unquoted(what)), v
    assert "page.margins: section 1: left 19.9 → 29.8 mm" in changed_en
    assert "page.margins: phần (section) 1: lề trái 19,9 → 29,8 mm" in changed_vi
    assert any(c.startswith("font.typeface: ") and c.endswith("runs set in Times New Roman") for c in changed_en)


def test_why_a_file_cannot_be_checked_in_vietnamese(tmp_path: Path) -> None:
    no_body = tmp_path / "no-body.docx"
    with zipfile.ZipFile(no_body, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    for lang, error in (("vi", "không phải tệp .docx: không có word/document.xml"),
                        ("en", "not a .docx: it has no word/document.xml")):
        result = CliRunner().invoke(main, ["--lang", lang, "check", "--json", str(no_body)])
        assert result.exit_code == 2
        assert json.loads(result.stdout)["unreadable"] == [{"file": str(no_body), "error": error}]
