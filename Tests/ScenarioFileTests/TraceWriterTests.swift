import Testing
import OmniSim
@testable import OmniSimRunner

@Suite("TraceWriter: JSON lines with a fixed key order")
struct TraceWriterTests {
    @Test("strings are JSON literals: quotes, backslashes and control characters escaped, UTF-8 kept")
    func literals() {
        let literal = String(decoding: TraceWriter.literal("a\"b\\c\nd\te\u{01}é✓"), as: UTF8.self)
        #expect(literal == #""a\"b\\c\nd\te\u0001é✓""#)
    }

    @Test("a literal copied in runs is the same as escaping byte by byte, appended after what is there", arguments: 1...10)
    func literalsInRuns(seed: UInt64) {
        /// Byte by byte, as the contract's JSON wants it.
        func escaped(_ text: String) -> [UInt8] {
            var out: [UInt8] = [0x22]
            for byte in text.utf8 {
                switch byte {
                case 0x22: out += Array(#"\""#.utf8)
                case 0x5C: out += Array(#"\\"#.utf8)
                case 0x0A: out += Array(#"\n"#.utf8)
                case 0x0D: out += Array(#"\r"#.utf8)
                case 0x09: out += Array(#"\t"#.utf8)
                case 0..<0x20: out += Array(#"\u00"#.utf8) + Array(String(byte, radix: 16).count == 1 ? "0\(String(byte, radix: 16))".utf8 : String(byte, radix: 16).utf8)
                default: out.append(byte)
                }
            }
            return out + [0x22]
        }
        var random = SplitMix64(seed: seed)
        let pieces = ["a", "bc", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1f}", "é", "✓", " ", "@x"]
        for _ in 0..<100 {
            let text = (0..<Int.random(in: 0..<32, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            #expect(TraceWriter.literal(text) == escaped(text), "\(text.debugDescription)")
            var buffer: [UInt8] = [1, 2]
            TraceWriter.appendLiteral(text, to: &buffer)
            #expect(buffer == [1, 2] + escaped(text))
        }
    }

    @Test("a delivery is one line: t, channel, to, from, thread, message, text")
    func line() throws {
        let cast = Cast(personNames: ["maria", "jonas"], personKinds: [.user, .user], threadNames: ["plan"])
        let writer = TraceWriter()
        let message = Message(thread: ThreadID(0), number: 3, author: PersonID(0), text: "hi \"you\"", isNote: false)
        writer.write(
            Delivery(time: SimInstant(milliseconds: 32_460_000), channel: .email, recipient: PersonID(1), message: MessageID(0), due: .start),
            messages: [message], cast: cast)
        try writer.finish()
        #expect(writer.text == #"{"t":32460000,"channel":"email","to":"jonas","from":"maria","thread":"plan","message":3,"text":"hi \"you\""}"# + "\n")
    }
}
