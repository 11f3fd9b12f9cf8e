import Foundation
import Testing
import OmniSimRunner
import ScenarioLanguage
@testable import ScenarioLanguageServer

@Suite("The language server survives what clients and editors throw at it")
struct RobustnessTests {
    @Test("a body that is not JSON gets a ParseError reply with a null id, and the next message is served")
    func malformedJSON() {
        var client = TestClient()
        let replies = client.send(bytes: MessageFramer.frame("{\"jsonrpc\": \"2.0\", \"id\": 1, ") + MessageFramer.frame(
            #"{"jsonrpc":"2.0","id":2,"method":"initialize","params":{}}"#))
        #expect(replies.first?["error"]?["code"] == -32700)
        #expect(replies.first?["id"] == .null)
        #expect(replies.last?["id"] == 2)
        #expect(replies.last?["result"]?["capabilities"] != nil)
    }

    @Test("a header without Content-Length is skipped with a log message, and the next message is served")
    func wrongHeader() {
        var client = TestClient()
        let replies = client.send(bytes: Array("Content-Size: 12\r\n\r\n".utf8) + MessageFramer.frame(
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#))
        #expect(replies.first?["method"] == "window/logMessage")
        #expect(replies.last?["id"] == 1)
    }

    @Test("a message longer than the limit is read past, not kept")
    func tooLong() {
        var framer = MessageFramer()
        framer.append(Array("Content-Length: \(MessageFramer.contentLengthMax + 1)\r\n\r\n".utf8))
        #expect(framer.next() == .bad("a message of \(MessageFramer.contentLengthMax + 1) bytes, over the limit of \(MessageFramer.contentLengthMax)"))
        framer.append([UInt8](repeating: 0x20, count: 1_000))
        #expect(framer.next() == nil)
    }

    @Test("an unknown request is MethodNotFound; an unknown notification is ignored")
    func unknownMethods() {
        var client = TestClient()
        _ = client.initialize()
        #expect(client.request("textDocument/semanticTokens/full")?["error"]?["code"] == -32601)
        #expect(client.notify("$/unknownNotification").isEmpty)
        #expect(client.notify("workspace/didChangeConfiguration", ["settings": [:]]).isEmpty)
    }

    @Test("a request cancelled before it is answered gets RequestCancelled; the others in the batch are answered")
    func cancellation() {
        var client = TestClient()
        _ = client.initialize()
        client.open("user a\n")
        let hover: JSON = ["jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": [
            "textDocument": ["uri": .string(TestClient.uri)], "position": ["line": 0, "character": 5]]]
        let symbols: JSON = ["jsonrpc": "2.0", "id": 8, "method": "textDocument/documentSymbol", "params": [
            "textDocument": ["uri": .string(TestClient.uri)]]]
        let cancel: JSON = ["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": 7]]
        let replies = client.send([hover, symbols, cancel])
        #expect(replies.count == 2)
        #expect(replies.first?["id"] == 7)
        #expect(replies.first?["error"]?["code"] == -32800)
        #expect(replies.last?["id"] == 8)
        #expect(replies.last?["result"]?.array?.count == 1)
        // Cancelling a request already answered changes nothing.
        #expect(client.send([cancel]).isEmpty)
    }

    @Test("a burst of changes in one read is compiled once, for the last version, and the text has every edit")
    func rapidEdits() {
        var client = TestClient()
        _ = client.initialize()
        client.open("user a\n")
        let changes: [JSON] = (0..<200).map { index in
            ["jsonrpc": "2.0", "method": "textDocument/didChange", "params": [
                "textDocument": ["uri": .string(TestClient.uri), "version": .integer(index + 2)],
                "contentChanges": [["range": .range(0, 6, 6), "text": index % 2 == 0 ? "b" : " "]]]]
        }
        let sent = client.send(changes)
        #expect(sent.count == 1)
        #expect(sent.first?["params"]?["version"] == 201)
        #expect(sent.first?["params"]?["diagnostics"]?.array?.first?["message"] == "'b' is already declared")
    }

    @Test("a large document (20,000 lines) is analysed, and an edit in its middle is applied where it belongs")
    func hugeDocument() {
        var client = TestClient()
        _ = client.initialize()
        let text = "user a b\n" + (1...20_000).map { "at \($0)s a starts conversation c\($0) with b \"m\"\n" }.joined()
        #expect(client.open(text).isEmpty)
        let sent = client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(TestClient.uri), "version": 2],
            "contentChanges": [["range": .range(10_000, 0, 2), "text": "ta"]],
        ])
        #expect(sent.first?["params"]?["diagnostics"]?.array?.first?["range"] == .range(10_000, 0, 2))
    }

