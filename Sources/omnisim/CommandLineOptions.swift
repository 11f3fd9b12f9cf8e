/// What the command line asked for. Parsing is separate from running so that usage errors are
/// reported before anything runs.
struct CommandLineOptions {
    enum Command: Equatable {
        case run
        case check
        case expand
        case explain
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
    var person: String?

    struct UsageError: Error {
        var message: String
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
        case "help", "--help", "-h": return options
        case "--version": options.command = .version; return options
        default:
            throw UsageError(message: "Unknown command '\(first)'" + (first.hasSuffix(".scenario") ? "; did you mean 'omnisim run \(first)'?" : ""))
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--help", "-h":
                options.command = .help
                return options
            case "--trace":
                guard let value = rest.popFirst() else { throw UsageError(message: "Missing value for '--trace <file>'") }
                options.tracePath = value
            case "--junit", "--html", "--person":
                guard let value = rest.popFirst() else { throw UsageError(message: "Missing value for '\(argument) <value>'") }
                switch argument {
                case "--junit": options.junitPath = value
                case "--html": options.htmlPath = value
                default: options.person = value
                }
            case "--workers":
                guard let value = rest.popFirst(), let n = Int(value), n >= 1, n <= 256 else {
                    throw UsageError(message: "'--workers' takes a number from 1 to 256")
                }
                options.workers = n
            case "--shard":
                let parts = rest.popFirst()?.split(separator: "/").compactMap { Int($0) } ?? []
                guard parts.count == 2, parts[1] >= 1, parts[0] >= 1, parts[0] <= parts[1] else {
                    throw UsageError(message: "'--shard' takes I/N with 1 <= I <= N, as in '--shard 2/4'")
                }
                options.shard = (parts[0], parts[1])
            default:
                guard !argument.hasPrefix("--") else { throw UsageError(message: "Unknown option '\(argument)'") }
                options.paths.append(argument)
            }
        }
        if options.paths.isEmpty { throw UsageError(message: "Missing expected argument '<scenario>'") }
        if (options.command == .expand || options.command == .explain) && options.paths.count != 1 {
            throw UsageError(message: "'\(first)' takes exactly one scenario file")
        }
        if options.command == .explain && options.person == nil {
            throw UsageError(message: "Missing expected option '--person <name>'")
        }
        if options.command != .explain && options.person != nil {
            throw UsageError(message: "'--person' goes with 'explain' only")
        }
        let runOnly = options.tracePath != nil || options.shard != nil || options.workers != 1 || options.junitPath != nil
            || options.htmlPath != nil
        if options.command != .run && runOnly {
            throw UsageError(message: "'--trace', '--workers', '--shard', '--junit' and '--html' go with 'run' only")
        }
        return options
    }

    static let usage = """
        OVERVIEW: Simulate OneDesk's messaging on a virtual clock and check scenario files.

        USAGE: omnisim run <scenario>... [--trace <file>] [--workers <n>] [--shard <i>/<n>]
                                        [--junit <file>] [--html <file>]
               omnisim check <scenario>...
               omnisim expand <scenario>
               omnisim explain <scenario> --person <name>

        ARGUMENTS:
          <scenario>        A .scenario file, or a folder: every *.scenario below it, in path order.

        OPTIONS:
          --trace <file>    Write every delivery as JSON lines (with several scenarios: a folder,
                            one <name>.jsonl per scenario).
          --workers <n>     Run up to n scenarios at once (output is the same for any n).
          --shard <i>/<n>   Run every n-th file starting at the i-th (1-based).
          --junit <file>    Write JUnit XML: a testsuite per file, a testcase per expectation.
          --html <file>     Write a self-contained HTML timeline of the run.
          --person <name>   With 'explain': whose timeline to show.
          --version         Show the version.
          -h, --help        Show help information.

        ENVIRONMENT:
          NO_COLOR          Set to turn colour off (colour is used only on a terminal).

        EXIT STATUS: 0 all expectations hold, 1 an expectation or invariant failed,
                     2 a usage or scenario-file error.

        """
}
