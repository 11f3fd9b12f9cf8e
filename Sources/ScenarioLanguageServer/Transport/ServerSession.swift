/// A ``LanguageServer`` behind the base protocol's framing: bytes in, bytes out, no I/O.
///
/// The in-memory transport of the tests, and what ``StandardIOServer`` runs on the bytes it reads.
/// Everything that came in one ``receive(_:)`` is one batch (see ``LanguageServer/handle(_:)-([JSON])``).
/// Bytes that are not a message are answered as the protocol says (a body that is not JSON: a
/// ParseError reply with a null id) or reported in a `window/logMessage` (a broken header), and
/// the session goes on with the next message.
public struct ServerSession: Sendable {
    private var framer = MessageFramer()
    public private(set) var server = LanguageServer()

    public init() {}

    /// Set once the client sent `exit`: the status the process should end with.
    public var exitStatus: Int32? { server.exitStatus }

    /// Takes bytes from the client and returns the bytes to send back.
    public mutating func receive(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        framer.append(bytes)
        var early: [JSON] = []
        var batch: [JSON] = []
        while let frame = framer.next() {
            switch frame {
            case .bad(let reason):
                early.append(LanguageServer.notification("window/logMessage", ["type": 1, "message": .string("omnisim lsp: skipped \(reason)")]))
            case .message(let body):
                do throws(JSON.SyntaxError) {
                    batch.append(try JSON.parse(body))
                } catch {
                    early.append(LanguageServer.reply(to: .null, error: .parseError(error.description)))
                }
            }
        }
        let replies = early + (batch.isEmpty ? [] : server.handle(batch))
        return replies.flatMap { MessageFramer.frame($0.encoded()) }
    }
}
