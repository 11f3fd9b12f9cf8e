import ScenarioLanguage
/// Finds scenario files: a file is taken as given (so are `-`, standard input, and devices); a folder
/// gives every regular `*.scenario` file below it, in path order, following symbolic links.
///
/// Nothing is skipped in silence: every entry of a walked folder that cannot be read, resolved
/// (a link that points nowhere, a path longer than the system allows) or named (a name that is not
/// UTF-8) is an error that names it, and so are a FIFO, socket or device named `*.scenario`, a
/// loop of links, and a folder with no scenario files — a suite never passes by running less than
/// it was given.
///
/// Each real folder is walked once (by device and inode), so a walk is linear in what is on disk
/// however links multiply the paths to it, and a file reached by two paths (links, hard links, a
/// folder and a file in it both given) runs once, under the first path found. A stream (standard
/// input, a FIFO) can be read once: given twice, it is an error.
public enum ScenarioFiles {
    /// Why the files could not be collected (one line, naming the path).
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Standard input, as a path argument.
    public static let standardInput = "-"

    public static func collect(_ paths: [String], in tree: some FileTree = SystemFileTree()) throws(Problem) -> [String] {
        var walk = Walk(tree: tree)
        for path in paths {
            try walk.add(argument: path)
        }
        return walk.files
    }

    /// Every N-th file starting at the I-th (1-based), for `--shard I/N`.
    public static func shard(_ files: [String], index: Int, count: Int) -> [String] {
        files.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }

    /// One collection: what was found so far, and what was seen on the way.
    private struct Walk<Tree: FileTree> {
        let tree: Tree
        var files: [String] = []
        /// Each regular file and stream taken, by identity, with the path it was taken as.
        var taken: [FileIdentity: String] = [:]
        /// Each folder walked, by identity, and whether any scenario file was found below it.
        var walked: [FileIdentity: Bool] = [:]
        /// What standard input is: a file reached through it (as `-`, `/dev/stdin`, `/dev/fd/0`) is
        /// read from where standard input stands, which need not be its start — never taken twice.
        let standardInput: FileIdentity?

        init(tree: Tree) {
            self.tree = tree
            switch tree.standardInput() {
            case .regularFile(let id)?, .other(_, let id)?, .folder(let id)?: standardInput = id
            case nil: standardInput = nil
            }
        }

        mutating func add(argument path: String) throws(Problem) {
            if path == ScenarioFiles.standardInput {
                if files.contains(path) {
                    throw Problem(description: "'-' (standard input) is given twice; standard input can be read once")
                }
                try take(path, as: tree.standardInput())
                return
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
                try take(path, as: kind)
                return
            }
            let base = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
            if let hadScenarios = walked[id] {
                // Walked already (given twice, or below another argument): its files are taken.
                if !hadScenarios { throw Self.noScenarios(path) }
                return
            }
            var found: [(path: String, id: FileIdentity)] = []
            try walk(base, relative: "", id: id, ancestors: [id], into: &found)
            if found.isEmpty { throw Self.noScenarios(path) }
            found.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            for file in found where taken[file.id] == nil {
                taken[file.id] = file.path
                files.append("\(base)/\(file.path)")
            }
        }

        /// A file given by name: a regular file reached before is not taken twice; a stream must not be.
        private mutating func take(_ path: String, as kind: FileKind?) throws(Problem) {
            switch kind {
            case .regularFile(let id):
                if let first = taken[id] {
                    guard id == standardInput || path == ScenarioFiles.standardInput || first == ScenarioFiles.standardInput else { return }
                    throw Problem(description: "\(Quoting.quoted(path)) and \(Quoting.quoted(first)) are both standard input, which can be read once; give it once")
                }
                taken[id] = path
            case .other(_, let id):
                if let first = taken[id] {
                    throw Problem(description: "\(Quoting.quoted(path)) and \(Quoting.quoted(first)) are the same stream, which can be read once; give it once")
                }
                taken[id] = path
            case .folder, nil:
                break
            }
            files.append(path)
        }

        /// Adds the `*.scenario` files below `base/relative` (the folder `id`) to `found`, as paths
        /// relative to `base`, with their identities.
        private mutating func walk(
            _ base: String, relative: String, id: FileIdentity, ancestors: [FileIdentity],
            into found: inout [(path: String, id: FileIdentity)]
        ) throws(Problem) {
            let folder = relative.isEmpty ? base : "\(base)/\(relative)"
            let entries: [EntryName]
            do {
                entries = try tree.entries(of: folder)
            } catch {
                throw Problem(description: "cannot read the folder \(Quoting.quoted(folder)): \(error.reason)")
            }
            walked[id] = false
            let countBefore = found.count
            var names: [String] = []
            for entry in entries {
                guard let name = entry.text else {
                    throw Problem(description: "the folder \(Quoting.quoted(folder)) holds '\(entry.visible)', a name that is not valid UTF-8; omnisim reads names as UTF-8 text: rename it")
                }
                names.append(name)
            }
            for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                let full = "\(base)/\(path)"
                let kind: FileKind
                do {
                    kind = try tree.kind(of: full)
                } catch {
                    throw Problem(description: "cannot read \(Quoting.quoted(full)): \(error.reason)")
                }
                switch kind {
                case .folder(let child):
                    if ancestors.contains(child) {
                        throw Problem(description: "the folder \(Quoting.quoted(full)) leads back to a folder that contains it (a loop of symbolic links)")
                    }
                    if let hadScenarios = walked[child] {
                        // Reached by another path already: walked once, its files taken then.
                        if hadScenarios { walked[id] = true }
                        continue
                    }
                    try walk(base, relative: path, id: child, ancestors: ancestors + [child], into: &found)
                case .regularFile(let file):
                    if name.hasSuffix(".scenario") { found.append((path, file)) }
                case .other(let what, _):
                    if name.hasSuffix(".scenario") {
                        throw Problem(description: "\(Quoting.quoted(full)) is \(what), not a regular file: a folder's scenarios are files (give a stream by its name to read it)")
                    }
                }
            }
            if found.count > countBefore { walked[id] = true }
        }

        private static func noScenarios(_ path: String) -> Problem {
            Problem(description: "no scenario files (*.scenario) in the folder \(Quoting.quoted(path))")
        }
    }
}
