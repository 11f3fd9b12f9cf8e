/// Contract v3, "Customers' own settings": the rules for a customer recipient, stated once.
///
///     let notice = NotificationPolicy.atPosting(toCustomer: kim, at: nine, customers: defaults)
///     notice.deliverNow      // [.chat]: in the widget at posting
///     notice.deadline        // 9h5m: with email-after 5m, the widget fallback is decided then
extension NotificationPolicy {
    /// A customer recipient of a message posted `now`: the live chat widget when they are in it,
    /// else email at once, as in v2 whatever their settings. A message that reaches them by chat
    /// gets a fallback deadline `email-after` from now (read now: their own, else `customers`'),
    /// when one is in force; without one, none (v2 exactly).
    @inline(__always)
    public static func atPosting(toCustomer customer: CustomerState, at now: SimInstant, customers: UserSettings) -> Notice {
        guard customer.isInChat else { return Notice(deliverNow: ChannelSet(.email)) }
        let emailAfter = customer.settings.emailAfter ?? customers.emailAfter
        return Notice(deliverNow: ChannelSet(.chat), deadline: emailAfter.map { now + $0 })
    }

    /// A customer's widget fallback at its deadline, by the users' rule: nothing when the message
    /// was seen in the widget; with `email off`, nothing; with batching (`email-batch` over 0s, or
    /// a batch of the thread open for them), the email joins a batch; else an email falls due now.
    /// `settings` is read only for an unseen message.
    @inline(__always)
    public static func atDeadline(
        _ read: ReadState, customer settings: @autoclosure () -> CustomerSettings, batchOpen: Bool
    ) -> FallbackDecision {
        guard read == .unseen else { return .seen }
        let settings = settings()
        if !settings.email { return .emailOff }
        if batchOpen || settings.emailBatch > .zero { return .batched(settings.emailBatch) }
        return .sendEmail
    }
}
