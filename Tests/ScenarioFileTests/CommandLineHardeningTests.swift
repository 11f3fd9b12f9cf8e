import Foundation
@testable import OmniSimRunner
import Testing

/// The `omnisim` binary against a hostile user, round 2: interrupted runs leave nothing behind,
/// arguments and environment values out of range are usage errors, every output stays well formed,
/// and a run's status and reproduce line say what happened.
@Suite("The command line, round 2: clean exits, bounded outputs, results that say what happened")
struct CommandLineHardeningTests {
    typealias CLI = CommandLineTests

    /// Starts the binary in `folder` with `arguments`, waits until a file whose name starts with
    /// `appears` is there (the run is under way), sends `signal`, and returns the exit status.
    static func interrupt(_ arguments: [String], in folder: String, once appears: String, with signal: Int32) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var waited = 0
        while waited < 6_000, process.isRunning,
            !(try FileManager.default.contentsOfDirectory(atPath: folder)).contains(where: { $0.hasPrefix(appears) }) {
            usleep(10_000)
            waited += 1
        }
        #expect(process.isRunning, "the run was still going when the signal was sent")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test("SIGINT and SIGTERM during --trace remove the temporary files, keep the old outputs, and exit 130 and 143")
    func interruptedRun() throws {
        let root = try CLI.folder(with: ["big.scenario": "load seed 1 users 2000 customers 200 conversations 2000 messages 5000000 over 10h\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("old trace\n", to: "\(root)/out.jsonl")
        for (signal, status) in [(SIGINT, Int32(130)), (SIGTERM, 143)] {
            let exit = try Self.interrupt(["run", "big.scenario", "--trace", "out.jsonl"], in: root, once: ".out.jsonl.omnisim-", with: signal)
            #expect(exit == status)
            #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["big.scenario", "out.jsonl"])
            #expect(try String(contentsOfFile: "\(root)/out.jsonl", encoding: .utf8) == "old trace\n")
        }
    }

    @Test("a name that is not UTF-8 is exit 2 with its bytes shown: as an argument, and as a folder below the one given")
    func undecodableNames() throws {
        let root = try CLI.folder(with: ["s/ok.scenario": CLI.passing])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let argument = try CLI.shell("$OMNISIM run \"$(printf 'caf\\351.scenario')\"", in: root)
        #expect(argument.status == 2)
        #expect(argument.error.contains("the argument 'caf\\xE9.scenario' is not valid UTF-8"), "\(argument.error)")
        let folder = try CLI.shell("mkdir \"s/$(printf 'caf\\351')\" && printf 'user a b\\nexpect email to b\\n' > \"s/$(printf 'caf\\351')/x.scenario\" && $OMNISIM run s", in: root)
        #expect(folder.status == 2, "a failing scenario below an undecodable name must not pass: \(folder.output)")
        #expect(folder.error.contains("holds 'caf\\xE9'"))
    }

    @Test("standard input given twice is a usage error; a trace onto the file on standard input is refused")
    func standardInputTwice() throws {
        let root = try CLI.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let twice = try CLI.shell("$OMNISIM run - - < a.scenario", in: root)
        #expect(twice.status == 2 && twice.error.contains("'-' (standard input) is given twice"))
        let onto = try CLI.shell("$OMNISIM run - --trace a.scenario < a.scenario", in: root)
        #expect(onto.status == 2 && onto.error.contains("would overwrite the scenario file read from standard input"))
        #expect(try String(contentsOfFile: "\(root)/a.scenario", encoding: .utf8) == CLI.passing)
    }

    @Test("a tab in a scenario's name, run twice into --trace out, leaves the user's own out/notes.jsonl alone")
    func tabInName() throws {
        let root = try CLI.folder(with: ["s/a\tnotes.scenario": CLI.passing, "s/b.scenario": CLI.passing, "out/notes.jsonl": "mine\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        for _ in 0..<2 {
            let result = try CLI.shell("$OMNISIM run s --trace out", in: root)
            #expect(result.status == 0, "\(result.error)")
        }
        #expect(try String(contentsOfFile: "\(root)/out/notes.jsonl", encoding: .utf8) == "mine\n")
        let index = try String(contentsOfFile: "\(root)/out/traces.tsv", encoding: .utf8)
        #expect(index.contains("s/a\\tnotes.scenario\ts/a\\tnotes.jsonl\n"))
    }

    @Test("environment values out of range are usage errors, never a crash")
    func environmentOutOfRange() throws {
        let root = try CLI.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (variables, shard, expected) in [
            ("JOB_COMPLETION_INDEX=9223372036854775807", "auto/4", "JOB_COMPLETION_INDEX=9223372036854775807 is out of range"),
            ("JOB_COMPLETION_INDEX=-9223372036854775808", "auto/4", "JOB_COMPLETION_INDEX=-9223372036854775808 is out of range"),
            ("OMNISIM_SHARD_INDEX=1 OMNISIM_SHARD_COUNT=99999999999999999999", "auto", "is not a whole number"),
            ("CI_NODE_INDEX=1 CI_NODE_TOTAL=9223372036854775807", "auto", "at most 1000000 are allowed"),
        ] {
            let result = try CLI.shell("env \(variables) $OMNISIM run a.scenario --shard \(shard)", in: root)
            #expect(result.status == 2, "\(variables)")
            #expect(result.error.contains(expected), "\(variables): \(result.error)")
        }
    }

    @Test("--metrics past its row bound is refused before the run, with an interval that fits")
    func metricsBound() throws {
        let outage = "user maria\ncustomer carol\nchannel email down 0s..365d\nat 0s maria starts customer conversation c1 with carol \"Invoice\"\n"
        let root = try CLI.folder(with: ["outage.scenario": outage])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let refused = try CLI.shell("$OMNISIM run outage.scenario --metrics m.csv --interval 1ms", in: root)
        #expect(refused.status == 2)
        #expect(refused.output.contains("over the limit of 20,000,000; use '--interval 10s' or longer"), "\(refused.output)")
        #expect(!FileManager.default.fileExists(atPath: "\(root)/m.csv"))
        let fits = try CLI.shell("$OMNISIM run outage.scenario --metrics m.csv --interval 1h", in: root)
        #expect(fits.status == 0, "\(fits.output)")
    }

    @Test("compare exits 1 when a variant fails an expectation, and names it per variant with its reproduce line")
    func compareFails() throws {
        let file = "user a b\nat 1s a starts conversation c with b \"hi\"\nat 1m1s expect email to b \"hi\"\n"
        let root = try CLI.folder(with: ["c.scenario": file])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try CLI.shell("$OMNISIM compare c.scenario --set 'set everyone email-after 5m'", in: root)
        #expect(result.status == 1)
        #expect(!result.output.contains("FAIL as written"))
        #expect(result.output.contains("FAIL --set set everyone email-after 5m: 1 failure\n  c.scenario:3: expected email to b"))
        #expect(result.output.contains("reproduce: omnisim run c.scenario --set 'set everyone email-after 5m'\n"))
        let passing = try CLI.shell("$OMNISIM compare c.scenario --set 'set everyone email-after 1m'", in: root)
        #expect(passing.status == 0, "\(passing.output)")
    }

    @Test("a failure under --set prints a reproduce line that carries it, and that line reproduces the failure")
    func reproduceCarriesSet() throws {
        let file = "user a b\nat 1s a starts conversation c with b \"hi\"\nat 1m1s expect email to b \"hi\"\n"
        let root = try CLI.folder(with: ["c d.scenario": file])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let failing = try CLI.shell("$OMNISIM run 'c d.scenario' --set \"set everyone email-after 5m\"", in: root)
        #expect(failing.status == 1)
        let line = try #require(failing.output.split(separator: "\n").first { $0.contains("reproduce: ") })
        #expect(line == "  reproduce: omnisim run 'c d.scenario' --set 'set everyone email-after 5m'")
        let command = line.replacingOccurrences(of: "  reproduce: omnisim", with: "$OMNISIM")
        #expect(try CLI.shell(command, in: root).status == 1, "the reproduce line reproduces the failure")
    }

    @Test("any text — U+FFFE, U+FFFF, C0 controls, a bidi override, in names and messages — gives well-formed XML, HTML and JSON")
    func hostileTextInOutputs() throws {
        let text = "scenario \"t\u{FFFE}\u{07}x\"\nuser a b\nat 1s a starts conversation c with b \"h\u{FFFF}\u{01}i\u{1B}[31m\u{202E}evil\"\nexpect no email to b \"h\u{FFFF}\"\n"
        let nonCharacter = String(Character(Unicode.Scalar(0xFDD0)!))
        let root = try CLI.folder(with: ["x\u{01}\(nonCharacter).scenario": text])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try CLI.shell("$OMNISIM run x*.scenario --junit j.xml --html h.html --trace t.jsonl", in: root)
        #expect(result.status == 1, "\(result.output)\(result.error)")
        for output in ["j.xml", "h.html"] {
            let written = try String(contentsOfFile: "\(root)/\(output)", encoding: .utf8)
            let bad = written.unicodeScalars.filter { MarkupText.isForbidden($0) && !["\n", "\t", "\r"].contains($0) }
            #expect(bad.isEmpty, "\(output) holds \(bad.map { String($0.value, radix: 16) })")
            #expect(written.contains("\\u{FFFE}") || output == "h.html" || written.contains("\\u{FFFF}"), "forbidden characters are replaced visibly")
        }
        for line in try String(contentsOfFile: "\(root)/t.jsonl", encoding: .utf8).split(separator: "\n") {
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(line.utf8)) }
        }
    }

    @Test("standard output is an output like any other: '-' and /dev/stdout together, or standard output on an input, are refused")
    func standardOutputByIdentity() throws {
        let root = try CLI.folder(with: ["v.scenario": CLI.passing])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let both = try CLI.shell("$OMNISIM run v.scenario --trace - --junit /dev/stdout > both.txt", in: root)
        #expect(both.status == 2 && both.error.contains("both write to standard output"), "\(both.error)")
        for command in ["$OMNISIM run v.scenario --trace - >> v.scenario", "$OMNISIM run v.scenario >> v.scenario"] {
            let onto = try CLI.shell(command, in: root)
            #expect(onto.status == 2 && onto.error.contains("standard output is the scenario file 'v.scenario'"), "\(command)")
            #expect(try String(contentsOfFile: "\(root)/v.scenario", encoding: .utf8) == CLI.passing, "\(command)")
        }
        let trace = try CLI.shell("$OMNISIM run v.scenario --trace /dev/stdout > t.jsonl", in: root)
        #expect(trace.status == 0 && trace.error.contains("PASS v.scenario"), "the report moves to standard error")
    }

    @Test("'-' with another name of standard input (/dev/stdin) is standard input twice, whatever it is")
    func standardInputAliases() throws {
        let root = try CLI.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try CLI.shell("$OMNISIM run /dev/stdin - < a.scenario", in: root)
        #expect(result.status == 2 && result.error.contains("are both standard input"), "\(result.error)")
    }

    @Test("--metrics is bounded per command too, and by a batch or a rate's queue, before anything runs")
    func metricsBoundEverywhere() throws {
        let outage = "user maria\ncustomer carol\nchannel email down 0s..1h\nat 0s maria starts customer conversation c1 with carol \"Invoice\"\n"
        var files: [String: String] = [:]
        for index in 1...6 { files["multi/m\(index).scenario"] = outage }
        files["batch.scenario"] = "user a b\nset b email-batch 365d\nat 1s a starts conversation c with b \"hi\"\n"
        files["rate.scenario"] = "user a b c d\nchannel messenger rate 1/h\nat 1s a starts conversation c1 with b, c, d \"hi\"\nat 2s a writes to c1 \"x\"\n"
        let root = try CLI.folder(with: files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let many = try CLI.shell("$OMNISIM run multi --metrics out --interval 1ms", in: root)
        #expect(many.status == 2 && many.error.contains("over these 6 scenarios"), "\(many.error)")
        #expect(!FileManager.default.fileExists(atPath: "\(root)/out"))
        for file in ["batch.scenario", "rate.scenario"] {
            let one = try CLI.shell("$OMNISIM run \(file) --metrics m.csv --interval 1ms", in: root)
            #expect(one.status == 2 && one.output.contains("over the limit of 20,000,000"), "\(file): \(one.output)")
        }
    }

    @Test("a refused folder output makes no folder on its way (nothere/..), and a folder output that is a file is refused")
    func refusedFolderOutputMakesNothing() throws {
        let root = try CLI.folder(with: ["in/a.scenario": CLI.passing, "in/b.scenario": CLI.passing])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let refused = try CLI.shell("$OMNISIM run in --metrics nothere/../in/a.scenario", in: root)
        #expect(refused.status == 2 && refused.error.contains("is a file"), "\(refused.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["in"])
        let written = try CLI.shell("$OMNISIM run in --trace nothere/../out", in: root)
        #expect(written.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["in", "out"])
    }

    @Test("a reproduce line reads back in any locale: an invisible character in a name is written as its UTF-8 bytes")
    func reproduceInAnyLocale() throws {
        let file = "user a b\nat 1s a starts conversation c with b \"hi\"\nat 1m1s expect email to b \"hi\"\n"
        let root = try CLI.folder(with: ["zw\u{200B}x.scenario": file])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let failing = try CLI.shell("$OMNISIM run zw*x.scenario --set 'set b email-after 5m'", in: root)
        let line = try #require(failing.output.split(separator: "\n").first { $0.contains("reproduce: ") })
        #expect(line == "  reproduce: omnisim run $'zw\\xE2\\x80\\x8Bx.scenario' --set 'set b email-after 5m'")
        let command = line.replacingOccurrences(of: "  reproduce: omnisim", with: "$OMNISIM")
        #expect(try CLI.shell("LC_ALL=C bash -c \"\(command)\"", in: root).status == 1, "pasted in the C locale, it reproduces the failure")
    }
}
