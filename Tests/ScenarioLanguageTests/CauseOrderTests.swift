import Testing
@testable import ScenarioLanguage

@Suite("File errors: the cause first, then by line")
struct CauseOrderTests {
    @Test("a refused declaration comes before the errors about its name's uses, wherever it stands")
    func causeBeforeFollowOns() {
        let text = """
            user alice x
            expect x participants alice
            expect T1 participants alice
            at 1m alice notes x "hi"
            expect zed bubble 1
            ticket x "Printer" followers alice
            team T1 alice
            ticket T1 "Broken"
            expect T1 participants alice
            """
        #expect(TestFiles.diagnostics(text, located: true) == [
            "5:8: unknown person 'zed'",
            "6:8: the name 'x' is already taken",
            "2:8: 'x' is a person, not a thread",
            "8:8: the name 'T1' is already taken",
            "3:8: 'T1' is a team, not a thread",
            "9:8: 'T1' is a team, not a thread",
        ])
    }

    @Test("a follow-on error names where its cause stands; other errors name none")
    func followOnKnowsItsCause() throws {
        let text = "user alice x\nexpect x participants alice\nticket x \"Printer\" followers alice\nexpect zed bubble 1\n"
        let diagnostics: [Diagnostic]
        do {
            _ = try TestFiles.compile(text)
            Issue.record("the file compiled")
            return
        } catch {
            diagnostics = error.diagnostics
        }
        let causes = diagnostics.map { $0.cause.map { "\($0.start)" } ?? "-" }
        #expect(diagnostics.map { "\($0.range.start)" } == ["3:8", "2:8", "4:8"])
        #expect(causes == ["-", "3:8", "-"])
    }

    @Test("errors with no refused declaration behind them stay in line order")
    func lineOrderOtherwise() {
        #expect(TestFiles.diagnostics("user a\nexpect zed bubble 1\nexpect a bubble 1\nexpect yan bubble 2\n", located: true) == [
            "2:8: unknown person 'zed'", "4:8: unknown person 'yan'",
        ])
    }
}
