import Foundation
import OmniSim
@testable import ScenarioLanguage
@testable import OmniSimRunner
import Testing

/// Writing outputs so that nothing is lost or destroyed: devices stay devices, links stay links,
/// a failed write keeps the old file, no output lands on an input or on another output.
@Suite("Output files: in place for devices, renamed over regular files, checked writes")
struct OutputFileTests {
    @Test("a device made with mknod is written in place and stays a device")
    func deviceStaysADevice() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let device = "\(root)/null"
        #expect(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0, "mknod needs root, as CI has (device 1, 3 is /dev/null)")
        let output = try OutputFile.open(device)
        try output.write("{\"t\":0}\n")
        try output.commit()
        var info = stat()
        #expect(stat(device, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["null"], "no temporary file is left")
    }

    @Test("a symbolic link is followed: the file it names is replaced, the link stays")
    func linkStaysALink() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("old\n", to: "\(root)/real.jsonl")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/link.jsonl", withDestinationPath: "real.jsonl")
        let output = try OutputFile.open("\(root)/link.jsonl")
        try output.write("new\n")
        try output.commit()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(root)/link.jsonl") == "real.jsonl")
        #expect(try String(contentsOfFile: "\(root)/real.jsonl", encoding: .utf8) == "new\n")
    }

    @Test("an output given up keeps the file it would have replaced, and leaves nothing behind")
    func discardKeepsTheOldFile() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("old\n", to: "\(root)/trace.jsonl")
        let output = try OutputFile.open("\(root)/trace.jsonl")
        try output.write("half a line")
        output.discard()
        #expect(try String(contentsOfFile: "\(root)/trace.jsonl", encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["trace.jsonl"])
    }

    @Test("a failing write is an error naming the file and the reason, not a crash")
    func fullDevice() throws {
        let output = try OutputFile.open("/dev/full")
        #expect(throws: OutputError("cannot write '/dev/full': No space left on device")) { try output.write("x\n") }
    }

    @Test("a trace that cannot be written stops the run with the reason")
    func traceWriteStopsTheRun() async throws {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "t.scenario", text: """
            user a b
            at 1s a starts conversation c with b "hi"
            """))
        let writer = TraceWriter(output: try OutputFile.open("/dev/full"))
        await #expect(throws: SimulationError.observerFailed("cannot write '/dev/full': No space left on device")) {
            try await Simulation.run(compiled.plan, observers: [writer])
        }
    }

    @Test("an output that is an input, two outputs on one file, or two on standard output are refused")
    func collisions() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("user a\n", to: "\(root)/a.scenario")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/alias.jsonl", withDestinationPath: "\(root)/a.scenario")
        let input = ["\(root)/a.scenario"]
        #expect(throws: OutputError.self) { try OutputPaths.check([.init(option: "--trace", path: "\(root)/a.scenario")], inputs: input) }
        #expect(throws: OutputError.self) { try OutputPaths.check([.init(option: "--html", path: "\(root)/alias.jsonl")], inputs: input) }
        #expect(throws: OutputError.self) {
            try OutputPaths.check([.init(option: "--trace", path: "\(root)/x"), .init(option: "--junit", path: "\(root)/./x")], inputs: input)
        }
        #expect(throws: OutputError.self) {
            try OutputPaths.check([.init(option: "--trace", path: "-"), .init(option: "--junit", path: "-")], inputs: input)
        }
        // Devices may take several outputs.
        try OutputPaths.check([.init(option: "--trace", path: "/dev/null"), .init(option: "--junit", path: "/dev/null")], inputs: input)
    }

    @Test("trace names follow the scenario's path: 'a/b_c' and 'a_b/c' no longer share a file")
    func uniqueTraceNames() {
        let names = TraceFolder.uniqueNames(for: ["a/b_c.scenario", "a_b/c.scenario", "./x.scenario", "x.scenario", "../up.scenario", "/abs/z.scenario", "-"])
        #expect(names == ["a/b_c.jsonl", "a_b/c.jsonl", "x.jsonl", "x~2.jsonl", "__/up.jsonl", "abs/z.jsonl", "stdin.jsonl"])
        #expect(Set(names).count == names.count)
    }

    @Test("a trace folder run removes no file: an earlier run's trace stays, and the index lists this run's only")
    func nothingIsRemoved() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = TraceFolder(folder: root, files: ["s/old.scenario", "s/kept.scenario"])
        try first.prepare()
        try write("stale\n", to: "\(root)/s/old.jsonl")
        try write("mine\n", to: "\(root)/notes.jsonl")
        try write(first.index(files: ["s/old.scenario", "s/kept.scenario"], written: [true, true]), to: "\(root)/\(TraceFolder.indexName)")
        let second = TraceFolder(folder: root, files: ["s/kept.scenario"])
        try second.prepare()
        #expect(FileManager.default.fileExists(atPath: "\(root)/s/old.jsonl"), "a run removes no file it did not write")
        #expect(FileManager.default.fileExists(atPath: "\(root)/notes.jsonl"))
        #expect(!second.index(files: ["s/kept.scenario"], written: [true]).contains("s/old"))
    }

    @Test("the index escapes tabs, line ends and backslashes in names: a name cannot make a column or a line")
    func indexEscapesNames() {
        let files = ["s/a\tnotes.scenario", "s/b\nc.scenario", "s/back\\slash.scenario", "s/plain.scenario"]
        let index = TraceFolder(folder: "out", files: files).index(files: files, written: [true, true, true, true])
        let lines = index.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast()
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.split(separator: "\t").count == 2 })
        #expect(lines.first == "s/a\\tnotes.scenario\ts/a\\tnotes.jsonl")
        #expect(lines.dropFirst(2).first == "s/back\\\\slash.scenario\ts/back\\\\slash.jsonl")
    }
}
