import OmniSim

/// Round steps of virtual time for chart axes and buckets: ticks fall on whole seconds, minutes,
/// hours or days (`9h`, `9h5m`), never on `8h59m53s50ms`.
enum TimeAxis {
    /// The round steps, shortest first (milliseconds).
    static let steps: [Int64] = [
        1, 5, 10, 30, 60, 5 * 60, 10 * 60, 15 * 60, 30 * 60, 3_600, 2 * 3_600, 3 * 3_600, 6 * 3_600, 12 * 3_600,
        86_400, 2 * 86_400, 7 * 86_400, 14 * 86_400, 28 * 86_400, 91 * 86_400, 364 * 86_400,
    ].map { $0 * 1_000 }

    /// The shortest round step that cuts `span` milliseconds into at most `count` pieces (and is
    /// a multiple of `multipleOf`, when given: a step of a finer grid).
    static func step(span: Int64, atMost count: Int, multipleOf base: Int64 = 1) -> Int64 {
        let base = max(base, 1)
        for step in steps {
            let rounded = (max(step, base) + base - 1) / base * base
            if span / rounded < Int64(count) { return rounded }
        }
        return (span / Int64(count) + base) / base * base
    }

    /// The ticks on `[start, end]`: every multiple of a round step, at most about `count` of them.
    static func ticks(from start: Int64, to end: Int64, atMost count: Int = 8) -> [SimInstant] {
        let step = step(span: max(end - start, 1), atMost: count)
        var tick = (start + step - 1) / step * step
        var ticks: [SimInstant] = []
        while tick <= end {
            ticks.append(SimInstant(milliseconds: tick))
            tick += step
        }
        return ticks
    }
}
