import Foundation
import Testing

/// `omnisim run … | head`: standard output's reader gone before the report is written.
@Suite("A closed pipe on standard output")
struct ClosedPipeTests {
    struct Result {
        var status: Int32
        var error: String
    }

    /// Runs the binary with `arguments` in `folder`, its standard output a pipe whose reading end
    /// is closed before the process starts (so its first write meets EPIPE, whatever the timing).
    static func runIntoClosedPipe(_ arguments: [String], in folder: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe(), error = Pipe()
        try output.fileHandleForReading.close()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try output.fileHandleForWriting.close()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, error: String(decoding: errorData, as: UTF8.self))
    }

    @Test("the report's reader gone: exit 141, the status of a process SIGPIPE ended, and no message")
    func reportIntoClosedPipe() throws {
        let root = try CommandLineTests.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try Self.runIntoClosedPipe(["run", "a.scenario"], in: root)
        #expect(run.status == 141)
        #expect(!run.error.contains("Broken pipe"), "\(run.error)")
        #expect(!run.error.contains("Error"), "\(run.error)")
        let check = try Self.runIntoClosedPipe(["check", "a.scenario"], in: root)
        #expect(check.status == 141)
        #expect(check.error.isEmpty, "\(check.error)")
    }

    @Test("a trace to a closed standard output is still an error, with its message")
    func traceIntoClosedPipe() throws {
        let root = try CommandLineTests.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try Self.runIntoClosedPipe(["run", "a.scenario", "--trace", "-"], in: root)
        #expect(run.status == 2)
        #expect(run.error.contains("cannot write '-': Broken pipe"), "\(run.error)")
    }
}
