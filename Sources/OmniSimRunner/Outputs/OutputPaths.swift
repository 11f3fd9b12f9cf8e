import ScenarioLanguage
import Foundation

/// Checks, before anything runs, that a run's outputs destroy nothing: no output is one of the
/// input scenario files, no two outputs are the same file, and at most one is standard output.
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

    public static func check(_ outputs: [Output], inputs: [String]) throws(OutputError) {
        var inputIdentities: [FileIdentity: String] = [:]
        for input in inputs where input != ScenarioFiles.standardInput {
            if let id = identity(input) { inputIdentities[id] = input }
        }
        var seen: [String: Output] = [:]
        var stdout: Output?
        for output in outputs {
            if output.path == OutputFile.standardOutput {
                if let first = stdout {
                    throw OutputError("'\(first.option)' and '\(output.option)' both write to standard output ('-'); give one of them a file")
                }
                stdout = output
                continue
            }
            let id = identity(output.path)
            if let id, let input = inputIdentities[id] {
                throw OutputError("'\(output.option) \(Quoting.visible(output.path))' would overwrite the scenario file \(Quoting.quoted(input)); write it elsewhere")
            }
            // Devices and FIFOs may take several outputs (`/dev/null`); files may not.
            if id != nil, !isRegularFile(output.path) { continue }
            let key = id.map { "id:\($0.device):\($0.inode)" } ?? "path:" + normalized(output.path)
            if let first = seen[key] {
                throw OutputError("'\(first.option)' and '\(output.option)' both write to \(Quoting.quoted(output.path)); one would be lost")
            }
            seen[key] = output
        }
    }

    private static func identity(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// A path that does not exist yet, made absolute with its folder's links resolved.
    private static func normalized(_ path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let resolved = realpath(folder.isEmpty ? "/" : folder, nil).map { pointer in
            defer { free(pointer) }
            return String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
        } ?? folder
        return resolved + "/" + name
    }
}
