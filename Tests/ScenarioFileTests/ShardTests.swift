@testable import OmniSimRunner
import Testing

/// `--shard auto` reads the CI system's own variables, so a suite spreads over the machines a team
/// already runs: GitHub Actions (through the documented OMNISIM_ variables), GitLab, Kubernetes.
@Suite("Shards: I/N by hand, or found in the CI's environment")
struct ShardTests {
    @Test("I/N by hand; nonsense is a clear error")
    func byHand() throws {
        #expect(try Shard.parse("2/4", environment: [:]) == Shard(index: 2, count: 4))
        #expect(throws: Shard.Problem.self) { try Shard.parse("5/4", environment: [:]) }
        #expect(throws: Shard.Problem.self) { try Shard.parse("0/4", environment: [:]) }
        #expect(throws: Shard.Problem.self) { try Shard.parse("x", environment: [:]) }
    }

    @Test("auto: OMNISIM_SHARD_INDEX/COUNT (e.g. a GitHub Actions matrix), then GitLab, then a Kubernetes Indexed Job")
    func auto() throws {
        #expect(try Shard.parse("auto", environment: ["OMNISIM_SHARD_INDEX": "3", "OMNISIM_SHARD_COUNT": "8"]) == Shard(index: 3, count: 8))
        #expect(try Shard.parse("auto", environment: ["CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "5"]) == Shard(index: 1, count: 5))
        #expect(try Shard.parse("auto/10", environment: ["JOB_COMPLETION_INDEX": "0"]) == Shard(index: 1, count: 10))
        #expect(try Shard.parse("auto/10", environment: ["JOB_COMPLETION_INDEX": "9"]) == Shard(index: 10, count: 10))
        #expect(throws: Shard.Problem.self) { try Shard.parse("auto/10", environment: ["JOB_COMPLETION_INDEX": "10"]) }
        #expect(throws: Shard.Problem.self) { try Shard.parse("auto", environment: ["JOB_COMPLETION_INDEX": "2"]) }
        #expect(throws: Shard.Problem.self) { try Shard.parse("auto", environment: [:]) }
        #expect(throws: Shard.Problem.self) { try Shard.parse("auto", environment: ["CI_NODE_INDEX": "two", "CI_NODE_TOTAL": "4"]) }
    }

    @Test("sources that disagree are an error, never a silent choice: a count against auto/N, two indices")
    func disagreement() throws {
        // GitLab's own total against the count given: one job would run shard 1/2 and b never run.
        #expect(throws: Shard.Problem(description: "'--shard auto/2' and CI_NODE_TOTAL=1 disagree on the number of shards; give one")) {
            try Shard.parse("auto/2", environment: ["CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "1"])
        }
        #expect(throws: Shard.Problem.self) { try Shard.parse("auto/2", environment: ["OMNISIM_SHARD_INDEX": "1", "OMNISIM_SHARD_COUNT": "1"]) }
        // Two pods of an Indexed Job with the matrix's variables left set: both would run 1/2.
        #expect(throws: Shard.Problem.self) {
            try Shard.parse("auto/2", environment: ["OMNISIM_SHARD_INDEX": "1", "OMNISIM_SHARD_COUNT": "2", "JOB_COMPLETION_INDEX": "1"])
        }
        #expect(throws: Shard.Problem.self) {
            try Shard.parse("auto", environment: ["CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "4", "OMNISIM_SHARD_INDEX": "1", "OMNISIM_SHARD_COUNT": "4"])
        }
        // Sources that agree are one shard.
        #expect(try Shard.parse("auto/4", environment: ["CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "4", "JOB_COMPLETION_INDEX": "1"])
            == Shard(index: 2, count: 4))
        #expect(throws: Shard.Problem.self) { try Shard.parse("auto", environment: ["CI_NODE_INDEX": "2"]) }
    }

    @Test("every file runs in exactly one of the shards auto finds, whichever CI numbers them")
    func partition() throws {
        let files = (1...23).map { "f\($0).scenario" }
        var seen: [String] = []
        for node in 0..<5 {
            let shard = try Shard.parse("auto/5", environment: ["JOB_COMPLETION_INDEX": "\(node)"])
            seen += ScenarioFiles.shard(files, index: shard.index, count: shard.count)
        }
        #expect(seen.sorted() == files.sorted())
    }
}
