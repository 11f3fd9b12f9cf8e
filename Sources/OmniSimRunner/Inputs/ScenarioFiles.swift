import ScenarioLanguage
/// Finds scenario files: a file is taken as given (so are `-`, standard input, and devices); a folder
/// gives every regular `*.scenario` file below it, in path order, following symbolic links.
///
/// Nothing is skipped in silence: a folder that cannot be read, a link that points nowhere under a
/// `.scenario` name, a loop of links, or a folder with no scenario files is an error, so that a
/// suite never passes by running less than it was given.
public enum ScenarioFiles {
    /// Why the files could not be collected (one line, naming the path).
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Standard input, as a path argument.
    public static let standardInput = "-"

    public static func collect(_ paths: [String], in tree: some FileTree = SystemFileTree()) throws(Problem) -> [String] {
        var files: [String] = []
        for path in paths {
            if path == standardInput {
                files.append(path)
                continue
            }
            let kind: FileKind
            do {
                kind = try tree.kind(of: path)
            } catch {
                throw Problem(description: error.notFound
                    ? "no such file or folder: \(Quoting.quoted(path))"
                    : "cannot read \(Quoting.quoted(path)): \(error.reason)")
            }
            guard case .folder(let id) = kind else {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
            var found: [String] = []
            try walk(base, relative: "", ancestors: [id], into: &found, tree: tree)
            if found.isEmpty {
                throw Problem(description: "no scenario files (*.scenario) in the folder \(Quoting.quoted(path))")
            }
            found.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            files.append(contentsOf: found.map { "\(base)/\($0)" })
        }
        return files
    }

    /// Adds the `*.scenario` files below `base/relative` to `found`, as paths relative to `base`.
    private static func walk(
        _ base: String, relative: String, ancestors: [FileIdentity], into found: inout [String], tree: some FileTree
    ) throws(Problem) {
        let folder = relative.isEmpty ? base : "\(base)/\(relative)"
        let names: [String]
        do {
            names = try tree.entries(of: folder)
        } catch {
            throw Problem(description: "cannot read the folder \(Quoting.quoted(folder)): \(error.reason)")
        }
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            let kind: FileKind
            do {
                kind = try tree.kind(of: "\(base)/\(path)")
            } catch {
                // A broken link is no scenario unless it is named like one.
                guard name.hasSuffix(".scenario") else { continue }
                throw Problem(description: "cannot read \(Quoting.quoted("\(base)/\(path)")): \(error.reason)")
            }
            switch kind {
            case .folder(let id):
                if ancestors.contains(id) {
                    throw Problem(description: "the folder \(Quoting.quoted("\(base)/\(path)")) leads back to a folder that contains it (a loop of symbolic links)")
                }
                try walk(base, relative: path, ancestors: ancestors + [id], into: &found, tree: tree)
            case .regularFile:
                if name.hasSuffix(".scenario") { found.append(path) }
            case .other:
                continue
            }
        }
    }

    /// Every N-th file starting at the I-th (1-based), for `--shard I/N`.
    public static func shard(_ files: [String], index: Int, count: Int) -> [String] {
        files.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}
