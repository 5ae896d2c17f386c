"""Hostile templates: each ends as a TemplateError naming the template, in seconds and in
little memory, with nothing written (issue 10, item 14: nothing lost, nothing leaked,
never a traceback).

Each case is a copy of the built-in document.docx with one thing changed. Where the reported
payload would take minutes or gigabytes without the bounds, the case here is a smaller
one with the bound lowered to match (monkeypatched), so that the test stays fast and
fails in seconds against code without the bound; the reported payloads themselves run
at the default bounds in a child process held to 2 GiB and 120 s
(``test_the_reported_payloads_at_the_default_bounds``).
"""

from __future__ import annotations

import json
import resource
import struct
import subprocess
import sys
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import vbdocs
from tests.conftest import CONFIG, ROOT, without_warnings
from vbdocs.errors import TemplateError
from vbdocs.rendering import BUILTIN_TEMPLATES

NUMBER = b"{{ heading.number }}"
NESTED_14 = b"".join(b"{%% for v%d in closing.recipients %%}" % i for i in range(14)) + b"x" + b"{% endfor %}" * 14
LAUGHS = (b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
          + b"".join(b'<!ENTITY %c "%s">' % (98 + i, b"&%c;" % (97 + i) * 10) for i in range(9)) + b"]>")


def _plan(tmp_path: Path, new: bytes = NUMBER, *, old: bytes = NUMBER,
          edit: Callable[[str, bytes], bytes] | None = None) -> Path:
    """A folder holding document.docx with ``old`` replaced by ``new`` in word/document.xml."""
    folder = tmp_path / "t"
    folder.mkdir(exist_ok=True)
    with zipfile.ZipFile(BUILTIN_TEMPLATES / "document.docx") as src, \
            zipfile.ZipFile(folder / "document.docx", "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                assert old in data
                data = data.replace(old, new)
            if edit is not None:
                data = edit(item.filename, data)
            dst.writestr(item.filename, data)
    return folder


def _last_paragraph(text: bytes) -> tuple[bytes, bytes]:
    """old and new for :func:`_plan`: a paragraph holding ``text`` after all the others."""
    return b"<w:sectPr", b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p><w:sectPr"


def _refused(tmp_path: Path, folder: Path) -> tuple[str, float]:
    """Build the plan with the template in ``folder``: the TemplateError's message and the
    seconds it took; nothing may be written."""
    start = time.perf_counter()
    with pytest.raises(TemplateError) as info:
        vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "out", templates=[folder], only=["plan"])
    seconds = time.perf_counter() - start
    message = str(info.value)
    assert message.startswith("template document.docx: "), message
    assert not (tmp_path / "out").exists()
    return message, seconds


# -- what a template's code may do -------------------------------------------------------

