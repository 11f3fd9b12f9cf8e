import Foundation
import OmniSim
import OmniSimRunner
import ScenarioLanguage

/// What the command line asked for. Parsing is separate from running so that usage errors are
/// reported before anything runs.
struct CommandLineOptions {
    enum Command: Equatable {
        case run
        case check
        case expand
        case explain
        case compare
        case fmt
        case lsp
        case help
        case version
    }

    var command: Command = .help
    var paths: [String] = []
    var tracePath: String?
    var workers = 1
    var shard: (index: Int, count: Int)?
    var junitPath: String?
    var htmlPath: String?
    /// `--metrics FILE|DIR` and `--interval D` (v2).
    var metricsPath: String?
    var interval: SimDuration?
    var person: String?
    /// `--set "STATEMENT"`, in order (run and compare).
    var overrides: [String] = []
    /// `fmt --check`: list the files that would change instead of writing them.
    var checkOnly = false
    /// compare's variants in command-line order: each `--set` and each `--variant "NAME: …"`.
    var variants: [CompareVariant] = []
    /// compare's `--sweep "TEMPLATE"` and `--target "CHECK"`.
    var sweep: CompareSweep?
    var target: String?

    struct UsageError: Error {
        var message: String
        /// The command the error is about (for its usage line), when known.
        var command: Command? = nil
    }

    /// The usage line printed under a usage error.
    static func usageLine(for command: Command?) -> String {
        switch command {
        case .check: "omnisim check <scenario>..."
        case .expand: "omnisim expand <scenario>"
        case .explain: "omnisim explain <scenario> --person <name>"
        case .compare: "omnisim compare <scenario> ((--set <statement> | --variant <name: statements>)... | --sweep <template> [--target <check>]) [--html <file>]"
        case .fmt: "omnisim fmt [--check] <scenario>..."
        case .lsp: "omnisim lsp"
        default: "omnisim run <scenario>... [--trace <file>] [--metrics <file>] [--interval <d>] [--workers <n>] [--shard <i>/<n>] [--junit <file>] [--html <file>]"
        }
    }

    /// Refuses an argument that is not UTF-8 (a file name with the byte 0xE9, say): Swift would read
    /// it as another name (each bad byte made U+FFFD), and the file would seem not to exist.
    static func checkEncoding() throws(UsageError) {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
            if String(validating: bytes, as: UTF8.self) == nil {
                throw UsageError(message: "the argument '\(Quoting.visible(bytes: bytes))' is not valid UTF-8; omnisim takes file names and statements as UTF-8 text (rename the file)")
            }
        }
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> CommandLineOptions {
        var options = CommandLineOptions()
        var rest = arguments[...]
        guard let first = rest.popFirst() else { return options }
        switch first {
        case "run": options.command = .run
        case "check": options.command = .check
        case "expand": options.command = .expand
        case "explain": options.command = .explain
        case "compare": options.command = .compare
        case "fmt": options.command = .fmt
        case "lsp":
            // Editors' clients add `--stdio` (the only transport there is); anything else is a mistake.
            guard rest.allSatisfy({ $0 == "--stdio" }) else {
                throw UsageError(message: "'lsp' takes no arguments; it speaks the Language Server Protocol on standard input and output", command: .lsp)
            }
            options.command = .lsp
            return options
        case "help", "--help", "-h": return options
        case "--version": options.command = .version; return options
        default:
            throw UsageError(message: "Unknown command '\(first)'" + (first.hasSuffix(".scenario") ? "; did you mean 'omnisim run \(first)'?" : ""))
        }
        do throws(UsageError) {
            try options.parseArguments(&rest, commandWord: first)
        } catch {
            var error = error
            error.command = options.command
            throw error
        }
        return options
    }

