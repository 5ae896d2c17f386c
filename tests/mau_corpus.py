"""The checker's corpus: the Decree's own Mẫu (tests/mau/) filled in as an office fills them.

Each placeholder paragraph of a Mẫu is replaced by realistic text, in order, keeping the
paragraph's own formatting (its first run's look, its style, its alignment): the rule lines drawn
as paragraphs of "_", the header and signature tables, Word's sizes. Nothing else is touched, so
what the checker says of a filled Mẫu is what it says of the Decree's own layout.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

MAU = Path(__file__).parent / "mau"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


#: What an office writes in place of the placeholders shared by every Mẫu, in reading order.
HEADER = [
    ("TÊN CQ, TC CHỦ QUẢN", "UBND TỈNH BÌNH THUẬN"),
    ("TÊN CƠ QUAN, TỔ", "SỞ NÔNG NGHIỆP VÀ\nPHÁT TRIỂN NÔNG THÔN"),
]
DATE = ("ngày", "Bình Thuận, ngày 05 tháng 3 năm 2024")
SIGNATURE = [
    ("QUYỀN HẠN, CHỨC VỤ", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"),
    ("(Chữ ký của người", ""),
    ("dấu", ""),
    ("Họ và tên", "Nguyễn Quang Trung"),
]
BODY = ("Sở Nông nghiệp và Phát triển nông thôn đề nghị các đơn vị trực thuộc tổ chức thực hiện nghiêm túc, "
        "đúng tiến độ các nội dung đã được phê duyệt, báo cáo kết quả về Sở trước ngày 15 tháng 12 năm 2024")

#: Each Mẫu's own placeholders, in reading order: (the start of the placeholder's text, what
#: replaces it; "" empties the paragraph). A key is matched against a paragraph's text with its
#: dots, tabs and spaces squeezed, each key once, in order.
FILLS: dict[str, list[tuple[str, str]]] = {
    "M1.1": [
        ("TÊN CQ, TC CHỦ QUẢN", ""), ("TÊN CƠ QUAN", "HỘI ĐỒNG NHÂN DÂN\nTỈNH BÌNH THUẬN"),
        ("Số:", "Số: 15/NQ-HĐND"), DATE, ("NGHỊ QUYẾT", "NGHỊ QUYẾT"),
        ("5", "Về việc thông qua Kế hoạch đầu tư công trung hạn giai đoạn 2021-2025"),
        ("THẨM QUYỀN", "HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH THUẬN"),
        ("Căn cứ", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
        ("Căn cứ", "Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;"),
        (".", "Xét Tờ trình số 120/TTr-UBND ngày 20 tháng 02 năm 2024 của Ủy ban nhân dân tỉnh."),
        ("QUYẾT NGHỊ", "QUYẾT NGHỊ:"),
        ("6", "Thông qua Kế hoạch đầu tư công trung hạn giai đoạn 2021-2025 của tỉnh Bình Thuận với tổng vốn "
              "đầu tư công nguồn ngân sách địa phương theo Tờ trình của Ủy ban nhân dân tỉnh./."),
        ("- Như Điều", "- Như Điều 1;"), ("- .", "- Thường trực HĐND tỉnh;"), ("- Lưu", "- Lưu: VT, TH."),
        ("QUYỀN HẠN", "TM. HỘI ĐỒNG NHÂN DÂN\nCHỦ TỊCH"), ("(Chữ ký", ""), ("dấu", ""),
        ("Họ và tên", "Nguyễn Hoài Anh"),
    ],
    "M1.2": [
        *HEADER, ("Số:", "Số: 25/QĐ-SNN"), DATE, ("QUYẾT ĐỊNH", "QUYẾT ĐỊNH"),
        ("Về việc", "Về việc thành lập Tổ công tác chuyển đổi số của Sở"),
        ("THẨM QUYỀN", "GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"),
        ("Căn cứ", "Căn cứ Quyết định số 1015/QĐ-UBND ngày 12 tháng 5 năm 2023 của Ủy ban nhân dân tỉnh quy định "
                   "chức năng, nhiệm vụ, quyền hạn của Sở;"),
        ("Căn cứ", "Căn cứ Kế hoạch số 58/KH-UBND ngày 10 tháng 01 năm 2024 của Ủy ban nhân dân tỉnh;"),
        ("Theo đề nghị", "Theo đề nghị của Chánh Văn phòng Sở."),
        ("QUYẾT ĐỊNH:", "QUYẾT ĐỊNH:"),
        ("Điều 1", "**Điều 1.** Thành lập Tổ công tác chuyển đổi số của Sở Nông nghiệp và Phát triển nông thôn gồm "
                   "các thành viên có tên trong danh sách kèm theo."),
        ("Điều", "**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Thủ trưởng các đơn vị "
                 "và các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
        (".", ""),
        ("- Như Điều", "- Như Điều 2;"), ("- .", "- UBND tỉnh (b/c);"), ("- Lưu", "- Lưu: VT, VP."),
        *SIGNATURE,
    ],
    "M1.4": [
        *HEADER, ("Số:", "Số: 12/KH-SNN"), DATE, ("TÊN LOẠI", "KẾ HOẠCH"),
        ("7", "Tổ chức Ngày hội nông sản tỉnh Bình Thuận năm 2024"),
        ("8", BODY + "./."), ("./.", ""),
        ("- .", "- UBND tỉnh (b/c);"), ("- .", "- Các đơn vị trực thuộc Sở;"), ("- Lưu", "- Lưu: VT, KHTC."),
        *SIGNATURE,
    ],
    "M1.5": [
        *HEADER, ("Số:", "Số: 3870/SNN-VP"), ("V/v", "V/v triển khai Kế hoạch chuyển đổi số năm 2024"),
        DATE, ("Kính gửi", "Kính gửi:"), ("- ", "- Các phòng chuyên môn Sở;"), ("- ", "- Các đơn vị trực thuộc Sở."),
        ("7", BODY + "./."), ("./.", ""),
        ("- Như trên", "- Như trên;"), ("- .", "- Giám đốc Sở (b/c);"), ("- Lưu", "- Lưu: VT, VP."),
        *SIGNATURE, ("10", ""),
    ],
    "M1.8": [
        *HEADER, ("Số:", "Số: 25/GGT-SNN"), DATE, ("GIẤY GIỚI THIỆU", "GIẤY GIỚI THIỆU"),
        ("2", "Sở Nông nghiệp và Phát triển nông thôn trân trọng giới thiệu:"),
        ("Ông", "Ông Trần Văn Hùng"), ("Chức vụ", "Chức vụ: Chuyên viên Văn phòng Sở"),
        ("Được cử đến", "Được cử đến: Ủy ban nhân dân huyện Hàm Thuận Bắc"),
        ("Về việc", "Về việc: liên hệ công tác tổng hợp mô hình kinh tế nông nghiệp hiệu quả năm 2024"),
        ("", ""),
        ("Đề nghị", "Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ."),
        ("Giấy này", "Giấy này có giá trị đến hết ngày 30 tháng 6 năm 2024./."),
        SIGNATURE[0], ("- Như trên", "- Như trên;"), ("- Lưu", "- Lưu: VT."), *SIGNATURE[1:],
    ],
    "M1.3": [
        *HEADER, ("Số:", "Số: 05/QĐ-SNN"), DATE, ("QUYẾT ĐỊNH", "QUYẾT ĐỊNH"),
        ("Ban hành", "Ban hành Quy chế làm việc của Tổ công tác chuyển đổi số"),
        ("THẨM QUYỀN", "GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"),
        ("Căn cứ", "Căn cứ Quyết định số 1015/QĐ-UBND ngày 12 tháng 5 năm 2023 của Ủy ban nhân dân tỉnh;"),
        ("Căn cứ", "Căn cứ Quyết định số 25/QĐ-SNN ngày 05 tháng 02 năm 2024 của Giám đốc Sở;"),
        ("Theo đề nghị", "Theo đề nghị của Chánh Văn phòng Sở."), ("QUYẾT ĐỊNH:", "QUYẾT ĐỊNH:"),
        ("Điều 1", "**Điều 1.** Ban hành kèm theo Quyết định này Quy chế làm việc của Tổ công tác chuyển đổi số "
                   "của Sở Nông nghiệp và Phát triển nông thôn."),
        (".", ""),
        ("Điều", "**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở và các thành viên Tổ "
                 "công tác chịu trách nhiệm thi hành Quyết định này./."),
        (".", ""),
        ("- Như Điều", "- Như Điều 2;"), ("- .", "- UBND tỉnh (b/c);"), ("- Lưu", "- Lưu: VT, VP."), *SIGNATURE,
    ],
    "M1.3-attach-paper": [
        *HEADER, ("TÊN LOẠI", "QUY CHẾ"), ("1", "Làm việc của Tổ công tác chuyển đổi số"),
        ("(Kèm theo", "(Kèm theo Quyết định số 05/QĐ-SNN ngày 08 tháng 02 năm 2024 của Giám đốc Sở Nông nghiệp và "
                      "Phát triển nông thôn)"),
        ("3", "Chương I"), ("", "QUY ĐỊNH CHUNG"),
        ("Điều 1", "**Điều 1.** Quy chế này quy định nguyên tắc, chế độ làm việc và trách nhiệm của các thành viên "
                   "Tổ công tác chuyển đổi số của Sở Nông nghiệp và Phát triển nông thôn."),
        ("Điều", "**Điều 2.** Tổ công tác làm việc theo chế độ tập thể, bàn bạc dân chủ; Tổ trưởng quyết định các "
                 "vấn đề sau khi đã tham khảo ý kiến của các thành viên."),
        (".", ""), ("", "Chương II"), ("", "TỔ CHỨC THỰC HIỆN"),
        ("Điều", "**Điều 3.** Trách nhiệm thi hành"),
        (".", "Các thành viên Tổ công tác và các đơn vị có liên quan chịu trách nhiệm thực hiện Quy chế này./."),
    ],
    "M1.6": [
        *HEADER, ("Số:", "Số: 08/CĐ-SNN"), DATE, ("CÔNG ĐIỆN", "CÔNG ĐIỆN"),
        ("5", "Về việc chủ động ứng phó với hạn hán, thiếu nước"),
        ("6", "GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN điện:"),
        ("- ", "- Các chi cục, trung tâm trực thuộc Sở;"), ("- ", "- Phòng Nông nghiệp và PTNT các huyện."),
        ("8", BODY + "./."), ("./.", ""),
        ("Nơi nhận", "Nơi nhận:"), SIGNATURE[0], ("- ", "- Như trên;"), ("- ", "- UBND tỉnh (b/c);"),
        ("- Lưu", "- Lưu: VT, TTBVTV."), ("(Chữ ký", ""), ("dấu", ""), ("Họ và tên", "Nguyễn Quang Trung"),
        ("Ghi chú", ""), *[("", "")] * 10,
    ],
    "M1.7": [
        *HEADER, ("Số:", "Số: 12/GM-SNN"), DATE, ("GIẤY MỜI", "GIẤY MỜI"),
        ("5", "Dự Hội nghị sơ kết 6 tháng đầu năm 2024"),
        ("2", "Sở Nông nghiệp và Phát triển nông thôn trân trọng kính mời: Ông (bà) Thủ trưởng các đơn vị trực "
              "thuộc Sở"),
        ("Tới dự", "Tới dự Hội nghị sơ kết công tác 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2024."),
        ("", ""),
        ("Chủ trì", "Chủ trì: Bà Mai Kiều, Giám đốc Sở."),
        ("Thời gian", "Thời gian: 08 giờ 00, Thứ Năm, ngày 11 tháng 7 năm 2024."),
        ("Địa điểm", "Địa điểm: Hội trường Sở Nông nghiệp và Phát triển nông thôn."),
        ("8", "Đề nghị các đơn vị chuẩn bị báo cáo kết quả 6 tháng đầu năm của đơn vị./."),
        ("Nơi nhận", "Nơi nhận:"), SIGNATURE[0], ("- ", "- Như trên;"), ("- ", "- Giám đốc Sở (b/c);"),
        ("- Lưu", "- Lưu: VT, VP."), ("(Chữ ký", ""), ("dấu", ""), ("Họ và tên", "Nguyễn Quang Trung"),
    ],
    "M1.9": [
        *HEADER, ("Số:", "Số: 03/BB-SNN"), ("BIÊN BẢN", "BIÊN BẢN"),
        ("4", "Họp Tổ công tác chuyển đổi số"),
        ("Thời gian", "Thời gian bắt đầu: 14 giờ 00, Thứ Năm, ngày 12 tháng 9 năm 2024."),
        ("Địa điểm", "Địa điểm: Phòng họp số 1, Sở Nông nghiệp và Phát triển nông thôn."),
        ("Thành phần", "Thành phần tham dự: các thành viên Tổ công tác (có mặt 7/7 thành viên)."),
        ("Chủ trì", "Chủ trì (chủ tọa): Ông Nguyễn Quang Trung, Phó Giám đốc Sở."),
        ("Thư ký", "Thư ký (người ghi biên bản): Bà Lê Thị Hồng, Chuyên viên Văn phòng Sở."),
        ("Nội dung", "Nội dung (theo diễn biến cuộc họp):"),
        ("Cuộc họp", "Cuộc họp kết thúc vào 16 giờ 30, ngày 12 tháng 9 năm 2024./."),
        ("THƯ KÝ", "THƯ KÝ"), ("CHỦ TỌA", "CHỦ TỌA"), ("(Chữ ký)", ""), ("(Chữ ký", ""), ("dấu", ""),
        ("Họ và tên", "Lê Thị Hồng"), ("Họ và tên", "Nguyễn Quang Trung"),
        ("Nơi nhận", "Nơi nhận:"), ("- ", "- Các thành viên Tổ công tác;"), ("- Lưu", "- Lưu: VT, Hồ sơ."),
    ],
    "M1.10": [
        *HEADER, ("Số:", "Số: 40/GNP-SNN"), DATE, ("GIẤY NGHỈ PHÉP", "GIẤY NGHỈ PHÉP"),
        ("Xét Đơn", "Xét Đơn đề nghị nghỉ phép ngày 09 tháng 8 năm 2024 của bà Nguyễn Thị Thanh Tâm, Sở Nông "
                    "nghiệp và Phát triển nông thôn cấp cho:"),
        ("2", ""),
        ("Ông", "Bà Nguyễn Thị Thanh Tâm"), ("Chức vụ", "Chức vụ: Chuyên viên Văn phòng Sở"),
        ("Được nghỉ", "Được nghỉ phép trong thời gian 05 ngày, kể từ ngày 19 tháng 8 năm 2024 đến hết ngày 23 tháng "
                      "8 năm 2024 tại thành phố Đà Lạt, tỉnh Lâm Đồng."),
        ("Số ngày", "Số ngày nghỉ phép nêu trên được tính vào thời gian nghỉ phép năm 2024./."),
        ("- ", "- Bà Nguyễn Thị Thanh Tâm;"), ("- Lưu", "- Lưu: VT, VP."), *SIGNATURE,
        ("Xác nhận", ""), ("(Chữ ký, dấu)", ""), ("Họ và tên", ""),
    ],
    "M2.1": [
        ("Phụ lục", "Phụ lục I"), ("2", "DANH SÁCH THÀNH VIÊN TỔ CÔNG TÁC"),
        ("(Kèm theo", "(Kèm theo Quyết định số 25/QĐ-SNN ngày 05 tháng 3 năm 2024 của Sở Nông nghiệp và Phát triển "
                      "nông thôn)"),
        ("6", "Tổ công tác gồm 07 thành viên là lãnh đạo và chuyên viên các phòng, đơn vị trực thuộc Sở, do Phó "
              "Giám đốc Sở làm Tổ trưởng./."),
        ("./.", ""),
    ],
    "M2.2": [
        ("Số:", "Số: 3870/SNN-VP; 05/3/2024; 09:15:00 +07:00"),
        ("Phụ lục", "Phụ lục I"), ("2", "DANH SÁCH CÁC ĐƠN VỊ THỰC HIỆN"),
        ("(Kèm theo", "(Kèm theo Văn bản số      /SNN-VP ngày     tháng     năm      của Sở Nông nghiệp và Phát "
                      "triển nông thôn)"),
        ("7", "Các chi cục, trung tâm trực thuộc Sở và Phòng Nông nghiệp và Phát triển nông thôn các huyện, thị xã, "
              "thành phố thực hiện theo hướng dẫn tại Văn bản này./."),
        ("./.", ""),
    ],
    "M3.1": [
        *HEADER, ("Số:", "Số: 05/QĐ-SNN"), DATE, ("TÊN LOẠI", "QUYẾT ĐỊNH"),
        ("", "Về việc thành lập Tổ công tác chuyển đổi số của Sở"),
        ("./.", "**Điều 1.** Thành lập Tổ công tác chuyển đổi số của Sở Nông nghiệp và Phát triển nông thôn gồm "
                "các thành viên có tên trong danh sách kèm theo. Quyết định này có hiệu lực kể từ ngày ký./."),
        ("- .", "- Như Điều 1;"), ("- .", "- UBND tỉnh (b/c);"), ("- Lưu", "- Lưu: VT, VP."),
        ("QUYỀN HẠN", "GIÁM ĐỐC"), ("(Chữ ký", "(Đã ký)"), ("dấu", ""), ("Họ và tên", "Mai Kiều"),
        ("TÊN CƠ QUAN", "SỞ NÔNG NGHIỆP VÀ\nPHÁT TRIỂN NÔNG THÔN"), ("Số:", "Số: 02/SY-SNN"), ("1", "SAO Y"),
        ("6", "Bình Thuận, ngày 08 tháng 3 năm 2024"),
        ("Nơi nhận", "Nơi nhận:"), ("- .", "- Các đơn vị trực thuộc Sở;"), ("- .", "- Website Sở;"),
        ("- Lưu", "- Lưu: VT."), ("QUYỀN HẠN", "TL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG"), ("(Chữ ký", ""), ("dấu", ""),
        ("Họ và tên", "Trần Minh Tâm"),
    ],
    "M3.2": [
        ("1", "SAO Y; Sở Nông nghiệp và Phát triển nông thôn; 08/3/2024; 10:05:00 +07:00"),
        *HEADER, ("Số:", "Số: 05/QĐ-SNN"), DATE, ("TÊN LOẠI", "QUYẾT ĐỊNH"),
        ("", "Về việc thành lập Tổ công tác chuyển đổi số của Sở"),
        (".", "**Điều 1.** Thành lập Tổ công tác chuyển đổi số của Sở Nông nghiệp và Phát triển nông thôn gồm các "
              "thành viên có tên trong danh sách kèm theo. Quyết định này có hiệu lực kể từ ngày ký./."),
        ("- .", "- Như Điều 1;"), ("- .", "- UBND tỉnh (b/c);"), ("- Lưu", "- Lưu: VT, VP."),
        ("QUYỀN HẠN", "GIÁM ĐỐC"), ("(Chữ ký", "(Đã ký)"), ("dấu", ""), ("Họ và tên", "Mai Kiều"),
    ],
}


def _own(p: etree._Element, tag: str) -> list[etree._Element]:
    """The ``tag`` elements of the paragraph itself, not of a text box drawn in it."""
    return [el for el in p.iter(w(tag))
            if next((a for a in el.iterancestors() if a.tag in (w("p"), w("txbxContent"))), None) is p]

#: Mẫu 1.3's attached text in its electronic form: the same, but the Quyết định's number and date
#: left to the digital signature (Mẫu 1.3, note 2).
FILLS["M1.3-attach-electronic"] = [
    ("(Kèm theo", "(Kèm theo Quyết định số      /QĐ-SNN ngày     tháng     năm      của Giám đốc Sở Nông nghiệp và "
                  "Phát triển nông thôn)") if key == "(Kèm theo" else (key, new)
    for key, new in FILLS["M1.3-attach-paper"]
]


def _squeezed(text: str) -> str:
    return re.sub(r"[\s.…_]+", " ", text).strip()


def _set_text(p: etree._Element, text: str) -> None:
    """The paragraph's text replaced by ``text`` in its first run's look; "\\n" a line break."""
    runs = _own(p, "r")
    # the text goes into the first run that held text (a leading tab's run may have another look)
    inked = [r for r in runs if "".join(t.text or "" for t in r.iter(w("t"))).strip()]
    for run in runs:
        for child in list(run):
            if child.tag in (w("t"), w("tab"), w("br")):
                run.remove(child)
    if not runs:
        runs = [etree.SubElement(p, w("r"))]
    first = inked[0] if inked else runs[0]
    head = ""
    if text.startswith("**") and "**" in text[2:]:  # "**Điều 1.** …": the head bold, the rest plain
        head, text = text[2:].split("**", 1)
    target = first
    if head:
        t = etree.SubElement(first, w("t"))
        t.text, _ = head, t.set(XML_SPACE, "preserve")
        _bold(first, True)
        target = etree.Element(w("r"))
        rpr = first.find(w("rPr"))
        if rpr is not None:
            target.append(etree.fromstring(etree.tostring(rpr)))
        _bold(target, False)
        first.addnext(target)
    for i, line in enumerate(text.split("\n")):
        if i:
            etree.SubElement(target, w("br"))
        t = etree.SubElement(target, w("t"))
        t.text = line
        t.set(XML_SPACE, "preserve")


def _bold(run: etree._Element, on: bool) -> None:
    rpr = run.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        run.insert(0, rpr)
    for tag in ("b", "bCs"):
        old = rpr.find(w(tag))
        if old is not None:
            rpr.remove(old)
    if on:
        rpr.insert(0, etree.Element(w("b")))


def _is_rule(p: etree._Element) -> bool:
    text = "".join(t.text or "" for t in p.iter(w("t"))).strip()
    return len(text) >= 3 and set(text) <= {"_"}


def _look(p: etree._Element) -> tuple[float, bool, bool]:
    """Size, bold and whether set as a superscript, of the paragraph's first run with text."""
    for run in p.iter(w("r")):
        if "".join(t.text or "" for t in run.iter(w("t"))).strip():
            size = run.find(f"{w('rPr')}/{w('sz')}")
            script = run.find(f"{w('rPr')}/{w('vertAlign')}")
            return (int(size.get(w("val"))) / 2 if size is not None else 13,
                    run.find(f"{w('rPr')}/{w('b')}") is not None,
                    script is not None and script.get(w("val")) in ("superscript", "subscript"))
    return 13, False, False


