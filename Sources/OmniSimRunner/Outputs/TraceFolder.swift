import ScenarioLanguage
import Foundation

/// `--trace DIR` (or `--metrics DIR`) with several scenarios or a folder argument: one output file
/// per scenario in a folder, named after the scenario's path so that no two scenarios share a
/// file, with an index (`traces.tsv`, `metrics.tsv`) that says which file belongs to which scenario.
///
///     Scenarios/direct/drafts.scenario  →  DIR/Scenarios/direct/drafts.jsonl
///
/// The index lists the files this run wrote, so that a file left from an earlier run (never
/// removed: a run removes no file it did not write) is never taken for a fresh one.
public struct TraceFolder: Sendable {
    public let folder: String
    /// The trace file of each scenario, relative to ``folder``, in input order.
    public let names: [String]
    /// The files' extension (`jsonl`, `csv`) and the index file's name in the folder.
    public let fileExtension: String
    public let indexName: String

    /// The trace index's name.
    public static let indexName = "traces.tsv"
    /// The metrics index's name.
    public static let metricsIndexName = "metrics.tsv"

    public init(folder: String, files: [String], fileExtension: String = "jsonl", indexName: String = TraceFolder.indexName) {
        self.folder = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        self.fileExtension = fileExtension
        self.indexName = indexName
        self.names = Self.uniqueNames(for: files, fileExtension: fileExtension)
    }

    /// The full path of each scenario's trace.
    public var paths: [String] { names.map { "\(folder)/\($0)" } }

    /// A trace name for each file: its path without `.scenario`, as folders under the trace folder
    /// (`.` dropped, `..` written `__`, an absolute path made relative), plus `.jsonl`; a name
    /// already taken (the same file given twice) gets `~2`, `~3`… before the extension.
    static func uniqueNames(for files: [String], fileExtension: String = "jsonl") -> [String] {
        var taken = Set<String>()
        return files.map { file in
            var stem = file == ScenarioFiles.standardInput ? "stdin" : file
            if stem.hasSuffix(".scenario") { stem.removeLast(".scenario".count) }
            let parts = stem.split(separator: "/").filter { $0 != "." }.map { $0 == ".." ? "__" : String($0) }
            let base = parts.isEmpty ? "trace" : parts.joined(separator: "/")
            var name = "\(base).\(fileExtension)"
            var copy = 2
            while taken.contains(name) {
                name = "\(base)~\(copy).\(fileExtension)"
                copy += 1
            }
            taken.insert(name)
            return name
        }
    }

    /// Makes the folder and the subfolders the traces need. Nothing is removed: a run replaces the
    /// files it writes and no other (a trace an earlier run wrote for a scenario not run now stays,
    /// and the index, which this run replaces, no longer lists it).
    public func prepare() throws(OutputError) {
        for name in names {
            let path = "\(folder)/\(name)"
            guard let slash = path.lastIndex(of: "/") else { continue }
            let parent = String(path[..<slash])
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw OutputError("cannot make the output folder \(Quoting.quoted(parent)): \(Self.reason(error))")
            }
        }
    }

    /// The index of what this run wrote: `scenario<TAB>trace` per line, for the traces in `written`.
    /// Each field is escaped (``field(_:)``), so that a tab or a line break in a name cannot make
    /// another line or another column.
    public func index(files: [String], written: [Bool]) -> String {
        let what = fileExtension == "jsonl" ? "traces: scenario\ttrace" : "metrics: scenario\tmetrics"
        var text = "# omnisim \(what) file (relative to this folder; \\t, \\n, \\r and \\\\ in a name are escapes)\n"
        for (offset, file) in files.enumerated() where written[offset] {
            text += "\(Self.field(file))\t\(Self.field(names[offset]))\n"
        }
        return text
    }

    /// A name as one field of the index: `\\`, `\t`, `\n`, `\r` for a backslash, tab, line feed
    /// and carriage return, other control characters as `\u{1B}`.
    static func field(_ name: String) -> String {
        // Backslashes and tabs first; line ends and other controls as ``Quoting/visible(_:)`` writes them.
        Quoting.visible(name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t"))
    }

    private static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(code))) }
        return error.localizedDescription
    }
}
