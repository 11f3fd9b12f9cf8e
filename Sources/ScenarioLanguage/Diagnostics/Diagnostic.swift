/// A problem found in a scenario file, with where it is: rendered like the Swift compiler's
/// `file:line:col: error: message`, the line, and a caret under the place.
public struct Diagnostic: Error, Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }
    public var severity: Severity
    public var message: DiagnosticMessage
    public var range: SourceRange

    public init(_ message: DiagnosticMessage, at range: SourceRange, severity: Severity = .error) {
        self.message = message
        self.range = range
        self.severity = severity
    }
}

/// A diagnostic's text. Messages are lower case, quote names and words in single quotes, and have
/// no final period; every one lives in `DiagnosticMessage+Catalog.swift`.
public struct DiagnosticMessage: Sendable, Hashable, CustomStringConvertible {
    public var text: String
    init(_ text: String) { self.text = text }
    public var description: String { text }
}

/// All the diagnostics of one file, for `throw`.
public struct ScenarioFileError: Error, Sendable {
    public var file: SourceFile
    public var diagnostics: [Diagnostic]
}
