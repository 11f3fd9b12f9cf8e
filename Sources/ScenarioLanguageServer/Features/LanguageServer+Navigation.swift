import ScenarioLanguage

extension LanguageServer {
    /// The open document a request names, with the 1-based line and character column of its
    /// `position`; nil when the document is not open (the request then has an empty answer).
    mutating func place(_ params: JSON) throws(ResponseError) -> (uri: String, analysis: DocumentAnalysis, line: Int, column: Int)? {
        guard let uri = params["textDocument"]?["uri"]?.string else { throw .invalidParams("'textDocument.uri' is missing") }
        guard let position = Position(params["position"]) else { throw .invalidParams("'position' is missing or invalid") }
        guard let analysis = analysis(of: uri) else { return nil }
        let line = position.line + 1
        return (uri, analysis, line, Columns.column(ofUTF16Offset: position.character, in: analysis.file.line(line)))
    }

    /// The word token at (or just before) `column` of `line`, if the line lexes.
    static func word(at column: Int, line: Int, in analysis: DocumentAnalysis) -> Token? {
        guard let tokens = try? ScenarioLexer.tokens(of: analysis.file.line(line), number: line) else { return nil }
        return tokens.first { $0.kind == .word && $0.range.start.column <= column && column <= $0.range.end.column }
    }

    /// `textDocument/definition`: the declaration of the name under the cursor (a person, team,
    /// item, conversation, or the load that makes a generated name), or null.
    mutating func definition(_ params: JSON) throws(ResponseError) -> JSON {
        guard let place = try place(params),
              let token = Self.word(at: place.column, line: place.line, in: place.analysis),
              let declaration = place.analysis.declaration(of: token.text)
        else { return .null }
        return ["uri": .string(place.uri), "range": Columns.range(declaration.range, in: place.analysis.file).json]
    }

    /// `textDocument/documentSymbol`: people, teams, items, conversations and loads, in file order.
    mutating func documentSymbols(_ params: JSON) throws(ResponseError) -> JSON {
        guard let uri = params["textDocument"]?["uri"]?.string else { throw .invalidParams("'textDocument.uri' is missing") }
        guard let analysis = analysis(of: uri) else { return [] }
        return .array(analysis.declarations.map { declaration in
            let range = Columns.range(declaration.range, in: analysis.file).json
            return [
                "name": .string(declaration.name), "detail": .string(declaration.kind.rawValue),
                "kind": .integer(declaration.kind.symbolKind), "range": range, "selectionRange": range,
            ]
        })
    }

    /// `textDocument/formatting`: one edit replacing the text with its canonical layout (`omnisim
    /// fmt`), none when it is laid out already or has errors (a file with errors is not formatted).
    mutating func formatting(_ params: JSON) throws(ResponseError) -> JSON {
        guard let uri = params["textDocument"]?["uri"]?.string else { throw .invalidParams("'textDocument.uri' is missing") }
        guard let analysis = analysis(of: uri), let document = documents[uri],
              analysis.diagnostics.isEmpty, analysis.refusal == nil
        else { return [] }
        let formatted = ScenarioFormatter.layout(analysis.file)
        guard formatted != document.text.text else { return [] }
        let whole = TextRange(start: Position(line: 0, character: 0), end: document.text.endPosition)
        return [["range": whole.json, "newText": .string(formatted)]]
    }
}
