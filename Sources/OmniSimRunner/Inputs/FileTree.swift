import ScenarioLanguage
import Foundation

/// What `ScenarioFiles.collect` asks of the file system: what a path is (following symbolic links)
/// and what a folder holds. Tests stand in a tree of their own to reach failures that the real one
/// cannot show as root (a folder that cannot be read).
public protocol FileTree: Sendable {
    /// What `path` is, after following symbolic links.
    func kind(of path: String) throws(FileTreeError) -> FileKind
    /// The names in the folder at `path` (without `.` and `..`), in any order.
    func entries(of path: String) throws(FileTreeError) -> [String]
}

/// What a path names.
public enum FileKind: Sendable, Equatable {
    /// A folder, with its identity (device and inode) for finding loops of symbolic links.
    case folder(id: FileIdentity)
    case regularFile
    /// A device, a FIFO, a socket: readable as a stream.
    case other
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

/// A file system call failed: the path and the reason (`strerror`'s words).
public struct FileTreeError: Error, Sendable, Equatable {
    public var path: String
    public var reason: String
    /// True when the path does not exist (or a link points nowhere).
    public var notFound: Bool
    public init(path: String, reason: String, notFound: Bool = false) {
        self.path = path
        self.reason = reason
        self.notFound = notFound
    }

    static func fromErrno(_ path: String, _ code: Int32 = errno) -> Self {
        FileTreeError(path: path, reason: String(cString: strerror(code)), notFound: code == ENOENT || code == ENOTDIR)
    }
}

/// The machine's own file system, through `stat(2)` and `readdir(3)`.
public struct SystemFileTree: FileTree {
    public init() {}

    public func kind(of path: String) throws(FileTreeError) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .fromErrno(path) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder(id: FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
        case S_IFREG: return .regularFile
        default: return .other
        }
    }

    public func entries(of path: String) throws(FileTreeError) -> [String] {
        guard let directory = opendir(path) else { throw .fromErrno(path) }
        defer { closedir(directory) }
        var names: [String] = []
        errno = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
            errno = 0
        }
        if errno != 0 { throw .fromErrno(path) }
        return names
    }
}
