import OmniSim
import ScenarioLanguage

extension ScenarioRun {
    /// What `explain` found for one person.
    public enum Explanation: Sendable {
        /// The person's timeline, and whether the run passed.
        case explained(String, passed: Bool)
        /// No such person in the file (with the nearest name, if one is close).
        case unknownPerson(String, suggestion: String?)
        /// The file could not be read, compiled or run: the run says why.
        case notRun(ScenarioRun)
    }

    /// Reads, compiles and runs the scenario at `path` with `person`'s journal kept (`@name` works
    /// too), the way `run` does, and renders their timeline.
    public static func explain(path: String, person name: String) async -> Explanation {
        let compiled: CompiledScenario
        switch compile(path) {
        case .failure(let notCompiled): return .notRun(notCompiled.run)
        case .success(let done): compiled = done
        }
        let names = compiled.plan.cast.personNames
        let bare = name.hasPrefix("@") ? String(name.dropFirst()) : name
        guard let index = names.firstIndex(of: bare) else {
            return .unknownPerson(name, suggestion: EditDistance.suggestion(for: name, among: names))
        }
        var options = Simulation.Options()
        options.journal = .person(PersonID(index))
        let run = await run(compiled, path: path, options: options)
        guard case .ran(_, let result) = run.outcome else { return .notRun(run) }
        return .explained(ExplainReport.text(person: names[index], compiled: compiled, result: result), passed: result.passed)
    }
}
