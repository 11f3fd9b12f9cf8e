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

    /// The shard the CI's variables name. Every source that is set must name the same shard, and
    /// `auto/N` must agree with a count a variable gives: a disagreement is a usage error, never a
    /// silent choice (two jobs could otherwise run the same shard, and some files nowhere).
    private static func fromEnvironment(_ environment: [String: String], count given: Int?) throws(Problem) -> Shard {
        func number(_ name: String) throws(Problem) -> Int? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            guard let value = Int(text) else { throw Problem(description: "\(name)='\(Quoting.visible(text))' is not a whole number from 0 to \(countMax)") }
            return value
        }
        /// The count: `auto/N`'s, or the variable's; both given, they must agree.
        func count(_ name: String, for source: String) throws(Problem) -> Int {
            let own = try number(name)
            if let given, let own, given != own {
                throw Problem(description: "'--shard auto/\(given)' and \(name)=\(own) disagree on the number of shards; give one")
            }
            guard let count = given ?? own else {
                throw Problem(description: "\(source) is set but not \(name): give the count as \(name) or '--shard auto/N'")
            }
            return count
        }
        var found: [(shard: Shard, source: String)] = []
        if let index = try number("OMNISIM_SHARD_INDEX") {
            let count = try count("OMNISIM_SHARD_COUNT", for: "OMNISIM_SHARD_INDEX")
            found.append((try checked(index: index, count: count, from: "OMNISIM_SHARD_INDEX/OMNISIM_SHARD_COUNT"), "OMNISIM_SHARD_INDEX"))
        }
        if let index = try number("CI_NODE_INDEX") {
            let count = try count("CI_NODE_TOTAL", for: "CI_NODE_INDEX")
            found.append((try checked(index: index, count: count, from: "CI_NODE_INDEX/CI_NODE_TOTAL (GitLab)"), "CI_NODE_INDEX"))
        }
        if let zeroBased = try number("JOB_COMPLETION_INDEX") {
            let count = try count("OMNISIM_SHARD_COUNT", for: "JOB_COMPLETION_INDEX (a Kubernetes Indexed Job)")
            // 0-based: checked before the 1 is added (Int.max + 1 would trap).
            let (index, overflow) = zeroBased.addingReportingOverflow(1)
            guard zeroBased >= 0, !overflow else {
                throw Problem(description: "JOB_COMPLETION_INDEX=\(zeroBased) is out of range: a Kubernetes completion index is 0 to N-1")
            }
            found.append((try checked(index: index, count: count, from: "JOB_COMPLETION_INDEX (Kubernetes, 0-based)"), "JOB_COMPLETION_INDEX"))
        }
        guard let first = found.first else {
            throw Problem(description: "'--shard auto' found no shard in the environment: set OMNISIM_SHARD_INDEX and "
                + "OMNISIM_SHARD_COUNT (e.g. from a GitHub Actions matrix), run in a GitLab 'parallel' job, or use "
                + "'--shard auto/N' in a Kubernetes Indexed Job")
        }
        for other in found.dropFirst() where other.shard != first.shard {
            throw Problem(description: "\(first.source) names shard \(first.shard.index)/\(first.shard.count) but \(other.source) names "
                + "\(other.shard.index)/\(other.shard.count); set one source (jobs that disagree would leave files unrun)")
        }
        return first.shard
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
