import Foundation

extension ScenarioFiles {
    /// The largest scenario file read: 64 MiB (see docs/limits.md). A `load` line makes large
    /// scenarios from one line; a file this large is almost surely a mistake.
    public static let fileSizeMax = 64 << 20

    /// A file over a limit, refused before it is parsed.
    public struct TooLarge: Error, CustomStringConvertible {
        public var path: String
        public var size: Int
        public var lines: Int? = nil
        public var description: String {
            if let lines {
                return "\(Quoting.quoted(path)) has \(lines) lines; scenario files are limited to \(Parser.statementCountMax) (use a 'load' line for large workloads)"
            }
            return "\(Quoting.quoted(path)) is over \(size >> 20) MiB; scenario files are limited to \(fileSizeMax >> 20) MiB (use a 'load' line for large workloads)"
        }
    }

    /// A file that could not be read (one line, naming the path and the reason).
    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    /// The name diagnostics give standard input.
    public static let standardInputName = "<stdin>"

    /// Reads the file at `path` (`-`: standard input) as UTF-8 text, refusing one over
    /// ``fileSizeMax`` or with too many lines before parsing it. Throws ``TooLarge``,
    /// ``Unreadable``, or a ``ScenarioFileError`` that points at a line that is not UTF-8.
    public static func read(_ path: String) throws -> SourceFile {
        try decode(try readBytes(path), name: path == standardInput ? standardInputName : path)
    }

    /// A scenario file's bytes as a ``SourceFile`` reported under `name`: refused (``TooLarge``)
    /// with too many lines, and a ``ScenarioFileError`` at the first line that is not UTF-8.
    public static func decode(_ bytes: [UInt8], name: String) throws -> SourceFile {
        // Count lines on the bytes, before any splitting: a file with too many is refused at once.
        let lineCount = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        if lineCount > Parser.statementCountMax { throw TooLarge(path: name, size: bytes.count, lines: lineCount) }
        if let text = String(validating: bytes, as: UTF8.self) { return SourceFile(path: name, text: text) }
        let file = SourceFile(path: name, text: String(decoding: bytes, as: UTF8.self))
        throw ScenarioFileError(file: file, diagnostics: [notUTF8(in: bytes)])
    }

    /// The first line that is not valid UTF-8, pointed at where its first bad byte shows.
    private static func notUTF8(in bytes: [UInt8]) -> Diagnostic {
        var line = 1
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A || offset == bytes.count - 1 {
            let end = byte == 0x0A ? offset : offset + 1
            if String(validating: bytes[start..<end], as: UTF8.self) == nil {
                let repaired = Array(String(decoding: bytes[start..<end], as: UTF8.self))
                let column = (repaired.firstIndex(of: "\u{FFFD}") ?? 0) + 1
                return Diagnostic(.notUTF8, at: SourceRange(line: line, column: column))
            }
            line += 1
            start = offset + 1
        }
        return Diagnostic(.notUTF8, at: SourceRange(line: 1, column: 1))
    }

    /// The bytes of `path`, read through `read(2)`: a regular file's size is checked first; a
    /// stream (standard input, a FIFO, a device) is read up to the limit.
    private static func readBytes(_ path: String) throws -> [UInt8] {
        let name = path == standardInput ? standardInputName : path
        let descriptor = path == standardInput ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(name, errno) }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw unreadable(name, errno) }
        if info.st_mode & S_IFMT == S_IFDIR { throw Unreadable(description: "\(Quoting.quoted(name)) is a folder, not a scenario file") }
        if info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > fileSizeMax {
            throw TooLarge(path: name, size: Int(info.st_size))
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw unreadable(name, errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > fileSizeMax { throw TooLarge(path: name, size: bytes.count) }
        }
        return bytes
    }

    private static func unreadable(_ name: String, _ code: Int32) -> Unreadable {
        Unreadable(description: "cannot read \(Quoting.quoted(name)): \(String(cString: strerror(code)))")
    }
}