CODE_CASES = [
    # four loops over the plan's seven recipients: 7**4 passes
    pytest.param(b"".join(b"{%% for v%d in closing.recipients %%}" % i for i in range(4)) + b"x"
                 + b"{% endfor %}" * 4,
                 {"MAX_STEPS": 1000}, "stopped after 1000 loop passes and calls", id="nested loops"),
    pytest.param(b"{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(30) }}",
                 {"RENDER_SECONDS": 0.5}, "stopped after 0.5 s; a document may take at most 0.5 s", id="slow macros"),
    pytest.param(b"{{ 9**(9**5) }}", {}, "'**' would make a number of more than 4300 digits", id="power"),
    pytest.param(b"{{ (10**4000) * (10**4000) }}", {}, "'*' would make a number of more than 4300 digits",
                 id="product"),
    pytest.param(b"{{ ' '.center(1000000) }}", {"MAX_VALUE_CHARS": 100_000},
                 "'center' would make 1000000 characters; a template may make at most 100000", id="center method"),
    pytest.param(b"{{ ' '|center(1000000) }}", {"MAX_VALUE_CHARS": 100_000},
                 "the filter 'center' would make 1000000 characters", id="center filter"),
    pytest.param(b"{{ heading.number * 100000 }}", {"MAX_VALUE_CHARS": 100_000}, "'*' would make", id="markup times"),
    pytest.param(b"{{ '{:&gt;1000000}'.format('x') }}", {"MAX_VALUE_CHARS": 100_000}, "'format' would make",
                 id="format width"),
    pytest.param(b"{{ '%1000000s' % 'x' }}", {"MAX_VALUE_CHARS": 100_000}, "'%' would make", id="printf width"),
    pytest.param(b"{{ '%1000000s'|format('x') }}", {"MAX_VALUE_CHARS": 100_000},
                 "the filter 'format' would make", id="format filter"),
    pytest.param(b"{{ range(1000)|join(' '.center(1000)) }}", {"MAX_VALUE_CHARS": 100_000},
                 "the filter 'join' would make", id="join separator"),
    pytest.param(b"{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
                 {"MAX_VALUE_CHARS": 100_000}, "'~' would make", id="doubling text"),
    pytest.param(b"{% set ns = namespace(a=[1]) %}{% for i in range(60) %}{% set ns.a = [ns.a, ns.a] %}{% endfor %}"
                 b"{{ ns.a }}", {"MAX_VALUE_CHARS": 100_000}, "a value stands for more than 100000 characters",
                 id="shared list"),
    pytest.param(b"{{ lipsum(1000, max=1000) }}", {"MAX_VALUE_CHARS": 100_000}, "lipsum would make",
                 id="lipsum"),
    pytest.param(b"{% set big = namespace(x='') %}{% set ns = namespace(l=[big]) %}"
                 b"{% for i in range(16) %}{% set ns.l = [ns.l, ns.l] %}{% endfor %}"
                 b"{% set big.x = ' '.center(1000000) %}{{ ns.l }}", {},
                 "a value stands for more than 32000000 characters", id="namespace grown after use"),
    pytest.param(b"{{ 'x'.encode().center(1000000) }}", {"MAX_VALUE_CHARS": 100_000}, "'center' would make 1000000",
                 id="bytes center"),
    pytest.param(b"{{ 'x'.encode() * 1000000 }}", {"MAX_VALUE_CHARS": 100_000}, "'*' would make 1000000",
                 id="bytes times"),
    pytest.param(b"{{ (1).to_bytes(1000000, 'big') }}", {"MAX_VALUE_CHARS": 100_000}, "'to_bytes' would make 1000000",
                 id="to_bytes"),
    pytest.param(b"{{ 5|round(-100000) }}", {}, "the filter 'round' would make a number of more than 4300 digits",
                 id="round"),
    pytest.param(b"{{ ('&lt;a&gt;' * 30000)|striptags }}", {"MAX_VALUE_CHARS": 1_000_000},
                 "'striptags' over 90000 characters with 30000 tags would take too long", id="striptags"),
    pytest.param(b"{% for i in range(100) %}{{ ' '.center(9000) }}{% endfor %}", {"MAX_RENDER_CHARS": 500_000},
                 "stopped after making 500000 characters", id="much text"),
    pytest.param(b"{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", {},
                 "calls nest too deeply (a macro that calls itself?)", id="macro recursion"),
    pytest.param(b"{{ 1 // 0 }}", {}, "cannot be rendered (ZeroDivisionError", id="division by zero"),
    pytest.param(b"{{ '&lt;!DOCTYPE x&gt;'|safe }}", {}, "renders a DTD into its XML", id="DTD printed"),
    pytest.param(b"{% for i in range(3000) %}{{ '&lt;w:br/&gt;'|safe }}{% endfor %}", {"MAX_RENDERED_TAGS": 2000},
                 "renders a part of", id="many elements"),
    pytest.param(b"{% for i in range(3000) %}{{ '&lt;w:p&gt;'|safe }}{% endfor %}{{ '\\n' }}", {},
                 "/word/document.xml as rendered is not well-formed XML", id="unclosed elements printed"),
]


@pytest.mark.parametrize(("payload", "bounds", "expected"), CODE_CASES)
def test_template_code_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, payload: bytes,
                                  bounds: dict[str, float], expected: str) -> None:
    for name, value in bounds.items():
        monkeypatch.setattr(f"vbdocs.sandbox.{name}", value)
    message, seconds = _refused(tmp_path, _plan(tmp_path, payload))
    assert expected in message
    assert seconds < 5


