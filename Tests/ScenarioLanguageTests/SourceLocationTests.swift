import Testing
import ScenarioLanguage

@Suite("SourceLocation: a line and a column, in 32 bits each")
struct SourceLocationTests {
    @Test("keeps every line and column a file can have, and orders by line then column")
    func keepsAndOrders() {
        let location = SourceLocation(line: 4_999_999, column: 70_000)
        #expect(location.line == 4_999_999 && location.column == 70_000)
        #expect(SourceLocation(line: 2, column: 90) < SourceLocation(line: 3, column: 1))
        #expect(SourceLocation(line: 3, column: 1) < SourceLocation(line: 3, column: 2))
        #expect(location.description == "4999999:70000")
    }

    @Test("a value past 32 bits is clamped, not a crash")
    func clamps() {
        var location = SourceLocation(line: 1, column: Int(Int32.max) + 10)
        #expect(location.column == Int(Int32.max))
        location.line = -Int(Int32.max) - 100
        #expect(location.line == Int(Int32.min))
    }
}
