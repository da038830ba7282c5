import LerendDiagnostics

/// The parts of a compiled template as a merge needs them: which are rendered per record,
/// the contents of the others, and the package written back in the template's order.
struct MergeSource {
    let template: DocumentTemplate

    /// The names of the parts rendered per record.
    var compiledNames: Set<String> {
        Set(template.entries.compactMap { if case .compiled(let part) = $0 { part.name } else { nil } })
    }

    /// The decompressed contents of a part copied as it is, or `nil` when the template
    /// has no such part (or renders it).
    func rawContents(of name: String) -> [UInt8]? {
        if let generated = generatedPart(name) { return generated.head + generated.tail }
        for entry in template.entries {
            guard case .raw(let prepared) = entry, prepared.name.elementsEqual(name.utf8) else { continue }
            let start = 30 + prepared.name.count
            let data = Array(prepared.localRecord[start..<(start + Int(prepared.compressedSize))])
            switch prepared.method {
            case 0: return data
            case 8:
                // Checked when the template was compiled; within its declared size.
                return (try? Inflater().inflate(data, limit: Int(prepared.size), keeping: true))?.bytes
            default: return nil
            }
        }
        return nil
    }

    /// A part the pictures of each document rebuild (DOCX relationships of a part with
    /// picture tags, the ODT manifest): not in the template's entries.
    func generatedPart(_ name: String) -> ImagePackage.GeneratedPart? {
        guard let images = template.images else { return nil }
        if let manifest = images.manifest, manifest.name == name { return manifest }
        return images.relationships.values.first { $0.name == name }
    }

    /// The contents of `name` in the document of `parts` (one record's rendering): the
    /// rendered part or the template's own.
    func contents(of name: String, in parts: [String: [UInt8]]) -> [UInt8]? {
        parts[name] ?? rawContents(of: name)
    }

    /// The package: every part of the template in its order, `replaced` ones (by name)
    /// with new contents, rendered ones from `rendered`, then `added` ones.
    func package(
        replaced: [String: [UInt8]], prepared: [String: ZipWriter.PreparedEntry], rendered: [String: [UInt8]],
        added: [(name: String, contents: [UInt8])], images: ImageSession?, documentName: String
    ) throws(DiagnosticList) -> [UInt8] {
        var writer = ZipWriter(capacity: 1 << 20)
        let deflater = Deflater()
        func deflate(_ name: [UInt8], _ contents: [UInt8]) throws(ZipWriterError) {
            let result = contents.withUnsafeBytes { buffer in
                Result { () throws(ZipWriterError) in try writer.add(name: name, contents: buffer, deflater: deflater) }
            }
            try result.get()
        }
        do throws(ZipWriterError) {
            for entry in template.entries {
                let rawName: [UInt8]
                switch entry {
                case .raw(let prepared): rawName = prepared.name
                case .compiled(let part): rawName = part.rawName
                }
                let name = String(decoding: rawName, as: UTF8.self)
                if let ready = prepared[name] {
                    try writer.add(ready)
                } else if let contents = replaced[name] ?? rendered[name] {
                    try deflate(rawName, contents)
                } else if case .raw(let prepared) = entry {
                    try writer.add(prepared)
                }
            }
            for part in added { try deflate(Array(part.name.utf8), part.contents) }
            try images?.write(into: &writer, deflater: deflater)
            try writer.finish()
        } catch {
            throw DiagnosticList([error.diagnostic(templateName: documentName, format: template.format)])
        }
        return writer.bytes
    }
}
