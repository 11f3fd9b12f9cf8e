import Foundation
import OmniSim
import ScenarioLanguage
@testable import OmniSimRunner
import Testing

/// Issue 24: `omnisim fmt` only lays a file out — the formatted file gives the same trace.
@Suite("fmt keeps the trace")
struct FormatKeepsTraceTests {
    /// `text` laid out untidily: a tab before each line, doubled spaces and spaced commas between
    /// its words, and whole minutes written in seconds (`5m` → `300s`), strings and comments kept.
    static func untidy(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard !line.trimmingCharacters(in: .whitespaces).hasPrefix("#"), !line.isEmpty else { return String(line) }
            var out = "\t", inString = false, escaped = false, word = ""
            func flushWord() {
                let digits = word.dropLast()
                if word.hasSuffix("m"), !digits.isEmpty, digits.allSatisfy(\.isNumber), let minutes = Int(digits) {
                    out += "\(minutes * 60)s"
                } else {
                    out += word
                }
                word = ""
            }
            for (offset, character) in line.enumerated() {
                if inString {
                    out.append(character)
                    if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                    continue
                }
                if character == "#" {  // a comment after the statement: kept as written
                    flushWord()
                    return out + "  " + line.dropFirst(offset)
                }
                switch character {
                case "\"":
                    flushWord()
                    inString = true
                    out.append(character)
                case " ":
                    flushWord()
                    out += "  "
                case ",":
                    flushWord()
                    out += " ,"
                default: word.append(character)
                }
            }
            flushWord()
            return out
        }.joined(separator: "\n")
    }

    static func trace(_ text: String, path: String) async throws -> String {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: path, text: text))
        let writer = TraceWriter()
        _ = try await Simulation.run(compiled.plan, observers: [writer])
        return writer.text
    }

    @Test("every bundled scenario, laid out untidily, formats back to itself and gives the same trace before and after", arguments: ScenarioFileTests.files)
    func formattedGivesTheSameTrace(_ path: String) async throws {
        let text = try String(contentsOf: ScenarioFileTests.root.appendingPathComponent(path), encoding: .utf8)
        let messy = Self.untidy(text)
        #expect(messy != text)
        let formatted = try ScenarioFormatter.format(SourceFile(path: path, text: messy))
        #expect(formatted == text, "\(path)")
        let before = try await Self.trace(messy, path: path)
        let after = try await Self.trace(formatted, path: path)
        #expect(before == after, "\(path)")
        #expect(!before.isEmpty)
    }
}
