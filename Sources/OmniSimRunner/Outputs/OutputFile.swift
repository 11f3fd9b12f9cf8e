import ScenarioLanguage
import Foundation
import Synchronization

/// A file a run writes (a trace, JUnit XML, an HTML page): written so that nothing is lost or
/// destroyed on the way.
///
/// - A regular file (or a new one) is written to a temporary file beside it and renamed over it on
///   ``commit()``: readers never see half a file, and a failed run leaves the old one as it was.
///   A symbolic link is followed: the file it points to is replaced, the link stays.
/// - Anything else (a device such as `/dev/null`, a FIFO) is written in place, never replaced.
/// - `-` is standard output.
///
/// Every write is checked: a full disk, a file size limit (`ulimit -f`) or a closed pipe is a
/// ``OutputError`` naming the file and the reason, never a crash.
public final class OutputFile: Sendable {
    /// The path as given (for messages).
    public let path: String
    private let descriptor: Int32
    /// Where the bytes go until ``commit()`` (nil: in place), and the file it then replaces.
    private let temporaryPath: String?
    private let finalPath: String
    private let closed = Mutex(false)

    /// Standard output, as an output path.
    public static let standardOutput = "-"

    private init(path: String, descriptor: Int32, temporaryPath: String?, finalPath: String) {
        self.path = path
        self.descriptor = descriptor
        self.temporaryPath = temporaryPath
        self.finalPath = finalPath
    }

    /// Opens `path` for writing (see the type's description for how).
    public static func open(_ path: String) throws(OutputError) -> OutputFile {
        if path == standardOutput {
            return OutputFile(path: path, descriptor: STDOUT_FILENO, temporaryPath: nil, finalPath: path)
        }
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw OutputError("cannot write \(Quoting.quoted(path)): it is a folder")
            case S_IFREG: break
            default:
                let descriptor = Foundation.open(path, O_WRONLY | O_CLOEXEC)
                guard descriptor >= 0 else { throw failure(path, errno) }
                return OutputFile(path: path, descriptor: descriptor, temporaryPath: nil, finalPath: path)
            }
        }
        // A regular file or a new one: resolve links, then write beside the file that will be replaced.
        // Where the path leads, every link followed (``ResolvedPath``, as the outputs are compared).
        let target = ResolvedPath.resolve(path)
        let folder = target.lastIndex(of: "/").map { String(target[..<$0]) } ?? "."
        let name = target.lastIndex(of: "/").map { String(target[target.index(after: $0)...]) } ?? target
        let (descriptor, temporary) = TemporaryFiles.create {
            var temporary = "\(folder.isEmpty ? "" : folder)/.\(name).omnisim-XXXXXX"
            return (makeTemporary(&temporary), temporary)
        }
        guard descriptor >= 0 else {
            let code = errno
            var folderInfo = stat()
            if stat(folder.isEmpty ? "/" : folder, &folderInfo) != 0 {
                throw OutputError("cannot write \(Quoting.quoted(path)): no such folder \(Quoting.quoted(folder))")
            }
            throw failure(path, code)
        }
        if stat(target, &info) == 0 { fchmod(descriptor, info.st_mode & 0o7777) } else { fchmod(descriptor, 0o644) }
        return OutputFile(path: path, descriptor: descriptor, temporaryPath: temporary, finalPath: target)
    }

    /// Writes all of `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.failure(path, errno)
            }
            offset += written
        }
    }

    /// Writes all of `text`.
    public func write(_ text: String) throws(OutputError) {
        let bytes = Array(text.utf8)
        do {
            try bytes.withUnsafeBytes { try write($0) }
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError("cannot write \(Quoting.quoted(path)): \(error)")
        }
    }

    /// Finishes the file: closes it and, for a regular file, renames it into place.
    public func commit() throws(OutputError) {
        guard closeOnce() else { return }
        if descriptor != STDOUT_FILENO, close(descriptor) != 0 {
            let code = errno
            discardTemporary()
            throw Self.failure(path, code)
        }
        if let temporaryPath, TemporaryFiles.rename(temporaryPath, to: finalPath) != 0 {
            let code = errno
            discardTemporary()
            throw Self.failure(path, code)
        }
    }

    /// Gives the file up: a regular file keeps what it held before.
    public func discard() {
        guard closeOnce() else { return }
        if descriptor != STDOUT_FILENO { close(descriptor) }
        discardTemporary()
    }

    deinit { discard() }

    private func closeOnce() -> Bool {
        closed.withLock { closed in
            defer { closed = true }
            return !closed
        }
    }

    private func discardTemporary() {
        if let temporaryPath { TemporaryFiles.remove(temporaryPath) }
    }

    private static func failure(_ path: String, _ code: Int32) -> OutputError {
        OutputError("cannot write \(Quoting.quoted(path)): \(String(cString: strerror(code)))")
    }

    private static func makeTemporary(_ template: inout String) -> Int32 {
        var bytes = Array(template.utf8CString)
        let descriptor = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        if descriptor >= 0 { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        template = String(decoding: bytes.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return descriptor
    }
}

/// An output could not be written: why, in words (`cannot write 'out.jsonl': No space left on device`).
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
