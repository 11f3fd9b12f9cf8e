/// A problem found in a scenario file, with where it is: rendered like the Swift compiler's
/// `file:line:col: error: message`, the line, and a caret under the place.
public struct Diagnostic: Error, Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }
    public var severity: Severity
    public var message: DiagnosticMessage
    public var range: SourceRange
    /// A "did you mean" still to look up: done only for the diagnostics that are shown, so a file
    /// with thousands of unknown names does not compare each with every name.
    var pendingSuggestion: PendingSuggestion?
    /// The name a diagnostic is about, when it is about a name's use as a thread, a person or a
    /// team (an unknown thread, a person where a thread is expected…): if a declaration of that
    /// name as that kind was refused, this one follows it (``CauseOrder``).
    var subject: NameUse?
    /// Where the refused declaration that caused this error stands, when it has one
    /// (``CauseOrder``): `'x' is a person, not a thread` after `the name 'x' is already taken`.
    public internal(set) var cause: SourceRange?

    public init(_ message: DiagnosticMessage, at range: SourceRange, severity: Severity = .error) {
        self.message = message
        self.range = range
        self.severity = severity
    }
}

/// An unknown name whose diagnostic gets its suggestion once it is known to be shown.
struct PendingSuggestion: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case person, thread
    }
    var kind: Kind
    var name: String
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
    /// Diagnostics found but not kept (a file with more than the parser keeps), counted.
    public var omittedCount = 0

    public init(file: SourceFile, diagnostics: [Diagnostic], omittedCount: Int = 0) {
        self.file = file
        self.diagnostics = diagnostics
        self.omittedCount = omittedCount
    }
}
