public import ScenarioLanguage
public import OmniSim

/// `omnisim explain FILE --person NAME`: one person's whole timeline — every delivery, what was
/// seen and when, bubble changes, push and chat-or-email choices, and each fallback decision with
/// the rule that made it — so that a user can see why an email did or did not go out.
public enum ExplainReport {
    public static func text(person name: String, compiled: CompiledScenario, result: RunResult) -> String {
        var text = "\(name) in \(compiled.file.path)"
        if let title = compiled.plan.title { text += " (\(title))" }
        text += "\n"
        let entries = result.journal?.entries ?? []
        if entries.isEmpty { text += "  nothing happened to \(name) in this run\n" }
        let width = max(8, entries.map { $0.time.description.count }.max() ?? 8)
        for entry in entries {
            text += "  \(entry.time.description.padding(width))  \(entry.text(cast: compiled.plan.cast))\n"
        }
        if let dropped = result.journal?.dropped, dropped > 0 { text += "  … and \(dropped) more entries\n" }
        return text
    }
}
