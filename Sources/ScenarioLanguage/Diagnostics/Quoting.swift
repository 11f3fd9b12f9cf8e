/// Makes text from a scenario file or a file name safe to show: on a terminal no byte of it acts
/// as a control (an escape sequence, a bell, a line break that fakes a `PASS` line), and a path meant
/// to be pasted into a shell is quoted for one.
public enum Quoting {
    /// `text` with control characters written as escapes (`\n`, `\r`, `\u{1B}`); the rest, tabs
    /// included, as is.
    public static func visible(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return String(text) }
        var out = ""
        for scalar in text.unicodeScalars {
            out += isControl(scalar) ? escape(scalar) : String(scalar)
        }
        return out
    }

    /// Bytes that should be UTF-8 text (a file name, an argument) made visible: valid UTF-8 as
    /// text with control characters escaped (``visible(_:)``), every other byte as `\xE9`.
    public static func visible(bytes: some Collection<UInt8>) -> String {
        var out = ""
        var rest = bytes[...]
        while !rest.isEmpty {
            // The longest prefix that decodes, then one byte that does not.
            var decoded = ""
            var iterator = rest.makeIterator()
            var decoder = UTF8()
            var offset = 0
            var lastGood = 0
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar):
                    decoded.unicodeScalars.append(scalar)
                    offset += UTF8.width(scalar)
                    lastGood = offset
                case .emptyInput, .error:
                    break decoding
                }
            }
            out += visible(decoded)
            rest = rest[rest.index(rest.startIndex, offsetBy: lastGood)...]
            if let bad = rest.first {
                let hex = String(bad, radix: 16, uppercase: true)
                out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                rest = rest.dropFirst()
            }
        }
        return out
    }

    /// `'path'` with control characters escaped: how messages name a file.
    public static func quoted(_ path: String) -> String { "'\(visible(path))'" }

    /// `path` as one shell word: bare when it is plain, else in single quotes, or as `$'…'` when it
    /// holds control characters, each as its UTF-8 bytes (`\xE2\x80\x8B`), which bash, zsh, ksh
    /// and POSIX `$'…'` read back in any locale.
    public static func shellWord(_ path: String) -> String {
        let plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./+:,=@%"
        if !path.isEmpty, path.unicodeScalars.allSatisfy({ plain.unicodeScalars.contains($0) }) { return path }
        if !path.unicodeScalars.contains(where: isControl) {
            return "'" + path.replacingAll("'", with: "'\\''") + "'"
        }
        var out = "$'"
        for scalar in path.unicodeScalars {
            switch scalar {
            case "'": out += "\\'"
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                guard isControl(scalar) else { out += String(scalar); continue }
                // Its UTF-8 bytes as `\xNN`: the one escape every `$'…'` shell reads the same in any
                // locale (`\u` needs a UTF-8 locale, and POSIX has none).
                for byte in String(scalar).utf8 {
                    let hex = String(byte, radix: 16, uppercase: true)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                }
            }
        }
        return out + "'"
    }

    /// C0 and C1 controls, line and paragraph separators, the invisible format characters that
    /// change how a terminal shows text — bidirectional overrides and isolates ("Trojan source"),
    /// zero-width characters, the byte order mark — and the noncharacters (U+FFFE, U+FFFF, …).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false  // a tab is harmless, and keeps echoed lines lined up with their carets
        case 0..<0x20, 0x7F...0x9F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF, 0xFDD0...0xFDEF: true
        default: scalar.value & 0xFFFE == 0xFFFE
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\t": "\\t"
        case "\r": "\\r"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
