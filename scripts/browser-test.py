#!/usr/bin/env python3
"""The web application in a real browser (Chromium through Selenium), as an organiser uses it.

Starts `lerend web` on a new folder, creates a network through the guided start, imports
organisations from a CSV file (as Excel writes it in the Netherlands: `;`, Windows-1252)
and participants from an XLSX file, both made here, plans the year, downloads the plan and
the invitations, passes every document through check-document, and checks the network
file on disk with `lerend check`. Screenshots of the main pages go to the folder given.

    python3 scripts/browser-test.py .build/release/lerend uitvoer/schermafbeeldingen
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
CHECK_DOCUMENT = ROOT.parent / "shared" / "tools" / "check-document"


def fail(message):
    print(f"browsertest: {message}", file=sys.stderr)
    sys.exit(1)


def make_csv(path):
    rows = [
        "Naam;Plaats;Rechtspersoon;Raad van Bestuur",
        "Zorggroep Eikenhof;Zwolle;Stichting Eikenhof;Raad van Bestuur Eikenhof",
        "Woonzorg Het Veen;Meppel;Stichting Het Veen;Raad van Bestuur Het Veen",
        "Verpleeghuis Sint Agnes;Deventer;Agnes Zorg B.V.;Directie Agnes Zorg",
        "Zorgcentrum De Bongerd;Kampen;Stichting De Bongerd;Bestuur De Bongerd",
        ";;;",
    ]
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))


def make_xlsx(path):
    people = [
        ("Naam", "Organisatie", "Functie", "E-mailadres"),
        ("Anaïs de Vries", "Zorggroep Eikenhof", "Kwaliteitsverpleegkundige", "a.devries@eikenhof.nl"),
        ("Bram Jansen", "Woonzorg Het Veen", "Teamleider", "b.jansen@hetveen.nl"),
        ("Chantal Bakker", "Verpleeghuis Sint Agnes", "Verpleegkundige", "c.bakker@agnes.nl"),
        ("Daan Smit", "Zorgcentrum De Bongerd", "Teamleider", "d.smit@bongerd.nl"),
        ("Els Mulder", "Bestaat Niet", "Verzorgende", "e.mulder@nergens.nl"),
    ]
    strings = []
    def index(text):
        if text not in strings:
            strings.append(text)
        return strings.index(text)
    sheet_rows = []
    for r, row in enumerate(people, start=1):
        cells = "".join(f'<c r="{chr(65 + c)}{r}" t="s"><v>{index(v)}</v></c>' for c, v in enumerate(row))
        sheet_rows.append(f'<row r="{r}">{cells}</row>')
    esc = lambda t: t.replace("&", "&amp;").replace("<", "&lt;")
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Deelnemers" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + "".join(sheet_rows) + "</sheetData></worksheet>",
        "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings)) + "".join(f"<si><t>{esc(s)}</t></si>" for s in strings) + "</sst>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)


def start_server(lerend, folder):
    process = subprocess.Popen(
        [lerend, "web", str(folder), "--poort", "0", "--geen-browser", "--datum", "2026-01-12"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                fail(f"lerend web stopte meteen (code {process.returncode})")
            continue
        match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if match:
            return process, match.group(1)
    process.kill()
    fail("lerend web noemde binnen 60 s geen adres")


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000", "--lang=nl"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
        "safebrowsing.enabled": False})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait_for_download(folder, suffix, before, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        done = [p for p in folder.iterdir() if p.name.endswith(suffix) and p.name not in before]
        partial = [p for p in folder.iterdir() if p.name.endswith(".crdownload")]
        if done and not partial:
            return done[0]
        time.sleep(0.2)
    fail(f"geen download {suffix} binnen {timeout} s; in de map: {[p.name for p in folder.iterdir()]}")


def main():
    if len(sys.argv) != 3:
        fail("gebruik: browser-test.py LEREND SCHERMAFBEELDINGEN")
    lerend = os.path.abspath(sys.argv[1])
    shots = Path(sys.argv[2])
    shots.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="lerend-browser-"))
    folder, downloads = work / "netwerken", work / "downloads"
    folder.mkdir()
    downloads.mkdir()
    make_csv(work / "organisaties.csv")
    make_xlsx(work / "deelnemers.xlsx")
    server, address = start_server(lerend, folder)
    driver = browser(downloads)
    wait = WebDriverWait(driver, 30)
    try:
        driver.get(address)
        if "Lerende netwerken" not in driver.page_source:
            fail("het overzicht laat geen kop 'Lerende netwerken' zien")

        # The guided start.
        driver.find_element(By.LINK_TEXT, "Nieuw netwerk").click()
        driver.find_element(By.ID, "plugin-waardigheid-en-trots").click()
        fields = {
            "veld-netwerk-naam": "Lerend netwerk IJsselland",
            "veld-netwerk-doel": "We leren van elkaar hoe we bewoners meer regie geven over hun dag.",
            "veld-netwerk-leervragen": "Hoe maken we dagbesteding op maat?\nHoe betrekken we familie?",
            "veld-netwerk-wie-uitnodigen": "Kwaliteitsverpleegkundigen van verpleeghuizen in Overijssel.",
            "veld-netwerk-contactpersoon-naam": "Marieke Jansen",
            "veld-netwerk-contactpersoon-email": "m.jansen@eikenhof.nl",
        }
        for field, value in fields.items():
            driver.find_element(By.ID, field).send_keys(value)
        Select(driver.find_element(By.ID, "veld-netwerk-vorm")).select_by_value("themabijeenkomsten")
        driver.find_element(By.ID, "veld-netwerk-bijeenkomsten-per-jaar").send_keys("4")
        driver.save_screenshot(str(shots / "nieuw-netwerk.png"))
        driver.find_element(By.ID, "aanmaken").click()
        wait.until(lambda d: "/netwerk/" in d.current_url)
        network_url = driver.current_url.split("?")[0]
        files = sorted(p.name for p in folder.glob("*.yaml"))
        if files != ["lerend-netwerk-ijsselland.yaml"]:
            fail(f"na de start staat in de map {files}")

        # Organisations from CSV, participants from XLSX.
        for sheet, expected in [(work / "organisaties.csv", 4), (work / "deelnemers.xlsx", 4)]:
            driver.get(network_url + "/importeren")
            driver.find_element(By.ID, "bestand").send_keys(str(sheet))
            driver.find_element(By.ID, "inlezen").click()
            wait.until(lambda d: "Voorbeeld" in d.page_source)
            driver.save_screenshot(str(shots / f"importeren-{sheet.suffix[1:]}.png"))
            driver.find_element(By.ID, "toevoegen").click()
            wait.until(lambda d: "toegevoegd" in d.page_source)
            if f"{expected} " not in driver.find_element(By.CSS_SELECTOR, ".melding").text:
                fail(f"{sheet.name}: verwacht {expected} toegevoegd, de pagina zegt: "
                     f"{driver.find_element(By.CSS_SELECTOR, '.melding').text}")
        text = (folder / "lerend-netwerk-ijsselland.yaml").read_text(encoding="utf-8")
        for name in ["Zorggroep Eikenhof", "Anaïs de Vries", "Daan Smit"]:
            if name not in text:
                fail(f"{name} staat na het importeren niet in het netwerkbestand")
        if "Els Mulder" in text:
            fail("de rij met een onbekende organisatie is toch toegevoegd")

        # Plan the year and accept the whole proposal.
        driver.get(network_url + "/plannen")
        driver.save_screenshot(str(shots / "jaar-plannen.png"))
        driver.find_element(By.ID, "plan-overnemen").click()
        wait.until(lambda d: "toegevoegd" in d.page_source)
        driver.save_screenshot(str(shots / "netwerk.png"))

        # Downloads through the browser: the plan and the invitations.
        driver.get(network_url)
        for kind, form, suffix in [("plan", "docx", ".docx"), ("uitnodiging", "odt", ".zip")]:
            before = {p.name for p in downloads.iterdir()}
            driver.get(f"{network_url}/download?soort={kind}&formaat={form}&vorm=zip")
            wait_for_download(downloads, suffix, before)
        driver.get(address)
        driver.save_screenshot(str(shots / "overzicht.png"))
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=20)

    documents = []
    for download in downloads.iterdir():
        if download.suffix == ".zip":
            with zipfile.ZipFile(download) as archive:
                archive.extractall(downloads / download.stem)
            documents += [p for p in (downloads / download.stem).rglob("*") if p.suffix in (".odt", ".docx")]
        elif download.suffix in (".odt", ".docx"):
            documents.append(download)
    if len(documents) < 5:
        fail(f"te weinig documenten gedownload: {[d.name for d in documents]}")
    if CHECK_DOCUMENT.exists():
        for document in documents:
            result = subprocess.run([str(CHECK_DOCUMENT), str(document)], capture_output=True, text=True)
            if result.returncode != 0:
                fail(f"check-document keurt {document.name} af:\n{result.stdout}{result.stderr}")
    check = subprocess.run(
        [lerend, "check", str(folder / "lerend-netwerk-ijsselland.yaml"), "--datum", "2026-01-12", "--formaat", "json"],
        capture_output=True, text=True)
    try:
        report = json.loads(check.stdout)
    except ValueError:
        fail(f"lerend check kon het netwerkbestand niet lezen (code {check.returncode}):\n{check.stdout}{check.stderr}")
    counts = report["aantallen"]
    print(f"browsertest goed: {len(documents)} documenten gedownload en goedgekeurd, "
          f"schermafbeeldingen in {shots}; lerend check: {counts['fouten']} fouten, "
          f"{counts['waarschuwingen']} waarschuwingen, {counts['adviezen']} adviezen")


if __name__ == "__main__":
    main()
