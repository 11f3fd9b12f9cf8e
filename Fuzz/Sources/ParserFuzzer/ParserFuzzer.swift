import ScenarioLanguage

/// libFuzzer's entry point: any bytes, as a scenario file, must compile or give diagnostics —
/// never crash or hang — and a file that compiles must expand to a file that compiles again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let text = String(decoding: bytes, as: UTF8.self)
    let file = SourceFile(path: "fuzz.scenario", text: text)
    do {
        let compiled = try ScenarioCompiler.compile(file)
        // Keep generated loads small so that each input stays fast.
        guard compiled.plan.loads.allSatisfy({ $0.messageCount <= 2_000 && $0.userCount <= 2_000 && $0.customerCount <= 2_000 })
        else { return 0 }
        let expanded = ScenarioExpander.expandedText(compiled)
        do {
            _ = try ScenarioCompiler.compile(SourceFile(path: "expanded.scenario", text: expanded))
        } catch {
            fatalError("expand wrote a file that does not compile:\n\(DiagnosticRenderer.render(error))\n--- input:\n\(text)")
        }
    } catch {
        _ = DiagnosticRenderer.render(error)
    }
    return 0
}
