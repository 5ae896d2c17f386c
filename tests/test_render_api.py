"""The API without files: vbdocs.render from a path, a mapping or the models, in memory and from
several threads; errors of a mapping located by field path; the package's verbs listed and
importable as ``python -m vbdocs``."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import json
import pydoc
import subprocess
import sys
import threading
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import etree

import vbdocs
from tests.conftest import CONFIG, ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CAMPAIGN = CONFIG / "campaign_2024.yaml"
QUYET_DINH = ROOT / "examples" / "documents" / "ubnd-tinh" / "quyet-dinh.yaml"

UNITS: dict[str, Any] = {
    "agency": {
        "name": "Ủy ban nhân dân phường Đức Long",
        "abbreviation": "UBND",
        "place": "Đức Long",
        "parent": {"name": "Ủy ban nhân dân thành phố Phan Thiết"},
        "head_title": "Chủ tịch",
        "collective": "Ủy ban nhân dân",
    },
    "units": [{"code": "VP", "name": "Văn phòng - Thống kê", "abbreviation": "VP", "kind": "office",
               "head_title": "Công chức Văn phòng - Thống kê"}],
    "people": [{"id": "pct", "name": "Lê Thị Mai", "title": "Phó Chủ tịch"}],
    "bodies": [{"id": "ubnd_tp", "name": "Ủy ban nhân dân thành phố Phan Thiết",
                "short_name": "Ủy ban nhân dân thành phố Phan Thiết"}],
}
"""A units file as a mapping, written here as a web service would hold it."""

DOCUMENT: dict[str, Any] = {
    "document": {
        "type": "Báo cáo",
        "year": 2024,
        "subject": "Kết quả thực hiện phong trào văn hóa năm 2024",
        "body": [
            "Ủy ban nhân dân phường Đức Long báo cáo kết quả thực hiện năm 2024 như sau:",
            {"heading": "Kết quả thực hiện", "body": ["Treo 45 băng rôn, khẩu hiệu tại các tuyến đường chính."]},
        ],
        "recipients": [{"to": "ubnd_tp", "purpose": "báo cáo"}],
        "signer": {"person": "pct", "authority": "TM"},
        "filing": {"unit": "VP"},
    },
}
"""A document file as a mapping."""


def _paragraphs(docx: bytes) -> list[str]:
    """The text of each paragraph of a .docx's body, read from its XML."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


