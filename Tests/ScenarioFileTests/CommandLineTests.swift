import Foundation
import Testing

/// The `omnisim` binary as a CI job meets it: exit codes, what reaches the terminal, and files
/// that must survive. Runs the binary built beside the tests (the test target depends on it).
@Suite("The command line: outputs, write failures, hostile names, usage")
struct CommandLineTests {
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("omnisim").path
    static let passing = "user a b\nat 1s a starts conversation c with b \"hi\"\nat 1m1s expect email to b \"hi\"\n"

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs `script` with `sh -c` in `folder`, with `$OMNISIM` naming the binary.
    static func shell(_ script: String, in folder: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["OMNISIM"] = binary
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }

    static func folder(with files: [String: String] = ["a.scenario": passing]) throws -> String {
        let root = try temporaryFolder()
        for (name, text) in files {
            if let slash = name.lastIndex(of: "/") { try makeFolder("\(root)/\(name[..<slash])") }
            try write(text, to: "\(root)/\(name)")
        }
        return root
    }

    @Test("the binary is there")
    func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary))
    }

    @Test("check and run refuse a load fanned out past the limits (exit 2, on its line, with the estimate), and so does run with a --set that fans one out")
    func fanOutRefused() throws {
        let load = "load seed 1 users 20000 customers 1000 conversations 10000 messages 200000 over 1h\n"
        let root = try Self.folder(with: ["all.scenario": "set everyone customer-messages all\n" + load, "plain.scenario": load])
        defer { try? FileManager.default.removeItem(atPath: root) }
        for command in ["check", "run"] {
            let result = try Self.shell("$OMNISIM \(command) all.scenario", in: root)
            #expect(result.status == 2)
            #expect((result.output + result.error).contains(
                "all.scenario:2:1: error: this 'load' would make about 439,698,594 deliveries (a message reaching one recipient) and need about 7.1 GiB of memory"))
        }
        let set = try Self.shell("$OMNISIM run plain.scenario --set 'set everyone customer-messages all'", in: root)
        #expect(set.status == 2)
        #expect(set.output.contains("with '--set set everyone customer-messages all' the run would make about 439,698,594 deliveries"))
    }

    @Test("--trace, --junit or --html on an input scenario is refused and the scenario survives")
    func outputOverInput() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for option in ["--trace", "--junit", "--html"] {
            let result = try Self.shell("$OMNISIM run a.scenario \(option) a.scenario", in: root)
            #expect(result.status == 2)
            #expect(result.error.contains("would overwrite the scenario file 'a.scenario'"))
            #expect(try String(contentsOfFile: "\(root)/a.scenario", encoding: .utf8) == Self.passing)
        }
        let both = try Self.shell("$OMNISIM run a.scenario --trace x --junit x", in: root)
        #expect(both.status == 2)
        #expect(both.error.contains("'--trace' and '--junit' both write to 'x'"))
    }

    @Test("a trace to a device made with mknod leaves it a device")
    func traceToADevice() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try Self.shell("mknod null c 1 3 && $OMNISIM run a.scenario --trace null && test -c null", in: root)
        #expect(result.status == 0, "\(result.error)")
    }

    @Test("a trace that cannot be written (a full disk) is exit 2 with the reason")
    func failingTraceWrite() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let full = try Self.shell("$OMNISIM run a.scenario --trace /dev/full", in: root)
        #expect(full.status == 2)
        #expect(full.output.contains("cannot write '/dev/full': No space left on device"))
    }

    /// Whether this process runs under ThreadSanitizer (whose runtime dies of SIGBUS under `ulimit -f`
    /// before the program can see the error: a property of the sanitizer, not of omnisim).
    static let underThreadSanitizer = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") != nil

    @Test(
        "a trace over the file size limit (ulimit -f) is exit 2 with the reason, and the old file stays",
        .disabled(if: underThreadSanitizer, "ThreadSanitizer's runtime cannot run under ulimit -f"))
    func fileSizeLimit() throws {
        let root = try Self.folder(with: ["big.scenario": "load seed 1 users 50 customers 10 conversations 40 messages 4000 over 1h\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("old trace\n", to: "\(root)/t.jsonl")
        let limited = try Self.shell("ulimit -f 8; $OMNISIM run big.scenario --trace t.jsonl", in: root)
        #expect(limited.status == 2)
        #expect(limited.output.contains("cannot write 't.jsonl': File too large"))
        #expect(try String(contentsOfFile: "\(root)/t.jsonl", encoding: .utf8) == "old trace\n")
    }

    @Test("a report that cannot be written (> /dev/full, closed stdout) is exit 2 with the reason")
    func failingReportWrite() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let full = try Self.shell("$OMNISIM run a.scenario > /dev/full", in: root)
        #expect(full.status == 2)
        #expect(full.error.contains("cannot write to standard output: No space left on device"))
        let closed = try Self.shell("$OMNISIM run a.scenario >&-", in: root)
        #expect(closed.status == 2)
        #expect(closed.error.contains("cannot write to standard output"))
        let check = try Self.shell("$OMNISIM check a.scenario > /dev/full", in: root)
        #expect(check.status == 2)
    }

    @Test("with several scenarios, --trace names a folder with one trace per scenario path and an index")
    func traceFolder() throws {
        let root = try Self.folder(with: ["s/a/b_c.scenario": Self.passing, "s/a_b/c.scenario": Self.passing])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try Self.shell("$OMNISIM run s --trace out --workers 2", in: root)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        let index = try String(contentsOfFile: "\(root)/out/traces.tsv", encoding: .utf8)
        #expect(index.contains("s/a/b_c.scenario\ts/a/b_c.jsonl"))
        #expect(index.contains("s/a_b/c.scenario\ts/a_b/c.jsonl"))
        #expect(FileManager.default.fileExists(atPath: "\(root)/out/s/a/b_c.jsonl"))
        #expect(FileManager.default.fileExists(atPath: "\(root)/out/s/a_b/c.jsonl"))
        // A folder argument with one file still writes a folder; the index lists what this run wrote.
        let one = try Self.shell("rm s/a_b/c.scenario && $OMNISIM run s --trace out", in: root)
        #expect(one.status == 0)
        #expect(FileManager.default.fileExists(atPath: "\(root)/out/s/a_b/c.jsonl"), "a run removes no file it did not write")
        #expect(!(try String(contentsOfFile: "\(root)/out/traces.tsv", encoding: .utf8)).contains("a_b/c"))
    }

    @Test("--metrics: a CSV for one file, a folder with metrics.tsv for several; --interval needs it; /dev/full is exit 2")
    func metrics() throws {
        let root = try Self.folder(with: ["s/a.scenario": Self.passing, "s/b.scenario": Self.passing])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let one = try Self.shell("$OMNISIM run s/a.scenario --metrics a.csv --interval 30s", in: root)
        #expect(one.status == 0, "\(one.output)\(one.error)")
        #expect(try String(contentsOfFile: "\(root)/a.csv", encoding: .utf8) == """
            start_ms,channel,due,delivered,backlog_max,pending_max,delay_p50_ms,delay_p95_ms,delay_max_ms
            0,messenger,1,1,0,0,0,0,0
            60000,email,1,1,0,0,0,0,0

            """)
        let several = try Self.shell("$OMNISIM run s --metrics m --trace t --workers 2", in: root)
        #expect(several.status == 0, "\(several.output)\(several.error)")
        let index = try String(contentsOfFile: "\(root)/m/metrics.tsv", encoding: .utf8)
        #expect(index.contains("s/a.scenario\ts/a.csv") && index.contains("s/b.scenario\ts/b.csv"))
        #expect(FileManager.default.fileExists(atPath: "\(root)/m/s/b.csv") && FileManager.default.fileExists(atPath: "\(root)/t/s/b.jsonl"))
        let interval = try Self.shell("$OMNISIM run s/a.scenario --interval 30s", in: root)
        #expect(interval.status == 2 && interval.error.contains("'--interval' sets the interval of '--metrics <file>'"))
        let zero = try Self.shell("$OMNISIM run s/a.scenario --metrics a.csv --interval 0s", in: root)
        #expect(zero.status == 2 && zero.error.contains("positive duration"))
        let full = try Self.shell("$OMNISIM run s/a.scenario --metrics /dev/full", in: root)
        #expect(full.status == 2 && full.output.contains("cannot write '/dev/full'"), "\(full.output)\(full.error)")
    }

    @Test("a file name with control characters cannot fake a line; reproduce is quoted for a shell")
    func hostileFileName() throws {
        let name = "x\nPASS all.scenario"
        let root = try Self.folder(with: [name: "user a b\nexpect email to b\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try Self.shell("$OMNISIM run \"$(printf 'x\\nPASS all.scenario')\"", in: root)
        #expect(result.status == 1)
        #expect(!result.output.split(separator: "\n").contains { $0.hasPrefix("PASS") })
        #expect(result.output.contains("FAIL x\\nPASS all.scenario: "))
        #expect(result.output.contains("reproduce: omnisim run $'x\\nPASS all.scenario'"))
    }

    @Test("standard input as '-' or /dev/stdin is read")
    func standardInput() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let dash = try Self.shell("$OMNISIM run - < a.scenario", in: root)
        #expect(dash.status == 0)
        #expect(dash.output.hasPrefix("PASS <stdin>: 1 check and the oracle passed"))
        let device = try Self.shell("$OMNISIM check /dev/stdin < a.scenario", in: root)
        #expect(device.status == 0)
    }

    @Test("folders: empty or missing is exit 2; an empty shard is exit 0 and says so")
    func foldersAndShards() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let empty = try Self.shell("mkdir empty && $OMNISIM check empty", in: root)
        #expect(empty.status == 2)
        #expect(empty.error.contains("no scenario files (*.scenario) in the folder 'empty'"))
        let shard = try Self.shell("$OMNISIM run a.scenario --shard 2/3", in: root)
        #expect(shard.status == 0)
        #expect(shard.output == "shard 2/3 selects no files\n")
    }

    @Test("usage errors name the command's usage: expand, explain, a repeated --person")
    func usage() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let expand = try Self.shell("$OMNISIM expand", in: root)
        #expect(expand.status == 2)
        #expect(expand.error.contains("Usage: omnisim expand <scenario>"))
        let twice = try Self.shell("$OMNISIM explain a.scenario --person a --person b", in: root)
        #expect(twice.status == 2)
        #expect(twice.error.contains("'--person' is given twice"))
        #expect(twice.error.contains("Usage: omnisim explain <scenario> --person <name>"))
    }

    @Test("explain lists the person's own actions, not only what happened to them")
    func explainOwnActions() throws {
        let root = try Self.folder(with: ["d.scenario": """
            user maria jonas
            at 0s maria drafts conversation plan with jonas
            at 2m maria sends plan "the plan"
            at 3m maria writes to plan "more"
            """])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try Self.shell("$OMNISIM explain d.scenario --person maria", in: root)
        #expect(result.output.contains("drafts conversation plan with jonas (not sent)"))
        #expect(result.output.contains("sends the draft plan"))
        #expect(result.output.contains("writes to plan"))
    }
}
