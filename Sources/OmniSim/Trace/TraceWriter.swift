import Foundation

/// Where a run's trace goes: nowhere, into the result (for tests), or streamed to a file.
public enum TraceDestination: Sendable, Equatable {
    case none
    case memory
    case file(String)
}

/// Streams deliveries as JSON lines (`t`, `channel`, `to`, `from`, `thread`, `message`, `text`), in
/// that key order, with no spaces: the same run always writes the same bytes.
///
/// Memory stays bounded: lines are buffered up to 256 KiB and then written out.
final class TraceWriter {
    private var buffer: [UInt8] = []
    private let handle: FileHandle?
    private var kept: [UInt8] = []
    private let keepsAll: Bool
    /// Whether anything is written at all.
    let isEnabled: Bool
    private static let flushThreshold = 1 << 18

    init(destination: TraceDestination) throws {
        isEnabled = destination != .none
        switch destination {
        case .none, .memory:
            handle = nil
            keepsAll = destination == .memory
        case .file(let path):
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw TraceWriterError(path: path)
            }
            guard let opened = FileHandle(forWritingAtPath: path) else { throw TraceWriterError(path: path) }
            handle = opened
            keepsAll = false
        }
        buffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    func write(_ delivery: Delivery, message: Message, cast: Cast) {
        guard isEnabled else { return }
        append(#"{"t":"#)
        append(String(delivery.time.milliseconds))
        append(#","channel":""#)
        append(delivery.channel.name)
        append(#"","to":"#)
        appendJSONString(cast.name(of: delivery.recipient))
        append(#","from":"#)
        appendJSONString(cast.name(of: message.author))
        append(#","thread":"#)
        appendJSONString(cast.name(of: message.thread))
        append(#","message":"#)
        append(String(message.number))
        append(#","text":"#)
        appendJSONString(message.text)
        append("}\n")
        if buffer.count >= Self.flushThreshold { flush() }
    }

    /// Writes what is buffered; returns the whole trace when it is kept in memory.
    func finish() -> String? {
        flush()
        try? handle?.close()
        return keepsAll ? String(decoding: kept, as: UTF8.self) : nil
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        if let handle {
            handle.write(Data(buffer))
        } else if keepsAll {
            kept.append(contentsOf: buffer)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    private func appendJSONString(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append(#"\""#)
            case UInt8(ascii: "\\"): append(#"\\"#)
            case 0x0A: append(#"\n"#)
            case 0x0D: append(#"\r"#)
            case 0x09: append(#"\t"#)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                append(#"\u00"#)
                buffer.append(hex[Int(byte >> 4)])
                buffer.append(hex[Int(byte & 0xF)])
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }
}

/// The trace file could not be created.
public struct TraceWriterError: Error, CustomStringConvertible {
    public var path: String
    public var description: String { "cannot write the trace file '\(path)'" }
}