@pytest.fixture
def quiet() -> Iterator[None]:
    """The 2024 campaign warns of a deadline on a Saturday (tests/test_warnings.py)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vbdocs.VbdocsWarning)
        yield


def test_render_a_mapping_gives_docx_bytes_with_its_text() -> None:
    [doc] = vbdocs.render(DOCUMENT, units=UNITS)
    assert isinstance(doc, vbdocs.RenderedDocument)
    assert (doc.filename, doc.kind, doc.type, doc.format) == ("bao-cao.docx", "document", "Báo cáo", "docx")
    with zipfile.ZipFile(io.BytesIO(doc.data)) as archive:
        assert "word/document.xml" in archive.namelist()
    text = _paragraphs(doc.data)
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHƯỜNG ĐỨC LONG", "Số:     /BC-UBND", "BÁO CÁO",
                     "Kết quả thực hiện phong trào văn hóa năm 2024",
                     "Treo 45 băng rôn, khẩu hiệu tại các tuyến đường chính.", "Lê Thị Mai"):
        assert any(expected in p for p in text), expected
    with pytest.raises(dataclasses_frozen()):
        doc.kind = "plan"  # type: ignore[misc]


def dataclasses_frozen() -> type[Exception]:
    import dataclasses

    return dataclasses.FrozenInstanceError


def test_a_campaign_mapping_gives_the_bytes_of_its_file_and_of_build(tmp_path: Path, quiet: None) -> None:
    from_file = vbdocs.render(CAMPAIGN)
    data = yaml.safe_load(CAMPAIGN.read_text(encoding="utf-8"))
    from_data = vbdocs.render(data, units=CONFIG / "units.yaml")
    assert [(d.filename, d.data) for d in from_data] == [(d.filename, d.data) for d in from_file]
    assert len(from_file) > 30 and from_file[-1].format == "ics" and from_file[-1].kind == "calendar"
    forms = [d for d in from_file if d.kind == "report_form"]
    assert forms and all(d.unit and d.period and isinstance(d.deadline, dt.date) for d in forms)
    result = vbdocs.build(CAMPAIGN, output=tmp_path / "out")
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    written = {e["path"]: e for e in manifest["documents"]}
    assert sorted(written) == sorted(d.filename for d in from_file)
    for doc in from_file:
        entry = written[doc.filename]
        assert entry["sha256"] == hashlib.sha256(doc.data).hexdigest()
        assert (entry["kind"], entry.get("type"), entry.get("unit"), entry.get("period")) == \
            (doc.kind, doc.type, doc.unit, doc.period)
        assert entry.get("deadline") == (doc.deadline.isoformat() if doc.deadline else None)


def test_the_models_passed_back_give_the_same_bytes(tmp_path: Path, quiet: None) -> None:
    for source in (CAMPAIGN, QUYET_DINH):
        config = vbdocs.load(source)
        assert isinstance(config, vbdocs.Config if source == CAMPAIGN else vbdocs.DocumentConfig)
        expected = [d.data for d in vbdocs.render(source)]
        assert [d.data for d in vbdocs.render(config)] == expected
        model = config.campaign if isinstance(config, vbdocs.Config) else config.document
        assert isinstance(model, vbdocs.CampaignFile | vbdocs.DocumentFile)
        assert isinstance(config.units, vbdocs.UnitsFile)
        assert [d.data for d in vbdocs.render(model, units=config.units)] == expected
        built = vbdocs.build(config, output=tmp_path / source.stem)
        by_name = {d.path.name: d.sha256 for d in built.documents}
        assert by_name == {d.filename: hashlib.sha256(d.data).hexdigest() for d in vbdocs.render(source)}
    with pytest.raises(TypeError, match="carry their units"):
        vbdocs.render(vbdocs.load(QUYET_DINH), units=UNITS)


def test_units_given_replace_those_the_file_names(tmp_path: Path) -> None:
    """``units=`` beside a file: a path (relative to the current folder, not to the file) or a mapping."""
    units = yaml.safe_load((QUYET_DINH.parent / "units.yaml").read_text(encoding="utf-8"))
    units["agency"]["place"] = "Phan Thiết"
    [from_file] = vbdocs.render(QUYET_DINH)
    [from_mapping] = vbdocs.render(QUYET_DINH, units=units)
    (tmp_path / "other.yaml").write_text(yaml.safe_dump(units, allow_unicode=True), encoding="utf-8")
    [from_path] = vbdocs.render(QUYET_DINH, units=tmp_path / "other.yaml")
    assert any(p.startswith("Bình Thuận, ngày") for p in _paragraphs(from_file.data))
    assert any(p.startswith("Phan Thiết, ngày") for p in _paragraphs(from_mapping.data))
    assert from_path.data == from_mapping.data


def test_build_writes_a_set_given_as_data(tmp_path: Path) -> None:
    """A set from a mapping has no input file: build writes it all the same, the bytes render gives."""
    config = vbdocs.load(DOCUMENT, units=UNITS)
    assert isinstance(config, vbdocs.DocumentConfig)
    assert (config.document_path, config.units_path, config.source) == (None, None, "<document>")
    result = vbdocs.build(config, output=tmp_path / "out")
    [doc] = vbdocs.render(DOCUMENT, units=UNITS)
    assert [(d.path.name, d.sha256) for d in result.documents] == \
        [(doc.filename, hashlib.sha256(doc.data).hexdigest())]
    assert (tmp_path / "out" / doc.filename).read_bytes() == doc.data


def test_a_mapping_s_errors_are_located_by_field_path(quiet: None) -> None:
    data = yaml.safe_load(CAMPAIGN.read_text(encoding="utf-8"))
    data["campaign"]["year"] = "hai nghìn"
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.render(data, units=CONFIG / "units.yaml")
    [problem] = info.value.problems
    assert (problem.file, problem.line, problem.column, problem.path) == ("<campaign>", 0, 0, "campaign.year")
    assert str(problem) == "<campaign>: campaign.year: must be a whole number"

    data["campaign"]["year"] = 2024
    data["plan"]["signer"]["person"] = "trung"
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.render(data, units=CONFIG / "units.yaml")
    assert [(p.file, p.path) for p in info.value.problems] == [("<campaign>", "plan.signer.person")]
    assert "no person with the code 'trung'" in info.value.problems[0].message

    units = copy.deepcopy(UNITS)
    units["people"][0]["nmae"] = units["people"][0].pop("name")
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.render(DOCUMENT, units=units)
    assert {(p.file, p.line, p.path) for p in info.value.problems} == {
        ("<units>", 0, "people[0].nmae"), ("<units>", 0, "people[0].name")}

    document = copy.deepcopy(DOCUMENT)
    document["document"]["body"][1]["body"][0] = "Treo băng rôn\x07"
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.render(document, units=UNITS)
    assert [(p.file, p.path) for p in info.value.problems] == [("<document>", "document.body[1].body[0]")]
    assert "a document cannot hold" in info.value.problems[0].message


def test_a_mapping_that_contains_itself_is_refused() -> None:
    document: dict[str, Any] = copy.deepcopy(DOCUMENT)
    loop: list[Any] = []
    loop.append(loop)
    document["document"]["body"].append({"bullets": loop})
    with pytest.raises(vbdocs.ConfigError, match="more than 100 levels deep"):
        vbdocs.render(document, units=UNITS)


def test_a_mapping_s_units_key_is_a_path_from_the_current_folder(monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Path, quiet: None) -> None:
    data = yaml.safe_load(CAMPAIGN.read_text(encoding="utf-8"))
    assert data["units"] == "units.yaml"
    monkeypatch.chdir(CONFIG)
    assert [d.data for d in vbdocs.render(data)] == [d.data for d in vbdocs.render(CAMPAIGN)]
    monkeypatch.chdir(tmp_path)
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.render(data)
    assert [str(p) for p in info.value.problems] == ["<campaign>: units: the units file units.yaml does not exist"]


def test_what_is_not_a_source_is_a_type_error_naming_what_is(tmp_path: Path) -> None:
    with CAMPAIGN.open(encoding="utf-8") as stream:
        for bad in (stream, 2024, CAMPAIGN.read_bytes(), ["campaign"]):
            with pytest.raises(TypeError, match=r"takes the path \(str or os.PathLike\) of a campaign or document "
                                                r"file, a mapping shaped as one") as info:
                vbdocs.render(bad)  # type: ignore[arg-type]
            assert type(bad).__name__ in str(info.value)
    with pytest.raises(TypeError, match="not its text"):
        vbdocs.render(CAMPAIGN.read_text(encoding="utf-8"))
    with pytest.raises(TypeError, match="units= takes the path"):
        vbdocs.render(DOCUMENT, units=42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"vbdocs.build takes the path"):
        vbdocs.build(3, output=tmp_path / "out")  # type: ignore[arg-type]
    assert not (tmp_path / "out").exists()


def test_a_selection_renders_only_what_it_names(quiet: None) -> None:
    docs = vbdocs.render(CAMPAIGN, only=["report_form"], for_units=["TTR"])
    assert docs and {(d.kind, d.unit) for d in docs} == {("report_form", "TTR")}
    with pytest.raises(vbdocs.OutputError, match="unknown kind 'plans'"):
        vbdocs.render(CAMPAIGN, only=["plans"])


_NO_WRITE = """
import os, sys, warnings
warnings.simplefilter("ignore")
written = []
def hook(event, args):
    if event == "open" and args[1] is not None and any(c in str(args[1]) for c in "wax+"):
        written.append(("open", args[0], args[1]))
    if event == "open" and isinstance(args[2], int) and args[2] & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
        written.append(("os.open", args[0]))
    if event in ("os.mkdir", "os.rename", "os.replace", "shutil.copyfile", "tempfile.mkdtemp", "tempfile.mkstemp"):
        written.append((event, args[0]))
