"""Write vbdocs/layout/metrics.json: advance widths of the Times New Roman metrics.

Liberation Serif is metric-compatible with Times New Roman (same advance widths),
so its widths measure text as Word and LibreOffice lay it out. Only widths are
taken (numbers, not glyphs). Run once when the covered characters change:

    pip install fonttools && python tools/make_metrics.py /usr/share/fonts/truetype/liberation2
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

FACES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold_italic": "LiberationSerif-BoldItalic.ttf",
}
# Latin, Latin-1, Latin Extended-A/B, Vietnamese (Latin Extended Additional),
# general punctuation, and the combining marks of decomposed Vietnamese.
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x323), (0x1E00, 0x1EFF), (0x2000, 0x206F)]


def main(folder: str) -> None:
    out: dict[str, object] = {"source": "Liberation Serif 2 (metric-compatible with Times New Roman)"}
    for face, filename in FACES.items():
        font = TTFont(str(Path(folder) / filename))
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        out["units_per_em"] = font["head"].unitsPerEm
        widths = {}
        for lo, hi in RANGES:
            for cp in range(lo, hi + 1):
                if cp in cmap:
                    widths[chr(cp)] = hmtx[cmap[cp]][0]
        out[face] = widths
    target = Path(__file__).resolve().parent.parent / "vbdocs" / "layout" / "metrics.json"
    target.write_text(json.dumps(out, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                      encoding="utf-8")
    print(f"wrote {target} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/liberation2")
