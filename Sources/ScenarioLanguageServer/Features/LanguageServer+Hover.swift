import ScenarioLanguage

extension LanguageServer {
    /// `textDocument/hover`: on a declared name, its declaration line; elsewhere on a statement,
    /// one sentence of what it does (``EventDescription``); else null.
    mutating func hover(_ params: JSON) throws(ResponseError) -> JSON {
        guard let place = try place(params) else { return .null }
        let file = place.analysis.file
        if let token = Self.word(at: place.column, line: place.line, in: place.analysis),
           let declaration = place.analysis.declaration(of: token.text) {
            let line = declaration.range.start.line
            let text = String(file.line(line)).trimmingBlanks
            let what = declaration.kind == .load && token.text != declaration.name
                ? "made by the load on line \(line)" : "\(declaration.kind.rawValue), declared on line \(line)"
            return [
                "contents": ["kind": "markdown", "value": .string("**\(token.text.trimmingAt)**: \(what)\n\n```scenario\n\(text)\n```")],
                "range": Columns.range(token.range, in: file).json,
            ]
        }
        guard let statement = place.analysis.statement(onLine: place.line), let sentence = EventDescription.sentence(for: statement) else {
            return .null
        }
        return ["contents": ["kind": "markdown", "value": .string(sentence)], "range": Columns.range(statement.range, in: file).json]
    }
}

private extension String {
    var trimmingBlanks: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }

    var trimmingAt: String { hasPrefix("@") ? String(dropFirst()) : self }
}
