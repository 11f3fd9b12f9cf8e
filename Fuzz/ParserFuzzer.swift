import ScenarioLanguage

/// libFuzzer's entry point: any bytes, as a scenario file read the way `omnisim` reads one (line
/// ends, byte order marks and bytes that are not UTF-8 reach the reader), must compile or give
/// diagnostics — never crash or hang — and a file that compiles must expand to a file that
/// compiles again.
/// Built by scripts/fuzz-parser.sh (not part of the package: libFuzzer brings its own `main`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    let text = String(decoding: bytes, as: UTF8.self)
    // Any bytes (a file name, an argument) shown in a message: no control character gets through.
    let shown = Quoting.visible(bytes: bytes)
    if shown.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" }) {
        fatalError("Quoting.visible(bytes:) let a control character through: \(bytes)")
    }
    // A `load` line of millions of people is valid and takes seconds to declare (docs/limits.md):
    // the parser still reads it, but lowering it would only measure the machine, not find bugs.
    let (ast, _) = Parser.parse(SourceFile(path: "fuzz.scenario", text: text))
    for statement in ast.statements {
        if case .load(let load) = statement.kind, load.users + load.customers + load.conversations > 20_000 { return 0 }
    }
    do {
        let compiled = try ScenarioCompiler.compile(SourceFile.decode(bytes, name: "fuzz.scenario"))
        // Keep generated loads small so that each input stays fast.
        guard compiled.plan.loads.allSatisfy({ $0.messageCount <= 2_000 && $0.userCount <= 2_000 && $0.customerCount <= 2_000 })
        else { return 0 }
        let expanded = ScenarioExpander.expandedText(compiled)
        do {
            _ = try ScenarioCompiler.compile(SourceFile(path: "expanded.scenario", text: expanded))
        } catch {
            fatalError("expand wrote a file that does not compile:\n\(DiagnosticRenderer.render(error))\n--- input:\n\(text)")
        }
    } catch let error as ScenarioFileError {
        _ = DiagnosticRenderer.render(error)
    } catch {
        _ = "\(error)"
    }
    return 0
}
