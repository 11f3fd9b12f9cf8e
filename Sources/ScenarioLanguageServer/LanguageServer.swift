import ScenarioLanguage

/// The language server for scenario files, with no I/O: JSON-RPC messages in, messages out.
///
/// Synchronous and deterministic, so the tests drive it as a client would, without a process;
/// ``ServerSession`` adds the framing and ``StandardIOServer`` the standard streams. Documents are
/// analysed lazily, once per version (``DocumentAnalysis``).
public struct LanguageServer: Sendable {
    enum Phase: Sendable { case starting, running, shutDown }

    /// The version `initialize` reports.
    public static let version = "0.1.0"

    private var phase = Phase.starting
    var documents: [String: OpenDocument] = [:]
    /// Set by the `exit` notification: 0 after `shutdown`, 1 without (as the protocol asks).
    public private(set) var exitStatus: Int32?

    public init() {}

    /// Handles messages that arrived together, in order, and returns what to send, in order.
    ///
    /// A request cancelled by a `$/cancelRequest` later in the same batch is answered
    /// RequestCancelled (-32800) without being worked on (one cancelled after it was answered changes
    /// nothing), and a document changed several times in one batch gets its diagnostics once, for its
    /// last version, so a burst of keystrokes never queues a compile per keystroke.
    public mutating func handle(_ batch: [JSON]) -> [JSON] {
        var cancelled: Set<JSON> = []
        var lastChange: [String: Int] = [:]
        for (index, message) in batch.enumerated() {
            if message["method"]?.string == "$/cancelRequest", let id = message["params"]?["id"] { cancelled.insert(id) }
            if message["method"]?.string == "textDocument/didChange", let uri = message["params"]?["textDocument"]?["uri"]?.string {
                lastChange[uri] = index
            }
        }
        var replies: [JSON] = []
        for (index, message) in batch.enumerated() {
            if let id = message["id"], message["method"] != nil, cancelled.contains(id) {
                replies.append(Self.reply(to: id, error: .requestCancelled()))
                continue
            }
            let uri = message["params"]?["textDocument"]?["uri"]?.string
            let publishes = message["method"]?.string != "textDocument/didChange" || lastChange[uri ?? ""] == index
            replies += handle(message, publishing: publishes)
        }
        return replies
    }

    /// Handles one message (see ``handle(_:)-(JSON)`` for batches).
    public mutating func handle(_ message: JSON) -> [JSON] {
        handle([message])
    }

    private mutating func handle(_ message: JSON, publishing: Bool) -> [JSON] {
        guard case .object = message else { return [Self.reply(to: .null, error: .invalidRequest("a message is a JSON object"))] }
        let id = message["id"]
        guard let method = message["method"]?.string else {
            // A response to a request of ours (the server sends none), or nonsense: nothing to answer.
            if message["method"] != nil, let id { return [Self.reply(to: id, error: .invalidRequest("'method' is not a string"))] }
            return []
        }
        let params = message["params"] ?? .null
        guard let id else {
            return notification(method, params, publishing: publishing)
        }
        if message["jsonrpc"]?.string != "2.0" {
            return [Self.reply(to: id, error: .invalidRequest("'jsonrpc' must be \"2.0\""))]
        }
        do throws(ResponseError) {
            return [Self.reply(to: id, result: try request(method, params))]
        } catch {
            return [Self.reply(to: id, error: error)]
        }
    }

    private mutating func request(_ method: String, _ params: JSON) throws(ResponseError) -> JSON {
        switch (phase, method) {
        case (.starting, "initialize"):
            phase = .running
            return Self.initializeResult
        case (.starting, _):
            throw .serverNotInitialized()
        case (.shutDown, _):
            throw .invalidRequest("the server is shutting down")
        case (.running, "initialize"):
            throw .invalidRequest("the server is already initialized")
        case (.running, "shutdown"):
            phase = .shutDown
            documents.removeAll()
            return .null
        case (.running, "textDocument/completion"): return try completion(params)
        case (.running, "textDocument/hover"): return try hover(params)
        case (.running, "textDocument/definition"): return try definition(params)
        case (.running, "textDocument/documentSymbol"): return try documentSymbols(params)
        case (.running, "textDocument/formatting"): return try formatting(params)
        case (.running, _):
            throw .methodNotFound(method)
        }
    }

    private mutating func notification(_ method: String, _ params: JSON, publishing: Bool) -> [JSON] {
        if method == "exit" {
            exitStatus = phase == .shutDown ? 0 : 1
            return []
        }
        guard phase == .running else { return [] }
        switch method {
        case "textDocument/didOpen":
            guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else { return [] }
            documents[uri] = OpenDocument(TextDocument(uri: uri, version: item["version"]?.integer ?? 0, text: text))
            return [publishDiagnostics(uri)]
        case "textDocument/didChange":
            guard let uri = params["textDocument"]?["uri"]?.string, var document = documents[uri] else { return [] }
            let version = params["textDocument"]?["version"]?.integer ?? document.text.version + 1
            for change in params["contentChanges"]?.array ?? [] {
                guard let text = change["text"]?.string else { continue }
                document.apply(text, in: TextRange(change["range"]), version: version)
            }
            documents[uri] = document
            return publishing ? [publishDiagnostics(uri)] : []
        case "textDocument/didClose":
            guard let uri = params["textDocument"]?["uri"]?.string, documents.removeValue(forKey: uri) != nil else { return [] }
            return [Self.notification("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []])]
        default:
            // `initialized`, `$/cancelRequest` (see handle(_:)), `didSave`, `$/setTrace`…: nothing to do.
            return []
        }
    }

    /// The analysis of the open document `uri`, made once per version.
    mutating func analysis(of uri: String) -> DocumentAnalysis? {
        guard var document = documents[uri] else { return nil }
        let analysis = document.analysis()
        documents[uri] = document
        return analysis
    }

    static let initializeResult: JSON = [
        "capabilities": [
            "positionEncoding": "utf-16",
            "textDocumentSync": ["openClose": true, "change": 2],
            "completionProvider": ["triggerCharacters": [" ", "@"]],
            "hoverProvider": true,
            "definitionProvider": true,
            "documentSymbolProvider": true,
            "documentFormattingProvider": true,
        ],
        "serverInfo": ["name": "omnisim", "version": .string(version)],
    ]

    static func reply(to id: JSON, result: JSON) -> JSON {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    static func reply(to id: JSON, error: ResponseError) -> JSON {
        ["jsonrpc": "2.0", "id": id, "error": error.json]
    }

    static func notification(_ method: String, _ params: JSON) -> JSON {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }
}
