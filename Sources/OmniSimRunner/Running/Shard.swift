import ScenarioLanguage

/// Which part of a suite this machine runs (`--shard I/N`: every N-th file from the I-th, 1-based),
/// and how `--shard auto` finds I and N in the CI system's own variables:
///
/// | where | variables |
/// |---|---|
/// | any CI (GitHub Actions matrix: set them from the matrix) | `OMNISIM_SHARD_INDEX` (1-based), `OMNISIM_SHARD_COUNT` |
/// | GitLab `parallel:` | `CI_NODE_INDEX` (1-based), `CI_NODE_TOTAL` |
/// | Kubernetes Indexed Job | `JOB_COMPLETION_INDEX` (0-based), the count from `--shard auto/N` or `OMNISIM_SHARD_COUNT` |
public struct Shard: Sendable, Equatable {
    /// 1-based.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Why a shard could not be found or read, in one line.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Reads `I/N`, `auto` or `auto/N` against `environment`.
    public static func parse(_ argument: String, environment: [String: String]) throws(Problem) -> Shard {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "auto" {
            guard parts.count <= 2 else { throw Problem(description: "'--shard' takes I/N, 'auto' or 'auto/N'") }
            let count = parts.count == 2 ? Int(parts[1]) : nil
            if parts.count == 2, count == nil { throw Problem(description: "'--shard auto/N' takes a number N, as in 'auto/8'") }
            return try fromEnvironment(environment, count: count)
        }
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw Problem(description: "'--shard' takes I/N with 1 <= I <= N, as in '--shard 2/4', or 'auto'")
        }
        return try checked(index: index, count: count, from: "'--shard \(argument)'")
    }

    private static func fromEnvironment(_ environment: [String: String], count given: Int?) throws(Problem) -> Shard {
        func number(_ name: String) throws(Problem) -> Int? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            guard let value = Int(text) else { throw Problem(description: "\(name)='\(Quoting.visible(text))' is not a whole number from 0 to \(countMax)") }
            return value
        }
        /// The count given with `auto/N`, else the variable's.
        func count(_ name: String) throws(Problem) -> Int? {
            if let given { return given }
            return try number(name)
        }
        if let index = try number("OMNISIM_SHARD_INDEX") {
            guard let count = try count("OMNISIM_SHARD_COUNT") else {
                throw Problem(description: "OMNISIM_SHARD_INDEX is set but not OMNISIM_SHARD_COUNT")
            }
            return try checked(index: index, count: count, from: "OMNISIM_SHARD_INDEX/OMNISIM_SHARD_COUNT")
        }
        if let index = try number("CI_NODE_INDEX"), let count = try count("CI_NODE_TOTAL") {
            return try checked(index: index, count: count, from: "CI_NODE_INDEX/CI_NODE_TOTAL (GitLab)")
        }
        if let zeroBased = try number("JOB_COMPLETION_INDEX") {
            guard let count = try count("OMNISIM_SHARD_COUNT") else {
                throw Problem(description: "JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job): give the count as '--shard auto/N'")
            }
            // 0-based: checked before the 1 is added (Int.max + 1 would trap).
            let (index, overflow) = zeroBased.addingReportingOverflow(1)
            guard zeroBased >= 0, !overflow else {
                throw Problem(description: "JOB_COMPLETION_INDEX=\(zeroBased) is out of range: a Kubernetes completion index is 0 to N-1")
            }
            return try checked(index: index, count: count, from: "JOB_COMPLETION_INDEX (Kubernetes, 0-based)")
        }
        throw Problem(description: "'--shard auto' found no shard in the environment: set OMNISIM_SHARD_INDEX and "
            + "OMNISIM_SHARD_COUNT (e.g. from a GitHub Actions matrix), run in a GitLab 'parallel' job, or use "
            + "'--shard auto/N' in a Kubernetes Indexed Job")
    }

    /// The most shards a suite may be cut into: a million (more than any CI runs at once).
    public static let countMax = 1_000_000

    private static func checked(index: Int, count: Int, from source: String) throws(Problem) -> Shard {
        guard count <= countMax else {
            throw Problem(description: "\(source) gives \(count) shards; at most \(countMax) are allowed")
        }
        guard count >= 1, index >= 1, index <= count else {
            throw Problem(description: "\(source) gives shard \(index) of \(count); a shard is I/N with 1 <= I <= N")
        }
        return Shard(index: index, count: count)
    }
}