def _fit_rule(rule: etree._Element, above: etree._Element, share: float = 0.4) -> None:
    """Lengthen or shorten a typed rule of "_" to ``share`` of the widest line above it, as an
    office does once it has typed the name or the trích yếu (the Mẫu's rule fits its placeholder)."""
    from vbdocs.check.rules import SCRIPT_SCALE
    from vbdocs.layout.metrics import text_width

    size, bold, _ = _look(above)
    lines = "\n".join(t.text or "" if t.tag == w("t") else "\n" for t in above.iter(w("t"), w("br"))).split("\n")
    widest = max(text_width(line.strip(), size, bold=bold) for line in lines)
    rule_size, _, script = _look(rule)
    one = text_width("_", rule_size * (SCRIPT_SCALE if script else 1))
    _set_text_keep(rule, "_" * max(3, round(widest * share / one)))


def _set_text_keep(p: etree._Element, text: str) -> None:
    ts = list(p.iter(w("t")))
    ts[0].text = text
    for t in ts[1:]:
        t.text = ""


def fill(name: str, target: Path, fills: list[tuple[str, str]] | None = None) -> Path:
    """The Mẫu ``name`` ("M1.2") filled in with ``fills`` (its own by default), written to ``target``."""
    todo = list(FILLS[name] if fills is None else fills)
    with zipfile.ZipFile(MAU / f"{name}.docx") as src:
        root = etree.fromstring(src.read("word/document.xml"))
        for p in root.iter(w("p")):
            if not todo:
                break
            text = "".join(t.text or "" for t in _own(p, "t"))
            if not text.strip() or set(text.strip()) <= {"_"}:
                continue  # an empty paragraph or a rule line: the office keeps it
            key, new = todo[0]
            if _squeezed(text).startswith(_squeezed(key)) or (key and key in text):
                _set_text(p, new)
                todo.pop(0)
                following = p.getnext()
                if new and following is not None and following.tag == w("p") and _is_rule(following) \
                        and not key.startswith("Độc lập"):
                    # under "(Kèm theo …)" the rule is the trích yếu's, the paragraph before it
                    _fit_rule(following, p.getprevious() if new.startswith("(Kèm theo") else p)
        assert not todo, f"{name}: placeholders not found: {todo}"
        data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                dst.writestr(item, data if item.filename == "word/document.xml" else src.read(item.filename))
    return target
