/// The order file errors are shown in: cause first, then by line. An error about a name's use
/// (`unknown thread 'T1'`, `'x' is a person, not a thread`) whose own declaration was refused
/// (`ticket T1 …` where `T1` is taken) is caused by that refusal, wherever either stands in the
/// file: it is listed right after it, the refusal first. Every other error keeps its place by line.
///
///     5:8: error: the name 'x' is already taken          ← the cause (line 5)
///     2:8: error: 'x' is a person, not a thread           ← its follow-on (line 2), after it
enum CauseOrder {
    static func sorted(_ diagnostics: [Diagnostic], failedDeclarations: [NameUse: SourceRange]) -> [Diagnostic] {
        // (where it is listed, 0 for a cause or a lone error and 1 for a follow-on, its own place, file order)
        let keyed = diagnostics.enumerated().map { offset, found in
            let cause = found.subject.flatMap { failedDeclarations[$0] }
            var diagnostic = found
            diagnostic.cause = cause
            let key = (cause?.start ?? diagnostic.range.start, cause == nil ? 0 : 1, diagnostic.range.start, offset)
            return (key, diagnostic)
        }
        return keyed.sorted { a, b in
            let (x, y) = (a.0, b.0)
            if x.0 != y.0 { return x.0 < y.0 }
            if x.1 != y.1 { return x.1 < y.1 }
            if x.2 != y.2 { return x.2 < y.2 }
            return x.3 < y.3
        }.map(\.1)
    }
}

/// A name as a kind of thing: what a declaration would have made it, or what a use needs it to be.
struct NameUse: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case person, thread, team
    }
    var name: String
    var kind: Kind
    init(_ name: String, as kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

extension Diagnostic {
    /// A diagnostic about a use of a name (see ``subject``).
    init(_ message: DiagnosticMessage, at range: SourceRange, about use: NameUse) {
        self.init(message, at: range)
        subject = use
    }
}
