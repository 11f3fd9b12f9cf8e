import Foundation
import Testing
@testable import ScenarioLanguage

/// The lexer's two paths: ASCII lines byte by byte (the fast one), any line by Character. They
/// must give the same tokens, or the same located error, on every line.
@Suite("Lexer: the ASCII path and the general path agree")
struct LexerTests {
    static func outcome(_ lex: () throws(Diagnostic) -> [Token]?) -> String {
        do throws(Diagnostic) {
            guard let tokens = try lex() else { return "not ASCII" }
            return tokens.map { "\($0.kind) \($0.text) \($0.range)" }.joined(separator: " | ")
        } catch {
            return "error \(error.message.text) at \(error.range)"
        }
    }

    static var lines: [Substring] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let folders = [root.appendingPathComponent("Fixtures/malformed"), root.appendingPathComponent("../../Scenarios")]
        var lines: [Substring] = [
            #"at 1s a writes to c "say \"hi\" \\ \n then" # a comment"#, "a,b ,c", #""unterminated"#,
            #""bad \q escape""#, "x\ry", "\t tabs\tand  spaces ", "", "# only a comment", #"a"b"c"#, "@bob.x, (@dan)",
        ]
        for folder in folders {
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            for file in files.sorted() where file.hasSuffix(".scenario") {
                guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else { continue }
                lines += text.split(separator: "\n", omittingEmptySubsequences: false)
            }
        }
        return lines
    }

    @Test("every line of the bundled scenarios and fixtures, and some hard ones, lexes the same both ways")
    func pathsAgree() {
        var compared = 0
        for (number, line) in Self.lines.enumerated() {
            let fast = Self.outcome { () throws(Diagnostic) in try Lexer.asciiTokens(of: line, number: number) }
            guard fast != "not ASCII" else { continue }
            let general = Self.outcome { () throws(Diagnostic) in try Lexer.generalTokens(of: line, number: number) }
            #expect(fast == general, "line \(number): \(line)")
            compared += 1
        }
        #expect(compared > 500)
    }

    @Test("a line with a character outside ASCII takes the general path, with columns in characters")
    func nonASCII() throws {
        let line: Substring = "at 1s é writes"
        #expect(try Lexer.asciiTokens(of: line, number: 1) == nil)
        let tokens = try Lexer.tokens(of: line, number: 1)
        #expect(tokens.map(\.range.start.column) == [1, 4, 7, 9])
    }
}
