"""vbdocs benchmarks: rerun with `python benchmarks/run.py` (from the repository, vbdocs installed).

Prints one `name: value` line per figure. Ratios compare figures measured in the
same run, since machines are noisy; see benchmarks/README.md for what each means.
Options: --quick (smaller sets, for a smoke run), --no-pdf (skip LibreOffice).
"""

from __future__ import annotations

import argparse
import gc
import io
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "config"


def figure(name: str, value: float, unit: str = "") -> None:
    print(f"{name}: {value:.3g}{(' ' + unit) if unit else ''}", flush=True)


def best(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def render_speed(count: int) -> None:
    """Per-document render time: vbdocs against the plain docxtpl way on the same template and data."""
    from docxtpl import DocxTemplate
    from jinja2 import Environment

    from vbdocs.config import load_config
    from vbdocs.documents.registry import campaign_documents
    from vbdocs.rendering import BUILTIN_TEMPLATES, context, render

    plan = campaign_documents(load_config(CONFIG / "campaign_2024.yaml"))[0]
    ctx = context(plan)
    template = BUILTIN_TEMPLATES / plan.template

    def plain() -> None:
        for _ in range(count):
            tpl = DocxTemplate(str(template))  # open the template, render, save: per document
            tpl.render(ctx, jinja_env=Environment(autoescape=True))
            tpl.save(io.BytesIO())

    def ours() -> None:
        for _ in range(count):
            render(plan)

    render(plan)  # the first render of a process compiles the template
    plain_s, ours_s = best(plain, 3), best(ours, 3)
    figure("render_plain_docxtpl_ms", plain_s / count * 1000, "ms/doc")
    figure("render_vbdocs_ms", ours_s / count * 1000, "ms/doc")
    figure("render_speedup", plain_s / ours_s, "x (target >= 2)")


def synthetic_campaign(folder: Path, forms: int) -> Path:
    """The 2024 campaign with generated units: `forms` report forms (2 per unit)."""
    shutil.copytree(CONFIG, folder, dirs_exist_ok=True)
    units = "".join(
        f"  - code: U{i:04d}\n    name: Đơn vị số {i}\n    abbreviation: U{i:04d}\n    kind: affiliated\n"
        f"    head_title: Giám đốc\n" for i in range(forms // 2)
    )
    text = (folder / "units.yaml").read_text(encoding="utf-8")
    start, end = text.index("\nunits:\n"), text.index("\ngroups:\n")
    (folder / "units.yaml").write_text(text[:start] + "\nunits:\n" + units + text[end:], encoding="utf-8")
    campaign = (folder / "campaign_2024.yaml").read_text(encoding="utf-8")
    campaign = campaign.replace("      - unit: VP\n", "      - unit: TRUC_THUOC\n")
    campaign = campaign.replace("members: [VP, TTR, KHTC, QLXD]", "members: [U0000]")
    campaign = campaign.replace("members: [CCTTBVTV, CCCNTY, CCKL, CCTS, CCTL, CCPTNT, TTKN, TTNS]", "members: [U0001]")
    campaign = campaign.replace("  collected_by: VP", "  collected_by: U0000")  # the synthetic units' office
    campaign = campaign.replace("  filing:\n    unit: VP\n", "  filing:\n    unit: U0000\n")
    campaign = campaign.replace("    drafting_unit: VP\n", "    drafting_unit: U0000\n")
    campaign = campaign.replace("    filing:\n      unit: VP\n", "    filing:\n      unit: U0000\n")
    (folder / "campaign_2024.yaml").write_text(campaign, encoding="utf-8")
    (folder / "units.yaml").write_text((folder / "units.yaml").read_text(encoding="utf-8")
                                       .replace("members: [VP, TTR, KHTC, QLXD]", "members: [U0000]")
                                       .replace("members: [CCTTBVTV, CCCNTY, CCKL, CCTS, CCTL, CCPTNT, TTKN, TTNS]",
                                                "members: [U0001]"), encoding="utf-8")
    return folder / "campaign_2024.yaml"


def build_in_child(campaign: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Wall time and peak memory (MB, largest process) of a report-form build in a fresh process."""
    code = (
        "import resource, sys, time, vbdocs\n"
        "t = time.perf_counter()\n"
        f"vbdocs.build({str(campaign)!r}, output={str(out)!r}, only=['report_form'], jobs={jobs})\n"
        "elapsed = time.perf_counter() - t\n"
        "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(elapsed, max(own, kids) / 1024)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    elapsed, peak = map(float, result.stdout.split())
    return elapsed, peak


def sets(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        per_doc = []
        for size in sizes:
            campaign = synthetic_campaign(Path(tmp) / f"c{size}", size)
            elapsed, peak = build_in_child(campaign, Path(tmp) / f"out{size}", 1)
            figure(f"set_{size}_forms_s", elapsed, "s")
            figure(f"set_{size}_forms_peak_mb", peak, "MB (target < 120 at 1000)")
            per_doc.append(elapsed / size)
        figure("set_linearity", per_doc[-1] / per_doc[0], f"(per-document time at {sizes[-1]} / at {sizes[0]})")
        largest = sizes[-1]
        campaign = Path(tmp) / f"c{largest}" / "campaign_2024.yaml"
        one, _ = build_in_child(campaign, Path(tmp) / "j1", 1)
        two, _ = build_in_child(campaign, Path(tmp) / "j2", 2)
        figure(f"set_{largest}_jobs1_s", one, "s")
        figure(f"set_{largest}_jobs2_s", two, "s")
        figure("jobs2_speedup", one / two, "x (target >= 1.7)")


def pdf(count: int) -> None:
    """Documents per second: one long-lived LibreOffice against one start per document."""
    import vbdocs
    from vbdocs.pdf import Converter

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "docx"
        vbdocs.build(CONFIG / "campaign_2024.yaml", output=out, only=["report_form"])
        docs = sorted(out.glob("*.docx"))
        persistent_docs = docs[:count]
        once_docs = docs[: max(3, count // 4)]
        start = time.perf_counter()
        with Converter(persistent=True) as converter:
            for d in persistent_docs:
                converter.convert(d, Path(tmp) / f"{d.stem}.pdf")
        persistent = (time.perf_counter() - start) / len(persistent_docs)
        start = time.perf_counter()
        with Converter(persistent=False) as converter:
            for d in once_docs:
                converter.convert(d, Path(tmp) / f"{d.stem}-once.pdf")
        once = (time.perf_counter() - start) / len(once_docs)
    figure("pdf_persistent_docs_per_s", 1 / persistent, f"docs/s ({len(persistent_docs)} docs, start included)")
    figure("pdf_one_start_per_doc_docs_per_s", 1 / once, f"docs/s ({len(once_docs)} docs)")
    figure("pdf_speedup", once / persistent, "x (target >= 5)")


def startup() -> None:
    exe = shutil.which("vbdocs") or str(Path(sys.executable).with_name("vbdocs"))
    help_s = best(lambda: subprocess.run([exe, "--help"], check=True, capture_output=True), 5)
    validate_s = best(lambda: subprocess.run([exe, "validate", str(CONFIG / "campaign_2024.yaml")], check=True,
                                             capture_output=True), 5)
    figure("cli_help_s", help_s, "s (target < 0.3)")
    figure("cli_validate_s", validate_s, "s (target < 0.3)")
    from vbdocs.config import load_config

    load_config(CONFIG / "campaign_2024.yaml")
    figure("validate_campaign_ms", best(lambda: load_config(CONFIG / "campaign_2024.yaml"), 10) * 1000,
           "ms (target < 50)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()
    import warnings

    from vbdocs.errors import VbdocsWarning

    warnings.simplefilter("ignore", VbdocsWarning)  # the figures, not the campaign's review notes
    gc.collect()
    startup()
    render_speed(20 if args.quick else 50)
    sets([10, 100] if args.quick else [10, 100, 1000])
    if not args.no_pdf:
        pdf(8 if args.quick else 30)


if __name__ == "__main__":
    main()