    @Test("positions count UTF-16: a diagnostic after an emoji, and an edit after it, land where the editor means")
    func utf16Positions() {
        var client = TestClient()
        _ = client.initialize()
        // "😀" is one character and two UTF-16 units: `extra` is characters 24..<29, UTF-16 25..<30.
        let diagnostics = client.open("user a b\nat 1s a starts conversation c with b \"😀\"\nat 2s a writes to c \"😀\" extra\n")
        #expect(diagnostics.first?["range"] == .range(2, 25, 30))
        let sent = client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(TestClient.uri), "version": 2],
            "contentChanges": [["range": .range(2, 24, 30), "text": ""]],
        ])
        #expect(sent.first?["params"]?["diagnostics"] == [])
    }

    /// Every malformed fixture, every bundled scenario, and a file that compiles but holds an event
    /// a run certainly rejects.
    static func checkedFiles() throws -> [String] {
        let fixtures = TestClient.root.appendingPathComponent("Tests/ScenarioLanguageTests/Fixtures/malformed")
        var paths = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).filter { $0.hasSuffix(".scenario") }.sorted()
            .map { fixtures.appendingPathComponent($0).path }
        let scenarios = TestClient.root.appendingPathComponent("Scenarios")
        let bundled = FileManager.default.enumerator(atPath: scenarios.path)?.compactMap { $0 as? String } ?? []
        paths += bundled.filter { $0.hasSuffix(".scenario") }.sorted().map { scenarios.appendingPathComponent($0).path }
        let rejected = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-certain-\(getpid()).scenario")
        try Data("user alice\nat 0s alice starts conversation c1 with T-1 \"hi\"\nat 1s zed logs in\n".utf8).write(to: rejected)
        return paths + [rejected.path]
    }

    @Test("certain rejections are published as check shows them: the first 50")
    func certainRejectionsCapped() {
        var client = TestClient()
        _ = client.initialize()
        let text = "user alice\n" + (1...80).map { "at \($0)s nobody\($0) logs in\n" }.joined()
        let diagnostics = client.open(text)
        #expect(diagnostics.count == DiagnosticRenderer.diagnosticsShownMax)
        #expect(diagnostics.first?["message"]?.string?.hasPrefix("'nobody1' is no person") == true)
    }

    @Test("the diagnostics of every malformed fixture and bundled scenario are exactly omnisim check's: message, line and column")
    func sameAsCheck() throws {
        let paths = try Self.checkedFiles()
        defer { if let made = paths.last { try? FileManager.default.removeItem(atPath: made) } }
        #expect(paths.count > 60)
        var certain = 0
        for path in paths {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            guard let text = String(validating: bytes, as: UTF8.self) else { continue }  // the not-UTF-8 fixture: an editor holds text
            let checked = ScenarioCheck.check(path)
            let error: ScenarioFileError?
            switch checked.notCompiled?.outcome {
            case .fileError(let fileError)?: error = fileError
            case nil: error = checked.certainRejections
            default: continue  // unreadable as a file: the editor's text is what the server sees
            }
            if checked.notCompiled == nil, checked.certainRejections != nil { certain += 1 }
            let expected = error.map { error in
                error.diagnostics.map { "\($0.range.start.line - 1):\(Columns.utf16Offset(ofColumn: $0.range.start.column, in: error.file.line($0.range.start.line))): \($0.message.text)" }
            } ?? []
            var client = TestClient()
            _ = client.initialize()
            let published = client.open(text).map { diagnostic in
                "\(diagnostic["range"]?["start"]?["line"]?.integer ?? -1):\(diagnostic["range"]?["start"]?["character"]?.integer ?? -1): \(diagnostic["message"]?.string ?? "")"
            }
            #expect(published == expected, "\(path)")
            #expect(published.isEmpty == (checked.exitCode == 0), "\(path): check exits \(checked.exitCode)")
        }
        #expect(certain >= 1, "a file whose events a run certainly rejects is among them")
    }
}
