/// Contract v3, "Customers' own settings": a customer's views in the live chat widget, their own
/// `email`, `email-after` and `email-batch`, and the widget fallback those give a message that
/// reached them by chat. The readings are in docs/language.md, "Contract v3: customers' own
/// settings"; the shared paths (posting, arrivals, deadlines, batches) call in here for customers.
extension SimulationDriver {
    /// Whether any customer views a thread, or has a setting, anywhere in `plan` (top level, timed,
    /// or set by someone): without either, no chat message is ever seen in the widget or given a
    /// fallback, and a chat arrival is not told to its customer (v2's path, unchanged).
    static func usesCustomerWidget(_ plan: ScenarioPlan) -> Bool {
        let kinds = plan.cast.personKinds
        func isCustomer(_ ref: PersonRef) -> Bool {
            if case .known(let id) = ref { return kinds[id.int] == .customer }
            return false
        }
        if plan.customers != UserSettings() { return true }
        if plan.personSetup.indices.contains(where: { kinds[$0] == .customer && plan.personSetup[$0].settings != UserSettings() }) {
            return true
        }
        return plan.events.contains { event in
            switch event.action {
            case .view(let person, _), .setting(let person?, _): isCustomer(person)
            case .settingBy(_, .person(let person), _): isCustomer(person)
            case .settingBy(_, .customers, _), .customersSetting: true
            default: false
            }
        }
    }

    // MARK: Posting and arrival

    /// A customer recipient of a message just posted: chat if they are in the widget, else email
    /// (v2); a chat message with an `email-after` in force gets its fallback deadline (read now).
    @inline(__always)
    func notifyCustomer(_ run: inout RunState, _ customer: PersonID, of message: MessageID, in thread: ThreadID) {
        let (now, defaults) = (run.now, run.customersDefault)
        guard let (notice, emailAfter) = customers.withState(customer.int, { (state) in
            let notice = NotificationPolicy.atPosting(toCustomer: state, at: now, customers: defaults)
            // Kept before the chat send is called: with no latency it arrives inside the call.
            state.receive(message, in: thread, deadline: notice.deadline)
            // What explain says of the fallback needs the setting in force (only then read).
            return (notice, journaling && customerWidgetUsed ? state.resolved(over: defaults).emailAfter : nil)
        }) else { return }
        let journaled = journaling && run.journal?.records(customer) == true
        for channel in notice.deliverNow {
            if journaled {
                note(&run, customer, .channelChosen(run.messages[message.int], channel))
                if let emailAfter { note(&run, customer, .widgetFallback(run.messages[message.int], deadline: notice.deadline, emailAfter: emailAfter)) }
            }
            call(&run, Send(message: message, recipient: customer, channel: channel, due: now))
        }
        if let deadline = notice.deadline {
            run.agenda.schedule(.fallbackDeadline(message, customer), at: deadline, phase: .timer)
        }
    }

    /// A chat delivery arrived: seen at arrival when its customer views its thread in the widget.
    @inline(__always)
    func customerChatArrived(_ send: Send, in thread: ThreadID) -> Bool {
        customers.withState(send.recipient.int) { $0.arriveByChat(send.message, in: thread) } ?? false
    }

    // MARK: Deadlines and batches

    /// A widget fallback's deadline has come for a customer: how it stands and their settings now
    /// decide (nil: `recipient` is no customer).
    @inline(__always)
    func customerDeadlineReached(_ run: RunState, _ message: MessageID, _ recipient: PersonID, batchOpen: Bool) -> FallbackDecision? {
        let defaults = run.customersDefault
        return customers.withState(recipient.int) { $0.deadlineReached(message, customers: defaults, batchOpen: batchOpen) }
    }

    /// A batch of a customer's widget fallbacks goes out: whether each message was seen by now
    /// (nil: `customer` is no customer).
    func customerReleasesBatch(_ customer: PersonID, _ messages: [MessageID]) -> [Bool]? {
        customers.withState(customer.int) { $0.releaseBatched(messages) }
    }

