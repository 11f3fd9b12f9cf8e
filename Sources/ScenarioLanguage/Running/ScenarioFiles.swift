import Foundation

/// Finds scenario files: a file is taken as given; a folder gives every `*.scenario` below it, in
/// path order.
public enum ScenarioFiles {
    public struct NotFound: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "no such file or folder: '\(path)'" }
    }

    public static func collect(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw NotFound(path: path) }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".scenario") }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            files.append(contentsOf: found.map { "\(base)/\($0)" })
        }
        return files
    }

    /// Every N-th file starting at the I-th (1-based), for `--shard I/N`.
    public static func shard(_ files: [String], index: Int, count: Int) -> [String] {
        files.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }

    /// The largest scenario file read: 64 MiB (see docs/limits.md). A `load` line makes large
    /// scenarios from one line; a file this large is almost surely a mistake.
    public static let fileSizeMax = 64 << 20

    public struct TooLarge: Error, CustomStringConvertible {
        public var path: String
        public var size: Int
        public var lines: Int? = nil
        public var description: String {
            if let lines {
                return "'\(path)' has \(lines) lines; scenario files are limited to \(Parser.statementCountMax) (use a 'load' line for large workloads)"
            }
            return "'\(path)' is \(size >> 20) MiB; scenario files are limited to \(fileSizeMax >> 20) MiB (use a 'load' line for large workloads)"
        }
    }

    /// Reads a file as UTF-8 text, refusing one over ``fileSizeMax`` before reading it.
    public static func read(_ path: String) throws -> SourceFile {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > fileSizeMax { throw TooLarge(path: path, size: size) }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        // Count lines on the bytes, before any splitting: a file with too many is refused at once.
        let lineCount = data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        if lineCount > Parser.statementCountMax { throw TooLarge(path: path, size: data.count, lines: lineCount) }
        return SourceFile(path: path, text: String(decoding: data, as: UTF8.self))
    }
}
