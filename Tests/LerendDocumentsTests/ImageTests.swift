import Foundation
import LerendDiagnostics
import LerendExpressions
import Testing

@testable import LerendDocuments

/// Pictures whose name, title or alt text is a tag, in templates as LibreOffice and Word
/// write them.
@Suite struct ImageTests {
    static let images = TestPackage.fixtures.appending(path: "images")
    static let folder =
        images.path(percentEncoded: false).hasSuffix("/")
        ? images.path(percentEncoded: false) : images.path(percentEncoded: false) + "/"
    static let options = RenderOptions(imageFolders: ImageFolders([folder]))

    static func sample(_ name: String) throws -> [UInt8] {
        try TestPackage.bytes(of: images.appending(path: "sjablonen/\(name)").path(percentEncoded: false))
    }

    static let data: Value = [
        "kopbeeld": "breed.png", "logo": "hoog.jpg", "cel": "breed.png",
        "deelnemers": [
            ["naam": "Anna", "foto": "breed.png"], ["naam": "Bert", "foto": "gedraaid.jpg"], ["naam": "Cor", "foto": ""],
            ["naam": "Dirk", "foto": "breed.png"],
        ],
    ]

    static func render(_ bytes: [UInt8], _ data: Value, options: RenderOptions = options) throws -> [UInt8] {
        let template = try DocumentTemplate(bytes: bytes, name: "test")
        return try DocumentRenderer(template: template).render(data, options: options)
    }

    /// The messages of rendering, as one text.
    static func renderErrors(_ bytes: [UInt8], _ data: Value, options: RenderOptions = options) throws -> String {
        let template = try DocumentTemplate(bytes: bytes, name: "test")
        do throws(DiagnosticList) {
            _ = try DocumentRenderer(template: template).render(data, options: options)
            return ""
        } catch {
            return DiagnosticRenderer().render(error.diagnostics)
        }
    }

    static func names(_ bytes: [UInt8]) throws -> [String] { try ZipArchive(bytes: bytes).entries.map(\.name) }

    static func values(_ attribute: String, in xml: String) -> [String] {
        RepeatedIdentifierTests.values(of: attribute, in: xml)
    }

    // MARK: - LibreOffice

