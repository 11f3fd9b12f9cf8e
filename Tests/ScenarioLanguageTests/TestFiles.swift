@testable import ScenarioLanguage

/// Compiling a scenario given as text, for the language's tests.
enum TestFiles {
    static func compile(_ text: String) throws(ScenarioFileError) -> CompiledScenario {
        try ScenarioCompiler.compile(SourceFile(path: "test.scenario", text: text))
    }

    /// The diagnostics' messages for `text` (none if it compiles), each after its position when `located`.
    static func diagnostics(_ text: String, located: Bool = false) -> [String] {
        do {
            _ = try compile(text)
            return []
        } catch {
            return error.diagnostics.map { located ? "\($0.range.start): \($0.message.text)" : $0.message.text }
        }
    }
}
