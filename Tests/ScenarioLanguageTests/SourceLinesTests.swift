import OmniSim
import Testing
@testable import ScenarioLanguage

/// A file's lines, kept as one offset each and sliced when asked for, are the lines a plain split
/// on `\n` gives (less a `\r` before the `\n`), on the corner cases and on random texts.
@Suite("A file's lines: offsets sliced on demand, the same as splitting the text")
struct SourceLinesTests {
    /// The split the file used to keep, one `Substring` per line.
    static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x0A {
                var end = index
                if end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
                lines.append(text[start..<end])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex || lines.isEmpty { lines.append(text[start..<utf8.endIndex]) }
        return lines
    }

    @Test("corner cases: empty, a lone line end, CRLF, a lone CR, no final line end, non-ASCII",
          arguments: ["", "\n", "\n\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "\r", "x\r", "\r\n", "a\r\r\n", "é\nü\r\n→", "\n\r\n\r"])
    func cornerCases(text: String) {
        #expect(Array(SourceFile(path: "t", text: text).lines) == Self.split(text))
    }

    @Test("random texts of a few characters give the same lines", arguments: 1...20)
    func randomTexts(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let alphabet: [String] = ["a", "b", " ", "\n", "\r", "\r\n", "é", "\"", "@"]
        for _ in 0..<50 {
            let text = (0..<Int.random(in: 0..<16, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "" }.joined()
            let file = SourceFile(path: "t", text: text)
            #expect(Array(file.lines) == Self.split(text), "text: \(text.debugDescription)")
            #expect(file.line(file.lines.count + 1) == "")
        }
    }
}
