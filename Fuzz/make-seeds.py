#!/usr/bin/env python3
"""Derives the seed corpus of each fuzz target from the repository, at run time.

    python3 Fuzz/make-seeds.py OUTPUT_FOLDER

writes OUTPUT_FOLDER/<target>/<name> for the targets expressions, data, templates and
rules. Nothing here is committed: the seeds come from Templates/, samples/, Plugins/
and Docs/, plus a few small inputs made here, so that they follow the repository.
"""

import hashlib
import io
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def write(folder: Path, data: bytes, label: str) -> None:
    """Writes one seed, named by its label and content (the same seed only once)."""
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1(data).hexdigest()[:12]
    safe = re.sub(r"[^A-Za-z0-9.-]+", "-", label)[:40]
    (folder / f"{safe}-{digest}").write_bytes(data)


def templates() -> list[Path]:
    return sorted(ROOT.glob("Templates/*.docx")) + sorted(ROOT.glob("Templates/*.odt")) + sorted(
        ROOT.glob("Plugins/*/sjablonen/*.[do][od][ct]*"))


def xml_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name.endswith(".xml")}


def text_of(xml: bytes) -> str:
    """The text of an XML part, paragraphs on their own line (enough to find its tags)."""
    text = xml.decode("utf-8", "replace")
    text = re.sub(r"</(w:p|text:p|text:h)>", "\n", text)
    return re.sub(r"<[^>]*>", "", text)


def expression_seeds(out: Path) -> None:
    folder = out / "expressions"
    for path in templates():
        for name, xml in xml_parts(path).items():
            for line in text_of(xml).splitlines():
                if TAG.search(line):
                    write(folder, line.strip().encode(), f"{path.stem}-{name}")
                for tag in TAG.findall(line):
                    write(folder, tag[2:-2].strip().encode(), "tag")
    for path in sorted(ROOT.glob("Plugins/*/*.yaml")):
        for match in re.finditer(r"^\s*(?:- )?(wanneer|melding|voor_elk|als|naam):\s*(.+)$", path.read_text(), re.M):
            write(folder, match.group(2).strip().strip(">-").strip().encode(), f"{path.parent.name}-{match.group(1)}")
    for path in sorted(ROOT.glob("Docs/*.md")):
        for span in re.findall(r"`([^`\n]+)`", path.read_text()):
            if re.search(r"[({|]", span):
                write(folder, span.replace("\\|", "|").encode(), path.stem)


def data_seeds(out: Path) -> None:
    folder = out / "data"
    for path in sorted(ROOT.glob("samples/**/*.yaml")) + sorted(ROOT.glob("Plugins/*/*.yaml")):
        write(folder, path.read_bytes(), path.stem)
    # Small inputs for the corners of YAML and JSON: anchors, tags, JSON with tabs, CRLF.
    for label, text in [
        ("anchors", "a: &x [1, 2]\nb: *x\nc: {<<: {d: 1}}\n"),
        ("json", '{\n\t"netwerk": {"naam": "N", "themas": ["a"]},\n\t"n": 1.5e3\n}\n'),
        ("crlf", "netwerk:\r\n  naam: N\r\n  datum: 2026-03-10\r\n  tijd: 13:30\r\n"),
        ("tags", "a: !!str 12\nb: !!binary aGFsbG8=\nc: ~\nd: 0612345678\n"),
        ("block", "a: |\n  regel 1\n  regel 2\nb: >-\n  tekst\n"),
    ]:
        write(folder, text.encode(), label)


def rule_seeds(out: Path) -> None:
    folder = out / "rules"
    for path in sorted(ROOT.glob("Plugins/*/regels.yaml")):
        text = path.read_text()
        write(folder, text.encode(), path.parent.name)
        # Each rule in a rule set of its own: small seeds are mutated faster.
        head, _, body = text.partition("\nregels:\n")
        for rule in re.split(r"\n(?=  - id:)", body):
            if rule.strip():
                write(folder, f"{head}\nregels:\n{rule.strip(chr(10))}\n".encode(), path.parent.name + "-regel")


