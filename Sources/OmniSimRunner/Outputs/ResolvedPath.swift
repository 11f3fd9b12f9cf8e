import Foundation

/// Where a path leads, spelled one way: made absolute, `.` and `..` taken out, and every symbolic
/// link on the way followed — the folders' and the last name's, even a link to a file that does
/// not exist yet (writing through it creates that file). Two outputs that would land on one file
/// resolve to the same string however they are spelled (`out/./j.xml`, `link.out`, `./out/a.jsonl`
/// before `out` exists).
///
///     ResolvedPath.resolve("out/./x/../j.xml")   // "/current/folder/out/j.xml"
public enum ResolvedPath {
    /// The most links followed, as the kernel's own limit (`ELOOP` past it): the rest is taken as written.
    static let linkHopsMax = 40

    public static func resolve(_ path: String) -> String {
        var pending = components(of: path)[...]
        var resolved: [String] = path.hasPrefix("/") ? [] : components(of: currentFolder())
        var hops = 0
        while let component = pending.popFirst() {
            switch component {
            case ".":
                continue
            case "..":
                _ = resolved.popLast()
            default:
                let candidate = "/" + (resolved + [component]).joined(separator: "/")
                guard hops < linkHopsMax, let target = linkTarget(candidate) else {
                    resolved.append(component)
                    continue
                }
                hops += 1
                if target.hasPrefix("/") { resolved = [] }
                pending = (components(of: target) + pending)[...]
            }
        }
        return "/" + resolved.joined(separator: "/")
    }

    /// Whether `inner` is a path below the folder `outer` (both resolved).
    static func isInside(_ inner: String, folder outer: String) -> Bool {
        outer == "/" ? inner != "/" : inner.hasPrefix(outer + "/")
    }

    private static func components(of path: String) -> [String] {
        path.split(separator: "/").map(String.init)
    }

    private static func currentFolder() -> String {
        guard let pointer = getcwd(nil, 0) else { return "/" }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// What the symbolic link at `path` holds, or nil when `path` is no link.
    private static func linkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
