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
