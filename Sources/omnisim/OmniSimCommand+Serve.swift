import ScenarioLanguageServer

extension OmniSimCommand {
    /// `omnisim lsp`: the language server on standard input and output (see docs/editors.md).
    static func serveLanguage() -> Int32 { StandardIOServer.run() }
}
