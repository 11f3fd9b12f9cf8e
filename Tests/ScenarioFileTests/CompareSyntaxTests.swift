import OmniSim
@testable import OmniSimRunner
import ScenarioLanguage
import Testing

@Suite("compare's --variant and --sweep texts")
struct CompareSyntaxTests {
    @Test("a variant's name is what comes before the first ':'; ';' separates statements, each trimmed")
    func variantSplits() throws {
        let variant = try CompareVariant.parse("zulip: set everyone email-after 2m; set everyone email-batch 2m")
        #expect(variant == CompareVariant(title: "zulip", statements: ["set everyone email-after 2m", "set everyone email-batch 2m"], origin: .variant(name: "zulip")))
        let later = try CompareVariant.parse("a: b: c;;")
        #expect(later == CompareVariant(title: "a", statements: ["b: c"], origin: .variant(name: "a")))
    }

    @Test("errors name the variant or the sweep value a statement comes from, as the user wrote it")
    func errorsNameTheirOrigin() throws {
        #expect(throws: CompareVariant.Problem(description: "'--variant zulip: set everyone email-after 2m; set lea \"x' leaves a double quote open")) {
            try CompareVariant.parse("zulip: set everyone email-after 2m; set lea \"x")
        }
        #expect(throws: CompareSweep.Problem(description: "'--sweep set everyone email-after {1m,2m}; set lea \"x' leaves a double quote open")) {
            try CompareSweep.parse("set everyone email-after {1m,2m}; set lea \"x")
        }
        #expect(Overrides.Origin.variant(name: "zulip").place("set everyone email-aftr 2m") == "'set everyone email-aftr 2m' in '--variant zulip'")
        #expect(Overrides.Origin.sweep(value: "1").place("expect at most 1 emails") == "'expect at most 1 emails' (the '--sweep' at 1)")
        #expect(Overrides.Origin.set.place("set a\u{1B}b") == "'--set set a\\u{1B}b'")
    }

    @Test("two columns of one title are refused: a name given twice, or 'as written'; a sweep value given twice too")
    func duplicateTitles() throws {
        let twice = [try CompareVariant.parse("a: set everyone email-after 2m"), try CompareVariant.parse("a: set everyone email-after 3m")]
        #expect(CompareVariant.duplicateTitle(in: twice)?.description == "two columns would be titled 'a'; each '--set' and '--variant' needs a title of its own")
        #expect(CompareVariant.duplicateTitle(in: [try CompareVariant.parse("as written: set everyone email-after 2m")]) != nil)
        #expect(CompareVariant.duplicateTitle(in: [twice[0]]) == nil)
        #expect(throws: CompareSweep.Problem(description: "'--sweep set everyone email-after {1m,60s}' gives the value 1m twice; each value is one row")) {
            try CompareSweep.parse("set everyone email-after {1m,60s}")
        }
        #expect(throws: CompareSweep.Problem.self) { try CompareSweep.parse("set everyone chat-capacity {1..99999999999999999999}") }
    }

    @Test("a variant's name is shown with control characters as escapes")
    func controlCharactersInNames() throws {
        #expect(try CompareVariant.parse("x\u{1B}[31m: set everyone email-after 2m").title == "x\\u{1B}[31m")
        #expect(CompareVariant.set("set everyone email-after 2m\u{1B}").title == "--set set everyone email-after 2m\\u{1B}")
        #expect(try CompareVariant.parse("t\tx: set everyone email off").title == "t\\tx")
    }

    @Test("a statement's error shows its words' control characters as escapes")
    func controlCharactersInErrors() throws {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "z.scenario", text: "user a\n"))
        do {
            _ = try Overrides.apply(["set everyone email\u{1B}[31m off"], to: compiled.plan)
            Issue.record("applied")
        } catch {
            #expect(!error.description.unicodeScalars.contains("\u{1B}"), "\(error.description)")
            #expect(error.description.contains("\\u{1B}"))
        }
    }

    @Test("';' inside double quotes is text, and a quote left open is refused")
    func quotedSemicolons() throws {
        #expect(try CompareVariant.splitStatements(#"at 1s a writes to c "x; y"; set everyone email-after 1m"#, option: "--variant")
            == [#"at 1s a writes to c "x; y""#, "set everyone email-after 1m"])
        #expect(throws: CompareVariant.Problem.self) { try CompareVariant.splitStatements(#"set "x; y"#, option: "--variant") }
    }

    @Test("a variant needs a name and a statement", arguments: ["set everyone email-after 2m", ": set everyone email-after 2m", "slow:", "slow: ; ;"])
    func variantRefused(text: String) {
        #expect(throws: CompareVariant.Problem.self) { try CompareVariant.parse(text) }
    }

    @Test("a --set is a variant of its one statement, titled by it")
    func setIsAVariant() {
        #expect(CompareVariant.set("set everyone email-after 5m") == CompareVariant(title: "--set set everyone email-after 5m", statements: ["set everyone email-after 5m"]))
    }

    @Test("ranges and lists expand in order", arguments: [
        ("set everyone chat-capacity {1..4}", ["1", "2", "3", "4"]),
        ("x {0..10 step 5} y", ["0", "5", "10"]),
        ("x {0..9 step 5}", ["0", "5"]),
        ("x {3..3}", ["3"]),
        ("set everyone email-after {30s..2m step 30s}", ["30s", "1m", "1m30s", "2m"]),
        ("x {4, 1,2}", ["4", "1", "2"]),
        ("x {90s,1m}", ["1m30s", "1m"]),
    ])
    func expands(template: String, values: [String]) throws {
        #expect(try CompareSweep.parse(template).values.map(\.text) == values)
    }

    @Test("each value makes its statements: the template with the value in place, split at ';'")
    func statementsForAValue() throws {
        let sweep = try CompareSweep.parse("set everyone chat-capacity {1..2}; chat routing first-free")
        #expect(try sweep.statements(for: sweep.values[1]) == ["set everyone chat-capacity 2", "chat routing first-free"])
    }

    @Test("a sweep is refused without exactly one {…}, with a range going down, a zero step, mixed kinds, a duration range without step, or past 100 values", arguments: [
        "set everyone chat-capacity 3", "x {1..2} {3..4}", "x {1..2", "x }1..2{", "x {4..1}", "x {1..4 step 0}",
        "x {1..2m step 1}", "x {1,1m}", "x {1m..3m}", "x {1..101}", "x {0s..1h step 1s}", "x {a,b}", "x {-1..2}",
    ])
    func sweepRefused(template: String) {
        #expect(throws: CompareSweep.Problem.self) { try CompareSweep.parse(template) }
    }

    @Test("a brace inside double quotes is text")
    func quotedBrace() throws {
        let sweep = try CompareSweep.parse(#"x "{not}" {1..2}"#)
        #expect(sweep.values.map(\.text) == ["1", "2"])
        #expect(sweep.prefix == #"x "{not}" "#)
    }

    @Test("the smallest value is the least, whatever the order written")
    func smallestByMagnitude() throws {
        let values = try CompareSweep.parse("x {90s,1m,2m}").values
        #expect(values.min()?.text == "1m")
    }
}
