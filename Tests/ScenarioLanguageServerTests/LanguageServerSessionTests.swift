import Testing
import ScenarioLanguageServer

/// A client's session with the server over the in-memory transport, on the bundled
/// `Scenarios/direct/email-batching.scenario` (lines below are 0-based, as the protocol counts).
@Suite("The language server, driven as a client drives it")
struct LanguageServerSessionTests {
    static func opened() throws -> TestClient {
        var client = TestClient()
        _ = client.initialize()
        client.open(try TestClient.scenario("direct/email-batching.scenario"))
        return client
    }

    @Test("initialize advertises incremental sync in UTF-16 and every feature")
    func initializeAdvertises() {
        var client = TestClient()
        let capabilities = client.initialize()?["capabilities"]
        #expect(capabilities?["textDocumentSync"]?["change"] == 2)
        #expect(capabilities?["positionEncoding"] == "utf-16")
        for feature in ["hoverProvider", "definitionProvider", "documentSymbolProvider", "documentFormattingProvider"] {
            #expect(capabilities?[feature] == true, "\(feature)")
        }
        #expect(capabilities?["completionProvider"] != nil)
    }

    @Test("a request before initialize is refused with ServerNotInitialized")
    func beforeInitialize() {
        var client = TestClient()
        #expect(client.request("textDocument/hover")?["error"]?["code"] == -32002)
    }

    @Test("a valid bundled scenario gets an empty diagnostics list on open")
    func cleanOnOpen() throws {
        var client = TestClient()
        _ = client.initialize()
        #expect(client.open(try TestClient.scenario("direct/email-batching.scenario")).isEmpty)
        #expect(client.notifications.last?["method"] == "textDocument/publishDiagnostics")
        #expect(client.notifications.last?["params"]?["version"] == 1)
    }

