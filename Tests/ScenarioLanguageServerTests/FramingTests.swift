import Testing
@testable import ScenarioLanguageServer

@Suite("Framing: Content-Length headers")
struct FramingTests {
    @Test("a message split across reads comes out whole, once")
    func splitMessage() {
        var framer = MessageFramer()
        let bytes = MessageFramer.frame("{\"a\":1}")
        framer.append(bytes.prefix(10))
        #expect(framer.next() == nil)
        framer.append(bytes.dropFirst(10))
        #expect(framer.next() == .message(Array("{\"a\":1}".utf8)))
        #expect(framer.next() == nil)
    }
}
