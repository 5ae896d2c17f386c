"""The corpus of bad inputs: each case edits the small valid campaign in
tests/bad_input/ (or writes a file of its own) in one way a clerk or a tool could."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Edit = Callable[[Path], None]


def replace(file: str, old: str, new: str) -> Edit:
    def edit(folder: Path) -> None:
        path = folder / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), encoding="utf-8")
    return edit


def write(file: str, data: bytes | str) -> Edit:
    def edit(folder: Path) -> None:
        path = folder / file
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return edit


def both(*edits: Edit) -> Edit:
    def edit(folder: Path) -> None:
        for one in edits:
            one(folder)
    return edit


#: Lines like those of /etc/shadow: a file of another program that a campaign may name.
SHADOW = "root:*:19700:0:99999:7:::\nclerk:$6$Zq1e8xY2$Gk2bH0tVb1fJ8o0nqWw3kq0K9mS8Yx1mW:19701:0:99999:7:::\n"


def _folder_instead(folder: Path) -> None:
    (folder / "campaign.yaml").unlink()
    (folder / "campaign.yaml").mkdir()


def _alias_bomb() -> str:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i, name in enumerate("bcdefgh"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{'abcdefgh'[i]}"] * 10) + "]")
    return "\n".join(lines) + "\n"


C, U = "campaign.yaml", "units.yaml"
CASES: dict[str, Edit] = {
    "syntax-unclosed-list": replace(C, "reports: [q2]", "reports: [q2"),
    "syntax-colon-in-text": replace(C, 'opening: "Sở Nội vụ xây dựng kế hoạch thực hiện như sau:"',
                                    "opening: Sở Nội vụ xây dựng kế hoạch thực hiện như sau:"),
    "syntax-bad-indent": replace(C, "  year: 2024\n", "   year: 2024\n"),
    "tab-indentation": replace(C, "  year: 2024", "\tyear: 2024"),
    "wrong-type-year": replace(C, "year: 2024", "year: năm 2024"),
    "wrong-type-items": replace(C, "      items:\n        - Nâng cao nhận thức.", "      items: Nâng cao nhận thức."),
    "wrong-type-number": replace(C, "  number: 7", "  number: bảy"),
    "number-zero": replace(C, "  number: 7", "  number: 0"),
    "unknown-key-typo": replace(C, "  subject: Thực hiện", "  subjct: Thực hiện"),
    "unknown-key-units": replace(U, "  place: Hà Nội", "  place: Hà Nội\n  province: Hà Nội"),
    "missing-opening": replace(C, '  opening: "Sở Nội vụ xây dựng kế hoạch thực hiện như sau:"\n', ""),
    "missing-campaign": replace(C, "campaign:\n  name: Phong trào thi đua\n  year: 2024\n", ""),
    "missing-signer": replace(C, "  signer:\n    person: an\n", ""),
    "empty-items": replace(C, "      items:\n        - Nâng cao nhận thức.", "      items: []"),
    "empty-text": replace(C, "        - Nâng cao nhận thức.", '        - ""'),
    "duplicate-key": replace(C, "  year: 2024", "  year: 2024\n  year: 2025"),
    "duplicate-unit-code": replace(U, "people:", "  - code: VP\n    name: Văn phòng 2\n    abbreviation: VP2\n"
                                   "    kind: office\n    head_title: Chánh Văn phòng\npeople:"),
    "impossible-date": replace(C, "deadline: 2024-06-20", "deadline: 2024-02-31"),
    "date-as-text": replace(C, "deadline: 2024-06-20", "deadline: 20 tháng 6 năm 2024"),
    "impossible-day-first-date": replace(C, "deadline: 2024-06-20", "deadline: 31/6/2024"),
    "deadline-before-plan": replace(C, "deadline: 2024-06-20", "deadline: 2024-03-01"),
    "deadline-other-year": replace(C, "deadline: 2024-06-20", "deadline: 2025-06-20"),
    "plan-other-year": replace(C, "  date: 2024-03-05", "  date: 2023-12-05"),
    "unknown-person": replace(C, "    person: an", "    person: binh"),
    "unknown-unit": replace(C, "      - unit: VP", "      - unit: VPP"),
    "unknown-body": replace(C, "      issuer: ubnd", "      issuer: ubnd_tinh"),
    "unknown-report": replace(C, "reports: [q2]", "reports: [q3]"),
    "unknown-filing-unit": replace(C, "  filing:\n    unit: VP", "  filing:\n    unit: VT"),
    "recipient-both": replace(C, "    - to: ubnd\n", "    - to: ubnd\n      text: UBND Thành phố\n"),
    "recipient-neither": replace(C, "    - to: ubnd\n      purpose: báo cáo\n", "    - purpose: báo cáo\n"),
    "bad-authority": replace(C, "    person: an", "    person: an\n    authority: KY"),
    "bad-unit-kind": replace(U, "    kind: office", "    kind: department"),
    "bad-abbreviation": replace(U, "  abbreviation: SNV", "  abbreviation: S N V"),
    "bad-code": replace(U, "  - id: an", "  - id: 1an"),
    "unclosed-italic": replace(C, "        - Nâng cao nhận thức.", "        - Nâng cao *nhận thức."),
    "control-character": replace(C, "        - Nâng cao nhận thức.", '        - "Nâng cao\\x0b nhận thức."'),
    "empty-file": write(C, ""),
    "only-comments": write(C, "# chưa viết gì\n"),
    "list-at-top": write(C, "- units.yaml\n- campaign\n"),
    "not-utf8": write(C, "units: units.yaml\ncampaign:\n  name: Phong trào thi đua năm\n".encode("cp1252", "replace")
                      + b"  year: 2024 \xe9\n"),
    "directory": _folder_instead,
    "missing-units-file": replace(C, "units: units.yaml", "units: donvi.yaml"),
    "units-file-is-a-campaign": replace(C, "units: units.yaml", "units: campaign.yaml"),
    "alias-bomb": write(C, _alias_bomb()),
    "custom-tag": replace(C, "  name: Phong trào thi đua", "  name: !!python/object/apply:os.system [ls]"),
    "merge-key": replace(C, "  name: Phong trào thi đua", "  <<: {name: Phong trào thi đua}"),
    "two-documents": write(C, "units: units.yaml\n---\nunits: other.yaml\n"),
    "too-large": write(C, "# " + "x" * (2 * 1024 * 1024) + "\n"),
    "not-a-campaign-file": write(C, SHADOW),
    "not-a-units-file": both(write("shadow", SHADOW), replace(C, "units: units.yaml", "units: shadow")),
    "units-file-is-a-folder": replace(C, "units: units.yaml", "units: ."),
    "units-file-name-with-nul": replace(C, "units: units.yaml", 'units: "units\\0.yaml"'),
    "unknown-key-control-characters": replace(C, "  number: 7", '  number: 7\n  "\\e[2J\\a": x'),
    "unknown-key-long": replace(C, "  number: 7", "  number: 7\n  ? " + "k" * 5000 + "\n  : x"),
    "raw-control-character": replace(C, "        - Nâng cao nhận thức.", "        - Nâng cao\x07 nhận thức."),
    "raw-next-line": replace(C, "        - Nâng cao nhận thức.", "        - Nâng cao\x85nhận thức."),
    "escaped-c1-in-connector": replace(C, "      subject: thực hiện phong trào",
                                       '      connector: "\\x85"\n      subject: thực hiện phong trào'),
    "escaped-del-in-connector": replace(C, "      subject: thực hiện phong trào",
                                        '      connector: "về\\x7f"\n      subject: thực hiện phong trào'),
    "escaped-control-at-the-end": replace(C, "        - Nâng cao nhận thức.", '        - "Nâng cao nhận thức.\\x0c"'),
    "escaped-noncharacter": replace(C, "        - Nâng cao nhận thức.", '        - "Nâng cao\\uFFFE nhận thức."'),
    "escaped-surrogate": replace(C, "        - Nâng cao nhận thức.", '        - "Nâng cao\\uD800 nhận thức."'),
    "recursive-anchor": replace(C, "      items:\n        - Nâng cao nhận thức.", "      items: &i [*i]"),
    "deep-nesting": replace(C, "reports: [q2]", "reports: " + "[" * 500 + "q2" + "]" * 500),
}
