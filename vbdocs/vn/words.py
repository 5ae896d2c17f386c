"""Where the name of a cơ quan, tổ chức, or a trích yếu, may break: between its words, never inside one.

Vietnamese is written one syllable at a time, but many of its words have two or three
syllables: "xây dựng", "phát triển", "nông thôn", "kế hoạch", "ban quản lý". A clerk who
breaks a long name in the header (ô 1 and ô 2: "tên cơ quan, tổ chức chủ quản" and "tên
cơ quan, tổ chức ban hành văn bản") breaks it between words: "PHÒNG QUẢN LÝ / XÂY DỰNG
CÔNG TRÌNH", never "PHÒNG QUẢN LÝ XÂY / DỰNG CÔNG TRÌNH". A dash between two parts of a
name ("Kế hoạch - Tài chính") stays with the word before it: a line may end on it, never
start with it.

The words are known from :data:`COMPOUNDS`, a lexicon of the compound words that the names
of Vietnamese agencies and their units are made of: kinds of bodies and posts, the State's
divisions, the sectors and functions a unit is named after, and the names of the
provinces. It is matched in any case and with either placement of the tone mark ("thủy"
and "thuỷ", "hóa" and "hoá"). A name made of words it lacks is broken as before, between
syllables: write the break in the name to place it by hand.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import normalize

#: Dashes that join two parts of a name ("Kế hoạch - Tài chính"): hyphen-minus, en and em dash.
DASHES = frozenset({"-", "\u2013", "\u2014"})

_DASH = re.compile("[" + "".join(sorted(DASHES)) + "]")

#: Quotation marks that open and close a quoted name, and the most syllables of one kept on a line.
_OPENING_QUOTES = ("“", "\"", "‘")
_CLOSING_QUOTES = ("”", "\"", "’")
_QUOTED_WHOLE = 6

#: Punctuation that may stand before or after a syllable without being part of it.
_PUNCTUATION = ",.;:!?()[]\"'“”‘’«»…"

#: The compound words of agency names, group by group, one entry a comma. Most have two
#: syllables; a few fixed terms have three ("ban quản lý", "hợp tác xã", "tái định cư").
_GROUPS: dict[str, str] = {
    # Kinds of bodies and units, their parts and their posts.
    "bodies": """
        ủy ban, nhân dân, hội đồng, văn phòng, thanh tra, chi cục, tổng cục, trung tâm, ban quản lý,
        cơ quan, tổ chức, đơn vị, chi nhánh, công ty, hợp tác xã, liên hiệp, liên đoàn, liên minh,
        học viện, đại học, cao đẳng, trung cấp, bệnh viện, phòng khám, trạm xá, nhà trường,
        tỉnh ủy, thành ủy, huyện ủy, quận ủy, thị ủy, đảng ủy, đảng bộ, chi bộ, đảng đoàn, cán sự,
        công đoàn, mặt trận, tổ quốc, thanh niên, cộng sản, phụ nữ, cựu chiến binh, chiến binh,
        nông dân, chữ thập, chữ thập đỏ, khuyến học, cao tuổi, luật gia, nhà báo, doanh nhân,
        văn học, thiếu nhi, chấp hành, thường vụ, thường trực, chỉ đạo, chỉ huy, nội chính,
        đại biểu, chính phủ, thủ tướng, quốc hội, chủ tịch, giám đốc, bộ trưởng, thứ trưởng,
        cục trưởng, viện trưởng, hiệu trưởng, trưởng phòng, chánh án, kiểm sát, tòa án,
        văn thư, lưu trữ, tổng hợp, hành chính, nhân sự, kế toán, thủ quỹ, pháp chế, cán bộ,
        công chức, viên chức, chủ quản, trực thuộc, chuyên môn, chuyên trách, chuyên ngành,
        nghiệp vụ, sự nghiệp, công lập, tự chủ, quản lý, điều phối, điều hành, phối hợp,
        liên ngành, liên vùng, khu vực, kiểm tra, giám sát, kiểm soát, công tác, phục vụ
    """,
    # The State, its divisions and its places.
    "state": """
        nhà nước, chính quyền, chính trị, địa phương, trung ương, thành phố, thị xã, thị trấn,
        khu phố, dân phố, dân cư, cộng đồng, quốc gia, việt nam, cộng hòa, xã hội, chủ nghĩa,
        độc lập, tự do, hạnh phúc, đặc khu, kinh tế, công nghiệp, biên giới, hải đảo, biển đảo,
        miền núi, đồng bằng, ven biển, đô thị, nông thôn
    """,
    # Agriculture and rural development, the sector of the sample agency.
    "agriculture": """
        nông nghiệp, phát triển, trồng trọt, bảo vệ, thực vật, chăn nuôi, thú y, thủy lợi, thủy sản,
        thủy nông, kiểm lâm, lâm nghiệp, lâm sản, nông lâm, nông lâm sản, nông sản, ngư nghiệp,
        diêm nghiệp, khuyến nông, khuyến ngư, khuyến lâm, khuyến công, nước sạch, vệ sinh,
        môi trường, phòng chống, thiên tai, đê điều, hợp tác, trang trại, cây trồng, vật nuôi,
        vật tư, phân bón, thức ăn, chất lượng, an toàn, thực phẩm, lương thực, dinh dưỡng,
        kiểm dịch, chế biến, thị trường, xuất khẩu, nhập khẩu, ngành nghề, làng nghề, nghề cá,
        khai thác, nuôi trồng, phòng hộ, đặc dụng, bảo tồn, thiên nhiên, đa dạng, sinh học,
        quy hoạch, nông trường, lâm trường, tưới tiêu, giảm nghèo, bền vững, tài nguyên,
        nguồn lợi, động vật, dịch bệnh, cơ điện, ngư dân, tàu cá, cảng cá, sản xuất, tiêu thụ
    """,
    # The other sectors and functions a Sở, a Phòng or a unit is named after.
    "sectors": """
        giáo dục, đào tạo, y tế, dân số, kế hoạch, gia đình, giao thông, vận tải, công thương,
        thương mại, tư pháp, nội vụ, ngoại vụ, lao động, thương binh, văn hóa, thể thao, thể dục,
        du lịch, khoa học, công nghệ, thông tin, truyền thông, điện tử, đầu tư, tài chính,
        xây dựng, công trình, ngân hàng, kho bạc, hải quan, thống kê, bảo hiểm, công an, quân sự,
        quốc phòng, biên phòng, bộ đội, cảnh sát, phòng cháy, chữa cháy, cứu nạn, cứu hộ, dân tộc,
        tôn giáo, thi đua, khen thưởng, tuyên giáo, tuyên truyền, dân vận, tiếp dân, công dân,
        khiếu nại, tố cáo, tham nhũng, pháp luật, pháp lý, hộ tịch, quốc tịch, chứng thực,
        công chứng, trợ giúp, đấu giá, tài sản, thi hành, dân sự, hình sự, đất đai, đăng ký,
        khoáng sản, địa chất, khí tượng, thủy văn, quan trắc, cảnh báo, đo đạc, bản đồ, viễn thám,
        điện lực, năng lượng, bưu chính, viễn thông, báo chí, tạp chí, xuất bản, phát thanh,
        truyền hình, điện ảnh, di sản, di tích, bảo tàng, thư viện, nghệ thuật, biểu diễn,
        mỹ thuật, nhiếp ảnh, triển lãm, huấn luyện, thi đấu, trẻ em, bình đẳng, việc làm, dạy nghề,
        nghề nghiệp, người có công, bảo trợ, cai nghiện, ma túy, an sinh, phúc lợi, nhà ở,
        kiến trúc, hạ tầng, kỹ thuật, vật liệu, giám định, đăng kiểm, cơ giới, đường bộ, đường thủy,
        đường sắt, hàng hải, hàng không, cảng vụ, sát hạch, lái xe, tiêu chuẩn, quy chuẩn,
        đo lường, sở hữu, trí tuệ, ứng dụng, chuyển giao, chuyển đổi, số hóa, dữ liệu, dịch vụ,
        công ích, doanh nghiệp, tập thể, tư nhân, hội nhập, quốc tế, đối ngoại, xúc tiến,
        kinh doanh, ngân sách, giá cả, công sản, mua sắm, tập trung, kiểm toán, quyết toán,
        dự án, chương trình, mục tiêu, thẩm định, thẩm tra, đấu thầu, bồi thường, giải phóng,
        mặt bằng, tái định cư, định cư, an ninh, trật tự, cơ sở, chính sách, chế độ, kinh phí,
        nghiên cứu, bồi dưỡng, kiểm định, khảo thí, học sinh, sinh viên, mầm non, tiểu học,
        trung học, phổ thông, thường xuyên, nhân lực, tuyển dụng, cải cách, thủ tục, một cửa,
        liên thông, tiếp nhận, kết quả, hồ sơ, văn bản, lịch sử, phổ biến, hòa giải, điều tra,
        kiểm nghiệm, xét nghiệm, phân tích, thí nghiệm, dịch tễ, bệnh tật, phòng bệnh, dự phòng,
        chăm sóc, sức khỏe, sinh sản, pháp y, cấp cứu, điều dưỡng, phục hồi, chức năng, đa khoa,
        chuyên khoa, y học, y khoa, cổ truyền, dược phẩm, mỹ phẩm, thiết bị, tâm thần, da liễu,
        nhi đồng, truyền máu, huyết học, tư vấn, thiết kế, thi công, dân dụng, cấp nước,
        thoát nước, chiếu sáng, cây xanh, công viên, nghĩa trang, chất thải, ô nhiễm, biến đổi,
        khí hậu
    """,
    # What the trích yếu of a document is made of (ô 5): its acts, subjects and kinds.
    "documents": """
        thực hiện, triển khai, ban hành, sửa đổi, bổ sung, bãi bỏ, phê duyệt, điều chỉnh, thẩm định,
        hướng dẫn, tổ chức, phát động, tăng cường, đẩy mạnh, nâng cao, đổi mới, tiếp tục, hiệu quả,
        phong trào, mô hình, điển hình, nhân rộng, đăng ký, tổng kết, sơ kết, đánh giá, khen thưởng,
        báo cáo, chỉ thị, quyết định, nghị quyết, nghị định, thông tư, công văn, tờ trình, thông báo,
        chương trình, phương án, đề án, dự án, biên bản, hợp đồng, giấy mời, văn bản, quy chế,
        quy định, thủ tục, dân chủ, cơ sở, tham nhũng, tiết kiệm, lãng phí, đạo đức, trách nhiệm,
        nhiệm vụ, giải pháp, mục tiêu, nội dung, tình hình, giai đoạn, định hướng, khó khăn, vướng mắc,
        đề xuất, kiến nghị, phổ biến, giáo dục, pháp luật, thông tin, chuyển đổi, kinh phí, ngân sách,
        dự toán, quyết toán, đầu tư, danh sách, cá nhân, tập thể, xuất sắc, hoàn thành, công nhận,
        bổ nhiệm, tuyển dụng, đào tạo, bồi dưỡng, tập huấn, hội nghị, hội thảo, làm việc, sản xuất,
        kế hoạch, thi đua, dân vận, kết quả, cải cách, tuyên truyền, toàn dân, đoàn kết, đời sống,
        văn hóa, gia đình, thành lập, chuyển đổi số, hưởng ứng, năm học, trung học, ngày hội, nông sản
    """,
    # Provinces and centrally run cities, and the sample agency's provincial town.
    "places": """
        an giang, bà rịa, vũng tàu, bắc giang, bắc kạn, bạc liêu, bắc ninh, bến tre, bình định,
        bình dương, bình phước, bình thuận, cà mau, cần thơ, cao bằng, đà nẵng, đắk lắk, đắk nông,
        điện biên, đồng nai, đồng tháp, gia lai, hà giang, hà nam, hà nội, hà tĩnh, hải dương,
        hải phòng, hậu giang, hòa bình, hưng yên, khánh hòa, kiên giang, kon tum, lai châu, lâm đồng,
        lạng sơn, lào cai, long an, nam định, nghệ an, ninh bình, ninh thuận, phú thọ, phú yên,
        quảng bình, quảng nam, quảng ngãi, quảng ninh, quảng trị, sóc trăng, sơn la, tây ninh,
        thái bình, thái nguyên, thanh hóa, thừa thiên, thừa thiên huế, tiền giang, hồ chí minh,
        trà vinh, tuyên quang, vĩnh long, vĩnh phúc, yên bái, phan thiết
    """,
}

#: The tone mark on the second vowel of a closing "oa", "oe" or "uy" ("hoá", "thuỷ"), moved
#: to the first ("hóa", "thủy"), so that both spellings in use match one lexicon entry.
_TONE_ON_FIRST = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}


def syllable_key(syllable: str) -> str:
    """A syllable as the lexicon spells it: lower case, NFC, the tone mark of a closing
    "oa", "oe" or "uy" on its first vowel ("THUỶ" → "thủy"; "quý" keeps its mark, as its
    "u" belongs to "qu")."""
    key = normalize(syllable).lower()
    ending = key[-2:]
    if ending in _TONE_ON_FIRST and not key[:-2].endswith("q"):
        key = key[:-2] + _TONE_ON_FIRST[ending]
    return key


def _entries(text: str) -> frozenset[str]:
    return frozenset(" ".join(syllable_key(s) for s in entry.split()) for entry in text.split(",") if entry.strip())


#: Every compound word of :data:`_GROUPS`, its syllables as :func:`syllable_key` spells them.
COMPOUNDS: frozenset[str] = frozenset().union(*(_entries(group) for group in _GROUPS.values()))

_LONGEST = max(len(entry.split()) for entry in COMPOUNDS)


def is_compound(text: str) -> bool:
    """Whether ``text`` is one of the lexicon's words, in any case or tone placement."""
    return " ".join(syllable_key(s) for s in text.split()) in COMPOUNDS