import vbdocs, yaml
sys.addaudithook(hook)
docs = vbdocs.render(yaml.safe_load(open(sys.argv[1], encoding="utf-8")), units=sys.argv[2])
docs += vbdocs.render(sys.argv[3])
print(len(docs), written)
"""


def test_render_writes_no_file_anywhere(tmp_path: Path) -> None:
    """Every open for writing, folder made and temporary file is seen by an audit hook."""
    env = {"PATH": "/usr/bin:/bin", "TMPDIR": str(tmp_path), "HOME": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-c", _NO_WRITE, str(CAMPAIGN), str(CONFIG / "units.yaml"),
                           str(QUYET_DINH)], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    count, written = done.stdout.split(" ", 1)
    assert int(count) > 30 and written.strip() == "[]", done.stdout
    assert list(tmp_path.iterdir()) == []


def test_the_audit_hook_sees_a_write(tmp_path: Path) -> None:
    """The test above is not vacuous: the same hook sees what build writes."""
    code = _NO_WRITE.replace("docs += vbdocs.render(sys.argv[3])",
                             "docs += vbdocs.build(sys.argv[3], output='out').documents")
    done = subprocess.run([sys.executable, "-c", code, str(CAMPAIGN), str(CONFIG / "units.yaml"), str(QUYET_DINH)],
                          cwd=tmp_path, env={"PATH": "/usr/bin:/bin", "TMPDIR": str(tmp_path),
                                             "PYTHONDONTWRITEBYTECODE": "1"},
                          capture_output=True, text=True, check=True)
    assert "quyet-dinh.docx" in done.stdout and "os.mkdir" in done.stdout


def _cold() -> None:
    """Every cache of the rendering forgotten, so threads race to fill them."""
    from vbdocs import rendering

    for cached in (rendering._patched, rendering._made_environment, rendering._read_template, rendering._variables):
        cached.cache_clear()


def test_threads_render_the_bytes_of_one_thread(quiet: None) -> None:
    sources: list[Any] = [CAMPAIGN, QUYET_DINH, (DOCUMENT, UNITS), CAMPAIGN]
    _cold()
    alone = [[d.data for d in _render(s)] for s in sources]
    for same in (False, True):
        _cold()
        jobs = [sources[0]] * 4 if same else sources
        expected = [alone[0]] * 4 if same else alone
        assert _at_once(jobs) == expected


def _at_once(sources: list[Any]) -> list[Any]:
    """What each source renders to (or the error it raises), a thread each, all started together."""
    start = threading.Barrier(len(sources))
    results: list[Any] = [None] * len(sources)

    def run(i: int, source: Any) -> None:
        start.wait()
        try:
            results[i] = [d.data for d in _render(source)]
        except BaseException as exc:  # compared with the others' results
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, s)) for i, s in enumerate(sources)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _render(source: Any) -> tuple[vbdocs.RenderedDocument, ...]:
    if isinstance(source, tuple):
        return vbdocs.render(source[0], units=source[1])
    return vbdocs.render(source)


def test_threads_share_one_compilation_of_each_template(monkeypatch: pytest.MonkeyPatch) -> None:
    """The compiled templates are one cache for all threads: four threads rendering the same
    document at once compile its template's parts as often as one thread does."""
    import jinja2

    compiled: list[str] = []
    original = jinja2.Environment.from_string

    def counting(self: Any, source: Any, *args: Any, **kwargs: Any) -> Any:
        compiled.append(source)
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "from_string", counting)
    _cold()
    vbdocs.render(DOCUMENT, units=UNITS)
    once = len(compiled)
    assert once > 0
    compiled.clear()
    _cold()
    results = _at_once([(DOCUMENT, UNITS)] * 4)
    assert all(isinstance(r, list) for r in results)
    assert len(compiled) == once