    @Test("an incremental change that misspells an event gets check's diagnostic, with its range, and the fix clears it")
    func incrementalChange() throws {
        var client = try Self.opened()
        // Line 7: `at 9h maria starts conversation plan with jonas, lea "One: the draft"`; `starts` is 12..<18.
        let broken = client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(TestClient.uri), "version": 2],
            "contentChanges": [["range": .range(7, 12, 18), "text": "strats"]],
        ])
        let diagnostics = broken.first?["params"]?["diagnostics"]?.array ?? []
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["message"] == "unknown event 'strats'; did you mean 'starts'?")
        #expect(diagnostics.first?["range"] == .range(7, 12, 18))
        #expect(broken.first?["params"]?["version"] == 2)
        let fixed = client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(TestClient.uri), "version": 3],
            "contentChanges": [["range": .range(7, 12, 18), "text": "starts"]],
        ])
        #expect(fixed.first?["params"]?["diagnostics"] == [])
    }

    @Test("a misspelt person's diagnostic points at the declaration it suggests")
    func relatedInformation() throws {
        var client = try Self.opened()
        let sent = client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(TestClient.uri), "version": 2],
            "contentChanges": [["range": .range(9, 27, 32), "text": "jonass"]],
        ])
        let diagnostic = sent.first?["params"]?["diagnostics"]?.array?.first
        #expect(diagnostic?["message"] == "unknown person 'jonass'; did you mean 'jonas'?")
        #expect(diagnostic?["relatedInformation"]?.array?.first?["location"]?["range"] == .range(4, 11, 16))
    }

    @Test("an error caused by a refused declaration points at that declaration")
    func relatedCause() {
        var client = TestClient()
        _ = client.initialize()
        let diagnostics = client.open("user alice x\nexpect x participants alice\nticket x \"Printer\" followers alice\n")
        #expect(diagnostics.map { $0["message"] } == ["the name 'x' is already taken", "'x' is a person, not a thread"])
        #expect(diagnostics.first?["relatedInformation"] == nil)
        let related = diagnostics.last?["relatedInformation"]?.array?.first
        #expect(related?["location"]?["range"]?["start"] == ["line": 2, "character": 7])
        #expect(related?["message"] == "caused by this refused declaration")
    }

    @Test("completion of a customer's setting offers only what a customer may have")
    func customerSettingCompletion() {
        var client = TestClient()
        _ = client.initialize()
        client.open("user ana\ncustomer kim\nadmin ana\nset customers \nset kim \nset ana \nat 1m ana sets kim \nat 1m ana sets customers \n")
        let customers = ["email", "email-after", "email-batch"]
        #expect(client.completions(line: 3, character: 14) == customers)
        #expect(client.completions(line: 4, character: 8) == customers)
        #expect(client.completions(line: 5, character: 8).contains("view-timeout"))
        #expect(client.completions(line: 6, character: 19) == customers)
        #expect(client.completions(line: 7, character: 25) == customers)
        var loaded = TestClient()
        _ = loaded.initialize()
        loaded.open("load q seed 1 users 2 customers 2 conversations 1 messages 2 over 1h\nset q.k1 \nset q.u1 \n")
        #expect(loaded.completions(line: 1, character: 9) == customers)
        #expect(loaded.completions(line: 2, character: 9).contains("view-timeout"))
    }

    @Test("completion after 'at 9h ' offers the declared people and the timed keywords; after a person, the event words")
    func completionInContext() throws {
        var client = try Self.opened()
        client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(TestClient.uri), "version": 2],
            "contentChanges": [["range": .range(6, 0, 0), "text": "at 9h \n"]],
        ])
        #expect(client.completions(line: 6, character: 6) == ["maria", "jonas", "lea", "set", "channel", "mobile", "expect", "chat", "customers"])
        client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(TestClient.uri), "version": 3],
            "contentChanges": [["range": .range(6, 6, 6), "text": "jonas "]],
        ])
        let events = client.completions(line: 6, character: 12)
        #expect(events.contains("views") && events.contains("logs") && events.contains("writes"))
        #expect(!events.contains("maria"))
        client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(TestClient.uri), "version": 4],
            "contentChanges": [["range": .range(6, 12, 12), "text": "views pl"]],
        ])
        #expect(client.completions(line: 6, character: 20) == ["plan"])
    }

    @Test("completion knows contract v3's events: takes, stops viewing, links, sets, conversations on items")
    func completionOfV3Events() throws {
        var client = try Self.opened()
        client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(TestClient.uri), "version": 2],
            "contentChanges": [["range": .range(6, 0, 0), "text": "at 9h jonas \n"]],
        ])
        let events = client.completions(line: 6, character: 12)
        #expect(["takes", "stops", "links", "sets"].allSatisfy(events.contains))
        client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(TestClient.uri), "version": 3],
            "contentChanges": [["range": .range(6, 12, 12), "text": "stops "]],
        ])
        #expect(client.completions(line: 6, character: 18) == ["viewing"])
        client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(TestClient.uri), "version": 4],
            "contentChanges": [["range": .range(6, 12, 18), "text": "sets maria view-timeout "]],
        ])
        #expect(client.completions(line: 6, character: 36) == ["none"])
    }

    @Test("completion offers settings and their values, and channel words")
    func completionOfSettings() throws {
        var client = try Self.opened()
        // Line 5: `set jonas email-batch 5m`.
        #expect(client.completions(line: 5, character: 10).contains("customer-messages"))
        client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(TestClient.uri), "version": 2],
            "contentChanges": [["range": .range(5, 10, 24), "text": "bubble "]],
        ])
        #expect(client.completions(line: 5, character: 17) == ["on", "off"])
        // Line 9: `at 9h1m expect no email to jonas`: after `no`, the channels.
        #expect(client.completions(line: 9, character: 18) == ["messenger", "email", "chat", "push"])
    }

    @Test("hover on a name shows its declaration line; on an event, what it does")
    func hover() throws {
        var client = try Self.opened()
        let name = client.request("textDocument/hover", line: 7, character: 8)
        #expect(name?["contents"]?["value"]?.string?.contains("user maria jonas lea") == true)
        #expect(name?["range"] == .range(7, 6, 11))
        let event = client.request("textDocument/hover", line: 7, character: 1)?["contents"]?["value"]?.string
        #expect(event == "At 9h, maria starts the user conversation 'plan' with jonas, lea and posts \"One: the draft\" to its participants.")
        #expect(client.request("textDocument/hover", line: 8, character: 3) == .null)
    }

    @Test("hover on a chat load says what chats it makes, not '0 users'")
    func hoverChatLoad() {
        var client = TestClient()
        _ = client.initialize()
        client.open("""
            team desk ana, bo
            user ana bo
            load monday seed 23 chats 60 per 1h handled in 8m agents 4 over 3h from 9h
            load rush seed 5 chats 10 per 10m handled in 2m fixed users from desk over 1h shape workday
            """)
        let monday = client.request("textDocument/hover", line: 2, character: 0)?["contents"]?["value"]?.string
        #expect(monday == "Generates customer chats, 60 per 1h on average (a Poisson stream), each handled for 8m on average (exponential), by 4 agents, over 3h from 9h, the same on every machine (seed 23).")
        let rush = client.request("textDocument/hover", line: 3, character: 0)?["contents"]?["value"]?.string
        #expect(rush == "Generates customer chats, 10 per 10m at the workday peak (a Poisson stream shaped like a workday), each handled for exactly 2m, by the users of team 'desk', over 1h, the same on every machine (seed 5).")
    }

    @Test("definition takes a person and a conversation to where they are declared")
    func definition() throws {
        var client = try Self.opened()
        // Line 11: `at 9h2m maria writes to plan "Two: the numbers"`.
        #expect(client.request("textDocument/definition", line: 11, character: 9)?["range"] == .range(4, 5, 10))
        #expect(client.request("textDocument/definition", line: 11, character: 25)?["range"] == .range(7, 32, 36))
        #expect(client.request("textDocument/definition", line: 11, character: 15) == .null)
    }

    @Test("documentSymbol lists people, teams, threads and loads in file order")
    func documentSymbols() throws {
        var client = try Self.opened()
        let symbols = client.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(TestClient.uri)]])?["result"]?.array ?? []
        #expect(symbols.map { $0["name"]?.string ?? "" } == ["maria", "jonas", "lea", "plan"])
        #expect(symbols.map { $0["detail"]?.string ?? "" } == ["user", "user", "user", "conversation"])
        var load = TestClient()
        _ = load.initialize()
        load.open("team ops\nload peak seed 1 users 3 customers 1 conversations 2 messages 5 over 1h\n")
        let loadSymbols = load.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(TestClient.uri)]])?["result"]?.array ?? []
        #expect(loadSymbols.map { $0["name"]?.string ?? "" } == ["ops", "peak"])
        #expect(load.request("textDocument/definition", line: 1, character: 6)?["range"] == .range(1, 5, 9))
    }

    @Test("formatting replaces the text with fmt's layout; a laid-out or broken file gets no edit")
    func formatting() throws {
        var client = TestClient()
        _ = client.initialize()
        client.open("user  a ,b\nat 90s a logs in   # early\n")
        let edits = client.request("textDocument/formatting", ["textDocument": ["uri": .string(TestClient.uri)], "options": ["tabSize": 4, "insertSpaces": true]])?["result"]
        #expect(edits == [["range": ["start": ["line": 0, "character": 0], "end": ["line": 2, "character": 0]], "newText": "user a, b\nat 1m30s a logs in # early\n"]])
        var laidOut = try Self.opened()
        #expect(laidOut.request("textDocument/formatting", ["textDocument": ["uri": .string(TestClient.uri)]])?["result"] == [])
        var broken = TestClient()
        _ = broken.initialize()
        broken.open("user  a\nat 90s a strats\n")
        #expect(broken.request("textDocument/formatting", ["textDocument": ["uri": .string(TestClient.uri)]])?["result"] == [])
    }

    @Test("a document that is not open gets empty answers, not errors")
    func notOpen() {
        var client = TestClient()
        _ = client.initialize()
        let uri = "file:///nowhere.scenario"
        #expect(client.request("textDocument/hover", line: 0, character: 0, uri: uri) == .null)
        #expect(client.request("textDocument/definition", line: 0, character: 0, uri: uri) == .null)
        #expect(client.request("textDocument/completion", line: 0, character: 0, uri: uri)?["items"] == [])
        #expect(client.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]])?["result"] == [])
    }

    @Test("shutdown then exit ends with status 0; exit alone with 1; requests after shutdown are refused")
    func shutdownAndExit() {
        var client = TestClient()
        _ = client.initialize()
        #expect(client.request("shutdown")?["result"] == .null)
        #expect(client.request("textDocument/hover")?["error"]?["code"] == -32600)
        client.notify("exit")
        #expect(client.session.exitStatus == 0)
        var abrupt = TestClient()
        _ = abrupt.initialize()
        abrupt.notify("exit")
        #expect(abrupt.session.exitStatus == 1)
    }
}
