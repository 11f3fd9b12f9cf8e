import ScenarioLanguage
import Foundation

/// Checks, before anything runs, that a run's outputs destroy nothing: no output is one of the
/// input scenario files (standard input included, when it is a file), no two outputs are the same
/// file, no output is a folder another output writes into, and at most one is standard output.
///
/// Outputs are compared by identity, not by spelling: a path is resolved (``ResolvedPath``: made
/// absolute, `.` and `..` taken out, every link followed, a folder that does not exist yet
/// included) and, when the file exists, known by its device and inode (hard links).
public enum OutputPaths {
    /// One output: the option that names it and its path.
    public struct Output: Sendable {
        public var option: String
        public var path: String
        public init(option: String, path: String) {
            self.option = option
            self.path = path
        }
    }

    /// `inputs` as collected (`-`: standard input, whose file, if it is one, is `standardInput`).
    /// Standard output is known by identity too (`standardOutput`): `-`, `/dev/stdout` and the file
    /// it was redirected to are one output, and it may not be an input (the report goes there).
    public static func check(
        _ outputs: [Output], inputs: [String], standardInput: FileIdentity? = standardInputFile(),
        standardOutput: FileIdentity? = standardOutputIdentity()
    ) throws(OutputError) {
        var inputFiles: [(id: FileIdentity?, resolved: String, name: String)] = []
        for input in inputs {
            if input == ScenarioFiles.standardInput {
                if let standardInput { inputFiles.append((standardInput, "", "the scenario file read from standard input ('-')")) }
            } else {
                inputFiles.append((identity(input), ResolvedPath.resolve(input), "the scenario file \(Quoting.quoted(input))"))
            }
        }
        if let standardOutput, let input = inputFiles.first(where: { $0.id == standardOutput }) {
            throw OutputError("standard output is \(input.name): the report would be written into it; send it elsewhere")
        }
        var files: [(output: Output, id: FileIdentity?, resolved: String)] = []
        var stdout: Output?
        for output in outputs {
            let id = output.path == OutputFile.standardOutput ? nil : identity(output.path)
            if output.path == OutputFile.standardOutput || (id != nil && id == standardOutput) {
                if let first = stdout {
                    throw OutputError("'\(first.option) \(Quoting.visible(first.path))' and '\(output.option) \(Quoting.visible(output.path))' both write to standard output; give one of them a file")
                }
                stdout = output
                continue
            }
            let resolved = ResolvedPath.resolve(output.path)
            if let input = inputFiles.first(where: { (id != nil && $0.id == id) || $0.resolved == resolved }) {
                throw OutputError("'\(output.option) \(Quoting.visible(output.path))' would overwrite \(input.name); write it elsewhere")
            }
            // Devices and FIFOs may take several outputs (`/dev/null`); files may not.
            if id != nil, !isRegularFileOrFolder(output.path) { continue }
            for first in files {
                if first.resolved == resolved || (id != nil && first.id == id) {
                    throw OutputError("'\(first.output.option)' and '\(output.option)' both write to \(Quoting.quoted(output.path)); one would be lost")
                }
                if let (folder, inner) = nested(first.output, first.resolved, output, resolved) {
                    throw OutputError("'\(folder.option) \(Quoting.visible(folder.path))' would be a file where '\(inner.option)' writes into a folder (\(Quoting.quoted(inner.path))); one would be lost")
                }
            }
            files.append((output, id, resolved))
        }
    }

    /// What standard output is, by identity, when what two writers put there would be mixed in one
    /// file or stream (a regular file, a pipe, a socket); nil for a device (a terminal, `/dev/null`,
    /// which may take several outputs like any device) or when it is closed.
    public static func standardOutputIdentity() -> FileIdentity? {
        var info = stat()
        guard fstat(STDOUT_FILENO, &info) == 0 else { return nil }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFIFO || kind == S_IFSOCK else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Whether `path` writes to standard output: `-`, or a name for the same file (`/dev/stdout`).
    public static func isStandardOutput(_ path: String, standardOutput: FileIdentity? = standardOutputIdentity()) -> Bool {
        path == OutputFile.standardOutput || (standardOutput != nil && identity(path) == standardOutput)
    }

    /// The file behind standard input, when it is a regular file (`omnisim run - < a.scenario`).
    public static func standardInputFile() -> FileIdentity? {
        guard case .regularFile(let id)? = SystemFileTree().standardInput() else { return nil }
        return id
    }

    /// Which of two outputs is a folder on the other's path, if one is.
    private static func nested(_ a: Output, _ aPath: String, _ b: Output, _ bPath: String) -> (folder: Output, inner: Output)? {
        if ResolvedPath.isInside(bPath, folder: aPath) { return (a, b) }
        if ResolvedPath.isInside(aPath, folder: bPath) { return (b, a) }
        return nil
    }

    private static func identity(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    private static func isRegularFileOrFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT == S_IFREG || info.st_mode & S_IFMT == S_IFDIR)
    }
}
