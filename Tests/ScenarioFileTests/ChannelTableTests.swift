import Foundation
@testable import OmniSim
@testable import ScenarioLanguage
@testable import OmniSimRunner
import Testing

/// Every channel there is, walked through every place that knows channels: the policy calls for
/// it, the oracle books it, the trace, the metrics and the HTML page show it. The cases come from
/// `ChannelKind.allCases` and exhaustive switches only, so a new channel fails here (or does not
/// compile) until each place knows it — docs/architecture.md, "Adding a channel", lists them.
@Suite("Channels as a table: every channel through the policy, the oracle, the trace, metrics and HTML")
struct ChannelTableTests {
    /// Who gets a message on `channel`: a state the policy answers with that channel, stated per
    /// channel in an exhaustive switch (a new channel must say how it is reached).
    static func recipient(for channel: ChannelKind) -> (notice: NotificationPolicy.Notice, channel: ChannelKind) {
        let posted = NotificationPolicy.Posted(thread: ThreadID(0), at: .start, fromCustomer: false, mention: Mention(person: PersonID(1)))
        switch channel {
        case .messenger:
            return (NotificationPolicy.atPosting(posted, to: UserState(), everyone: .init()), channel)
        case .email:
            return (NotificationPolicy.atPosting(posted, to: UserState(settings: .init(mentionEmail: .now)), everyone: .init()), channel)
        case .chat:
            var customer = CustomerState()
            customer.joinChat()
            return (NotificationPolicy.atPosting(toCustomer: customer), channel)
        case .push:
            return (NotificationPolicy.atPosting(posted, to: UserState(hasMobile: true), everyone: .init()), channel)
        }
    }

    @Test("the policy calls for every channel in some state", arguments: ChannelKind.allCases)
    func policy(_ channel: ChannelKind) {
        let (notice, wanted) = Self.recipient(for: channel)
        #expect(notice.deliverNow.contains(wanted))
    }

    @Test("a channel set holds every channel, in channel order")
    func channelSet() {
        #expect(ChannelKind.allCases.count <= ChannelSet.capacity)
        #expect(Oracle.fitsEveryChannel, "the oracle's flags hold a called-for and an arrived bit per channel")
        #expect(Array(ChannelSet.all) == ChannelKind.allCases)
        #expect(ChannelKind.allCases.map(\.rawValue) == Array(0..<ChannelKind.allCases.count), "raw values index per-channel arrays")
    }

    @Test("the oracle books every channel apart: called for and delivered is clean, a second or an uncalled one is not",
          arguments: ChannelKind.allCases)
    func oracle(_ channel: ChannelKind) {
        let cast = Cast(personNames: ["maria", "jonas"], personKinds: [.user, .user], threadNames: ["plan"])
        var oracle = Oracle(cast: cast)
        let posting = ThreadState.Posting(number: 1, members: [PersonID(0), PersonID(1)], author: PersonID(0), isNote: false, inUserConversation: true)
        oracle.posted(MessageID(0), posting, recipients: [PersonID(1)])
        let send = Send(message: MessageID(0), recipient: PersonID(1), channel: channel, due: .start)
        // What owes the send, where one must (a user's email is owed by a deadline found unseen).
        switch channel {
        case .email: oracle.fallbackDecided(MessageID(0), PersonID(1), .sendEmail, at: .start)
        case .messenger, .chat, .push: break
        }
        oracle.expect(send)
        oracle.delivered(MessageID(0), to: PersonID(1), on: channel)
        #expect(oracle.violationCount == 0)
        for other in ChannelKind.allCases where other != channel {
            oracle.delivered(MessageID(0), to: PersonID(1), on: other)
        }
        #expect(oracle.violationCount == ChannelKind.allCases.count - 1, "each other channel was not called for")
        #expect(Set(oracle.violations.compactMap(\.channel)) == Set(ChannelKind.allCases.filter { $0 != channel }))
    }

    static let everyChannel = """
        user maria jonas
        customer carol kim
        mobile jonas
        set jonas mention-email now
        at 0s kim joins chat
        at 1s maria starts customer conversation c with jonas, carol, kim "@jonas hello"
        """

    @Test("a run that uses every channel: the trace, the metrics and the HTML page show each, each in a colour of its own")
    func outputs() async throws {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "every-channel.scenario", text: Self.everyChannel))
        let trace = TraceWriter(), csv = Handoff<String>()
        var options = Simulation.Options()
        options.metricsInterval = .minutes(1)
        options.journal = .everyone
        var run = await ScenarioRun.run(
            compiled, path: "every-channel.scenario", options: options, charting: true, observers: [trace, MetricsWriter(keepingIn: csv)])
        let metrics = csv.take() ?? ""
        guard case .ran(_, let result) = run.outcome else { Issue.record("the run did not finish"); return }
        #expect(result.violationCount == 0)
        run.path = "every-channel.scenario"
        let page = HTMLTimeline.page(for: [run])
        for channel in ChannelKind.allCases {
            #expect(result.channels[channel.rawValue].deliveries > 0, "\(channel.name) delivered")
            #expect(trace.text.contains("\"channel\":\"\(channel.name)\""), "\(channel.name) in the trace")
            #expect(metrics.contains(",\(channel.name),"), "\(channel.name) in the metrics")
            #expect(page.contains("background:\(HTMLTimeline.colour(channel))\"></i>\(channel.name)"), "\(channel.name) in the legend")
        }
        #expect(Set(ChannelKind.allCases.map(HTMLTimeline.colour)).count == ChannelKind.allCases.count, "a colour each")
        #expect(ChannelKind.allCases.allSatisfy { ChannelKind(word: $0.name) == $0 && ChannelKind(word: $0.plural) == $0 })
    }
}
