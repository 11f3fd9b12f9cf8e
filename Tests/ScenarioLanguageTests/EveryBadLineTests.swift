import Testing
@testable import ScenarioLanguage

/// A file with a line that does not parse still gets the errors of its other lines, so it is
/// fixed in one round — but not an error that may only echo a failed line.
@Suite("Every bad line at once: syntax errors and name errors together")
struct EveryBadLineTests {
    @Test("a syntax error no longer hides another line's unknown name; both are listed by line")
    func syntaxAndNames() {
        #expect(TestFiles.diagnostics("user alice\nexpect zed unread 0\nat 9x alice logs in\n", located: true) == [
            "2:8: unknown person 'zed'",
            "3:4: invalid duration '9x'; write one or more <integer><unit> with units d, h, m, s, ms, as in '1m30s'",
        ])
    }

    @Test("a name that a failed line holds gets no error: that line may have declared it")
    func noEchoOfAFailedDeclaration() {
        let text = "usr alice\nuser bob\nexpect alice unread 0\nexpect zed unread 0\nteem desk bob\nexpect desk participants bob\n"
        #expect(TestFiles.diagnostics(text, located: true) == [
            "1:1: unknown statement 'usr'; did you mean 'user'?",
            "4:8: unknown person 'zed'",
            "5:1: unknown statement 'teem'; did you mean 'team'?",
        ])
    }

    @Test("a failed load (or a line that may be one) shows only the syntax errors: the names it makes are not on its line", arguments: [
        "load seed 1 users 3 customers 2 conversations 2 messages 4 over 1h bogus",
        "load q seed 1 users 2 customers 1 conversations 1 messages 2 over 1x",
        "lod seed 1 users 3 customers 2 conversations 2 messages 4 over 1h",
    ])
    func failedUnnamedLoad(_ load: String) {
        let text = "scenario \"x\"\n\(load)\nadmin u1\nteam support u2, u3\nset k1 email off\nexpect c1 participants u1, k1\n"
        let diagnostics = TestFiles.diagnostics(text, located: true)
        #expect(diagnostics.count == 1 && diagnostics.first?.hasPrefix("2:") == true, "\(diagnostics)")
    }

    @Test("a failed line's names are its runs of name characters; a person named 'customers' there silences 'set customers …' errors", arguments: [
        ("user alice bobby; carol\nexpect email to bobby\n", 1),
        ("user alice @bobby!\nexpect email to bobby\n", 1),
        ("user alice\nuser customers 5\nset customers bubble off\n", 1),
        ("user alice\nat 1m alice starts conversation c1 \"the seed is 4\" x\nexpect email to zed\n", 2),
    ])
    func failedLineWords(_ text: String, _ count: Int) {
        let diagnostics = TestFiles.diagnostics(text, located: true)
        #expect(diagnostics.count == count, "\(diagnostics)")
    }

    @Test("fifty syntax errors fill what is shown: the rest are counted, nothing is lowered")
    func fullOfSyntaxErrors() throws {
        let text = "expect zed unread 0\n" + String(repeating: "at 9x zed logs in\n", count: 60)
        do {
            _ = try TestFiles.compile(text)
            Issue.record("the file compiled")
        } catch {
            #expect(error.diagnostics.count == DiagnosticRenderer.diagnosticsShownMax)
            #expect(error.diagnostics.allSatisfy { $0.message.text.hasPrefix("invalid duration") })
            #expect(error.omittedCount == 10)
        }
    }
}