def test_the_package_lists_its_verbs() -> None:
    public = vbdocs.__all__
    assert set(dir(vbdocs)) == {*public, "__version__"}
    verbs = [name for name in public if name.islower()]
    assert verbs == ["build", "load", "render", "to_pdf", "validate"]
    for name in public:
        assert getattr(vbdocs, name) is not None
    shown = pydoc.render_doc(vbdocs, renderer=pydoc.plaintext)
    for verb in verbs:
        assert f"`{verb}(" in vbdocs.__doc__, verb  # one line each in the docstring help() shows
        assert f"`{verb}(" in shown


def test_the_verb_render_is_not_hidden_by_a_module() -> None:
    """The package's ``render`` is the verb, whatever has been imported (the module that renders
    with docxtpl is ``vbdocs.rendering``)."""
    code = ("import vbdocs.api, vbdocs.rendering, vbdocs.workers, vbdocs\n"
            "from vbdocs import render\n"
            "print(render.__module__, vbdocs.render is render)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["vbdocs.api", "True"]


def test_import_vbdocs_stays_light() -> None:
    heavy = "('docxtpl', 'pydantic', 'yaml', 'lxml')"
    code = f"import sys, vbdocs; dir(vbdocs); print(' '.join(m for m in {heavy} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_python_dash_m_vbdocs_runs_the_command_line(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "vbdocs", "--help"], capture_output=True, text=True, check=True)
    assert "validate" in done.stdout and "build" in done.stdout
    done = subprocess.run([sys.executable, "-m", "vbdocs", "validate", str(QUYET_DINH)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text(QUYET_DINH.read_text(encoding="utf-8").replace("year: 2024", "year: hai"), encoding="utf-8")
    (tmp_path / "units.yaml").write_bytes((QUYET_DINH.parent / "units.yaml").read_bytes())
    done = subprocess.run([sys.executable, "-m", "vbdocs", "validate", str(broken)], capture_output=True, text=True)
    assert done.returncode == 2
    assert "document.year: must be a whole number" in done.stderr


@pytest.fixture(scope="module")
def libreoffice() -> None:
    import os
    import shutil

    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        if os.environ.get("CI"):
            raise RuntimeError("CI must have LibreOffice and poppler-utils: scripts/system-deps.sh installs them")
        pytest.skip("LibreOffice or poppler-utils not installed")


def test_to_pdf_makes_the_pdf_build_writes(tmp_path: Path, libreoffice: None) -> None:
    [doc] = vbdocs.render(QUYET_DINH)
    pdf = vbdocs.to_pdf(doc.data)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    built = vbdocs.build(QUYET_DINH, output=tmp_path / "out", formats=["pdf"])
    [written] = [d.path for d in built.documents if d.format == "pdf"]
    assert written.read_bytes() == pdf  # the document's own date in it: the same bytes
    (tmp_path / "quyet-dinh.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "quyet-dinh.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "QUYẾT ĐỊNH" in text and "Tổ công tác" in text


def test_to_pdf_refuses_what_is_not_a_docx(libreoffice: None) -> None:
    with pytest.raises(vbdocs.ConversionError, match=r"not a \.docx"):
        vbdocs.to_pdf(b"PK\x03\x04 no zip")
    with pytest.raises(TypeError, match=r"takes the bytes of a \.docx"):
        vbdocs.to_pdf(str(QUYET_DINH))  # type: ignore[arg-type]


def test_the_api_reference_shows_every_public_name() -> None:
    """docs/api.md, which mkdocs builds from the docstrings, names all of ``__all__``."""
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    shown = {line.removeprefix("::: vbdocs.").strip() for line in page.splitlines() if line.startswith("::: vbdocs.")}
    assert shown == set(vbdocs.__all__)
