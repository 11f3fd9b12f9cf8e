import OmniSim

/// `omnisim expand`: writes a compiled scenario back as plain statements, with every `load` line
/// replaced by the events it generates. The output is itself a valid scenario with the same trace:
/// times are absolute, and timed lines come in the order the engine runs them.
public enum ScenarioExpander {
    /// Writes the expanded scenario line by line to `write` (each call gets one line with its newline).
    public static func expand(_ compiled: CompiledScenario, write: (String) -> Void) {
        let plan = compiled.plan
        let cast = plan.cast
        // The file's opening comments (what the scenario pins down) stay at the top.
        for line in compiled.file.lines {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty { continue }
            guard trimmed.hasPrefix("#") else { break }
            write(String(trimmed) + "\n")
        }
        if let title = plan.title { write("scenario \(quoted(title))\n") }
        writeNames("user", cast.personNames.indices.filter { cast.personKinds[$0] == .user }, cast, write)
        writeNames("customer", cast.personNames.indices.filter { cast.personKinds[$0] == .customer }, cast, write)
        for (index, name) in cast.teamNames.enumerated() {
            let members = plan.teams.members(of: TeamID(index)).map { cast.name(of: $0) }
            write((["team", name] + members).joined(separator: " ") + "\n")
        }
        writeNames("mobile", plan.personSetup.indices.filter { plan.personSetup[$0].hasMobile }, cast, write)
        for (index, setup) in plan.personSetup.enumerated() {
            for change in changes(setup.settings) { write("set \(cast.personNames[index]) \(StatementText.setting(change))\n") }
        }
        for change in changes(plan.everyone) { write("set everyone \(StatementText.setting(change))\n") }
        for change in changes(plan.customers) { write("set customers \(StatementText.setting(change))\n") }
        writeNames("admin", plan.personSetup.indices.filter { plan.personSetup[$0].isAdmin }, cast, write)
        if plan.chatRouting != .broadcast { write("chat routing \(plan.chatRouting.name)\n") }
        if let patience = plan.customerPatience { write("\(StatementText.patience(patience))\n") }
        for config in plan.channels {
            let name = config.kind.name
            if config.latency != .zero { write("channel \(name) latency \(config.latency)\n") }
            for window in config.downWindows { write("channel \(name) down \(window.from)..\(window.until)\n") }
            if let rate = config.rate { write("channel \(name) rate \(StatementText.rate(rate))\n") }
            if config.jitter > .zero { write("channel \(name) jitter \(config.jitter) seed \(config.jitterSeed)\n") }
            for person in config.bouncing { write("channel \(name) bounce \(cast.name(of: person))\n") }
        }
        for item in plan.items {
            var line = "\(item.kind.rawValue) \(cast.name(of: item.thread)) \(quoted(item.title))"
            if !item.followers.isEmpty { line += " followers " + item.followers.map { cast.name(of: $0) }.joined(separator: ", ") }
            write(line + "\n")
        }
        // Issue 23: each chat's handling time (a chat load's), in thread order.
        for thread in plan.chatHandling.keys.sorted(by: { $0.int < $1.int }) {
            if let time = plan.chatHandling[thread] { write("chat \(cast.name(of: thread)) handled in \(time)\n") }
        }
        if let endAt = plan.endAt { write("end at \(endAt)\n") }
        // Timed lines in the order the engine takes them (events after `end at` included: they are
        // written, and never run).
        var agenda = Agenda(plan: plan, stopsAtEnd: false)
        while let (time, step) = agenda.next() {
            switch step {
            case .event(let event): write("at \(time.sinceStart.descriptionInHours) \(StatementText.action(event.action, cast: cast))\n")
            case .check(let check): write("at \(time.sinceStart.descriptionInHours) expect \(check.condition.describe(cast: cast))\n")
            case .timer: break
            }
        }
        for check in plan.checks where check.time == nil { write("expect \(check.condition.describe(cast: cast))\n") }
    }

    /// How many statements ``expand(_:write:)`` writes, counted up to just past `limit` (the
    /// generated events are counted without being written; counting stops past the limit).
    public static func statementCount(_ compiled: CompiledScenario, limit: Int) -> Int {
        let plan = compiled.plan
        var count = 0
        var agenda = Agenda(plan: plan, stopsAtEnd: false)
        while let (_, step) = agenda.next() {
            guard case .event = step else { continue }
            count += 1
            if count > limit { return count }
        }
        let people = plan.cast.personNames.count
        count += (people + 49) / 50 * 3 + plan.checks.count + plan.items.count + plan.cast.teamNames.count + 2
        for config in plan.channels {
            count += config.downWindows.count + config.bouncing.count + (config.rate == nil ? 0 : 1)
                + (config.latency == .zero ? 0 : 1) + (config.jitter == .zero ? 0 : 1)
        }
        count += changes(plan.everyone).count + changes(plan.customers).count + 2 + (people + 49) / 50 + plan.chatHandling.count
        for setup in plan.personSetup { count += changes(setup.settings).count }
        return count
    }

    /// The whole expansion as one string (for tests and small files).
    public static func expandedText(_ compiled: CompiledScenario) -> String {
        var text = ""
        expand(compiled) { text += $0 }
        return text
    }

    private static func writeNames(_ keyword: String, _ indices: [Int], _ cast: Cast, _ write: (String) -> Void) {
        for start in stride(from: 0, to: indices.count, by: 50) {
            let chunk = indices[start..<min(start + 50, indices.count)]
            write("\(keyword) " + chunk.map { cast.personNames[$0] }.joined(separator: " ") + "\n")
        }
    }

    private static func changes(_ settings: UserSettings) -> [SettingChange] {
        [settings.bubble.map(SettingChange.bubble), settings.email.map(SettingChange.email),
         settings.push.map(SettingChange.push), settings.emailAfter.map(SettingChange.emailAfter),
         settings.customerMessages.map(SettingChange.customerMessages), settings.emailBatch.map(SettingChange.emailBatch),
         settings.mentionEmail.map(SettingChange.mentionEmail), settings.viewTimeout.map(SettingChange.viewTimeout),
         settings.chatCapacity.map(SettingChange.chatCapacity),
        ].compactMap { $0 }
    }
}
