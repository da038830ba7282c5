#!/usr/bin/env python3
"""Runs `lerend` on hostile and huge inputs made at run time and prints, per input, the
exit status, the time and the peak memory (maximum resident set size).

Fails when a run crashes (ends by a signal), hangs (passes the time limit), exits 0 where
an error is expected, uses 1 GB of memory or more, or prints no Dutch message with the
expected code. A 100,000-participant network must check and export.

    python3 scripts/hostile-inputs.py [pad/naar/lerend]
"""
import os, resource, shutil, subprocess, sys, tempfile, time, zipfile, zlib

LEREND = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/lerend")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIME_LIMIT = 120
MEMORY_LIMIT_MB = 1024

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(path, body, prolog='<?xml version="1.0" encoding="UTF-8"?>'):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", f"{prolog}<w:document {W}><w:body>{body}</w:body></w:document>")


def paragraph(text):
    from xml.sax.saxutils import escape
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def bomb(path, megabytes):
    """A .docx whose body inflates to `megabytes` MB of spaces; written in chunks."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'.encode())
            chunk = b" " * (1 << 20)
            for _ in range(megabytes):
                part.write(chunk)
            part.write(b"</w:body></w:document>")


ODS = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
    '<office:body><office:spreadsheet><table:table>{}</table:table></office:spreadsheet></office:body></office:document-content>')
SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def ods(path, table, bomb_megabytes=0):
    """An .ods whose first table is `table`; with `bomb_megabytes`, content.xml inflates to that much."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        if not bomb_megabytes:
            z.writestr("content.xml", ODS.format(table))
            return
        with z.open("content.xml", "w", force_zip64=True) as part:
            chunk = b" " * (1 << 20)
            for _ in range(bomb_megabytes):
                part.write(chunk)


