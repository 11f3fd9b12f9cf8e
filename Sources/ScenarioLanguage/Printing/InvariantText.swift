/// The oracle's findings in words: what reports print for each broken invariant.
public import OmniSim

extension Invariant {
    /// The invariant in words (`received the same message twice`).
    public var words: String {
        switch self {
        case .authorIsRecipient: "the author is a recipient of their own message"
        case .customerInUserConversation: "a customer is in a user conversation"
        case .customerGotNote: "a customer is a recipient of an internal note"
        case .sendToNonRecipient: "a send was called for to someone who is not a recipient"
        case .sendCalledTwice: "a send was called for twice"
        case .emailNotOwed: "a fallback email was called for without a deadline finding the message unseen"
        case .fallbackForNonRecipient: "a fallback was decided for someone who is not a recipient"
        case .seenBeforeArrival: "a message counted as seen at its deadline had not arrived"
        case .mentionEmailToNonRecipient: "a mention email was called for to someone who is not a recipient"
        case .receivedByNonRecipient: "received a message without being its recipient"
        case .receivedTwice: "received the same message twice"
        case .receivedUncalled: "received on a channel the rules did not call for"
        case .batchCoversNonRecipient: "a batch email covers a message its user did not receive"
        case .batchCoversTwice: "a message was covered by two batch emails"
        case .batchCoversSeen: "a batch email covers a message no deadline found unseen"
        case .customerFallbackWithoutChat: "a fallback was decided for a customer's message that did not reach them by chat"
        case .sendLost: "a send was lost: called for, never arrived, not pending or bounced"
        case .lateRecipientTwice: "an agent assigned a chat was given a message they had already received"
        case .chatOverCapacity: "a take or an assignment put an agent over their chat-capacity"
        case .chatWaitedForFreeAgent: "a chat waited while an agent was free (routing first-free or least-busy)"
        case .chatTakenTwice: "a chat's wait ended twice"
        case .chatAssignedToBusyAgent: "a chat was assigned to an agent who was not free"
        }
    }
}

extension OracleViolation {
    /// `invariant: received the same message twice (person 'jonas', channel messenger)`.
    public func text(cast: Cast) -> String {
        "invariant: \(invariant.words) (person '\(cast.name(of: person))'\(channel.map { ", channel \($0.name)" } ?? ""))"
    }
}
