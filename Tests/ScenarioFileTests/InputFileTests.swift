import Foundation
import OmniSim
@testable import ScenarioLanguage
@testable import OmniSimRunner
import Testing

/// Reading scenario files as a hostile or careless user hands them over: Windows line ends,
/// folders that cannot be read, links, folders named like files. Nothing may pass by running less
/// than it was given.
@Suite("Input files: line ends, folders, links, standard input")
struct InputFileTests {
    @Test("every bundled scenario with CRLF line ends compiles to the same plan as with LF", arguments: ScenarioFileTests.files)
    func crlfIsALineEnd(_ path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: ScenarioFileTests.root.appendingPathComponent(path)))
        var crlf: [UInt8] = []
        for byte in bytes {
            if byte == 0x0A { crlf.append(0x0D) }
            crlf.append(byte)
        }
        let lf = try ScenarioCompiler.compile(SourceFile.decode(bytes, name: path))
        let windows = try ScenarioCompiler.compile(SourceFile.decode(crlf, name: path))
        #expect(windows.plan.checks.count == lf.plan.checks.count)
        #expect(windows.plan.events.count == lf.plan.events.count)
        #expect(windows.checkRanges == lf.checkRanges)
        #expect(!lf.plan.checks.isEmpty)
    }

    @Test("a CRLF file that opens with a comment runs its checks (it once passed with none)")
    func crlfWithLeadingComment() async throws {
        let text = "# a comment\r\nuser a b\r\nat 1s a starts conversation c with b \"hi\"\r\nexpect no email to b\r\n"
        let compiled = try ScenarioCompiler.compile(SourceFile.decode(Array(text.utf8), name: "crlf.scenario"))
        #expect(compiled.plan.checks.count == 1)
        let result = try await Simulation.run(compiled.plan)
        #expect(!result.passed, "the email goes out a minute later, so the check must fail")
    }

    @Test("a folder that cannot be read is an error, not a skipped folder")
    func unreadableFolder() throws {
        let tree = FakeTree(folders: ["s": ["a.scenario", "locked"], "s/locked": nil], files: ["s/a.scenario"])
        #expect(throws: ScenarioFiles.Problem(description: "cannot read the folder 's/locked': Permission denied")) {
            try ScenarioFiles.collect(["s"], in: tree)
        }
    }

    @Test("links to folders are followed (as arguments and below a folder); a loop of links is an error")
    func symbolicLinks() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try makeFolder("\(root)/real/deep")
        try write("user a\n", to: "\(root)/real/deep/one.scenario")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/linked", withDestinationPath: "\(root)/real")
        try makeFolder("\(root)/suite")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/suite/inner", withDestinationPath: "\(root)/real")
        #expect(try ScenarioFiles.collect(["\(root)/linked"]) == ["\(root)/linked/deep/one.scenario"])
        #expect(try ScenarioFiles.collect(["\(root)/suite"]) == ["\(root)/suite/inner/deep/one.scenario"])
        try FileManager.default.createSymbolicLink(atPath: "\(root)/real/deep/back", withDestinationPath: "\(root)/real")
        #expect(throws: ScenarioFiles.Problem.self) { try ScenarioFiles.collect(["\(root)/real"]) }
    }

    @Test("a folder named x.scenario is a folder: its files run, and it is no file error")
    func folderNamedLikeAFile() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try makeFolder("\(root)/x.scenario")
        try write("user a\n", to: "\(root)/x.scenario/c.scenario")
        #expect(try ScenarioFiles.collect([root]) == ["\(root)/x.scenario/c.scenario"])
    }

    @Test("a folder with no scenario files, or a missing path, is an error")
    func emptyFolder() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: ScenarioFiles.Problem.self) { try ScenarioFiles.collect([root]) }
        #expect(throws: ScenarioFiles.Problem.self) { try ScenarioFiles.collect(["\(root)/missing"]) }
    }

    @Test("files are in path order, as before: 'a.b/x' before 'a/x'")
    func pathOrder() throws {
        let tree = FakeTree(
            folders: ["s": ["a", "a.b"], "s/a": ["x.scenario"], "s/a.b": ["x.scenario"]],
            files: ["s/a/x.scenario", "s/a.b/x.scenario"])
        #expect(try ScenarioFiles.collect(["s"], in: tree) == ["s/a.b/x.scenario", "s/a/x.scenario"])
    }
}

/// A file tree in memory: `folders[path]` lists a folder's names (nil: it cannot be read).
struct FakeTree: FileTree {
    var folders: [String: [String]?]
    var files: Set<String>

    func kind(of path: String) throws(FileTreeError) -> FileKind {
        let paths = (Array(folders.keys) + Array(files)).sorted()
        let id = FileIdentity(device: 1, inode: UInt64(paths.firstIndex(of: path) ?? 0))
        if folders[path] != nil { return .folder(id: id) }
        if files.contains(path) { return .regularFile(id: id) }
        throw FileTreeError(path: path, reason: "No such file or directory", notFound: true)
    }

    func entries(of path: String) throws(FileTreeError) -> [EntryName] {
        guard let names = folders[path], let names else { throw FileTreeError(path: path, reason: "Permission denied") }
        return names.map(EntryName.init)
    }
}

func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "omnisim-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func makeFolder(_ path: String) throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
}

func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}