def test_what_stays_within_the_bounds_still_renders(tmp_path: Path) -> None:
    """The bounds refuse sizes, not features: filters, macros, namespaces and loops work."""
    from tests.docx_read import Docx

    payload = (b"{% set ns = namespace(n=0) %}"
               b"{% for b in closing.recipients %}{% set ns.n = ns.n + 1 %}{% endfor %}"
               b"{% macro twice(s) %}{{ s }}{{ s }}{% endmacro %}"
               b"[{{ '%03d'|format(7) }} {{ range(3)|join(',') }} {{ 'ab'.center(6, '-') }} {{ twice('x') }} "
               b"{{ [1, 2] ~ (3, 4) }} {{ 2**10 }} {{ ns.n &gt; 0 }}]")
    result = vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "out",
                          templates=[_plan(tmp_path, payload)], only=["plan"])
    text = "\n".join(Docx(result.documents[0].path).lines())
    assert "[007 0,1,2 --ab-- xx [1, 2](3, 4) 1024 True]" in text


def test_the_cli_reports_a_hostile_template_in_one_line(tmp_path: Path) -> None:
    from vbdocs.cli import main

    folder = _plan(tmp_path, b"{{ 9**(9**5) }}")
    result = CliRunner().invoke(main, ["build", str(CONFIG / "campaign_2024.yaml"), "-o", str(tmp_path / "out"),
                                       "-t", str(folder), "--only", "plan"])
    assert result.exit_code == 2
    assert without_warnings(result.stderr) == (
        "template document.docx: '**' would make a number of more than 4300 digits; "
        "a template may make numbers of at most 4300 digits\n")
    assert not (tmp_path / "out").exists()


# -- the .docx a template comes in ----------------------------------------------------------


def _zeros_deflated(size: int) -> bytes:
    """A raw deflate stream of ``size`` zero bytes (a multiple of 1 MiB), made from two
    compressed MiB: after a full flush each further MiB compresses to the same bytes."""
    mib = 2**20
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(bytes(mib)) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(bytes(mib)) + packer.flush(zlib.Z_FULL_FLUSH)
    return first + again * (size // mib - 1) + packer.flush()


def _add_zeros(path: Path, name: str, size: int, *, declared: int | None = None) -> None:
    """Append a stored-as-deflated entry of ``size`` zero bytes to a zip, its header
    declaring ``declared`` bytes (the truth when not given); the CRC is right only then."""
    stream = _zeros_deflated(size)
    declared = size if declared is None else declared
    crc = 0
    if declared == size:
        piece = bytes(2**20)
        for _ in range(size // 2**20):
            crc = zlib.crc32(piece, crc)
    data = path.read_bytes()
    end = data.rfind(b"PK\x05\x06")
    count, cd_size, cd_offset = struct.unpack_from("<HII", data, end + 10)
    raw_name = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(stream), declared,
                        len(raw_name), 0) + raw_name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(stream), declared,
                          len(raw_name), 0, 0, 0, 0, 0, cd_offset) + raw_name
    body = data[:cd_offset] + local + stream
    directory = data[cd_offset:cd_offset + cd_size] + central
    path.write_bytes(body + directory + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count + 1, count + 1,
                                                    len(directory), len(body), 0))


def _with_picture(name: str, data: bytes) -> bytes:
    """The plan's parts, with a relationship to word/media/big.png (so python-docx reads it)."""
    if name == "word/_rels/document.xml.rels":
        return data.replace(b"</Relationships>", b'<Relationship Id="rIdBig" Type="http://schemas.openxmlformats.org/'
                            b'officeDocument/2006/relationships/image" Target="media/big.png"/></Relationships>')
    if name == "[Content_Types].xml":
        return data.replace(b"</Types>", b'<Default Extension="png" ContentType="image/png"/></Types>')
    return data


def test_malformed_xml_is_named(tmp_path: Path) -> None:
    message, _ = _refused(tmp_path, _plan(tmp_path, b"", old=b"</w:body>"))
    assert message.startswith("template document.docx: word/document.xml is not well-formed XML (")


