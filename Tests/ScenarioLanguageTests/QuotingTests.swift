import OmniSim
import ScenarioLanguage
import Testing

/// Bytes that should be UTF-8 (a file name, an argument) shown in a message: valid text as text,
/// every other byte as `\xNN`, and no control character ever reaching the terminal.
@Suite("Quoting bytes: names that are not UTF-8 are shown, not changed")
struct QuotingTests {
    @Test("valid UTF-8 shows as text; a byte that is not shows as \\xNN; controls are escaped")
    func examples() {
        #expect(Quoting.visible(bytes: Array("café.scenario".utf8)) == "café.scenario")
        #expect(Quoting.visible(bytes: [0x63, 0x61, 0x66, 0xE9]) == "caf\\xE9")
        #expect(Quoting.visible(bytes: [0xED, 0xA0, 0x80, 0x61]) == "\\xED\\xA0\\x80a", "a lone surrogate, as CESU-8 writes it")
        #expect(Quoting.visible(bytes: [0x61, 0x0A, 0x1B, 0x62]) == "a\\n\\u{1B}b")
        #expect(Quoting.visible(bytes: [0xF0, 0x9F, 0x9A, 0x80, 0xF0, 0x9F]) == "🚀\\xF0\\x9F", "a sequence cut short")
    }

    @Test("random bytes: no control character gets through, and valid text without controls is unchanged", arguments: 0..<200)
    func randomBytes(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let bytes = (0..<random.below(40)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let shown = Quoting.visible(bytes: bytes)
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" })
        let text = String(decoding: bytes, as: UTF8.self)
        if String(validating: bytes, as: UTF8.self) != nil, !text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            #expect(shown == Quoting.visible(text))
        }
        if String(validating: bytes, as: UTF8.self) == nil { #expect(shown.contains("\\x")) }
    }
}