    @Test func openDocumentPicturesInBodyCellHeaderAndLoop() throws {
        let rendered = try Self.render(try Self.sample("beelden.odt"), Self.data)
        StructureTests.keep(rendered, as: "beelden.odt")
        let entries = try Self.names(rendered)
        // breed.png (header, cell, loop twice) once, hoog.jpg, gedraaid.jpg; the placeholder
        // stays because an untagged picture shows it.
        let media = entries.filter { $0.hasPrefix("Pictures/") }.sorted()
        #expect(
            media == [
                "Pictures/10000001000000C8000000C889105CAAD3DEC4F6.png", "Pictures/lerend-afbeelding-1.png",
                "Pictures/lerend-afbeelding-2.jpeg", "Pictures/lerend-afbeelding-3.jpeg",
            ])
        let manifest = try TestPackage.part("META-INF/manifest.xml", of: rendered)
        for name in media { #expect(manifest.contains("manifest:full-path=\"\(name)\"")) }
        #expect(manifest.contains("\"Pictures/lerend-afbeelding-2.jpeg\" manifest:media-type=\"image/jpeg\""))
        let body = try TestPackage.odfBody(of: rendered)
        #expect(
            Self.values("xlink:href", in: body) == [
                "Pictures/lerend-afbeelding-2.jpeg", "Pictures/lerend-afbeelding-1.png", "Pictures/lerend-afbeelding-1.png",
                "Pictures/lerend-afbeelding-3.jpeg", "Pictures/lerend-afbeelding-1.png",
                "Pictures/10000001000000C8000000C889105CAAD3DEC4F6.png",
            ])
        // Width kept, height from the shape: 4 cm wide hoog.jpg (1:2); the cell's 3 × 3 cm
        // frame with `kader` takes breed.png (3:1) as 3 × 1 cm; the rotated JPEG stands.
        let widths = Self.values("svg:width", in: body)
        let heights = Self.values("svg:height", in: body)
        #expect(widths.prefix(5) == ["1.5752in", "1.1811in", "0.7874in", "0.7874in", "0.7874in"])
        #expect(heights.prefix(5) == ["3.1504in", "0.3937in", "0.2625in", "1.5748in", "0.2625in"])
        // Cor has no picture: his frame is gone, his name stays.
        #expect(body.contains("Cor"))
        #expect(body.components(separatedBy: "<draw:frame").count - 1 == 6)
        let names = Self.values("draw:name", in: try TestPackage.part("content.xml", of: rendered))
        #expect(Set(names).count == names.count)
        #expect(!body.contains("{{"))
        let header = try TestPackage.part("styles.xml", of: rendered)
        #expect(header.contains("xlink:href=\"Pictures/lerend-afbeelding-1.png\""))
    }

    @Test func wordPicturesFromLibreOffice() throws {
        let rendered = try Self.render(try Self.sample("beelden.docx"), Self.data)
        StructureTests.keep(rendered, as: "beelden.docx")
        let entries = try Self.names(rendered)
        #expect(
            entries.filter { $0.hasPrefix("word/media/") }.sorted() == [
                "word/media/image1.png", "word/media/lerend-afbeelding-1.jpeg", "word/media/lerend-afbeelding-2.png",
                "word/media/lerend-afbeelding-3.jpeg",
            ])
        let relationships = try TestPackage.part("word/_rels/document.xml.rels", of: rendered)
        let body = try TestPackage.wordBody(of: rendered)
        let embeds = Self.values("r:embed", in: body)
        for id in Set(embeds) { #expect(relationships.contains("Id=\"\(id)\"")) }
        // Anna's and Dirk's picture are one relationship and one file.
        #expect(embeds.filter { $0 == "rIdLerend2" }.count == 3)
        let header = try TestPackage.part("word/header1.xml", of: rendered)
        let headerEmbed = try #require(Self.values("r:embed", in: header).first)
        let headerRelationships = try TestPackage.part("word/_rels/header1.xml.rels", of: rendered)
        #expect(headerRelationships.contains("Id=\"\(headerEmbed)\""))
        #expect(headerRelationships.contains("Target=\"media/lerend-afbeelding-2.png\""))
        let types = try TestPackage.part("[Content_Types].xml", of: rendered)
        #expect(types.contains("Extension=\"jpeg\" ContentType=\"image/jpeg\""))
        // Both sizes of a picture: `wp:extent` and `a:ext`; 4 cm = 1440180 EMU wide.
        #expect(body.contains("<wp:extent cx=\"1440180\" cy=\"2880360\"/>"))
        #expect(body.contains("<a:ext cx=\"1440180\" cy=\"2880360\"/>"))
        let ids = Self.values("id", in: body.replacingOccurrences(of: "<pic:cNvPr id", with: "<pic:cNvPr pid"))
        #expect(Set(ids).count == ids.count)
    }

    @Test func aPlaceholderNothingElseShowsIsDropped() throws {
        var template = try Self.sample("beelden.odt")
        let content = try TestPackage.part("content.xml", of: template)
        // Without the untagged picture, no frame shows the placeholder any more.
        let start = try #require(content.range(of: "<text:p text:style-name=\"Standard\">Vast plaatje"))
        let end = try #require(content[start.upperBound...].range(of: "</text:p>"))
        template = try TestPackage.replacing(
            ["content.xml": content.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "")], in: template)
        let rendered = try Self.render(template, Self.data)
        StructureTests.keep(rendered, as: "beelden-zonder-voorbeeld.odt")
        #expect(try Self.names(rendered).filter { $0.hasPrefix("Pictures/1000") }.isEmpty)
        #expect(!(try TestPackage.part("META-INF/manifest.xml", of: rendered)).contains("Pictures/1000"))
    }

    // MARK: - Word

    static let drawingNamespaces = """
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"
        """

    /// A picture as Word 2016 inserts it, with an SVG beside its PNG and the tag in its alt text.
    static func wordPicture(_ alt: String, embed: String = "rId10", svg: String? = "rId11", cx: Int = 1_828_800) -> String {
        let svgExtension =
            svg.map {
                "<a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\"><asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"\($0)\"/></a:ext>"
            } ?? ""
        return """
            <w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" \(drawingNamespaces)><wp:extent cx="\(cx)" cy="\(cx)"/>\
            <wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="1" name="Afbeelding 1" descr="\(alt)"/>\
            <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>\
            <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>\
            <pic:nvPicPr><pic:cNvPr id="1" name="Afbeelding 1" descr="\(alt)"/><pic:cNvPicPr/></pic:nvPicPr>\
            <pic:blipFill><a:blip r:embed="\(embed)"><a:extLst><a:ext uri="{28A0092B-C50C-407E-A947-70E740481C1C}">\
            <a14:useLocalDpi xmlns:a14="http://schemas.microsoft.com/office/drawing/2010/main" val="0"/></a:ext>\(svgExtension)</a:extLst></a:blip>\
            <a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\(cx)" cy="\(cx)"/></a:xfrm>\
            <a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>
            """
    }

    /// A Word template with `body` and `header`, its placeholder PNG and SVG in `word/media`.
    static func wordTemplate(body: String, header: String = TestPackage.plainHeader) throws -> [UInt8] {
        let base = try TestPackage.docx(body: body, header: header)
        let relationships = try TestPackage.part("word/_rels/document.xml.rels", of: base).replacingOccurrences(
            of: "</Relationships>",
            with: """
                <Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/testbeeld1.png"/>\
                <Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/testbeeld2.svg"/></Relationships>
                """)
        let headerRelationships = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/testbeeld1.png"/></Relationships>
            """
        var added = ["word/media/testbeeld2.svg": try String(contentsOf: images.appending(path: "logo.svg"), encoding: .utf8)]
        var replaced = ["word/_rels/document.xml.rels": relationships]
        // The invitation the test package starts from has a logo in its header.
        let headerPart = "word/_rels/header1.xml.rels"
        let hasHeaderRelationships = try ZipArchive(bytes: base).entry(named: headerPart) != nil
        let headerText =
            header.contains("r:embed")
            ? headerRelationships
            : #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"#
        if hasHeaderRelationships { replaced[headerPart] = headerText } else { added[headerPart] = headerText }
        var package = try TestPackage.replacing(replaced, adding: added, in: base)
        // The PNG itself, stored as it is.
        let archive = try ZipArchive(bytes: package)
        var writer = ZipWriter()
        for entry in archive.entries {
            let contents = try archive.contents(of: entry)
            let crc = contents.withUnsafeBytes { Deflater.crc32($0) }
            try writer.add(ZipWriter.prepare(name: entry.rawName, method: 0, crc32: crc, size: contents.count, data: contents))
        }
        let image = try TestPackage.bytes(of: folder + "ander.png")
        let crc = image.withUnsafeBytes { Deflater.crc32($0) }
        try writer.add(
            ZipWriter.prepare(
                name: Array("word/media/testbeeld1.png".utf8), method: 0, crc32: crc, size: image.count, data: image))
        try writer.finish()
        package = writer.bytes
        return package
    }

    @Test func wordPictureInBodyTableAndHeaderReplacesPlaceholderAndItsSVG() throws {
        let template = try Self.wordTemplate(
            body: """
                <w:p>\(Self.wordPicture("{{ logo }}"))</w:p>\
                <w:tbl><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:p>\(Self.wordPicture("{{ cel }} hoogte", svg: nil))</w:p></w:tc></w:tr></w:tbl>\
                <w:p><w:r><w:t>{% for d in deelnemers %}</w:t></w:r></w:p>\
                <w:p><w:r><w:t>{{ d.naam }}</w:t></w:r>\(Self.wordPicture("{{ d.foto }}", svg: nil))</w:p>\
                <w:p><w:r><w:t>{% endfor %}</w:t></w:r></w:p>
                """,
            header: "<w:p>\(Self.wordPicture("{{ kopbeeld }} vast", embed: "rId1", svg: nil))</w:p>")
        let rendered = try Self.render(template, Self.data)
        StructureTests.keep(rendered, as: "word-afbeeldingen.docx")
        let entries = try Self.names(rendered)
        // Nothing shows the placeholders any more: both are gone.
        #expect(!entries.contains("word/media/testbeeld1.png"))
        #expect(!entries.contains("word/media/testbeeld2.svg"))
        #expect(entries.filter { $0.hasPrefix("word/media/lerend") }.count == 3)
        let body = try TestPackage.wordBody(of: rendered)
        #expect(!body.contains("svgBlip"))
        #expect(!body.contains("{{"))
        #expect(body.contains("useLocalDpi"))
        let relationships = try TestPackage.part("word/_rels/document.xml.rels", of: rendered)
        #expect(!relationships.contains("rId10") && !relationships.contains("rId11"))
        #expect(relationships.contains("Target=\"header1.xml\""))
        // hoog.jpg 1:2 at 1828800 EMU wide; the cell keeps its height (`hoogte`), breed.png 3:1.
        #expect(body.contains("<wp:extent cx=\"1828800\" cy=\"3657600\"/>"))
        #expect(body.contains("<wp:extent cx=\"5486400\" cy=\"1828800\"/>"))
        // The alt text becomes the file's name, the picture's name unique.
        #expect(Self.values("descr", in: body).prefix(2) == ["hoog", "hoog"])
        let header = try TestPackage.part("word/header1.xml", of: rendered)
        #expect(header.contains("<wp:extent cx=\"1828800\" cy=\"1828800\"/>"))
        let headerRelationships = try TestPackage.part("word/_rels/header1.xml.rels", of: rendered)
        #expect(!headerRelationships.contains("Id=\"rId1\""), "\(headerRelationships)")
        #expect(headerRelationships.contains("Target=\"media/lerend-afbeelding-2.png\""))
    }

    @Test func differentPictureForEveryRecordInAMailMerge() throws {
        let template = try DocumentTemplate(
            bytes: try Self.wordTemplate(body: "<w:p>\(Self.wordPicture("{{ foto }}", svg: nil))</w:p>"), name: "test")
        let renderer = DocumentRenderer(template: template)
        var sizes: [String] = []
        for file in ["breed.png", "hoog.jpg", "breed.png"] {
            let rendered = try renderer.render(["foto": .string(file)], options: Self.options)
            let body = try TestPackage.wordBody(of: rendered)
            sizes.append(try #require(body.firstMatch(of: /<wp:extent cx="\d+" cy="(\d+)"/)).output.1.description)
            let media = try Self.names(rendered).filter { $0.hasPrefix("word/media/lerend") }
            #expect(media == ["word/media/lerend-afbeelding-1." + (file.hasSuffix("png") ? "png" : "jpeg")])
        }
        #expect(sizes == ["609600", "3657600", "609600"])
    }

    // MARK: - Shapes and formats

    @Test func headersGiveSizeAndShape() throws {
        func info(_ name: String) throws -> ImageInfo {
            try ImageHeader.inspect(try TestPackage.bytes(of: Self.folder + name))
        }
        #expect(try info("breed.png") == ImageInfo(format: .png, width: 300, height: 100, aspectRatio: 3))
        #expect(try info("hoog.jpg") == ImageInfo(format: .jpeg, width: 80, height: 160, aspectRatio: 0.5))
        // EXIF orientation 6: a quarter turn.
        #expect(try info("gedraaid.jpg") == ImageInfo(format: .jpeg, width: 80, height: 160, aspectRatio: 0.5))
        // 2000 by 1000 pixels per metre: each pixel twice as tall as wide.
        #expect(try info("pixels-2x1.png").aspectRatio == 0.5)
        #expect(try info("logo.svg") == ImageInfo(format: .svg, width: 240, height: 80, aspectRatio: 3))
        #expect(try info("alleen-viewbox.svg").aspectRatio == 3)
    }

    @Test func fitsInTheFrame() throws {
        let origin = TagOrigin(location: SourceLocation(file: "t"), paragraphText: "", column: 0, contentColumn: 0, length: 0)
        func slot(_ fit: ImageFit) throws -> ImageSlot {
            ImageSlot(
                expression: try Expression("x"), origin: origin, fit: fit, width: FrameLength(value: 4, unit: "cm"),
                height: FrameLength(value: 2, unit: "cm"), part: "content.xml")
        }
        func text(_ size: (width: FrameLength, height: FrameLength)) -> String { size.width.text + " × " + size.height.text }
        #expect(text(try slot(.width).size(aspectRatio: 0.5)) == "4cm × 8cm")
        #expect(text(try slot(.height).size(aspectRatio: 0.5)) == "1cm × 2cm")
        #expect(text(try slot(.box).size(aspectRatio: 0.5)) == "1cm × 2cm")
        #expect(text(try slot(.box).size(aspectRatio: 4)) == "4cm × 1cm")
        #expect(text(try slot(.fixed).size(aspectRatio: 4)) == "4cm × 2cm")
    }

    @Test func svgInOpenDocument() throws {
        var data = Self.data
        data = data.setting("logo", to: "logo.svg")
        let rendered = try Self.render(try Self.sample("beelden.odt"), data)
        StructureTests.keep(rendered, as: "beelden-svg.odt")
        #expect(try Self.names(rendered).contains("Pictures/lerend-afbeelding-2.svg"))
        #expect(try TestPackage.part("META-INF/manifest.xml", of: rendered).contains("image/svg+xml"))
        #expect(try TestPackage.odfBody(of: rendered).contains("draw:mime-type=\"image/svg+xml\""))
    }

    @Test func anEmptyValueRemovesThePicture() throws {
        let template = try Self.wordTemplate(body: "<w:p><w:r><w:t>Voor</w:t></w:r>\(Self.wordPicture("{{ foto }}"))</w:p>")
        for value: Value in ["", "  ", .null] {
            let rendered = try Self.render(template, ["foto": value])
            let body = try TestPackage.wordBody(of: rendered)
            #expect(!body.contains("<w:drawing>"))
            #expect(body.contains("Voor"))
            // The placeholder and its SVG went with the picture.
            #expect(try Self.names(rendered).filter { $0.contains("testbeeld") || $0.contains("lerend") }.isEmpty)
        }
        let missing = try Self.render(
            template, [:], options: RenderOptions(missingValues: .empty, imageFolders: Self.options.imageFolders))
        #expect(!(try TestPackage.wordBody(of: missing)).contains("<w:drawing>"))
    }

    @Test func inspectionListsThePictureTag() throws {
        let template = try DocumentTemplate(bytes: try Self.sample("beelden.odt"), name: "beelden.odt")
        let tags = template.tagList.map(\.tag)
        #expect(tags.contains("{{ kopbeeld }} (afbeelding)"))
        #expect(tags.contains("{{ cel }} kader (afbeelding)"))
        #expect(tags.contains("{{ d.foto }} (afbeelding)"))
        #expect(template.dataNeeds.fields.map(\.name).contains("kopbeeld"))
        let place = try #require(template.tagList.first { $0.tag.hasPrefix("{{ cel }}") }).place
        #expect(place.detail == "hoofdtekst, tabel 1, rij 1, kolom 2, afbeelding")
    }

    // MARK: - Errors

    static let odt = Result { try sample("beelden.odt") }

    func error(_ value: String, options: RenderOptions = ImageTests.options) throws -> String {
        try Self.renderErrors(try Self.odt.get(), Self.data.setting("logo", to: .string(value)), options: options)
    }

    @Test func missingAndUnreadableFiles() throws {
        let missing = try error("bestaat-niet.png")
        #expect(missing.contains("fout[B101]: afbeelding 'bestaat-niet.png' niet gevonden"))
        #expect(missing.contains("hoofdtekst, alinea 1, afbeelding"))
        #expect(missing.contains("{{ logo }}"))
        #expect(try error("https://example.org/logo.png").contains("Lerend haalt geen afbeeldingen van internet"))
        #expect(try error("sjablonen").contains("fout[B102]"))
    }

    @Test func pathsMayNotLeaveTheFolders() throws {
        // `..` that comes back into the folder is fine.
        #expect(try error("../images/breed.png") == "")
        let inside = Self.folder + "sjablonen/"
        let narrow = RenderOptions(imageFolders: ImageFolders([inside]))
        #expect(try error("../breed.png", options: narrow).contains("fout[B103]"))
        #expect(try error(Self.folder + "breed.png", options: narrow).contains("fout[B103]"))
        #expect(try error("breed.png", options: RenderOptions()).contains("fout[B103]"))
        // Outside is outside, whether the file exists or not.
        #expect(try error("../bestaat-niet.png", options: narrow).contains("fout[B103]"))
        #expect(try error("/etc/bestaat-niet.png", options: narrow).contains("fout[B103]"))
        // A link inside that points outside.
        let scratch = FileManager.default.temporaryDirectory.appending(path: "lerend-afbeelding-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createSymbolicLink(
            atPath: scratch.appending(path: "link.png").path(percentEncoded: false),
            withDestinationPath: Self.folder + "breed.png")
        let linked = RenderOptions(imageFolders: ImageFolders([scratch.path(percentEncoded: false)]))
        #expect(try error("link.png", options: linked).contains("fout[B103]"))
    }

    @Test func formatsAndHeadersAreChecked() throws {
        let gif = try error("eigenlijk-gif.png")
        #expect(gif.contains("fout[B104]: 'eigenlijk-gif.png' is geen PNG-, JPEG- of SVG-afbeelding maar GIF"))
        #expect(try error("kapot.png").contains("fout[B105]"))
        #expect(try error("kapot.jpg").contains("fout[B105]"))
    }

    @Test func limitsOfSizeAndPixels() throws {
        let small = RenderOptions(imageFolders: Self.options.imageFolders, imageLimits: ImageLimits(fileSize: 500))
        #expect(try error("hoog.jpg", options: small).contains("fout[B106]"))
        #expect(try error("te-veel-pixels.png").contains("fout[B107]: afbeelding 'te-veel-pixels.png' is 30000 × 30000 pixels"))
    }

    @Test func svgInWordIsRefused() throws {
        let template = try Self.wordTemplate(body: "<w:p>\(Self.wordPicture("{{ logo }}"))</w:p>")
        let message = try Self.renderErrors(template, ["logo": "logo.svg"])
        #expect(message.contains("fout[B108]"))
        #expect(message.contains("hoofdtekst, alinea 1, afbeelding"))
    }

    @Test func aValueThatIsNoPath() throws {
        #expect(try Self.renderErrors(try Self.odt.get(), Self.data.setting("logo", to: [1, 2])).contains("fout[B109]"))
    }

    @Test func aPictureTagThatIsNotOneTag() throws {
        let template = try Self.wordTemplate(body: "<w:p>\(Self.wordPicture("logo: {{ logo }}"))</w:p>")
        let message = try #require(TestPackage.compileErrors(template))
        #expect(message.contains("fout[B110]"))
        let unknown = try Self.wordTemplate(body: "<w:p>\(Self.wordPicture("{{ logo }} groot"))</w:p>")
        #expect(try #require(TestPackage.compileErrors(unknown)).contains("fout[B110]"))
        let broken = try Self.wordTemplate(body: "<w:p>\(Self.wordPicture("{{ logo + }}"))</w:p>")
        #expect(try #require(TestPackage.compileErrors(broken)).contains("fout[E103]"))
    }

    @Test func aFrameWithoutAPicture() throws {
        let template = try TestPackage.odt(
            body: """
                <text:p><draw:frame draw:name="{{ logo }}" svg:width="2cm" svg:height="2cm"><draw:text-box><text:p>tekst</text:p></draw:text-box></draw:frame></text:p>
                """)
        #expect(try #require(TestPackage.compileErrors(template, name: "t.odt")).contains("fout[B111]"))
    }

    @Test func fitWordsAreRead() {
        #expect(PartCompiler.imageTag("{{ a.b }}") == .tag(expression: " a.b ", contentColumn: 2, length: 9, fit: .width))
        #expect(PartCompiler.imageTag(" {{x}} Kader ") == .tag(expression: "x", contentColumn: 3, length: 5, fit: .box))
        #expect(PartCompiler.imageTag("Afbeelding 1") == .none)
        #expect(PartCompiler.imageTag("{{ a }} {{ b }}") == .malformed)
        #expect(PartCompiler.imageTag("{{ a") == .malformed)
    }
}
