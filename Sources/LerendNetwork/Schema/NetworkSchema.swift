public import LerendExpressions

/// The keys of the network file (`netwerk.yaml`), written by organisers in Dutch.
///
/// The schema is the one description of the file: the loader checks the file against
/// it, rules and workflows are checked against its ``shape`` before they run, and
/// `Docs/netwerkbestand.md` describes the same keys.
public enum NetworkSchema: Sendable {
    public static let contact = EntitySchema(
        name: "een contactpersoon",
        fields: [
            .init("naam", .text, required: true, "naam van de contactpersoon"),
            .init("email", .emailAddress, "e-mailadres"),
            .init("telefoon", .text, "telefoonnummer"),
        ])

    public static let period = EntitySchema(
        name: "een periode",
        fields: [
            .init("naam", .text, "waarom, zoals 'zomervakantie regio noord'"),
            .init("van", .date, required: true, "eerste dag"),
            .init("tot_en_met", .date, required: true, "laatste dag"),
        ])

    public static let preferences = EntitySchema(
        name: "de voorkeuren voor de planning",
        fields: [
            .init("start", .date, "eerste dag waarop de jaarplanning mag beginnen"),
            .init("weekdag", .choice(["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]), "vaste dag van de week"),
            .init("begintijd", .time, "begintijd van de bijeenkomsten"),
            .init("duur_minuten", .integer(1...1440), "duur van een bijeenkomst in minuten"),
            .init("vorm", .choice(["fysiek", "online", "hybride"]), "in persoon, online of allebei"),
            .init(
                "niet_in", .list(.object(period)), "periodes zonder bijeenkomsten, zoals de schoolvakanties van de eigen regio"),
        ])

    public static let templates = EntitySchema(
        name: "de eigen sjablonen",
        fields: [
            .init(
                "plan", .text,
                "eigen sjabloon voor het plan van aanpak (.odt of .docx), vanaf de map van het netwerkbestand en daarbinnen (of in een map van --sjablonen)"
            ),
            .init("uitnodiging", .text, "eigen sjabloon voor de uitnodigingen"),
            .init("agenda", .text, "eigen sjabloon voor de agenda's"),
            .init("email", .text, "eigen tekst voor de e-mails bij de uitnodigingen (.txt, eerste regel 'Onderwerp: ...')"),
        ])

    public static let network = EntitySchema(
        name: "het netwerk",
        fields: [
            .init("naam", .text, required: true, "naam van het lerend netwerk"),
            .init(
                "plugin", .text, required: true, "de ondersteunende organisatie wiens werkwijze het netwerk volgt, zoals kenniz"),
            .init("toetsen_aan", .list(.text), "extra regelsets, zoals kwaliteitskader-2017"),
            .init("doel", .text, "stap 1: waarom het netwerk er is"),
            .init("leervragen", .list(.text), "stap 1: de vragen waar het netwerk aan werkt"),
            .init("wie_uitnodigen", .text, "stap 2: met wie het netwerk gevormd wordt"),
            .init("themas", .list(.text), "de thema's van het netwerk"),
            .init("vorm", .choice(["themabijeenkomsten", "werkgroep", "intervisie"]), "de gekozen vorm (stap 5)"),
            .init("bijeenkomsten_per_jaar", .integer(1...366), "hoe vaak het netwerk per jaar bijeenkomt"),
            .init("contactpersoon", .object(contact), "wie het netwerk coördineert"),
            .init("voorkeuren", .object(preferences), "wensen voor de jaarplanning"),
            .init("sjablonen", .object(templates), "eigen sjablonen in plaats van die van de plugin"),
            .init(
                "logo", .text,
                "eigen logo voor de brieven (PNG of JPEG, naast het netwerkbestand) in plaats van dat van de plugin"),
        ])

    public static let organisation = EntitySchema(
        name: "een organisatie",
        fields: [
            .init("naam", .text, required: true, "naam van de zorgorganisatie"),
            .init("rechtspersoon", .text, "de rechtspersoon (stichting, B.V.) waar de organisatie onder valt"),
            .init("bestuur", .text, "de Raad van Bestuur of directie"),
            .init("aantal_clienten", .integer(0...10_000_000), "aantal cliënten waaraan de organisatie zorg biedt"),
            .init("plaats", .text, "vestigingsplaats"),
            .init("regio", .text, "regio"),
            .init("sector", .text, "sector, zoals verpleeghuiszorg of kleinschalig wonen"),
            .init("adres", .text, "bezoekadres"),
            .init("postcode", .text, "postcode"),
            .init("aangesloten_na_bijeenkomst", .integer(0...1000), "sloot aan na deze bijeenkomst (leeg: vanaf het begin)"),
        ])

    public static let participant = EntitySchema(
        name: "een deelnemer",
        fields: [
            .init("naam", .text, required: true, "volledige naam"),
            .init("aanhef", .text, "aanhef in brieven, zoals 'Beste Anna' of 'Geachte mevrouw De Vries'"),
            .init("functie", .text, "functie"),
            .init("organisatie", .organisationName, required: true, "de organisatie waar de deelnemer werkt"),
            .init("email", .emailAddress, "e-mailadres"),
            .init("telefoon", .text, "telefoonnummer"),
            .init("brengt", .text, "wat de deelnemer komt brengen"),
            .init("haalt", .text, "wat de deelnemer komt halen"),
        ],
        derived: [
            .init("voornaam", .text, "het eerste woord van de naam")
        ])

    public static let location = EntitySchema(
        name: "een locatie",
        fields: [
            .init("naam", .text, "naam van het gebouw of de zaal"),
            .init("adres", .text, "straat en huisnummer"),
            .init("postcode", .text, "postcode, zoals 8011 AB"),
            .init("plaats", .text, "plaats"),
        ])

    public static let agendaItem = EntitySchema(
        name: "een agendapunt",
        fields: [
            .init("titel", .text, required: true, "het onderwerp"),
            .init("duur_minuten", .integer(1...1440), "duur in minuten"),
            .init("wie", .text, "wie het punt leidt"),
            .init("toelichting", .text, "beoogd resultaat of toelichting"),
            .init("voorbereiding", .text, "wat deelnemers voorbereiden"),
        ],
        derived: [
            .init("begintijd", .time, "berekend uit de begintijd van de bijeenkomst en de duur van de punten ervoor"),
            .init("eindtijd", .time, "berekend"),
        ])

    public static let meeting = EntitySchema(
        name: "een bijeenkomst",
        fields: [
            .init("datum", .date, required: true, "datum"),
            .init("begintijd", .time, "begintijd"),
            .init("duur_minuten", .integer(1...1440), "duur in minuten"),
            .init("vorm", .choice(["fysiek", "online", "hybride"]), "in persoon, online of allebei"),
            .init("locatie", .object(location), "waar"),
            .init("online_link", .text, "link voor online deelname"),
            .init("gastheer", .organisationName, "de organisatie die ontvangt"),
            .init("thema", .text, "thema"),
            .init("voorbereiders", .list(.participantName), "het tweetal dat de bijeenkomst voorbereidt"),
            .init("gespreksleider", .text, "wie de bijeenkomst leidt (begeleider, procesbegeleider)"),
            .init("evaluatie", .boolean, "of er een evaluatiemoment in de bijeenkomst zit"),
            .init("plant_volgende", .integer(0...366), "hoeveel volgende bijeenkomsten in deze bijeenkomst worden gepland"),
            .init("agenda", .list(.object(agendaItem)), "de agendapunten"),
            .init("uitkomsten", .list(.text), "achteraf: wat de bijeenkomst opleverde"),
            .init("aanwezig", .list(.participantName), "achteraf: wie er was"),
        ],
        derived: [
            .init("nummer", .integer(1...1000), "het volgnummer (1, 2, ...)"),
            .init("eindtijd", .time, "begintijd plus duur"),
            .init("is_geweest", .boolean, "of de datum voor de peildatum ligt"),
        ])

    public static let consent = EntitySchema(
        name: "een toestemming",
        fields: [
            .init("organisatie", .organisationName, required: true, "de organisatie die later aansluit"),
            .init("datum", .date, "wanneer de groep toestemming gaf"),
            .init("hele_groep", .boolean, required: true, "of de hele groep instemde"),
        ])

    public static let decisions = EntitySchema(
        name: "de besluiten",
        fields: [
            .init("commitment", .boolean, "of de deelnemers zich voor het jaar hebben gecommitteerd"),
            .init("commitment_datum", .date, "wanneer"),
            .init("vervolg_na_evaluatie", .boolean, "of na de evaluatie is besloten door te gaan"),
            .init("toestemmingen", .list(.object(consent)), "toestemming voor organisaties die later aansluiten"),
            .init("uitkomst_gepubliceerd", .boolean, "of de uitkomst is gepubliceerd"),
            .init("uitkomst_link", .text, "waar de uitkomst staat"),
        ])

    public static let quality = EntitySchema(
        name: "de kwaliteitsafspraken",
        fields: [
            .init("kwaliteitsplan", .boolean, "aantoonbaar samengewerkt aan het kwaliteitsplan"),
            .init("kwaliteitsverslag", .boolean, "aantoonbaar samengewerkt aan het kwaliteitsverslag"),
            .init("verbeterparagraaf", .boolean, "het kwaliteitsverslag heeft een verbeterparagraaf"),
            .init(
                "uitwisseling", .list(.choice(["bezoek", "consultatie", "benchmarking", "intervisie"])), "vormen van uitwisseling"
            ),
            .init("uitwisseling_voor", .list(.choice(["medewerkers", "bestuurders"])), "voor wie de uitwisseling is"),
            .init("meelopen", .boolean, "tijd en ruimte voor alle zorgverleners en bestuurders om mee te lopen bij een partner"),
        ])

    /// The whole file.
    public static let file = EntitySchema(
        name: "het netwerkbestand",
        fields: [
            .init("netwerk", .object(network), required: true, "het netwerk zelf"),
            .init("organisaties", .list(.object(organisation)), "de deelnemende organisaties"),
            .init("deelnemers", .list(.object(participant)), "de deelnemers"),
            .init("bijeenkomsten", .list(.object(meeting)), "de bijeenkomsten, gepland en geweest"),
            .init("besluiten", .object(decisions), "besluiten van de groep"),
            .init("kwaliteit", .object(quality), "afspraken voor het Kwaliteitskader"),
        ],
        derived: [
            .init("vandaag", .date, "de peildatum van de controle (standaard vandaag)")
        ])

    /// What rules, workflows and templates may read.
    public static var shape: Shape { file.shape }
}
