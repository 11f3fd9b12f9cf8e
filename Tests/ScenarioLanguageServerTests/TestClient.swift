import Foundation
import ScenarioLanguageServer

/// A language client over the in-memory transport: frames what it sends, reads back what the
/// server answers, and keeps the server's notifications apart from its replies.
struct TestClient {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let uri = "file:///work/email-batching.scenario"

    var session = ServerSession()
    private var framer = MessageFramer()
    private var nextID = 1
    /// Every notification the server sent, in order.
    private(set) var notifications: [JSON] = []

    /// The text of a bundled scenario, by its path under `Scenarios/`.
    static func scenario(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Scenarios/\(path)"), encoding: .utf8)
    }

    /// Sends raw bytes; returns every message the server wrote back.
    mutating func send(bytes: [UInt8]) -> [JSON] {
        framer.append(session.receive(bytes))
        var messages: [JSON] = []
        while case .message(let body)? = framer.next() {
            if let message = try? JSON.parse(body) { messages.append(message) }
        }
        notifications += messages.filter { $0["id"] == nil }
        return messages
    }

    /// Sends `messages` as one batch (as if they arrived in one read).
    mutating func send(_ messages: [JSON]) -> [JSON] {
        send(bytes: messages.flatMap { MessageFramer.frame($0.encoded()) })
    }

    /// Sends a request and returns its reply (the server's notifications are kept aside).
    mutating func request(_ method: String, _ params: JSON = [:]) -> JSON? {
        let id = nextID
        nextID += 1
        return send([["jsonrpc": "2.0", "id": .integer(id), "method": .string(method), "params": params]])
            .first { $0["id"] == .integer(id) }
    }

    /// Sends a notification and returns what the server sent back.
    @discardableResult
    mutating func notify(_ method: String, _ params: JSON = [:]) -> [JSON] {
        send([["jsonrpc": "2.0", "method": .string(method), "params": params]])
    }

    /// `initialize` and `initialized`, returning the initialize result.
    mutating func initialize() -> JSON? {
        let result = request("initialize", ["processId": .null, "capabilities": [:]])?["result"]
        notify("initialized")
        return result
    }

    /// Opens `text` as ``uri``; returns the diagnostics published for it.
    @discardableResult
    mutating func open(_ text: String, uri: String = TestClient.uri) -> [JSON] {
        let sent = notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "scenario", "version": 1, "text": .string(text)]])
        return sent.first?["params"]?["diagnostics"]?.array ?? []
    }

    /// A request at a place in ``uri``.
    mutating func request(_ method: String, line: Int, character: Int, uri: String = TestClient.uri) -> JSON? {
        request(method, ["textDocument": ["uri": .string(uri)], "position": ["line": .integer(line), "character": .integer(character)]])?["result"]
    }

    /// The completion labels at a place.
    mutating func completions(line: Int, character: Int) -> [String] {
        (request("textDocument/completion", line: line, character: character)?["items"]?.array ?? []).compactMap { $0["label"]?.string }
    }
}

extension JSON {
    static func range(_ line: Int, _ from: Int, _ to: Int) -> JSON {
        ["start": ["line": .integer(line), "character": .integer(from)], "end": ["line": .integer(line), "character": .integer(to)]]
    }
}
