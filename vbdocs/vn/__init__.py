"""Vietnamese conventions of Decree 30/2020/NĐ-CP, as pure functions.

Every rule about how Vietnamese administrative text is written (dates, numbering,
casing, list punctuation, citations, signing prefixes) lives in this package and
nowhere else, so that a document kind never re-implements one.
"""
