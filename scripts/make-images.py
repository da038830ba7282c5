#!/usr/bin/env python3
"""Writes the pictures the tests and the plugin bundles use, with nothing but the
standard library: PNG through zlib, baseline JPEG of one colour (every 8x8 block is its
DC value and an end-of-block), SVG as text. The logos are simple shapes, made up for
Lerend: no real organisation's mark.

    python3 scripts/make-images.py            # writes the fixtures and the bundle logos
"""
import os
import struct
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def png(width, height, pixel, ppu=None):
    """A truecolour PNG; pixel(x, y) gives (r, g, b, a)."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            rows.extend(pixel(x, y))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
    if ppu:
        data += chunk(b"pHYs", struct.pack(">IIB", ppu[0], ppu[1], 1))
    return data + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")


# Standard JPEG Huffman tables (ITU T.81, K.3): DC and AC, luminance and chrominance.
DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
DC_VALUES = list(range(12))
AC_LUMA_BITS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7D]
AC_CHROMA_BITS = [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77]
AC_LUMA_VALUES = bytes.fromhex(
    "01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9fa"
)
AC_CHROMA_VALUES = bytes.fromhex(
    "000102031104052131061241510761711322328108144291a1b1c109233352f0156272d10a162434e125f11718191a262728292a35363738393a434445464748494a535455565758595a636465666768696a737475767778797a82838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae2e3e4e5e6e7e8e9eaf2f3f4f5f6f7f8f9fa"
)


def huffman_codes(bits, values):
    codes, code, k = {}, 0, 0
    for length in range(1, 17):
        for _ in range(bits[length - 1]):
            codes[values[k]] = (code, length)
            code += 1
            k += 1
        code <<= 1
    return codes


def jpeg(width, height, rgb, orientation=None, density=(1, 1)):
    """A baseline JPEG of one colour, 4:4:4, quantisation 1."""
    r, g, b = rgb
    ycc = (
        0.299 * r + 0.587 * g + 0.114 * b,
        128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
        128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
    )
    dc = [round((v - 128) * 8) for v in ycc]  # the DC of a flat 8x8 block, quantiser 1
    dc_codes = huffman_codes(DC_BITS, DC_VALUES)
    eob = {0: huffman_codes(AC_LUMA_BITS, AC_LUMA_VALUES)[0], 1: huffman_codes(AC_CHROMA_BITS, AC_CHROMA_VALUES)[0]}
    bits = []

    def put(code, length):
        bits.extend((code >> (length - 1 - i)) & 1 for i in range(length))

    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    previous = [0, 0, 0]
    for _ in range(blocks):
        for c in range(3):
            diff = dc[c] - previous[c]
            previous[c] = dc[c]
            size = abs(diff).bit_length()
            put(*dc_codes[size])
            if size:
                put(diff if diff > 0 else diff + (1 << size) - 1, size)
            put(*eob[0 if c == 0 else 1])
    bits.extend([1] * (-len(bits) % 8))
    scan = bytearray()
    for i in range(0, len(bits), 8):
        byte = int("".join(map(str, bits[i : i + 8])), 2)
        scan.append(byte)
        if byte == 0xFF:
            scan.append(0)

    def segment(marker, data):
        return bytes([0xFF, marker]) + struct.pack(">H", len(data) + 2) + data

    out = b"\xff\xd8" + segment(0xE0, b"JFIF\0\x01\x01\x00" + struct.pack(">HH", *density) + b"\0\0")
    if orientation:
        tiff = b"MM\0\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1)
        tiff += struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack(">I", 0)
        out += segment(0xE1, b"Exif\0\0" + tiff)
    for table in (0, 1):
        out += segment(0xDB, bytes([table]) + bytes([1] * 64))
    out += segment(0xC0, struct.pack(">BHHB", 8, height, width, 3) + bytes([1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]))
    for cls, ident, table_bits, table_values in (
        (0, 0, DC_BITS, DC_VALUES),
        (1, 0, AC_LUMA_BITS, AC_LUMA_VALUES),
        (0, 1, DC_BITS, DC_VALUES),
        (1, 1, AC_CHROMA_BITS, AC_CHROMA_VALUES),
    ):
        out += segment(0xC4, bytes([cls << 4 | ident]) + bytes(table_bits) + bytes(table_values))
    out += segment(0xDA, bytes([3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]))
    return out + bytes(scan) + b"\xff\xd9"


def logo(width, height, background, mark, shape):
    """A made-up logo: a coloured field with a circle, a diamond or a square and a bar."""
    cx, cy, radius = height // 2, height // 2, height * 0.36

    def pixel(x, y):
        dx, dy = x + 0.5 - cx, y + 0.5 - cy
        inside = {
            "circle": dx * dx + dy * dy <= radius * radius,
            "diamond": abs(dx) + abs(dy) <= radius * 1.2,
            "square": max(abs(dx), abs(dy)) <= radius * 0.85,
        }[shape]
        bar = height * 1.1 <= x <= width - height * 0.25 and height * 0.38 <= y <= height * 0.62
        thin = height * 1.1 <= x <= width * 0.7 and height * 0.72 <= y <= height * 0.8
        if inside or bar or thin:
            return (*mark, 255)
        return (*background, 255)

    return png(width, height, pixel)


def svg(width, height, background, mark):
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f'<rect width="{width}" height="{height}" rx="8" fill="{background}"/>'
        f'<circle cx="{height / 2}" cy="{height / 2}" r="{height * 0.36}" fill="{mark}"/>'
        f'<rect x="{height * 1.1}" y="{height * 0.38}" width="{width - height * 1.35}" height="{height * 0.24}" fill="{mark}"/></svg>\n'
    ).encode()


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def main():
    fixtures = os.path.join(ROOT, "Tests/LerendDocumentsTests/Fixtures/images")
    write(os.path.join(fixtures, "breed.png"), logo(300, 100, (42, 111, 151), (244, 211, 94), "circle"))
    write(os.path.join(fixtures, "ander.png"), logo(200, 200, (106, 76, 147), (255, 255, 255), "diamond"))
    write(os.path.join(fixtures, "hoog.jpg"), jpeg(80, 160, (25, 130, 196)))
    write(os.path.join(fixtures, "gedraaid.jpg"), jpeg(160, 80, (138, 201, 38), orientation=6))
    write(os.path.join(fixtures, "pixels-2x1.png"), png(100, 100, lambda x, y: (200, 50, 50, 255), ppu=(2000, 1000)))
    write(os.path.join(fixtures, "logo.svg"), svg(240, 80, "#2a6f97", "#f4d35e"))
    write(os.path.join(fixtures, "alleen-viewbox.svg"), svg(240, 80, "#2a6f97", "#f4d35e").replace(b' width="240" height="80"', b"", 1))
    # Not pictures Lerend places.
    write(os.path.join(fixtures, "eigenlijk-gif.png"), b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
    write(os.path.join(fixtures, "kapot.png"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dXXXX")
    write(os.path.join(fixtures, "kapot.jpg"), b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9")
    big = png(1, 1, lambda x, y: (0, 0, 0, 255))
    write(os.path.join(fixtures, "te-veel-pixels.png"), big[:16] + struct.pack(">II", 30000, 30000) + big[24:])
    bundles = {
        "kenniz": ((0, 109, 119), (255, 221, 210), "circle"),
        "kwaliteitskader-2017": ((58, 12, 163), (247, 37, 133), "square"),
        "waardigheid-en-trots": ((188, 71, 73), (242, 232, 207), "diamond"),
    }
    for bundle, (background, mark, shape) in bundles.items():
        write(os.path.join(ROOT, "Plugins", bundle, "logo.png"), logo(360, 120, background, mark, shape))
    # The logo of the sample data, and the grey stand-in the templates are made with.
    write(os.path.join(ROOT, "samples/uitnodiging/logo.png"), logo(360, 120, (31, 92, 74), (233, 196, 106), "circle"))
    write(os.path.join(ROOT, "Templates/bron/logo-plaatshouder.png"), logo(360, 120, (200, 200, 200), (150, 150, 150), "square"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
