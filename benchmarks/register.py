"""Issues per second of the register, on SQLite and on PostgreSQL (a throwaway cluster, as the
tests make one): ``python benchmarks/register.py [--issues N] [--numbers N] [--clerks N]``.

Figures, one ``name: value`` line each:

- ``<backend>_issue_per_s``: ``vbdocs.register.issue.issue`` of N document files one after the
  other, in one process: the whole issue (YAML edited, document validated and rendered, file
  written, entry committed).
- ``<backend>_numbers_per_s``: the store alone, ``Register.issue`` with an entry made at once: the
  cost of taking a number and committing its entry, one clerk.
- ``<backend>_numbers_clerks<C>_per_s``: the same with C processes taking numbers at once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.postgres_cluster import cluster, new_database  # noqa: E402
from vbdocs.register.entry import RegisterEntry  # noqa: E402
from vbdocs.register.issue import issue  # noqa: E402
from vbdocs.register.store import open_register  # noqa: E402


def _entry(number: int) -> RegisterEntry:
    return RegisterEntry(2024, "van-ban", number, "KH-SNN", dt.date(2024, 3, 4), "Kế hoạch", "Trích yếu",
                         "Nguyễn Văn A", "Giám đốc", ("UBND tỉnh",), "VT, VP", 2, "VP", "", "bench.yaml#plan",
                         "bench.docx", "0" * 64)


def _numbers(url: str, count: int, agency: str) -> None:
    with open_register(url, timeout=120) as book:
        for _ in range(count):
            book.issue(agency, 2024, "van-ban", _entry)


def numbers_per_s(url: str, count: int, clerks: int) -> float:
    open_register(url).close()
    started = time.perf_counter()
    if clerks == 1:
        _numbers(url, count, "ONE")
    else:
        context = multiprocessing.get_context("fork")
        workers = [context.Process(target=_numbers, args=(url, count // clerks, "MANY")) for _ in range(clerks)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        count = count // clerks * clerks
    return count / (time.perf_counter() - started)


def issues_per_s(url: str, count: int) -> float:
    folder = Path(tempfile.mkdtemp(prefix="vbdocs-bench-"))
    try:
        shutil.copy(ROOT / "config" / "units.yaml", folder / "units.yaml")
        text = (ROOT / "examples" / "documents" / "so-nn" / "to-trinh.yaml").read_text(encoding="utf-8")
        text = text.replace("units: ../../../config/units.yaml", "units: units.yaml")
        paths = []
        for i in range(count):
            path = folder / f"to-trinh-{i}.yaml"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        (folder / "out").mkdir()
        open_register(url).close()
        started = time.perf_counter()
        for path in paths:
            issue(path, output=folder / "out", register=url, date=dt.date(2024, 3, 4))
        return count / (time.perf_counter() - started)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--issues", type=int, default=30)
    parser.add_argument("--numbers", type=int, default=1000)
    parser.add_argument("--clerks", type=int, default=8)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as tmp, cluster() as server:
        backends = {"sqlite": lambda name: str(Path(tmp) / f"{name}.sqlite"),
                    "postgresql": lambda name: new_database(server, name)}
        for backend, make in backends.items():
            print(f"{backend}_issue_per_s: {issues_per_s(make('issue'), args.issues):.1f}", flush=True)
            print(f"{backend}_numbers_per_s: {numbers_per_s(make('numbers'), args.numbers, 1):.0f}", flush=True)
            print(f"{backend}_numbers_clerks{args.clerks}_per_s: "
                  f"{numbers_per_s(make('clerks'), args.numbers, args.clerks):.0f}", flush=True)


if __name__ == "__main__":
    main()
