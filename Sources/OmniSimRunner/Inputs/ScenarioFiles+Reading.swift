public import ScenarioLanguage
import Foundation

extension ScenarioFiles {
    /// The largest scenario file read: 64 MiB (see docs/limits.md). A `load` line makes large
    /// scenarios from one line; a file this large is almost surely a mistake.
    public static let fileSizeMax = 64 << 20

    /// A file over the size limit, refused before it is read whole.
    public struct TooLarge: Error, CustomStringConvertible {
        public var path: String
        public var size: Int
        public var description: String {
            "\(Quoting.quoted(path)) is over \(size >> 20) MiB; scenario files are limited to \(fileSizeMax >> 20) MiB (use a 'load' line for large workloads)"
        }
    }

    /// A file that could not be read (one line, naming the path and the reason).
    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    /// The name diagnostics give standard input.
    public static let standardInputName = "<stdin>"

    /// Reads the file at `path` (`-`: standard input) as UTF-8 text, refusing one over
    /// ``fileSizeMax`` before reading it whole. Throws ``TooLarge``, ``Unreadable``, or what
    /// ``SourceFile/decode(_:name:)`` throws (too many lines; a line that is not UTF-8).
    public static func read(_ path: String) throws -> SourceFile {
        try SourceFile.decode(try readBytes(path), name: path == standardInput ? standardInputName : path)
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
