public import OmniSim

/// Streams deliveries as JSON lines (`t`, `channel`, `to`, `from`, `thread`, `message`, `text`), in
/// that key order, with no spaces: the same run always writes the same bytes. A ``RunObserver``: the
/// engine hands it each delivery as it arrives.
///
/// Memory stays bounded: lines are buffered up to 256 KiB and then written to the output. Names are
/// escaped once per run and a message's text once per message, so a line costs a few copies of
/// bytes. A failed write is kept as ``failure`` (the engine then stops the run) and nothing more is
/// written.
///
/// `@unchecked Sendable`, and why that is sound: the engine calls ``delivered(_:message:cast:)``,
/// ``failure`` and ``finish()`` only from the run's one simulation thread, one call at a time; the
/// owner reads ``text`` only after `Simulation.run` has returned, and the run's task completing
/// orders those reads after every write. No two threads ever touch the buffers at once.
public final class TraceWriter: RunObserver, @unchecked Sendable {
    private var buffer: [UInt8] = []
    private let output: OutputFile?
    private var kept: [UInt8] = []
    private var writeFailure: OutputError?
    private static let flushThreshold = 1 << 18

    /// JSON string literals (with quotes) of every person's and thread's name, made on first use.
    private var personNames: [[UInt8]] = []
    private var threadNames: [[UInt8]] = []
    /// The JSON literal of the last message's text (a message goes to its recipients one after another).
    private var textMessage: (thread: ThreadID, number: Int32)?
    private var textLiteral: [UInt8] = []

    /// A writer to `output`; without one, the trace is kept in memory (see ``text``).
    public init(output: OutputFile? = nil) {
        self.output = output
        buffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    /// The whole trace, when it is kept in memory (read after the run).
    public var text: String { String(decoding: kept + buffer, as: UTF8.self) }

    public var failure: String? { writeFailure?.description }

    public func delivered(_ delivery: Delivery, message: Message, cast: Cast) { write(delivery, message: message, cast: cast) }

    /// Writes what is buffered.
    public func finish() throws {
        flush()
        if let writeFailure { throw writeFailure }
    }

    func write(_ delivery: Delivery, message: Message, cast: Cast) {
        if personNames.isEmpty {
            personNames = cast.personNames.map(Self.literal)
            threadNames = cast.threadNames.map(Self.literal)
        }
        if textMessage.map({ $0.thread != message.thread || $0.number != message.number }) ?? true {
            textMessage = (message.thread, message.number)
            textLiteral = Self.literal(message.text)
        }
        append(#"{"t":"#)
        appendDecimal(delivery.time.milliseconds)
        append(#","channel":""#)
        append(delivery.channel.name)
        append(#"","to":"#)
        buffer.append(contentsOf: personNames[delivery.recipient.int])
        append(#","from":"#)
        buffer.append(contentsOf: personNames[message.author.int])
        append(#","thread":"#)
        buffer.append(contentsOf: threadNames[message.thread.int])
        append(#","message":"#)
        appendDecimal(Int64(message.number))
        append(#","text":"#)
        buffer.append(contentsOf: textLiteral)
        if delivery.batch > 1 {
            append(#","batch":"#)
            appendDecimal(Int64(delivery.batch))
        }
        append("}\n")
        if output != nil, buffer.count >= Self.flushThreshold { flush() }
    }

    private func flush() {
        guard let output, !buffer.isEmpty else { return }
        if writeFailure == nil {
            do {
                try buffer.withUnsafeBytes { try output.write($0) }
            } catch let error as OutputError {
                writeFailure = error
            } catch {
                writeFailure = OutputError("\(error)")
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    private func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    private func appendDecimal(_ value: Int64) {
        if value < 0 {
            buffer.append(UInt8(ascii: "-"))
            appendDecimal(-value)
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[index]) }
        }
    }

    /// `text` as a JSON string literal: quotes, `\"`, `\\`, `\n`, `\r`, `\t`, other controls as `\u00XX`.
    static func literal(_ text: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 2)
        let hex = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: out += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }
}
