import ScenarioLanguage
import Foundation

/// What `ScenarioFiles.collect` asks of the file system: what a path is (following symbolic links)
/// and what a folder holds. Tests stand in a tree of their own to reach failures that the real one
/// cannot show as root (a folder that cannot be read).
public protocol FileTree: Sendable {
    /// What `path` is, after following symbolic links.
    func kind(of path: String) throws(FileTreeError) -> FileKind
    /// The names in the folder at `path` (without `.` and `..`), in any order, as the bytes the
    /// file system holds (a name need not be UTF-8).
    func entries(of path: String) throws(FileTreeError) -> [EntryName]
    /// What standard input is (nil: closed, or not known).
    func standardInput() -> FileKind?
}

extension FileTree {
    public func standardInput() -> FileKind? { nil }
}

/// A name in a folder, as bytes: a file system name is any bytes but `/` and NUL, and a name that
/// is not UTF-8 cannot be a Swift string without being changed into another name.
public struct EntryName: Sendable, Hashable {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { bytes = Array(text.utf8) }

    /// The name as text, or nil when it is not valid UTF-8.
    public var text: String? { String(validating: bytes, as: UTF8.self) }

    /// The name for a message: valid UTF-8 as text, any other byte as `\xE9`, control characters escaped.
    public var visible: String { Quoting.visible(bytes: bytes) }
}

/// What a path names.
public enum FileKind: Sendable, Equatable {
    /// A folder, with its identity (device and inode): each real folder is walked once.
    case folder(id: FileIdentity)
    /// A regular file, with its identity: a file reached by two paths runs once.
    case regularFile(id: FileIdentity)
    /// A device, a FIFO, a socket: readable as a stream when given by name, never a scenario
    /// found in a folder. `what` says which, for messages ("a FIFO"); `id`: a stream given twice
    /// would be read twice.
    case other(what: String, id: FileIdentity)
}

/// A file's identity on its device.
public struct FileIdentity: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64
    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}

/// A file system call failed: the path and the reason (`strerror`'s words, or ours).
public struct FileTreeError: Error, Sendable, Equatable {
    public var path: String
    public var reason: String
    /// True when the path does not exist (a link that points nowhere is not this: see ``brokenLink``).
    public var notFound: Bool
    /// True when the path is a symbolic link whose target does not exist.
    public var brokenLink: Bool
    public init(path: String, reason: String, notFound: Bool = false, brokenLink: Bool = false) {
        self.path = path
        self.reason = reason
        self.notFound = notFound
        self.brokenLink = brokenLink
    }

    static func fromErrno(_ path: String, _ code: Int32 = errno) -> Self {
        var reason = String(cString: strerror(code))
        if code == ENAMETOOLONG {
            reason += " (the path is \(path.utf8.count) bytes; this system allows \(PATH_MAX))"
        }
        return FileTreeError(path: path, reason: reason, notFound: code == ENOENT || code == ENOTDIR)
    }
}

/// The machine's own file system, through `stat(2)` and `readdir(3)`.
public struct SystemFileTree: FileTree {
    public init() {}

    public func kind(of path: String) throws(FileTreeError) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            var link = stat()
            if code == ENOENT, lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                throw FileTreeError(path: path, reason: "a symbolic link to \(Quoting.quoted(Self.linkTarget(path))), which does not exist", brokenLink: true)
            }
            throw .fromErrno(path, code)
        }
        let id = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder(id: id)
        case S_IFREG: return .regularFile(id: id)
        case S_IFIFO: return .other(what: "a FIFO", id: id)
        case S_IFSOCK: return .other(what: "a socket", id: id)
        case S_IFCHR: return .other(what: "a character device", id: id)
        case S_IFBLK: return .other(what: "a block device", id: id)
        default: return .other(what: "not a regular file", id: id)
        }
    }

    /// What standard input is (nil when it is closed).
    public func standardInput() -> FileKind? {
        var info = stat()
        guard fstat(STDIN_FILENO, &info) == 0 else { return nil }
        let id = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        return info.st_mode & S_IFMT == S_IFREG ? .regularFile(id: id) : .other(what: "standard input", id: id)
    }

    public func entries(of path: String) throws(FileTreeError) -> [EntryName] {
        guard let directory = opendir(path) else { throw .fromErrno(path) }
        defer { closedir(directory) }
        var names: [EntryName] = []
        errno = 0
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes != [0x2E] && bytes != [0x2E, 0x2E] { names.append(EntryName(bytes: bytes)) }
            errno = 0
        }
        if errno != 0 { throw .fromErrno(path) }
        return names
    }

    /// What the symbolic link at `path` holds, as text (bytes that are not UTF-8 escaped).
    private static func linkTarget(_ path: String) -> String {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBufferPointer { pointer in
            pointer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: pointer.count) { readlink(path, $0, pointer.count - 1) }
            } ?? -1
        }
        return count > 0 ? Quoting.visible(bytes: Array(buffer[0..<count])) : "?"
    }
}
