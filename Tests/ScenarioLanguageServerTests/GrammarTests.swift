import Foundation
import Testing

/// The TextMate grammar against the bundled scenarios, through `Editors/check-grammar.py` (when
/// Python 3 is there to run it: the grammar is for editors, and the script is its test).
@Suite("The editors' grammar")
struct GrammarTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test("every comment, string, duration, number, keyword and name of every bundled scenario gets its scope", .enabled(if: python != nil))
    func grammarScopesEveryScenario() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python ?? "python3")
        process.arguments = [TestClient.root.appendingPathComponent("Editors/check-grammar.py").path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains(", 0 misses"))
    }
}