    // MARK: Views in the widget

    /// `kim views q1`: a member puts themselves in the widget viewing the conversation; every chat
    /// message of it that has arrived is seen, and later ones are seen as they arrive while the
    /// view lasts. A non-member is rejected as a user would be. A view of another thread ends.
    func customerViews(_ run: inout RunState, _ customer: PersonID, _ threadRef: ThreadRef) throws(Rejection) {
        let thread = try threadID(threadRef)
        let cast = cast
        // A member only: `customer-messages all` (even `set everyone`'s) is a user's setting.
        try threads.withPresentState(thread.int) { (state) throws(Rejection) in
            if state.mayView(customer) { return }
            try state.checkViewer(customer, cast: cast)
        }
        let (wasInChat, seen, ended) = customers.withPresentState(customer.int) { (state) in
            let wasInChat = state.isInChat
            let (seen, ended) = state.view(thread)
            return (wasInChat, seen, ended)
        }
        tell(.viewed(customer, thread, .opened, seen: seen))
        guard journaling, run.journal?.records(customer) == true else { return }
        if !wasInChat { note(&run, customer, .presence(.joinedChat)) }
        if let ended { note(&run, customer, .viewEnded(ended, .viewedAnother(thread))) }
        note(&run, customer, .viewedInWidget(thread, seen: seen))
    }

    /// `kim stops viewing q1`: they leave the conversation's screen and stay in the widget (a
    /// thread they are not viewing: nothing changes).
    func customerStopsViewingNow(_ run: inout RunState, _ customer: PersonID, _ thread: ThreadID) {
        let ended = customers.withPresentState(customer.int) { $0.stopViewing(thread) }
        if ended, journaling, run.journal?.records(customer) == true { note(&run, customer, .viewEnded(thread, .stopped)) }
    }

    /// `kim leaves chat`: out of the widget, which ends their view.
    /// `quietIfAbsent`: an abandonment takes the customer out of the widget only if they are in
    /// it; explain says "leaves live chat" only then (a `leaves chat` event is always said).
    func customerLeavesChat(_ run: inout RunState, _ customer: PersonID, quietIfAbsent: Bool = false) {
        let (wasInChat, ended) = customers.withPresentState(customer.int) { state in (state.isInChat, state.leaveChat()) }
        guard journaling, run.journal?.records(customer) == true else { return }
        if wasInChat || !quietIfAbsent { note(&run, customer, .presence(.leftChat)) }
        if let ended { note(&run, customer, .viewEnded(ended, .leftChat)) }
    }

    /// A customer is no longer a member of `thread` (removed, or no longer a follower of its item):
    /// their view of it ends.
    func customerLostThread(_ run: inout RunState, _ customer: PersonID, _ thread: ThreadID) {
        let ended = customers.withState(customer.int) { $0.stopViewing(thread) } ?? false
        if ended, journaling, run.journal?.records(customer) == true { note(&run, customer, .viewEnded(thread, .lostAccess)) }
    }

    // MARK: Settings

    /// `set kim …` (or `kim sets kim …`, `A sets kim …`) when timed: a customer has `email`,
    /// `email-after` and `email-batch`; any other setting is rejected with the reason.
    func applyCustomerSetting(_ run: inout RunState, _ customer: PersonID, _ change: SettingChange) throws(Rejection) {
        if let rejection = SettingRights.customerRejection(owner: .person(customer), change: change, cast: cast) { throw rejection }
        customers.withPresentState(customer.int) { $0.settings.apply(change) }
    }

    /// `set customers …` when timed (or `A sets customers …` by an admin): the same three settings.
    func checkCustomersSetting(_ change: SettingChange) throws(Rejection) {
        if let rejection = SettingRights.customerRejection(owner: .customers, change: change, cast: cast) { throw rejection }
    }
}
