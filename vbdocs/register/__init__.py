"""The register of outgoing documents (sổ đăng ký văn bản đi, Decree 30/2020/NĐ-CP, Điều 15,
Phụ lục IV): numbers that are never given twice, and what the văn thư records of each document."""
