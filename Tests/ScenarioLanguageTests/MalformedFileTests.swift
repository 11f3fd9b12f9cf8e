import Foundation
import Testing
@testable import ScenarioLanguage

/// Every file in `Fixtures/malformed` must give exactly the diagnostics in its `.diag` file.
/// (Regenerate one with `omnisim check malformed/NAME.scenario > malformed/NAME.diag` from the
/// Fixtures folder, and read it before committing.)
@Suite("Malformed files give located diagnostics, never a crash")
struct MalformedFileTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var files: [String] {
        let folder = fixtures.appendingPathComponent("malformed").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".scenario") }.sorted()
    }

    @Test("the corpus is there")
    func corpusIsThere() {
        #expect(Self.files.count >= 20)
    }

    @Test("each malformed file gives exactly its expected diagnostic", arguments: files)
    func diagnostic(_ name: String) throws {
        let path = "malformed/\(name)"
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent(path), encoding: .utf8)
        let expected = try String(
            contentsOf: Self.fixtures.appendingPathComponent(path.replacingOccurrences(of: ".scenario", with: ".diag")),
            encoding: .utf8)
        do {
            _ = try ScenarioCompiler.compile(SourceFile(path: path, text: text))
            Issue.record("\(name) compiled without errors")
        } catch {
            #expect(DiagnosticRenderer.render(error) == expected)
        }
    }
}
