"""How `vbdocs check` grows with a document: rerun with `python benchmarks/check_large.py`.

Builds the 2024 plan, then copies of it whose body repeats its paragraphs until it holds N
paragraphs (1,000 to 100,000), and checks each in a fresh process: wall time and peak RSS.
Prints one `name: value` line per figure; `check_linearity` is the time per paragraph at the
largest N over that at the smallest (≤ 1: no growth), `check_memory_per_1000_paragraphs_mb`
the slope of the peak (flat memory: a constant per paragraph, no more).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (1_000, 10_000, 100_000)

# The peak is the process's own high-water mark (VmHWM): ru_maxrss would carry over, through exec,
# the peak of the benchmark that started it, which has just written the stretched file.
_PROBE = """
import re, sys, time
from vbdocs.check import check
start = time.perf_counter()
report = check(sys.argv[1])
elapsed = time.perf_counter() - start
with open("/proc/self/status") as status:
    peak = int(re.search(r"VmHWM:\\s*(\\d+)", status.read()).group(1)) / 1024
print(elapsed, peak, len(report.findings))
"""


def figure(name: str, value: float, unit: str = "") -> None:
    print(f"{name}: {value:.3g}{(' ' + unit) if unit else ''}", flush=True)


def stretched(plan: Path, target: Path, paragraphs: int) -> None:
    """The plan with its body paragraphs repeated to ``paragraphs`` top-level paragraphs, after
    its last one (before Nơi nhận): text the body rules judge."""
    with zipfile.ZipFile(plan) as src:
        xml = src.read("word/document.xml").decode("utf-8")
        body = re.findall(r'<w:p>(?:(?!</w:p>).)*?VBBody.*?</w:p>', xml, flags=re.S)
        body = [p for p in body if "<w:t" in p and "sectPr" not in p]
        assert body, "no body paragraph found to repeat"
        filler = "".join(body[i % len(body)] for i in range(paragraphs))
        at = xml.index(body[-1]) + len(body[-1])
        xml = xml[:at] + filler + xml[at:]
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                dst.writestr(item.filename, xml if item.filename == "word/document.xml" else src.read(item.filename))


def main() -> None:
    import vbdocs

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        vbdocs.build(ROOT / "config" / "campaign_2024.yaml", output=out / "set", only=["plan"])
        plan = next((out / "set").glob("ke-hoach*.docx"))
        results = {}
        for n in SIZES:
            path = out / f"plan-{n}.docx"
            stretched(plan, path, n)
            run = subprocess.run([sys.executable, "-c", _PROBE, str(path)], check=True, capture_output=True, text=True)
            seconds, peak, _ = run.stdout.split()
            results[n] = (float(seconds), float(peak))
            figure(f"check_{n}_paragraphs_s", float(seconds), "s")
            figure(f"check_{n}_paragraphs_peak_mb", float(peak), "MB")
        small, large = SIZES[0], SIZES[-1]
        figure("check_linearity", (results[large][0] / large) / (results[small][0] / small))
        figure("check_memory_per_1000_paragraphs_mb",
               (results[large][1] - results[small][1]) / ((large - small) / 1000), "MB")


if __name__ == "__main__":
    main()
