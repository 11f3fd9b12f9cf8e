public import ScenarioLanguage

/// One variant of `omnisim compare`: a name and the top-level `set`/`channel` statements it adds to
/// the file (each as a `--set` would: taking precedence over the file's own top-level setting).
///
///     try CompareVariant.parse("zulip: set everyone email-after 2m; set everyone email-batch 2m")
///     // CompareVariant(title: "zulip", statements: ["set everyone email-after 2m", "set everyone email-batch 2m"])
///
/// `--variant "NAME: STATEMENT; STATEMENT…"`: the name is what comes before the first `:`; `;`
/// separates statements, except inside double quotes, where it is text. `--set "STATEMENT"` is a
/// variant of one statement titled `--set STATEMENT`.
public struct CompareVariant: Sendable, Equatable {
    /// The column's title.
    public var title: String
    /// The statements, in order, as `--set` takes them.
    public var statements: [String]
    /// Where they come from, for their errors.
    public var origin: Overrides.Origin

    public init(title: String, statements: [String], origin: Overrides.Origin = .set) {
        self.title = title
        self.statements = statements
        self.origin = origin
    }

    /// A `--set`: its statement alone, titled by it (control characters shown as escapes).
    public static func set(_ statement: String) -> Self { Self(title: shownTitle("--set \(statement)"), statements: [statement]) }

    /// A title as the table shows it: control characters and tabs (which would break its columns)
    /// as escapes.
    static func shownTitle(_ title: String) -> String {
        String(Quoting.visible(title).flatMap { $0 == "\t" ? ["\\", "t"] : [$0] })
    }

    /// Why a `--variant` or `--sweep` text cannot be read.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Reads `--variant "NAME: STATEMENT; …"`.
    public static func parse(_ text: String) throws(Problem) -> Self {
        guard let colon = text.firstIndex(of: ":") else {
            throw Problem(description: "'--variant' takes 'NAME: STATEMENT; STATEMENT…', with a name before ':', not '\(Quoting.visible(text))'")
        }
        let title = text[..<colon].trimmingSpaces
        guard !title.isEmpty else {
            throw Problem(description: "'--variant \(Quoting.visible(text))' has no name before ':'")
        }
        let statements = try splitStatements(String(text[text.index(after: colon)...]), option: "--variant", whole: text)
        guard !statements.isEmpty else {
            throw Problem(description: "'--variant \(Quoting.visible(text))' has no statement after ':'")
        }
        // The title is shown in the table, the failures and the HTML: control characters as escapes.
        return Self(title: shownTitle(title), statements: statements, origin: .variant(name: title))
    }

    /// Why two columns of one `compare` would have the same title (nil: none would): a `--variant`
    /// named twice, or named `as written`, the file's own column.
    public static func duplicateTitle(in variants: [Self]) -> Problem? {
        var seen: Set<String> = ["as written"]
        for variant in variants where !seen.insert(variant.title).inserted {
            return Problem(description: "two columns would be titled '\(variant.title)'; each '--set' and '--variant' needs a title of its own"
                + (variant.title == "as written" ? " ('as written' is the file's own column)" : ""))
        }
        return nil
    }

    /// `text` split at each `;` outside double quotes, each part trimmed of spaces; empty parts
    /// (a `;` at the end, say) left out. A quote left open is a problem.
    /// `whole`: the option's text as the user wrote it, for the error (default `text`).
    public static func splitStatements(_ text: String, option: String, whole: String? = nil) throws(Problem) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        guard !quoted else { throw Problem(description: "'\(option) \(Quoting.visible(whole ?? text))' leaves a double quote open") }
        parts.append(current)
        return parts.map(\.trimmingSpaces).filter { !$0.isEmpty }
    }
}

extension StringProtocol {
    /// Without spaces and tabs at either end.
    var trimmingSpaces: String {
        let isSpace = { (c: Character) in c == " " || c == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
