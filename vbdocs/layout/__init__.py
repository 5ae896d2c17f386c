"""The Decree's layout (thể thức): page geometry, text measurement and the parts
every document kind shares: header block, title, Nơi nhận and signature block."""