def words(text: str) -> list[str]:
    """Split one line of a name into the pieces a line break may fall between.

    Syllables of a compound word of the lexicon stay together ("XÂY DỰNG"); a dash
    standing between spaces stays with the word before it ("KẾ HOẠCH -"); one typed
    without spaces joins two words into one piece ("Kế hoạch-Tài chính"). Where two
    readings overlap, the name keeps both whole: no break falls where either would break
    a word. A quotation of up to six syllables is a name and stays whole ("“Dân vận khéo”").
    White space is squeezed: ``" ".join(words(text)) == " ".join(text.split())``.

    >>> words("PHÒNG KẾ HOẠCH - TÀI CHÍNH")
    ['PHÒNG', 'KẾ HOẠCH -', 'TÀI CHÍNH']
    """
    return list(_words(" ".join(text.split())))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    tokens = text.split()
    if not tokens:
        return ()
    bound = [False] * (len(tokens) - 1)  # bound[i]: no break between tokens[i] and tokens[i + 1]
    for i, token in enumerate(tokens[1:]):
        if token in DASHES:
            bound[i] = True
    if tokens[0] in DASHES and len(tokens) > 1:
        bound[0] = True  # a name opening on a dash: it stays with the word after it
    # A token joined by a dash typed without spaces ("hoạch-Tài") ends one word and starts
    # the next: a word may end on its first part and start on its last.
    parts = [[syllable_key(p) for p in _DASH.split(t.strip(_PUNCTUATION))] for t in tokens]
    for start in range(len(tokens)):
        for size in range(2, _LONGEST + 1):
            end = start + size
            if end > len(tokens):
                break
            inner = parts[start + 1:end - 1]
            if any(len(p) > 1 for p in inner):
                break
            key = " ".join([parts[start][-1], *(p[0] for p in inner), parts[end - 1][0]])
            if key in COMPOUNDS and _unpunctuated(tokens[start:end]):
                for gap in range(start, end - 1):
                    bound[gap] = True
    # A short quotation is a name ("“Dân vận khéo”", "“Thẻ vàng”"): it stays on one line.
    for start, token in enumerate(tokens):
        if token.startswith(_OPENING_QUOTES):
            for end in range(start, min(start + _QUOTED_WHOLE, len(tokens))):
                if tokens[end].rstrip(_PUNCTUATION.replace("”", "").replace("\"", "")).endswith(_CLOSING_QUOTES):
                    for gap in range(start, end):
                        bound[gap] = True
                    break
    out = [tokens[0]]
    for gap, token in enumerate(tokens[1:]):
        if bound[gap]:
            out[-1] += " " + token
        else:
            out.append(token)
    return tuple(out)