    private mutating func parseArguments(_ rest: inout ArraySlice<String>, commandWord first: String) throws(UsageError) {
        var given: Set<String> = []
        func once(_ option: String) throws(UsageError) {
            guard given.insert(option).inserted else { throw UsageError(message: "'\(option)' is given twice") }
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--help", "-h":
                command = .help
                return
            case "--interval":
                try once(argument)
                guard let value = rest.popFirst() else { throw UsageError(message: "Missing value for '--interval <duration>'") }
                guard let duration = DurationSyntax.parse(value), duration.milliseconds > 0 else {
                    throw UsageError(message: "'--interval' takes a positive duration such as 1m, 30s or 1h, not '\(value)'")
                }
                interval = duration
            case "--trace", "--junit", "--html", "--person", "--metrics":
                try once(argument)
                guard let value = rest.popFirst() else {
                    throw UsageError(message: "Missing value for '\(argument) <\(argument == "--person" ? "name" : "file")>'")
                }
                switch argument {
                case "--trace": tracePath = value
                case "--junit": junitPath = value
                case "--html": htmlPath = value
                case "--metrics": metricsPath = value
                default: person = value
                }
            case "--check" where command == .fmt:
                checkOnly = true
            case "--set":
                guard let value = rest.popFirst() else { throw UsageError(message: "Missing value for '--set <statement>'") }
                overrides.append(value)
                variants.append(.set(value))
            case "--variant":
                guard let value = rest.popFirst() else { throw UsageError(message: "Missing value for '--variant <name: statements>'") }
                do throws(CompareVariant.Problem) {
                    variants.append(try CompareVariant.parse(value))
                } catch {
                    throw UsageError(message: error.description)
                }
            case "--sweep":
                try once(argument)
                guard let value = rest.popFirst() else { throw UsageError(message: "Missing value for '--sweep <template>'") }
                do throws(CompareSweep.Problem) {
                    sweep = try CompareSweep.parse(value)
                } catch {
                    throw UsageError(message: error.description)
                }
            case "--target":
                try once(argument)
                guard let value = rest.popFirst() else { throw UsageError(message: "Missing value for '--target <check>'") }
                target = value
            case "--workers":
                try once(argument)
                guard let value = rest.popFirst(), let n = Int(value), n >= 1, n <= 256 else {
                    throw UsageError(message: "'--workers' takes a number from 1 to 256")
                }
                workers = n
            case "--shard":
                try once(argument)
                guard let value = rest.popFirst() else { throw UsageError(message: "Missing value for '--shard <i>/<n>|auto'") }
                do throws(Shard.Problem) {
                    let found = try Shard.parse(value, environment: ProcessInfo.processInfo.environment)
                    shard = (found.index, found.count)
                } catch {
                    throw UsageError(message: error.description)
                }
            default:
                guard !argument.hasPrefix("--") else { throw UsageError(message: "Unknown option '\(argument)'") }
                paths.append(argument)
            }
        }
        if paths.isEmpty { throw UsageError(message: "Missing expected argument '<scenario>'") }
        if (command == .expand || command == .explain || command == .compare) && paths.count != 1 {
            throw UsageError(message: "'\(first)' takes exactly one scenario file, not \(paths.count)")
        }
        if command == .explain && person == nil {
            throw UsageError(message: "Missing expected option '--person <name>'")
        }
        try checkCompareOptions()
        if command != .run && command != .compare && !overrides.isEmpty {
            throw UsageError(message: "'--set' goes with 'run' and 'compare' only")
        }
        if command != .explain && person != nil {
            throw UsageError(message: "'--person' goes with 'explain' only")
        }
        let runOnly = tracePath != nil || shard != nil || workers != 1 || junitPath != nil
            || metricsPath != nil || interval != nil
        if command != .run && runOnly {
            throw UsageError(message: "'--trace', '--metrics', '--interval', '--workers', '--shard' and '--junit' go with 'run' only")
        }
        if command != .run && command != .compare && htmlPath != nil {
            throw UsageError(message: "'--html' goes with 'run' and 'compare' only")
        }
        if interval != nil && metricsPath == nil {
            throw UsageError(message: "'--interval' sets the interval of '--metrics <file>'; give '--metrics' too")
        }
    }

    /// `compare`'s variants: some `--set` or `--variant`, or a `--sweep` (alone), its `--target`.
    private func checkCompareOptions() throws(UsageError) {
        if command == .compare && variants.isEmpty && sweep == nil {
            throw UsageError(message: "Missing expected option '--set <statement>', '--variant <name: statements>' or '--sweep <template>': 'compare' compares the file with each variant")
        }
        if command != .compare && (variants.count > overrides.count || sweep != nil || target != nil) {
            throw UsageError(message: "'--variant', '--sweep' and '--target' go with 'compare' only")
        }
        if sweep != nil && !variants.isEmpty {
            throw UsageError(message: "'--sweep' makes the variants itself; give it without '--set' or '--variant' (put shared statements in the template after ';')")
        }
        if target != nil && sweep == nil {
            throw UsageError(message: "'--target' goes with '--sweep': it names the smallest value that meets the check")
        }
        if command == .compare, let duplicate = CompareVariant.duplicateTitle(in: variants) {
            throw UsageError(message: duplicate.description)
        }
    }

    static let usage = """
        OVERVIEW: Simulate OneDesk's messaging on a virtual clock and check scenario files.

        USAGE: omnisim run <scenario>... [--trace <file>] [--metrics <file>] [--interval <d>]
                                        [--workers <n>] [--shard <i>/<n>] [--junit <file>] [--html <file>]
               omnisim check <scenario>...
               omnisim expand <scenario>
               omnisim explain <scenario> --person <name>
               omnisim compare <scenario> (--set <statement> | --variant <name: statements>)... [--html <file>]
               omnisim compare <scenario> --sweep <template> [--target <check>] [--html <file>]
               omnisim fmt [--check] <scenario>...
               omnisim lsp

        ARGUMENTS:
          <scenario>        A .scenario file, or a folder: every *.scenario below it, in path order
                            (symbolic links followed); '-' reads the scenario from standard input.

        OPTIONS:
          --trace <file>    Write every delivery as JSON lines; '-' for standard output (the
                            report then goes to standard error). With several scenarios or a
                            folder: a folder with one <path>.jsonl per scenario and traces.tsv.
          --metrics <file>  Write CSV per channel and interval of virtual time (start_ms, channel,
                            due, delivered, backlog_max, pending_max, delay_p50_ms, delay_p95_ms,
                            delay_max_ms; with live chat, a chats row per interval and the columns
                            chats_started, chats_taken, chats_abandoned, chats_waiting_max,
                            chat_wait_p50_ms, chat_wait_p95_ms, chat_wait_max_ms); '-' for standard
                            output. With several scenarios or a folder: a folder with one
                            <path>.csv per scenario and metrics.tsv.
          --interval <d>    The metrics interval (default 1m).
          --workers <n>     Run up to n scenarios at once (output is the same for any n).
          --shard <i>/<n>   Run every n-th file starting at the i-th (1-based). 'auto' reads the CI's
                            variables: OMNISIM_SHARD_INDEX/OMNISIM_SHARD_COUNT (e.g. from a GitHub
                            Actions matrix), GitLab's CI_NODE_INDEX/CI_NODE_TOTAL, or a Kubernetes
                            Indexed Job's JOB_COMPLETION_INDEX with 'auto/<n>'.
          --junit <file>    Write JUnit XML: a testsuite per file, a testcase per expectation.
          --html <file>     Write a self-contained HTML timeline of the run. With 'compare': the
                            table as a page; with '--sweep', also a chart per figure of interest
                            (chat wait, queue, abandoned, utilisation, emails per user) against
                            the swept value, the target's smallest meeting value marked.
          --person <name>   With 'explain': whose timeline to show.
          --set <statement> A top-level 'set', 'channel', 'chat routing' or 'customers wait'
                            statement that takes precedence over the file's own, or a 'load' line
                            that replaces the file's load of that name (repeatable), as in
                            --set "set everyone email-batch 2m".
                            With 'compare': one variant per --set, side by side with the file.
          --check           With 'fmt': write nothing; list the files that are not laid out
                            canonically and exit 1 if any ('fmt' without it rewrites them in
                            place; '-' formats standard input to standard output).
          --variant <name: statements>
                            With 'compare': a variant named before the first ':', of several
                            statements separated by ';' (inside double quotes ';' is text), as in
                            --variant "zulip: set everyone email-after 2m; set everyone email-batch 2m".
          --sweep <template>
                            With 'compare': a variant per value of the template's one {A..B},
                            {A..B step S} or {a,b,c} (whole numbers or durations), a row each,
                            as in --sweep "set everyone chat-capacity {1..4}".
          --target <check>  With '--sweep': a check statement added to the file for every value;
                            names the smallest value that meets it (exit 1 when none does).
          --version         Show the version.
          -h, --help        Show help information.

        ENVIRONMENT:
          NO_COLOR          Set to turn colour off (colour is used only on a terminal).

        EXIT STATUS: 0 all expectations hold, 1 an expectation or invariant failed (in 'run' or
                     'explain', or in any variant of 'compare'; with '--target', no value met it;
                     'check': a run would certainly fail; 'fmt --check': a file is not laid out),
                     2 a usage, scenario-file or output error, 141 standard output closed early
                     (a report piped into 'head'), 129/130/143 interrupted (SIGHUP/SIGINT/SIGTERM;
                     unfinished outputs removed).

        """
}
