#!/usr/bin/env python3
"""Writes app/favicon.ico: the app icon (a white N on the primary blue, as app/icon.svg) at 16, 32
and 48 px, as 32-bit bitmaps, with no image library and no network. Run: python3 scripts/make-favicon.py"""
import struct
from pathlib import Path

BLUE = (0x1D, 0x70, 0xB8)
WHITE = (0xFF, 0xFF, 0xFF)


def pixels(size: int):
    """Rows top to bottom of (r, g, b, a): the N on a square, drawn on a 32-unit grid as in icon.svg."""
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            # Centre of the pixel in the 32-unit grid of the SVG.
            u, v = (x + 0.5) * 32 / size, (y + 0.5) * 32 / size
            white = 8 <= v <= 24 and (
                8 <= u <= 12 or 20 <= u <= 24 or (abs((u - 8) - (v - 8) * 12 / 16 - 2) <= 2.3 and 8 <= u <= 24)
            )
            row.append((*(WHITE if white else BLUE), 255))
        rows.append(row)
    return rows


def bitmap(size: int) -> bytes:
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    body = b"".join(bytes((b, g, r, a)) for row in reversed(pixels(size)) for (r, g, b, a) in row)
    mask_row = ((size + 31) // 32) * 4
    return header + body + b"\0" * (mask_row * size)


def main() -> None:
    sizes = [16, 32, 48]
    images = [bitmap(s) for s in sizes]
    out = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    for s, img in zip(sizes, images):
        out += struct.pack("<BBBBHHII", s, s, 0, 0, 1, 32, len(img), offset)
        offset += len(img)
    out += b"".join(images)
    Path(__file__).resolve().parent.parent.joinpath("app", "favicon.ico").write_bytes(out)


if __name__ == "__main__":
    main()
