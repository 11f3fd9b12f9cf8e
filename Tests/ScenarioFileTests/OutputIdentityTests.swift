import Foundation
import OmniSim
@testable import OmniSimRunner
import Testing

/// Outputs compared by identity, not by spelling: through links (to files that do not exist yet),
/// `.` and `..`, folders not made yet, hard links, and standard input when it is a file.
@Suite("Output paths: no output lands on an input or on another output, however spelled")
struct OutputIdentityTests {
    /// Two outputs that must be refused together, written relative to a fresh folder `R`.
    static let collisions: [(String, String, String)] = [
        ("a link to a file not made yet, and that file", "R/link.out", "R/target.out"),
        ("a folder not made yet, spelled with ./", "R/out/a.jsonl", "R/./out/a.jsonl"),
        ("an existing folder, spelled with /./", "R/out2/j.xml", "R/out2/./j.xml"),
        ("a missing folder and .. back", "R/out/j.xml", "R/missing/../out/j.xml"),
        ("a linked folder and its target, the file not made yet", "R/linked/j.xml", "R/real/j.xml"),
        ("a link followed by ..", "R/real/j.xml", "R/deeplink/../j.xml"),
        ("a hard link and its file", "R/hard-a", "R/hard-b"),
        ("a folder and a file another output writes in it", "R/out", "R/out/a.jsonl"),
    ]

    static func makeTree() throws -> String {
        let root = try temporaryFolder()
        try makeFolder("\(root)/out2")
        try makeFolder("\(root)/real/sub")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/link.out", withDestinationPath: "target.out")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/linked", withDestinationPath: "real")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/deeplink", withDestinationPath: "real/sub")
        try write("x\n", to: "\(root)/hard-a")
        try FileManager.default.linkItem(atPath: "\(root)/hard-a", toPath: "\(root)/hard-b")
        try write("user a\n", to: "\(root)/a.scenario")
        return root
    }

    @Test("two outputs on one file are refused however they are spelled", arguments: 0..<collisions.count)
    func collision(_ index: Int) throws {
        let (what, first, second) = Self.collisions[index]
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outputs = [
            OutputPaths.Output(option: "--trace", path: first.replacingOccurrences(of: "R/", with: "\(root)/")),
            OutputPaths.Output(option: "--junit", path: second.replacingOccurrences(of: "R/", with: "\(root)/")),
        ]
        #expect(throws: OutputError.self, "\(what)") { try OutputPaths.check(outputs, inputs: ["\(root)/a.scenario"], standardInput: nil) }
        #expect(throws: OutputError.self, "\(what), either order") {
            try OutputPaths.check(outputs.reversed(), inputs: ["\(root)/a.scenario"], standardInput: nil)
        }
    }

    @Test("an output on an input is refused through a link, .., a linked folder, and as standard input's file")
    func outputOnInput() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("user a\n", to: "\(root)/real/s.scenario")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/alias.jsonl", withDestinationPath: "real/s.scenario")
        for spelled in ["alias.jsonl", "linked/s.scenario", "real/sub/../s.scenario", "deeplink/../s.scenario"] {
            #expect(throws: OutputError.self, "\(spelled)") {
                try OutputPaths.check([.init(option: "--trace", path: "\(root)/\(spelled)")], inputs: ["\(root)/real/s.scenario"], standardInput: nil)
            }
        }
        let standardInput = try identity(of: "\(root)/a.scenario")
        #expect(throws: OutputError("'--trace \(root)/a.scenario' would overwrite the scenario file read from standard input ('-'); write it elsewhere")) {
            try OutputPaths.check([.init(option: "--trace", path: "\(root)/a.scenario")], inputs: ["-"], standardInput: standardInput)
        }
        // Standard input that is no file (a pipe, a terminal) is no file to protect.
        try OutputPaths.check([.init(option: "--trace", path: "\(root)/a.scenario")], inputs: ["-"], standardInput: nil)
    }

    @Test("outputs that are different files, and a device taken twice, are allowed")
    func distinctOutputs() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try OutputPaths.check(
            [.init(option: "--trace", path: "\(root)/out/a.jsonl"), .init(option: "--junit", path: "\(root)/out/b.xml"),
             .init(option: "--html", path: "\(root)/real/sub/../c.html")],
            inputs: ["\(root)/a.scenario"], standardInput: nil)
        try OutputPaths.check(
            [.init(option: "--trace", path: "/dev/null"), .init(option: "--junit", path: "/dev/./null")],
            inputs: ["\(root)/a.scenario"], standardInput: nil)
    }

    @Test("a path resolves to one spelling: absolute, no . or .., every link followed")
    func resolvedPaths() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let real = ResolvedPath.resolve("\(root)/real")
        #expect(ResolvedPath.resolve("\(root)/linked/./sub/../x") == "\(real)/x")
        #expect(ResolvedPath.resolve("\(root)/deeplink/..") == real)
        #expect(ResolvedPath.resolve("\(root)/link.out") == ResolvedPath.resolve("\(root)/target.out"))
        #expect(ResolvedPath.resolve("\(root)//not/yet/../there") == "\(ResolvedPath.resolve(root))/not/there")
        #expect(!ResolvedPath.resolve("relative").hasPrefix("relative"))
    }
}
