/// The ids a document's repetitions have used, across all its parts.
final class IdentifierRenumbering {
    /// Fresh numbers start here: far above the small ids Word and LibreOffice give drawings
    /// and bookmarks, and below 0x80000000 as `w14:paraId` requires.
    static let firstNumber = 0x3A00_0000

    private var nextSerial = 1
    private var nextNumber = IdentifierRenumbering.firstNumber
    private var numbers: [NumberKey: Int] = [:]

    private struct NumberKey: Hashable {
        let part: Int
        let key: Int
        let serial: Int
    }

    /// A new repetition number.
    func serial() -> Int {
        defer { nextSerial += 1 }
        return nextSerial
    }

    /// Appends the value of `slot` in repetition `serial` (0: the first of every loop
    /// around it, which keeps the original) of part number `part`.
    func write(_ slot: IdentifierSlot, serial: Int, part: Int, into output: inout [UInt8]) {
        guard serial != 0 else {
            output.append(contentsOf: slot.original)
            return
        }
        switch slot.style {
        case .suffixed:
            output.append(contentsOf: slot.original)
            output.append(0x5F)  // _
            output.append(contentsOf: String(serial).utf8)
        case .decimal, .hexadecimal:
            let key = NumberKey(part: part, key: slot.key, serial: serial)
            let number: Int
            if let known = numbers[key] {
                number = known
            } else {
                number = nextNumber
                nextNumber += 1
                numbers[key] = number
            }
            if slot.style == .decimal {
                output.append(contentsOf: String(number).utf8)
            } else {
                let digits = String(number, radix: 16, uppercase: true)
                output.append(contentsOf: String(repeating: "0", count: max(0, 8 - digits.count)).utf8)
                output.append(contentsOf: digits.utf8)
            }
        }
    }
}
