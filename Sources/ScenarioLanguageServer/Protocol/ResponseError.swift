/// A JSON-RPC error reply: a code the protocol defines and a message for people.
public struct ResponseError: Error, Sendable, Hashable {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    static func parseError(_ message: String) -> Self { .init(code: -32700, message: message) }
    static func invalidRequest(_ message: String) -> Self { .init(code: -32600, message: message) }
    static func methodNotFound(_ method: String) -> Self { .init(code: -32601, message: "unknown method '\(method)'") }
    static func invalidParams(_ message: String) -> Self { .init(code: -32602, message: message) }
    static func serverNotInitialized() -> Self { .init(code: -32002, message: "the server is not initialized yet") }
    static func requestCancelled() -> Self { .init(code: -32800, message: "the request was cancelled") }

    var json: JSON { ["code": .integer(code), "message": .string(message)] }
}
