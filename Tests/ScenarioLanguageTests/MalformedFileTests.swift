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
        // Read as bytes, as `omnisim` reads them: a byte order mark, `\r` or a bad byte must reach the reader.
        let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(path)))
        let expected = try String(
            contentsOf: Self.fixtures.appendingPathComponent(path.replacingOccurrences(of: ".scenario", with: ".diag")),
            encoding: .utf8)
        do {
            _ = try ScenarioCompiler.compile(SourceFile.decode(bytes, name: path))
            Issue.record("\(name) compiled without errors")
        } catch let error as ScenarioFileError {
            #expect(DiagnosticRenderer.render(error) == expected)
        }
    }
}
