import Testing
@testable import ScenarioLanguage

@Suite("Did you mean: the nearest name, found in bounded work")
struct SuggestionTests {
    @Test("the nearest candidate within a third of the word's length; ties to the earlier one")
    func nearest() {
        #expect(EditDistance.suggestion(for: "emial", among: ["email", "messenger"]) == "email")
        #expect(EditDistance.suggestion(for: "bbo", among: ["bob", "bo"]) == "bob")
        #expect(EditDistance.suggestion(for: "xyz", among: ["email"]) == nil)
        #expect(EditDistance.suggestion(for: "Bob", among: ["bob"]) == "bob")
        #expect(EditDistance.suggestion(for: "u12x", among: (1...20).map { "u\($0)" }) == "u12")
    }

    @Test("a search over a million names compares the word with at most a bounded number of them")
    func boundedSearch() {
        let index = SuggestionIndex((1...1_000_000).map { "user\($0)" })
        let (suggestion, examined) = index.search(for: "user999999x")
        #expect(examined <= SuggestionIndex.examinedMax)
        #expect(suggestion != nil)
    }

    @Test("only shown diagnostics get a suggestion: 5,000 typos among 10,000 users compile to 50 shown and a count")
    func suggestionsOnlyForShownDiagnostics() throws {
        var text = "user " + (1...10_000).map { "u\($0)" }.joined(separator: " ") + "\n"
        for index in 1...5_000 { text += "expect u\(index)x bubble 1\n" }
        do {
            _ = try ScenarioCompiler.compile(SourceFile(path: "typos.scenario", text: text))
            Issue.record("typos compiled")
        } catch {
            #expect(error.diagnostics.count == DiagnosticRenderer.diagnosticsShownMax)
            #expect(error.omittedCount == 5_000 - DiagnosticRenderer.diagnosticsShownMax)
            #expect(error.diagnostics[0].message.text == "unknown person 'u1x'; did you mean 'u1'?")
            #expect(error.diagnostics.allSatisfy { $0.pendingSuggestion == nil })
            #expect(DiagnosticRenderer.render(error).hasSuffix("typos.scenario: error: … and 4950 more errors in this file\n"))
        }
    }

    @Test("every event word the parser accepts is suggested for its typo: the candidates are the parser's own table")
    func everyEventWordSuggested() {
        for verb in Parser.eventVerbs {
            let typo = String(verb.dropFirst().prefix(1) + verb.prefix(1) + verb.dropFirst(2))
            let text = "user alice bob\nat 0s alice \(typo) c1\n"
            #expect(TestFiles.diagnostics(text).first?.hasPrefix("unknown event '\(typo)'; did you mean '\(verb)'?") == true, "\(verb)")
        }
    }

    @Test("an event word where the person should be says a name is missing, not 'unknown event'")
    func eventWithoutPerson() {
        #expect(TestFiles.diagnostics("user alice bob\nat 0s starts conversation c1 with bob \"hi\"\n", located: true) == [
            "2:7: expected a person's name before 'starts', as in 'at 5m alice starts …'",
        ])
    }
}
