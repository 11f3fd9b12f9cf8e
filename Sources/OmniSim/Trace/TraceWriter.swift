/// Where a trace's bytes go when they are streamed: a file, a pipe, standard output. The engine
/// opens no files; whoever runs it hands it a sink. Called on the simulation thread only, once per
/// buffer of lines (256 KiB), in order.
public protocol TraceSink: AnyObject, Sendable {
    /// Writes all of `bytes`, or throws why it could not (the run then stops).
    func write(_ bytes: UnsafeRawBufferPointer) throws(TraceWriteError)
}

/// A trace sink refused bytes: why, in words (`cannot write 'out.jsonl': No space left on device`).
public struct TraceWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Where a run's trace goes: nowhere, into the result (for tests), or streamed to a sink.
public enum TraceDestination: Sendable {
    case none
    case memory
    case sink(any TraceSink)

    var isEnabled: Bool {
        if case .none = self { return false }
        return true
    }
}

final class TraceWriter {
    private var buffer: [UInt8] = []
    private let sink: (any TraceSink)?
    private var kept: [UInt8] = []
    private let keepsAll: Bool
    /// The first write that failed; after it nothing more is written and the run stops.
    private(set) var failure: TraceWriteError?
    /// Whether anything is written at all.
    let isEnabled: Bool
    private static let flushThreshold = 1 << 18

    /// JSON string literals (with quotes) of every person's and thread's name, made on first use.
    private var personNames: [[UInt8]] = []
    private var threadNames: [[UInt8]] = []
    /// The JSON literal of the last message's text (a message goes to its recipients one after another).
    private var textMessage = MessageID(-1)
    private var textLiteral: [UInt8] = []

    init(destination: TraceDestination) {
        isEnabled = destination.isEnabled
        switch destination {
        case .none, .memory:
            sink = nil
            keepsAll = destination.isEnabled
        case .sink(let target):
            sink = target
            keepsAll = false
        }
        buffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    func write(_ delivery: Delivery, message: Message, cast: Cast) {
        guard isEnabled else { return }
        if personNames.isEmpty {
            personNames = cast.personNames.map(Self.literal)
            threadNames = cast.threadNames.map(Self.literal)
        }
        if textMessage != delivery.message {
            textMessage = delivery.message
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
        append("}\n")
        if buffer.count >= Self.flushThreshold { flush() }
    }

    /// Writes what is buffered; returns the whole trace when it is kept in memory.
    func finish() throws(TraceWriteError) -> String? {
        flush()
        if let failure { throw failure }
        return keepsAll ? String(decoding: kept, as: UTF8.self) : nil
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        if let sink {
            if failure == nil {
                do {
                    try buffer.withUnsafeBytes { try sink.write($0) }
                } catch let error as TraceWriteError {
                    failure = error
                } catch {
                    failure = TraceWriteError("\(error)")
                }
            }
        } else if keepsAll {
            kept.append(contentsOf: buffer)
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