def name_words(text: str) -> list[str]:
    """The pieces of one line of a name (:func:`words`), with "và" kept at the end of the
    piece before it: a header line may end on "VÀ", never start with it ("SỞ NÔNG NGHIỆP VÀ /
    PHÁT TRIỂN NÔNG THÔN", "BỘ TÀI NGUYÊN VÀ / MÔI TRƯỜNG"); and a one-syllable word that names
    a body or a level with the name after it ("VỤ", "TỈNH") kept with that name.

    >>> name_words("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG")
    ['BỘ', 'TÀI NGUYÊN VÀ', 'MÔI TRƯỜNG']
    """
    out: list[str] = []
    bind_next = False
    for piece in words(text):
        if out and (bind_next or syllable_key(piece.split()[0]) == "và"):
            out[-1] += " " + piece
        else:
            out.append(piece)
        bind_next = syllable_key(piece) in _NAMED_BY_NEXT
    return out


#: Words of one syllable that name a body or a level only with the name after them ("VỤ GIÁO DỤC
#: TRUNG HỌC", "TỈNH BÌNH THUẬN"): a line never ends on one of them.
_NAMED_BY_NEXT = frozenset({"bộ", "sở", "cục", "vụ", "ban", "phòng", "viện", "tổ", "đội", "trạm", "khoa",
                            "tỉnh", "huyện", "quận", "xã", "phường"})


def _unpunctuated(run: list[str]) -> bool:
    """Whether no punctuation stands inside a run of syllables (between two of them)."""
    return all(not left.endswith(tuple(_PUNCTUATION)) for left in run[:-1]) and all(
        not right.startswith(tuple(_PUNCTUATION)) for right in run[1:]
    )