def xlsx(path, rows, strings):
    """An .xlsx of `rows` (sheetData XML) and shared strings `strings` (sst XML)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{SML}"><sheets><sheet name="a" sheetId="1"/></sheets></workbook>')
        z.writestr("xl/sharedStrings.xml", f'<sst xmlns="{SML}">{strings}</sst>')
        z.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{SML}"><sheetData>{rows}</sheetData></worksheet>')


def participants_sheet(count):
    """An .xlsx sheet of `count` participants of Organisatie 1 with shared strings."""
    header = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Naam</t></is></c><c r="B1" t="inlineStr"><is><t>Organisatie</t></is></c>'
              '<c r="C1" t="inlineStr"><is><t>E-mailadres</t></is></c></row>')
    rows = [header] + [f'<row r="{n + 1}"><c r="A{n + 1}" t="s"><v>{2 * n - 1}</v></c><c r="B{n + 1}" t="s"><v>0</v></c>'
                       f'<c r="C{n + 1}" t="s"><v>{2 * n}</v></c></row>' for n in range(1, count + 1)]
    strings = "<si><t>Organisatie 1</t></si>" + "".join(
        f"<si><t>Nieuw {n}</t></si><si><t>n{n}@zorg.nl</t></si>" for n in range(1, count + 1))
    return "".join(rows), strings


def network(participants, extra="", meeting_extra=""):
    lines = ["netwerk:", "  naam: Netwerk Groot", "  plugin: kenniz",
             "  doel: We leren van elkaar.", "  contactpersoon: {naam: Anna Bakker, email: a.bakker@zorg.nl}", extra,
             "organisaties:"]
    lines += [f"  - {{naam: Organisatie {n}, plaats: Zwolle}}" for n in range(1, 7)]
    lines.append("deelnemers:")
    for n in range(1, participants + 1):
        lines.append(f'  - naam: "Deelnemer {n}"\n    organisatie: Organisatie {n % 6 + 1}\n    email: d{n}@zorg.nl')
    lines += ["bijeenkomsten:", "  - datum: 2026-03-10", '    begintijd: "13:30"', "    duur_minuten: 150",
              "    gastheer: Organisatie 1", "    thema: Familie", '    voorbereiders: ["Deelnemer 1", "Deelnemer 2"]',
              meeting_extra]
    return "\n".join(line for line in lines if line) + "\n"


def laughs():
    text = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for name, previous in zip("bcdefgh", "abcdefg"):
        text += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
    return text + "i: [" + ",".join(["*h"] * 9) + "]\n"


def run(name, arguments, folder, expect_code=None, expect_success=False):
    started = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    try:
        result = subprocess.run([LEREND] + arguments, cwd=folder, capture_output=True, text=True,
                                timeout=TIME_LIMIT, env={**os.environ, "NO_COLOR": "1"})
    except subprocess.TimeoutExpired:
        print(f"FOUT  {name}: hangt (meer dan {TIME_LIMIT} s)")
        return False
    seconds = time.monotonic() - started
    # ru_maxrss of children is the largest of all children so far: measure each in its own process.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    peak_mb = peak / 1024
    problems = []
    if result.returncode < 0:
        problems.append(f"afgebroken door signaal {-result.returncode}")
    if expect_success and result.returncode != 0:
        problems.append(f"exit {result.returncode}: {result.stderr[-400:]}")
    if expect_code:
        if result.returncode == 0:
            problems.append("exit 0 waar een fout hoort")
        if f"[{expect_code}]" not in result.stderr:
            problems.append(f"geen melding {expect_code}: {result.stderr[-400:]}")
    if peak > before and peak_mb >= MEMORY_LIMIT_MB:
        problems.append(f"{peak_mb:.0f} MB geheugen")
    status = "goed" if not problems else "FOUT"
    print(f"{status:5} {name}: exit {result.returncode}, {seconds:.2f} s, piek {peak_mb:.0f} MB"
          + (f" ({expect_code})" if expect_code else "") + ("; " + "; ".join(problems) if problems else ""))
    return not problems


def measured(name, arguments, folder, **kwargs):
    """Runs `run` in a child Python so that ru_maxrss is this run's alone."""
    code = subprocess.call([sys.executable, __file__, "--one", LEREND, folder, name, repr(arguments), repr(kwargs)])
    return code == 0


