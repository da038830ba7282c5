#!/usr/bin/env python3
"""Checks the PDFs that `lerend export --pdf` made in a folder: every .odt/.docx has its
PDF beside it, poppler reads each (pdfinfo), a letter (uitnodiging) is one page, and the
texts in FILE.expect (scripts/expect-texts.py) are in the PDF's text (pdftotext).

    python3 scripts/check-pdfs.py out/pdf/zorg-dichtbij-odt
"""
import os
import re
import subprocess
import sys
import unicodedata


def normal(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def check(folder):
    problems = []
    checked = 0
    for root, _, files in os.walk(folder):
        for name in sorted(files):
            stem, extension = os.path.splitext(name)
            if extension not in (".odt", ".docx"):
                continue
            document = os.path.join(root, name)
            pdf = os.path.join(root, stem + ".pdf")
            if not os.path.exists(pdf):
                problems.append(f"{document}: geen PDF")
                continue
            info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True)
            pages = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
            if info.returncode != 0 or not pages:
                problems.append(f"{pdf}: pdfinfo leest het niet: {info.stderr.strip()[:200]}")
                continue
            if name.startswith("uitnodiging") and int(pages.group(1)) != 1:
                problems.append(f"{pdf}: een uitnodiging van {pages.group(1)} pagina's, verwacht 1")
            text = normal(subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                                         text=True).stdout)
            expect = document + ".expect"
            if os.path.exists(expect):
                for line in open(expect, encoding="utf-8").read().splitlines():
                    if line.strip() and normal(line) not in text:
                        problems.append(f"{pdf}: '{line}' staat niet in de PDF")
            checked += 1
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{folder}: {checked} PDF's gecontroleerd, {len(problems)} problemen")
    return not problems and checked > 0


if __name__ == "__main__":
    results = [check(folder) for folder in sys.argv[1:]]
    sys.exit(0 if results and all(results) else 1)
