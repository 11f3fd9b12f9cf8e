import Foundation

/// The base protocol's framing: each message is a header (`Content-Length: N`, optionally
/// `Content-Type`, each line ended by `\r\n`), an empty line, then N bytes of JSON.
///
/// The reader side is a state machine fed bytes as they come: ``append(_:)`` then ``next()``
/// until it returns nil. A header without a length, or with a length past
/// ``contentLengthMax``, is a ``Frame/bad(_:)`` that is skipped (a too-long body's bytes are
/// read past, not kept), so a broken client never makes the server stop or hold unbounded memory.
public struct MessageFramer: Sendable {
    /// One thing read from the stream.
    public enum Frame: Sendable, Equatable {
        /// A whole message body.
        case message([UInt8])
        /// Bytes that were not a well-formed message, and why.
        case bad(String)
    }

    /// The longest body accepted: a scenario file may be 64 MiB, escaped in JSON up to about
    /// six times as long (`\u0001`), and more besides for the message around it.
    public static let contentLengthMax = 400 << 20
    /// The longest header accepted (a real one is under 100 bytes).
    static let headerLengthMax = 4_096

    private var buffer: [UInt8] = []
    /// Where unread bytes start in ``buffer`` (compacted now and then, not on every read).
    private var start = 0
    /// Body bytes still to skip after a refused header.
    private var skipping = 0

    public init() {}

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next whole frame, or nil until more bytes come.
    public mutating func next() -> Frame? {
        if skipping > 0 {
            let skipped = min(skipping, buffer.count - start)
            start += skipped
            skipping -= skipped
            compact()
            if skipping > 0 { return nil }
        }
        guard let headerEnd = headerEnd() else {
            if buffer.count - start > Self.headerLengthMax {
                // No header end in sight: drop what came so far (up to the last byte, which may begin one).
                start = buffer.count - 1
                compact()
                return .bad("a header longer than \(Self.headerLengthMax) bytes, or none")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        let bodyStart = headerEnd + 4
        guard let length = Self.contentLength(in: header) else {
            start = bodyStart
            compact()
            return .bad("a header without a valid 'Content-Length'")
        }
        if length > Self.contentLengthMax {
            start = bodyStart
            skipping = length
            compact()
            return .bad("a message of \(length) bytes, over the limit of \(Self.contentLengthMax)")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        compact()
        return .message(body)
    }

    /// `body` framed for the stream.
    public static func frame(_ body: String) -> [UInt8] {
        Array("Content-Length: \(body.utf8.count)\r\n\r\n".utf8) + Array(body.utf8)
    }

    /// Where the header's `\r\n\r\n` starts, if it has come.
    private func headerEnd() -> Int? {
        var index = start
        let end = min(buffer.count, start + Self.headerLengthMax + 4)
        while index + 3 < end {
            if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }

    /// The value of the header's `Content-Length` field (names are case-insensitive).
    static func contentLength(in header: String) -> Int? {
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            if name == "content-length" {
                guard !value.isEmpty, value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber), let number = Int(value) else { return nil }
                length = number
            }
        }
        return length
    }

    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.count < 1 << 20)
            start = 0
        } else if start > 1 << 16, start > buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
