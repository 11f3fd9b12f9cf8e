import ScenarioLanguage

/// Text from a scenario or a file name made safe for XML 1.0 (JUnit) and HTML, in content and in
/// attributes: the five special characters as entities, line ends and tabs as character
/// references, and every character XML 1.0 forbids or HTML calls a parse error — C0 and C1
/// controls, U+FFFE, U+FFFF and the other noncharacters — replaced by a visible escape
/// (`\u{FFFE}`), never dropped in silence and never passed through to break the file; so are the
/// invisible characters that change how text reads (bidirectional overrides, zero-width
/// characters), as on a terminal (``Quoting/isControl(_:)``).
enum MarkupText {
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            default:
                if isForbidden(scalar) {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// C0 controls but tab, line feed and carriage return; DEL and the C1 controls; noncharacters
    /// (U+FDD0…U+FDEF and the last two code points of every plane); and what a terminal is kept
    /// from too (bidirectional overrides, zero-width characters, the byte order mark).
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0xFDD0...0xFDEF: true
        default: scalar.value & 0xFFFE == 0xFFFE || Quoting.isControl(scalar)
        }
    }
}
