import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Measures the overview page of `lerend web` over a folder of `count` networks (copies
/// of the sample networks under other names): the first request, which opens every file
/// with its check and status, then requests while nothing changes, and a request after
/// one file changed on disk. Through a real socket, as a browser asks.
enum WebBenchmark {
    static func table(lerend: URL, samples: URL, count: Int, requests: Int, folder: URL) throws {
        let work = folder.appending(path: "lerend-web-bench-\(getpid())")
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let sources = try ["zorg-dichtbij", "kleinschalig-zuid"].map {
            try String(contentsOf: samples.appending(path: "\($0).yaml"), encoding: .utf8)
        }
        for number in 1...count {
            let text = sources[number % 2].replacing(/naam: (Lerend netwerk [^\n]*|Kleinschalig[^\n]*)\n/) { match in
                "naam: \(match.output.1) \(number)\n"
            }
            try text.write(to: work.appending(path: "netwerk-\(number).yaml"), atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = lerend
        process.arguments = ["web", work.path(percentEncoded: false), "--poort", "0", "--geen-browser", "--datum", "2026-04-01"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        defer { process.terminate() }
        guard let port = readPort(output.fileHandleForReading) else {
            print("lerend web noemde geen adres")
            return
        }
        print("Overzicht van lerend web over \(count) netwerken (http://127.0.0.1:\(port)/), in ms:")
        let (cold, coldSize) = try timed { try get("/", port: port) }
        var warm: [Double] = []
        for _ in 0..<requests { warm.append(try timed { try get("/", port: port) }.0) }
        warm.sort()
        let changed = work.appending(path: "netwerk-1.yaml")
        let text = try String(contentsOf: changed, encoding: .utf8)
        try (text + "\n# gewijzigd\n").write(to: changed, atomically: true, encoding: .utf8)
        let (afterChange, _) = try timed { try get("/", port: port) }
        let (page, _) = try timed { try get("/netwerk/netwerk-2.yaml", port: port) }
        print(String(format: "  eerste keer (alle bestanden openen en toetsen)  %8.1f   (%d kB html)", cold, coldSize / 1024))
        print(
            String(
                format: "  daarna, %d keer: mediaan %.1f, 95%% %.1f, hoogste %.1f", requests, warm[warm.count / 2],
                warm[min(warm.count - 1, warm.count * 95 / 100)], warm.last ?? 0))
        print(String(format: "  na een gewijzigd bestand                        %8.1f", afterChange))
        print(String(format: "  de pagina van één netwerk                       %8.1f", page))
    }

    private static func readPort(_ handle: FileHandle) -> Int? {
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let data = handle.availableData
            if data.isEmpty { return nil }
            text += String(decoding: data, as: UTF8.self)
            if let match = text.firstMatch(of: /127\.0\.0\.1:(\d+)/) { return Int(match.output.1) }
        }
        return nil
    }

    private static func timed<T>(_ body: () throws -> T) rethrows -> (Double, T) {
        let start = ContinuousClock.now
        let value = try body()
        let elapsed = ContinuousClock.now - start
        return (Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15, value)
    }

    /// GET `path` on loopback with HTTP/1.1 and `Connection: close`; the size of the answer.
    private static func get(_ path: String, port: Int) throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw BenchmarkError("socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw BenchmarkError("connect") }
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(socket, $0, strlen($0), 0) }
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        var head = ""
        while true {
            let read = recv(socket, &buffer, buffer.count, 0)
            if read <= 0 { break }
            if head.count < 12 { head += String(decoding: buffer[0..<min(read, 12)], as: UTF8.self) }
            total += read
        }
        guard head.hasPrefix("HTTP/1.1 200") else { throw BenchmarkError("antwoord \(head)") }
        return total
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
