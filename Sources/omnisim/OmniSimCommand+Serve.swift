extension OmniSimCommand {
    /// `omnisim lsp`: placeholder until the server lands.
    static func serveLanguage() -> Int32 { 0 }
}
