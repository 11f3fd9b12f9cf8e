import ScenarioLanguage

extension LanguageServer {
    /// `textDocument/completion`: ``CompletionCandidates`` after the words before the cursor (the
    /// word being typed left out: the editor filters by it). Inside a string or a comment: none.
    mutating func completion(_ params: JSON) throws(ResponseError) -> JSON {
        guard let place = try place(params) else { return ["isIncomplete": false, "items": []] }
        let line = place.analysis.file.line(place.line)
        let before = Substring(String(line.prefix(place.column - 1)))
        guard let tokens = try? ScenarioLexer.tokens(of: before, number: place.line),
              ScenarioLexer.commentStart(of: before, after: tokens) == nil
        else { return ["isIncomplete": false, "items": []] }
        var context = tokens
        // A word that reaches the cursor is the one being typed.
        if let last = context.last, last.kind == .word, last.range.end.column == place.column { context.removeLast() }
        let words = context.compactMap { token -> String? in
            switch token.kind {
            case .comma: nil
            case .string: "\""
            case .word: token.text.hasPrefix("@") ? String(token.text.dropFirst()) : token.text
            }
        }
        let candidates = CompletionCandidates.after(words, in: place.analysis)
        let items: [JSON] = candidates.enumerated().map { index, candidate in
            [
                "label": .string(candidate.label), "detail": .string(candidate.detail), "kind": .integer(candidate.kind),
                "sortText": .string(Self.sortKey(index)),
            ]
        }
        return ["isIncomplete": false, "items": .array(items)]
    }

    /// `index` as a sort key that keeps the candidates' order (`00042`).
    private static func sortKey(_ index: Int) -> String {
        let digits = String(index)
        return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}