def test_entities_are_never_expanded(tmp_path: Path) -> None:
    def laughs(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        head, rest = data.split(b"?>", 1)
        return head + b"?>" + LAUGHS + rest

    message, seconds = _refused(tmp_path, _plan(tmp_path, b"&j;", edit=laughs))
    assert "word/document.xml is not well-formed XML (Maximum entity amplification factor exceeded" in message
    assert seconds < 5


def test_a_dtd_is_refused_even_when_harmless(tmp_path: Path) -> None:
    def small_dtd(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        head, rest = data.split(b"?>", 1)
        return head + b'?><!DOCTYPE w:document [<!ENTITY a "x">]>' + rest

    message, _ = _refused(tmp_path, _plan(tmp_path, b"&a;", edit=small_dtd))
    assert message == "template document.docx: word/document.xml declares a DTD, which no Office Open XML part does"


def test_a_part_larger_than_the_cap_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("vbdocs.ooxml.MAX_PART_BYTES", 2**20)
    folder = _plan(tmp_path, edit=_with_picture)
    _add_zeros(folder / "document.docx", "word/media/big.png", 16 * 2**20)
    message, seconds = _refused(tmp_path, folder)
    assert message == ("template document.docx: word/media/big.png inflates to 16777216 bytes; "
                       "a part is read up to 1048576")
    assert seconds < 5


def test_a_part_that_inflates_a_thousand_times_is_a_zip_bomb(tmp_path: Path) -> None:
    folder = _plan(tmp_path, edit=_with_picture)
    _add_zeros(folder / "document.docx", "word/media/big.png", 4 * 2**20)
    message, _ = _refused(tmp_path, folder)
    assert message.startswith("template document.docx: word/media/big.png inflates ")
    assert message.endswith("times over; a part larger than 1048576 bytes is read up to 200 times (a zip bomb?)")


def test_a_part_lying_about_its_size_is_read_in_little_memory(tmp_path: Path) -> None:
    folder = _plan(tmp_path, edit=_with_picture)
    _add_zeros(folder / "document.docx", "word/media/big.png", 256 * 2**20, declared=1000)
    tracemalloc.start()
    try:
        message, seconds = _refused(tmp_path, folder)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert message == "template document.docx: not a .docx: Bad CRC-32 for file 'word/media/big.png'"
    assert peak < 32 * 2**20, f"{peak / 2**20:.0f} MiB"
    assert seconds < 10


def test_the_checker_reads_documents_with_the_same_caps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vbdocs.check import UnreadableDocument, check

    built = vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "out", only=["plan"]).documents[0].path
    bombed = tmp_path / "bombed.docx"
    bombed.write_bytes(built.read_bytes())
    _add_zeros(bombed, "word/media/big.png", 16 * 2**20)
    monkeypatch.setattr("vbdocs.ooxml.MAX_PART_BYTES", 2**20)
    with pytest.raises(UnreadableDocument, match=r"word/media/big\.png inflates to 16777216 bytes"):
        check(bombed)
    laughing = tmp_path / "laughing.docx"
    with zipfile.ZipFile(built) as src, zipfile.ZipFile(laughing, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("word/header"):
                head, rest = data.split(b"?>", 1)
                data = head + b"?>" + LAUGHS + rest.replace(b"</w:hdr>", b"<w:p><w:r><w:t>&j;</w:t></w:r></w:p>"
                                                                              b"</w:hdr>")
            dst.writestr(item.filename, data)
    with pytest.raises(UnreadableDocument, match="is not well-formed XML"):
        check(laughing)


# -- the template text docxtpl rewrites -------------------------------------------------------

TEXT_CASES = [
    pytest.param(*_last_paragraph(b"{{r " * 4000), {}, "has a '{{' not closed within 8192 characters",
                 id="open tags"),
    pytest.param(*_last_paragraph(b"{</w:t></w:r><w:r><w:t>{r " * 3000), {},
                 "has a '{{' not closed within 8192 characters", id="open tags split across runs"),
    pytest.param(*_last_paragraph(b"{% if 1 %}" + b" -%}" * 3000 + b"{% endif %}"), {},
                 "has two '-%}' with no tag or text between them", id="stray trims"),
    pytest.param(b'<w:cols w:space="720"/>', b'<w:cols w:space="720" w:equalWidth="{%p if 1 %}{%p endif %}"/>', {},
                 "has a tag after the last <w:p> it could remove", id="paragraph tag outside paragraphs"),
    pytest.param(NUMBER, NUMBER + b"{# a longer part #}", {"MAX_TEMPLATE_PART_CHARS": 1000},
                 "characters of XML; a template part may have at most 1000", id="large part"),
    pytest.param(NUMBER, NUMBER + b"{# one more tag #}", {"MAX_TEMPLATE_TAGS": 10},
                 "tags in one part; a template may have at most 10", id="many tags"),
]


@pytest.mark.parametrize(("old", "new", "bounds", "expected"), TEXT_CASES)
def test_template_text_docxtpl_would_crawl_over_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          old: bytes, new: bytes, bounds: dict[str, int],
                                                          expected: str) -> None:
    for name, value in bounds.items():
        monkeypatch.setattr(f"vbdocs.sandbox.{name}", value)
    message, seconds = _refused(tmp_path, _plan(tmp_path, new, old=old))
    assert expected in message
    assert seconds < 5


# -- the payloads of the report, at the default bounds ---------------------------------------

_CHILD = r"""
import json, resource, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import vbdocs
from tests import test_template_limits as t

def laughs(name, data):
    if name != "word/document.xml":
        return data
    head, rest = data.split(b"?>", 1)
    return head + b"?>" + t.LAUGHS + rest

def peak_mib():
    # this process's own high-water mark: ru_maxrss would carry over, through exec, the peak of the
    # pytest process that started it, which grows with the session
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024

cases = {
    "nested loops": dict(new=t.NESTED_14),
    "power": dict(new=b"{{ 9**(9**9) }}"),
    "center method": dict(new=b"{{ ' '.center(10**9) }}"),
    "center filter": dict(new=b"{{ ' '|center(10**9) }}"),
    "markup times": dict(new=b"{{ heading.number * 10**8 }}"),
    "malformed xml": dict(new=b"", old=b"</w:body>"),
    "billion laughs": dict(new=b"&j;", edit=laughs),
    "zip bomb": dict(edit=t._with_picture, bomb=None),
    "zip bomb lying": dict(edit=t._with_picture, bomb=1000),
}
for name, case in cases.items():
    tmp = Path(tempfile.mkdtemp())
    bomb = case.pop("bomb", False)
    folder = t._plan(tmp, **case)
    if bomb is not False:
        t._add_zeros(folder / "document.docx", "word/media/big.png", 2**31, declared=bomb)
    start = time.perf_counter()
    try:
        vbdocs.build(t.CONFIG / "campaign_2024.yaml", output=tmp / "out", templates=[folder], only=["plan"])
        outcome = "written"
    except BaseException as exc:
        outcome = f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - start
    print(json.dumps({"case": name, "outcome": outcome, "seconds": seconds, "written": (tmp / "out").exists(),
                      "peak_mib": peak_mib()}), flush=True)
"""


def _held(limit: int) -> Callable[[], None]:
    def hold() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return hold


def test_the_reported_payloads_at_the_default_bounds() -> None:
    """Without the bounds these ran for minutes or failed with MemoryError past 3 GB."""
    run = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT)], capture_output=True, text=True, timeout=120,
                         preexec_fn=_held(2 * 2**30), cwd=ROOT)
    results = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(results) == 9, run.stderr[-2000:]
    expected = {
        "nested loops": "stopped after 1000000 loop passes and calls",
        "power": "'**' would make a number of more than 4300 digits",
        "center method": "'center' would make 1000000000 characters",
        "center filter": "the filter 'center' would make 1000000000 characters",
        "markup times": "'*' would make",
        "malformed xml": "word/document.xml is not well-formed XML",
        "billion laughs": "Maximum entity amplification factor exceeded",
        "zip bomb": "word/media/big.png inflates to 2147483648 bytes; a part is read up to 67108864",
        "zip bomb lying": "not a .docx: Bad CRC-32 for file 'word/media/big.png'",
    }
    for result in results:
        assert result["outcome"].startswith("TemplateError: template document.docx: "), result
        assert expected[result["case"]] in result["outcome"], result
        assert not result["written"], result
        assert result["seconds"] < 5, result
    assert results[-1]["peak_mib"] < 300, results[-1]