def stored(entries: list[tuple[str, bytes]]) -> bytes:
    """A zip of `entries`, uncompressed, so that mutations reach the XML itself."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            archive.writestr(info, data)
    return buffer.getvalue()


SMALL_DOCX = [
    ("[Content_Types].xml",
     '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
     'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
     '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
     'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    ("_rels/.rels",
     '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
     'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
     'relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    ("word/document.xml",
     '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
     '2006/main"><w:body><w:p><w:r><w:t>Beste {{ deelnemer.naam }},</w:t></w:r></w:p>'
     '<w:p><w:r><w:t>{% for d in deelnemers %}</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">{{ loop.index }}. '
     '</w:t></w:r><w:r><w:t>{{ d.naam | upper }}</w:t></w:r></w:p><w:p><w:r><w:t>{% endfor %}</w:t></w:r></w:p>'
     '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{%tr for d in deelnemers %}</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p>'
     '<w:r><w:t>{{ d.naam }}</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>{%tr endfor %}</w:t></w:r>'
     '</w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>{% if bijeenkomst.nummer > 1 %}weer{% else %}eerst{% endif %} '
     '{{ bijeenkomst.datum | datum(\'lang\') }}</w:t></w:r></w:p></w:body></w:document>'),
]

SMALL_ODT = [
    ("mimetype", "application/vnd.oasis.opendocument.text"),
    ("META-INF/manifest.xml",
     '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
     'manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="'
     'application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" '
     'manifest:media-type="text/xml"/></manifest:manifest>'),
    ("content.xml",
     '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
     'xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:'
     'opendocument:xmlns:table:1.0" office:version="1.3"><office:body><office:text><text:p>Beste <text:span>{{ '
     'deelnemer.naam }}</text:span>,</text:p><text:p>{%p for d in deelnemers %}</text:p><text:p>{{ d.naam }}'
     '<text:tab/>{{ bijeenkomst.begintijd | tijd }}</text:p><text:p>{%p endfor %}</text:p><table:table><table:table-row>'
     '<table:table-cell><text:p>{%tr if deelnemers %}</text:p></table:table-cell></table:table-row><table:table-row>'
     '<table:table-cell><text:p>{{ netwerk.naam }}</text:p></table:table-cell></table:table-row><table:table-row>'
     '<table:table-cell><text:p>{%tr endif %}</text:p></table:table-cell></table:table-row></table:table>'
     '</office:text></office:body></office:document-content>'),
]


def template_seeds(out: Path) -> None:
    folder = out / "templates"
    for path in templates():
        write(folder, path.read_bytes(), path.name)
        # The same package uncompressed, without pictures and settings.
        with zipfile.ZipFile(path) as archive:
            keep = [(info.filename, archive.read(info)) for info in archive.infolist()
                    if not info.is_dir() and not re.search(r"(Thumbnails|Pictures|media)/|settings\.xml$|docProps/",
                                                           info.filename)]
        write(folder, stored(keep), path.stem + "-stored" + path.suffix)
        # The main parts as plain XML: the target puts them into a package itself.
        for name, xml in xml_parts(path).items():
            if name in ("word/document.xml", "content.xml", "styles.xml") and len(xml) <= 65536:
                write(folder, xml, f"{path.stem}-{name}")
    for name, text in SMALL_DOCX[2:] + SMALL_ODT[2:]:
        write(folder, text.encode(), "small-" + name)
    write(folder, stored([(n, t.encode()) for n, t in SMALL_DOCX]), "small.docx")
    write(folder, stored([(n, t.encode()) for n, t in SMALL_ODT]), "small.odt")


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("gebruik: make-seeds.py UITVOERMAP")
    out = Path(sys.argv[1])
    expression_seeds(out)
    data_seeds(out)
    rule_seeds(out)
    template_seeds(out)
    for target in ("expressions", "data", "templates", "rules"):
        files = list((out / target).iterdir())
        print(f"{target}: {len(files)} zaadjes, {sum(f.stat().st_size for f in files)} bytes")


if __name__ == "__main__":
    main()
