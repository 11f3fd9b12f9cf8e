import OmniSim

/// The language's words, for tools that suggest them (the language server's completion): read
/// from the parser's own lists, so a word the parser learns is suggested too.
public enum ScenarioVocabulary {
    /// The words that start a statement.
    public static var statementKeywords: [String] { Parser.statementKeywords }
    /// The verbs of `at T NAME VERB …` events.
    public static var eventVerbs: [String] { Parser.eventVerbs }
    /// The words that may follow `at T` besides a person's name.
    public static var timedKeywords: [String] { Parser.timedKeywords }
    /// The settings of a `set` line.
    public static var settingWords: [String] { Parser.settingWords }
    /// The settings a customer (or `set customers`) may have (v3): those whose change, read by the
    /// parser with a sample value, ``SettingChange/appliesToCustomers`` (the one rule).
    public static var customerSettingWords: [String] {
        settingWords.filter { word in
            let line = Substring("\(word) \(values(of: word)?.first ?? "1m")")
            guard let tokens = try? Lexer.tokens(of: line, number: 1) else { return false }
            var reader = LineReader(tokens: tokens, lineNumber: 1, line: line)
            return (try? Parser.settingChange(&reader))?.appliesToCustomers == true
        }
    }
    /// The values `setting` takes, when they are words (nil: a duration).
    public static func values(of setting: String) -> [String]? {
        switch setting {
        case "customer-messages": CustomerMessages.allCases.map(\.rawValue)
        case "mention-email": MentionEmail.allCases.map(\.rawValue)
        case "email-after", "email-batch": nil
        case "view-timeout": ["none"]  // or a duration
        case "chat-capacity": ["unlimited"]  // or a number
        default: ["on", "off"]
        }
    }
    /// What may follow `channel CH`.
    public static let channelSettings = ["latency", "down", "rate", "jitter", "bounce"]
    /// The fields of a `load` line.
    public static let loadFields = ["seed", "users", "customers", "conversations", "messages", "over", "from", "shape", "chats", "handled", "agents"]
}
