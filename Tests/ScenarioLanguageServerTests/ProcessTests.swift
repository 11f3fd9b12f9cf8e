import Foundation
import Testing
import ScenarioLanguageServer

/// The real `omnisim lsp` and `omnisim fmt`, as an editor and a CI job run them (the binary built
/// beside the tests: the test target depends on it).
@Suite("omnisim lsp and omnisim fmt as processes")
struct ProcessTests {
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("omnisim").path

    /// Runs the binary with `arguments`, `input` on its standard input; returns status and outputs.
    static func run(_ arguments: [String], input: [UInt8] = [], in folder: URL = TestClient.root) throws -> (status: Int32, output: [UInt8], error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Written from another thread, so that a full output pipe cannot stall the input.
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, [UInt8](output), String(decoding: error, as: UTF8.self))
    }

    @Test("a scripted session over pipes: initialize, open, completion, hover, a bad message, shutdown, exit 0")
    func scriptedSession() throws {
        let text = try TestClient.scenario("direct/email-batching.scenario")
        let uri = JSON.string(TestClient.uri)
        let messages: [JSON] = [
            ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]],
            ["jsonrpc": "2.0", "method": "initialized", "params": [:]],
            ["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": ["uri": uri, "languageId": "scenario", "version": 1, "text": .string(text)]]],
            ["jsonrpc": "2.0", "id": 2, "method": "textDocument/completion", "params": ["textDocument": ["uri": uri], "position": ["line": 11, "character": 14]]],
            ["jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": ["textDocument": ["uri": uri], "position": ["line": 7, "character": 8]]],
            ["jsonrpc": "2.0", "id": 4, "method": "no/such/method"],
            ["jsonrpc": "2.0", "id": 5, "method": "shutdown"],
            ["jsonrpc": "2.0", "method": "exit"],
        ]
        var input = messages.prefix(4).flatMap { MessageFramer.frame($0.encoded()) }
        input += MessageFramer.frame("{not json")
        input += messages.dropFirst(4).flatMap { MessageFramer.frame($0.encoded()) }
        let result = try Self.run(["lsp", "--stdio"], input: input)
        #expect(result.status == 0)
        var framer = MessageFramer()
        framer.append(result.output)
        var replies: [JSON] = []
        while case .message(let body)? = framer.next() { replies.append(try JSON.parse(body)) }
        func reply(_ id: Int) -> JSON? { replies.first { $0["id"] == .integer(id) } }
        #expect(reply(1)?["result"]?["capabilities"]?["textDocumentSync"]?["change"] == 2)
        #expect(replies.contains { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["diagnostics"] == [] })
        #expect((reply(2)?["result"]?["items"]?.array ?? []).contains { $0["label"] == "writes" })
        #expect(reply(3)?["result"]?["contents"]?["value"]?.string?.contains("user maria jonas lea") == true)
        #expect(reply(4)?["error"]?["code"] == -32601)
        #expect(replies.contains { $0["id"] == .null && $0["error"]?["code"] == -32700 })
        #expect(reply(5)?["result"] == .null)
    }

    @Test("standard input closing without exit ends the server with status 1")
    func inputEnds() throws {
        let result = try Self.run(["lsp"], input: MessageFramer.frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#))
        #expect(result.status == 1)
    }

    @Test("fmt --check passes on the bundled scenarios; fmt - writes the layout; a file with errors is exit 2 with its diagnostic")
    func format() throws {
        let check = try Self.run(["fmt", "--check", "Scenarios"])
        #expect(check.status == 0, "\(String(decoding: check.output, as: UTF8.self))")
        let piped = try Self.run(["fmt", "-"], input: Array("user  a ,b\nat 90s a logs in\n".utf8))
        #expect(piped.status == 0)
        #expect(String(decoding: piped.output, as: UTF8.self) == "user a, b\nat 1m30s a logs in\n")
        let broken = try Self.run(["fmt", "-"], input: Array("user a\nat 1s a strats\n".utf8))
        #expect(broken.status == 2)
        #expect(broken.error.contains("<stdin>:2:9: error: unknown event 'strats'"))
    }

    @Test("fmt rewrites a file in place and --check lists the files that would change (exit 1)")
    func formatInPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omnisim-fmt-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "user  a\n".write(to: folder.appendingPathComponent("a.scenario"), atomically: true, encoding: .utf8)
        try "user b\n".write(to: folder.appendingPathComponent("b.scenario"), atomically: true, encoding: .utf8)
        let check = try Self.run(["fmt", "--check", "a.scenario", "b.scenario"], in: folder)
        #expect(check.status == 1)
        #expect(String(decoding: check.output, as: UTF8.self) == "a.scenario\n")
        #expect(try Self.run(["fmt", "a.scenario", "b.scenario"], in: folder).status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("a.scenario"), encoding: .utf8) == "user a\n")
        #expect(try Self.run(["fmt", "--check", "."], in: folder).status == 0)
    }
}
