"""Series colours shared by the Word charts and the HTML preview, so both look alike."""

# Sober colours that print well in grey: blue, red, green, gold, purple, orange, sky, grey.
PALETTE = ("2F5597", "C0504D", "70AD47", "BF9000", "7030A0", "ED7D31", "5B9BD5", "A5A5A5")
