public import OmniSim
import Foundation
import Synchronization

/// Streams deliveries as JSON lines (`t`, `channel`, `to`, `from`, `thread`, `message`, `text`), in
/// that key order, with no spaces: the same run always writes the same bytes. A ``RunObserver``: the
/// engine hands it each delivery as it arrives.
///
/// Two threads share the work (issue: engine speed). On the simulation thread, ``delivered(_:message:cast:)``
/// only appends a compact ``Record`` to a chunk; full chunks go through a bounded ``ChunkChannel``
/// to a writer thread of the trace's own, which formats the lines into a 256 KiB buffer and writes
/// it out. The records arrive in order, so the bytes are the same as formatting inline; the channel
/// holds a few chunks, so memory stays bounded (a slow disk holds the run back). A failed write is
/// kept as ``failure`` (the engine then stops the run) and nothing more is written.
///
/// `@unchecked Sendable`, and why that is sound: the front (the chunk being filled, the last
/// message seen) is touched only by the engine's one simulation thread, one call at a time; the
/// ``TraceFormatter`` only by the writer thread until ``finish()`` has waited for that thread to
/// end (the semaphore orders its writes before the owner's reads of ``text``); the two share only
/// the channel and the failure, each synchronised.
public final class TraceWriter: RunObserver, @unchecked Sendable {
    /// One delivery as the writer thread needs it. `text` is set when the message differs from the
    /// previous record's (a message goes to its recipients one after another).
    struct Record: Sendable {
        var time: Int64
        var channel: ChannelKind
        var batch: Int32
        var recipient: Int32
        var author: Int32
        var thread: Int32
        var number: Int32
        var text: String?
    }

    static let chunkSize = 8_192
    private let formatter: TraceFormatter
    /// Unchecked at run time (a call into the runtime per delivery): only the thread that runs the
    /// simulation touches it, in ``write(_:messages:cast:)`` and ``finish()``, which never overlap
    /// (neither calls out while it changes it).
    @exclusivity(unchecked) private var chunk: [Record] = []
    private var lastMessage: (thread: ThreadID, number: Int32)?
    private var channel: ChunkChannel<Record>?
    private var writerDone: DispatchSemaphore?
    private var stopped = false

    /// A writer to `output`; without one, the trace is kept in memory (see ``text``).
    public init(output: OutputFile? = nil) {
        formatter = TraceFormatter(output: output)
        chunk.reserveCapacity(Self.chunkSize)
    }

    deinit {
        // A run that stopped early never called finish(): let the writer thread end.
        channel?.cancel()
    }

    /// The whole trace, when it is kept in memory (read after ``finish()``).
    public var text: String { String(decoding: formatter.kept, as: UTF8.self) }

    public var failure: String? { formatter.failure?.description }

    public func delivered(_ delivery: Delivery, messages: borrowing [Message], cast: Cast) {
        write(delivery, messages: messages, cast: cast)
    }

    /// Sends what is buffered to the writer thread, waits for it to write everything, and throws
    /// why it could not.
    public func finish() throws {
        if let channel {
            if !chunk.isEmpty && !stopped { channel.send(chunk) }
            chunk = []
            channel.close()
            writerDone?.wait()
            self.channel = nil
        }
        formatter.flush()
        if let failure = formatter.failure { throw failure }
    }

    func write(_ delivery: Delivery, messages: borrowing [Message], cast: Cast) {
        guard !stopped else { return }
        if channel == nil { start(cast) }
        // Fields read in place: the message is not copied.
        let index = delivery.message.int
        let (thread, number) = (messages[index].thread, messages[index].number)
        var text: String?
        if lastMessage.map({ $0.thread != thread || $0.number != number }) ?? true {
            lastMessage = (thread, number)
            text = messages[index].text
        }
        chunk.append(Record(
            time: delivery.time.milliseconds, channel: delivery.channel, batch: delivery.batch, recipient: delivery.recipient.index,
            author: messages[index].author.index, thread: thread.index, number: number, text: text))
        if chunk.count == Self.chunkSize {
            if let channel, !channel.send(chunk) { stopped = true }
            chunk = []
            chunk.reserveCapacity(Self.chunkSize)
        }
    }

    /// Starts the writer thread at the first delivery (with the cast's names escaped once).
    private func start(_ cast: Cast) {
        let channel = ChunkChannel<Record>(capacity: 4)
        let done = DispatchSemaphore(value: 0)
        let formatter = self.formatter
        formatter.prepare(cast)
        let thread = Thread {
            while let chunk = channel.receive() {
                for index in chunk.indices { formatter.append(chunk[index]) }
                if formatter.failure != nil {
                    channel.cancel()
                    break
                }
            }
            done.signal()
        }
        thread.name = "omnisim-trace"
        thread.start()
        self.channel = channel
        writerDone = done
    }

    /// `text` as a JSON string literal: quotes, `\"`, `\\`, `\n`, `\r`, `\t`, other controls as `\u00XX`.
    static func literal(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        appendLiteral(text, to: &out)
        return out
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends ``literal(_:)`` of `text` to `out`: the runs of bytes that need no escape copied
    /// whole, no array made on the way (the writer thread does this once per message).
    static func appendLiteral(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                default: out += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