def main():
    if sys.argv[1:2] == ["--one"]:
        global LEREND
        LEREND, folder, name, arguments, kwargs = sys.argv[2], sys.argv[3], sys.argv[4], eval(sys.argv[5]), eval(sys.argv[6])
        sys.exit(0 if run(name, arguments, folder, **kwargs) else 1)

    folder = tempfile.mkdtemp(prefix="lerend-hostile-")
    def write(name, text):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(text)
    ok = True
    try:
        write("d.yaml", "x: 1\nt: '" + "x" * 2000 + "'\n")
        write("lijst.yaml", "lijst: [1, 2, 3]\n")
        write("laughs.yaml", laughs())
        write("diep.yaml", "a: " + "[" * 20000 + "]" * 20000 + "\n")
        write("duur.yaml", network(3).replace("duur_minuten: 150", "duur_minuten: 9223372036854775807"))
        write("groot.yaml", network(100_000))
        write("ics.yaml", network(3, meeting_extra='    locatie: {naam: "Zaal 1\\r\\nATTENDEE:mailto:x@y.nl\\r\\nEND:VEVENT", adres: Lindelaan 12}'))
        docx(os.path.join(folder, "not.docx"), paragraph("{{ " + "not " * 10000 + "true }}"))
        docx(os.path.join(folder, "haakjes.docx"), paragraph("{{ " + "(" * 10000 + "1" + ")" * 10000 + " }}"))
        docx(os.path.join(folder, "en.docx"), paragraph("{{ true" + " and true" * 20000 + " }}"))
        docx(os.path.join(folder, "als.docx"), paragraph("{% if true %}" * 10000 + "x" + "{% endif %}" * 10000))
        docx(os.path.join(folder, "lussen.docx"), paragraph("{% for a in range(3) %}" * 20 + "x" + "{% endfor %}" * 20))
        docx(os.path.join(folder, "range.docx"),
             paragraph("{% for a in range(10000) %}{% for b in range(10000) %}x{% endfor %}{% endfor %}"))
        docx(os.path.join(folder, "join.docx"), paragraph("{{ range(10000) | join(t) }}"))
        docx(os.path.join(folder, "lang.docx"), paragraph("{% for a in range(10000) %}{% for b in range(1000) %}{{ t }}{% endfor %}{% endfor %}"))
        docx(os.path.join(folder, "entiteit.docx"), paragraph("&e;"),
             prolog='<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY e "x">]>')
        docx(os.path.join(folder, "lachen.docx"), paragraph("&l9;"),
             prolog='<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "ha">' + "".join(
                 f'<!ENTITY l{i} "' + f"&l{i-1};" * 10 + '">' for i in range(1, 10)) + "]>")
        bomb(os.path.join(folder, "bom.docx"), 600)
        os.mkfifo(os.path.join(folder, "pijp.docx"))
        # Pictures a data file names: 2 GB of nothing, and a PNG that says it is 1e9 × 1e9.
        with open(os.path.join(folder, "groot.png"), "wb") as f:
            f.truncate(2 * 1024 ** 3)
        with open(os.path.join(ROOT, "samples/uitnodiging/logo.png"), "rb") as f:
            png = f.read()
        with open(os.path.join(folder, "reus.png"), "wb") as f:
            f.write(png[:16] + (10 ** 9).to_bytes(4, "big") * 2 + png[24:])
        for picture in ("groot", "reus"):
            with open(os.path.join(folder, f"afbeelding-{picture}.yaml"), "w", encoding="utf-8") as f:
                f.write(f"netwerk: {{naam: N, logo: {picture}.png}}\nbijeenkomst: {{titel: T}}\n")

        write("klein.yaml", network(3))
        ods(os.path.join(folder, "miljoen-rijen.ods"), '<table:table-row table:number-rows-repeated="1000000">'
            '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>')
        ods(os.path.join(folder, "lege-rijen.ods"), '<table:table-row><table:table-cell><text:p>Naam</text:p></table:table-cell>'
            '</table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell '
            'table:number-columns-repeated="16384"/></table:table-row>')
        ods(os.path.join(folder, "bom.ods"), "", bomb_megabytes=1024)
        xlsx(os.path.join(folder, "teksten.xlsx"), '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
             "<si><t>x</t></si>" * 1_100_000)
        xlsx(os.path.join(folder, "deelnemers.xlsx"), *participants_sheet(99_999))
        with open(os.path.join(folder, "veld.csv"), "w", encoding="utf-8") as f:
            f.write('Naam;Organisatie\n"' + "x" * 30_000_000 + '";a\n')

        cases = [
            ("ODS: een rij 1.000.000 keer herhaald", ["importeer", "klein.yaml", "miljoen-rijen.ods"], dict(expect_code="I120")),
            ("ODS: lege rijen tot het eind van het blad", ["importeer", "klein.yaml", "lege-rijen.ods", "--soort", "organisaties"],
             dict(expect_success=True)),
            ("ODS: zip-bom van 1 GB", ["importeer", "klein.yaml", "bom.ods"], dict(expect_code="I111")),
            ("XLSX: 1.100.000 gedeelde teksten", ["importeer", "klein.yaml", "teksten.xlsx"], dict(expect_code="I111")),
            ("CSV: een cel van 30 MB", ["importeer", "klein.yaml", "veld.csv"], dict(expect_code="I123")),
            ("XLSX: 99.999 deelnemers importeren", ["importeer", "klein.yaml", "deelnemers.xlsx", "-o", "groot-import.yaml"],
             dict(expect_success=True)),
            ("YAML billion laughs", ["check", "laughs.yaml"], dict(expect_code="D109")),
            ("YAML 20.000 diep", ["check", "diep.yaml"], dict(expect_code="D103")),
            ("duur_minuten Int.max", ["check", "duur.yaml"], dict(expect_code="N107")),
            ("10.000 keer not", ["render", "not.docx", "d.yaml", "-o", "uit.docx"], dict(expect_code="E110")),
            ("10.000 haakjes", ["render", "haakjes.docx", "d.yaml", "-o", "uit.docx"], dict(expect_code="E110")),
            ("20.000 keer and", ["render", "en.docx", "d.yaml", "-o", "uit.docx"], dict(expect_code="E110")),
            ("10.000 if in elkaar", ["render", "als.docx", "d.yaml", "-o", "uit.docx"], dict(expect_code="T113")),
            ("3^20 herhalingen", ["render", "lussen.docx", "d.yaml", "-o", "uit.docx"], dict(expect_code="E207")),
            ("range(10000) in range(10000)", ["render", "range.docx", "d.yaml", "-o", "uit.docx"], dict(expect_code="E207")),
            ("join naar 20 MB", ["render", "join.docx", "d.yaml", "-o", "uit.docx"], dict(expect_code="E209")),
            ("20 GB tekst in lussen", ["render", "lang.docx", "d.yaml", "-o", "uit.docx"], dict(expect_code="E208")),
            ("--naam met 5.000 tags", ["render", os.path.join(ROOT, "Templates/agenda.odt"), "lijst.yaml", "--per", "lijst",
                                       "--als", "d", "--leeg-toestaan", "-o", "namen", "--naam", "brief {{ d }}" + "{{ '' }}" * 5000],
             dict(expect_success=True)),
            ("entiteit in een sjabloon", ["render", "entiteit.docx", "d.yaml", "-o", "uit.docx"], dict(expect_code="T301")),
            ("XML billion laughs", ["render", "lachen.docx", "d.yaml", "-o", "uit.docx"], dict(expect_code="T301")),
            ("zip-bom van 600 MB", ["render", "bom.docx", "d.yaml", "-o", "uit.docx"], dict(expect_code="T208")),
            ("een pipe als sjabloon", ["render", "pijp.docx", "d.yaml", "-o", "uit.docx"], dict(expect_code="T004")),
            ("afbeelding van 2 GB", ["render", os.path.join(ROOT, "Templates/uitnodiging.odt"), "afbeelding-groot.yaml", "--leeg-toestaan",
                                     "-o", "logo.odt"], dict(expect_code="B106")),
            ("PNG van 10^9 × 10^9 pixels", ["render", os.path.join(ROOT, "Templates/uitnodiging.docx"), "afbeelding-reus.yaml",
                                            "--leeg-toestaan", "-o", "logo.docx"], dict(expect_code="B107")),
            ("agenda met een regeleinde in de locatie", ["calendar", "ics.yaml", "--datum", "2026-01-01", "-o", "ics.ics"],
             dict(expect_success=True)),
            ("100.000 deelnemers: check", ["check", "groot.yaml", "--datum", "2026-01-01"], dict()),
            ("100.000 deelnemers: plan en agenda", ["export", "groot.yaml", "--datum", "2026-01-01", "--document", "plan",
                                                    "-o", "groot-uit"], dict(expect_success=True)),
        ]
        for name, arguments, kwargs in cases:
            ok = measured(name, arguments, folder, **kwargs) and ok
        calendar_path = os.path.join(folder, "ics.ics")
        calendar = open(calendar_path, encoding="utf-8", newline="").read() if os.path.exists(calendar_path) else ""
        if "\r\nATTENDEE:mailto:x@y.nl" in calendar:
            print("FOUT  agenda: de locatie voegt een regel toe")
            ok = False
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("alle vijandige invoer goed afgehandeld" if ok else "vijandige invoer: er ging iets mis")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
