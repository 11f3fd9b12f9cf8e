import Foundation
import ScenarioLanguage

extension LanguageServer {
    /// `textDocument/publishDiagnostics` for the open document `uri`: `omnisim check`'s diagnostics
    /// of its current text, each with its range in UTF-16 and, as related information, the refused
    /// declaration that caused it (``Diagnostic/cause``) and, for a "did you mean" that names a
    /// declared name, where that name is declared.
    mutating func publishDiagnostics(_ uri: String) -> JSON {
        guard let analysis = analysis(of: uri) else {
            return Self.notification("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []])
        }
        var diagnostics: [JSON] = []
        if let refusal = analysis.refusal {
            let start = Position(line: 0, character: 0)
            diagnostics.append([
                "range": TextRange(start: start, end: start).json, "severity": 1, "source": "omnisim", "message": .string(refusal),
            ])
        }
        for diagnostic in analysis.diagnostics {
            var json: [String: JSON] = [
                "range": Columns.range(diagnostic.range, in: analysis.file).json,
                "severity": .integer(Self.severity(diagnostic.severity)),
                "source": "omnisim",
                "message": .string(diagnostic.message.text),
            ]
            var related: [JSON] = []
            if let cause = diagnostic.cause {
                related.append([
                    "location": ["uri": .string(uri), "range": Columns.range(cause, in: analysis.file).json],
                    "message": "caused by this refused declaration",
                ])
            }
            if let suggestion = Self.suggestion(in: diagnostic.message.text), let declaration = analysis.declaration(of: suggestion) {
                related.append([
                    "location": ["uri": .string(uri), "range": Columns.range(declaration.range, in: analysis.file).json],
                    "message": .string("'\(declaration.name)' is declared here (\(declaration.kind.rawValue))"),
                ])
            }
            if !related.isEmpty { json["relatedInformation"] = .array(related) }
            diagnostics.append(.object(json))
        }
        var params: [String: JSON] = ["uri": .string(uri), "diagnostics": .array(diagnostics)]
        if let version = documents[uri]?.text.version { params["version"] = .integer(version) }
        return Self.notification("textDocument/publishDiagnostics", .object(params))
    }

    static func severity(_ severity: Diagnostic.Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .note: 3
        }
    }

    /// The name a message suggests (`…; did you mean 'maria'?`), if it suggests one.
    static func suggestion(in message: String) -> String? {
        guard let marker = message.range(of: "did you mean '") else { return nil }
        let rest = message[marker.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }
}
