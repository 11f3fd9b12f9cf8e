public import OmniSim

extension Journal.Entry {
    /// The entry in words, with the rule that applied: what `explain` prints and the HTML page shows
    /// on hover (`email fallback for message #1 in plan from maria "…": seen before its deadline: no email`).
    /// Why a customer's message went out on `channel` (an exhaustive switch: a new channel says when).
    static func whyChosen(_ channel: ChannelKind) -> String {
        switch channel {
        case .chat: "in live chat at posting: chat"
        case .email: "not in live chat at posting: email"
        case .messenger, .push: "\(channel.name)"
        }
    }

    public func text(cast: Cast) -> String {
        func describe(_ m: Message) -> String {
            "\(m.isNote ? "note" : "message") #\(m.number) in \(cast.name(of: m.thread)) from \(cast.name(of: m.author)) \"\(excerpt(m.text))\""
        }
        switch happening {
        case .posted(let message, let push, let deadline):
            let why = switch push {
            case .pushed: "push: has the mobile app, push on, not logged in"
            case .noMobileApp: "no push: no mobile app"
            case .pushOff: "no push: push is off"
            case .loggedIn: "no push: logged in"
            case .notNotified: "not notified: customer-messages none (no bubble, no push, no email fallback)"
            }
            guard let deadline else {
                return "\(describe(message)) posted; \(why)" + (push == .notNotified ? "" : "; no email fallback (a mention decided it: mention-email now)")
            }
            return "\(describe(message)) posted; \(why); email fallback decided at \(deadline)"
        case .delivered(let message, let channel, let late):
            return "\(channel.name): \(describe(message)) arrives" + (late == .zero ? "" : " (\(late) after it was due)")
        case .attemptFailed(let message, let channel, let failures, let retryAt):
            // A pause longer than the 10-minute cap means the retries sure to fail were counted at once.
            let countedAhead = retryAt - time > .minutes(10) ? ", including the retries of the outage counted at once" : ""
            return "\(channel.name): \(describe(message)) failed, the channel is down "
                + "(\(failures) failed \(failures == 1 ? "attempt" : "attempts") so far\(countedAhead)); tried again at \(retryAt)"
        case .bounced(let message, let channel):
            return "\(channel.name): \(describe(message)) bounced for good (not retried)"
        case .seenAtArrival(let message):
            return "seen at arrival: logged in and viewing \(cast.name(of: message.thread))"
        case .unseenAtArrival(_, let unread, let bubble):
            return "unseen at arrival: unread \(unread), bubble \(bubble)"
        case .channelChosen(let message, let channel):
            return "\(describe(message)): " + Self.whyChosen(channel)
        case .fallback(let message, let decision):
            // A customer's fallback (v3) is about the widget: seen there, or not.
            let widget = cast.isCustomer(person) ? " in the widget" : ""
            let why = switch decision {
            case .seen: "seen\(widget) before its deadline: no email"
            case .emailOff: "unseen\(widget) at its deadline, but email is off: no email"
            case .sendEmail: "unseen\(widget) at its deadline with email on: the fallback email falls due"
            case .batched: "unseen\(widget) at its deadline with email on: the fallback email waits in a batch"
            }
            return "email fallback for \(describe(message)): \(why)"
        case .widgetFallback(let message, let deadline, let emailAfter):
            guard let deadline else {
                return "no email fallback for \(describe(message)): not in live chat at posting, so emailed at once "
                    + "(email-after \(emailAfter) applies only to what reaches them by chat)"
            }
            return "email fallback for \(describe(message)) decided at \(deadline): it reached them by chat (email-after \(emailAfter))"
        case .viewedInWidget(let thread, let seen):
            return "views \(cast.name(of: thread)) in the live chat widget: \(seen) chat \(seen == 1 ? "message" : "messages") seen; "
                + "later chat messages of \(cast.name(of: thread)) are seen as they arrive"
        case .seenInWidget(let message):
            return "seen at arrival: viewing \(cast.name(of: message.thread)) in the live chat widget"
        case .emailedForMention(let message, let team, let emailOn):
            let how = team.map { "mentions team \(cast.name(of: $0)), which holds them" } ?? "mentions them"
            return "email for \(describe(message)): it \(how), mention-email is now and they were not viewing "
                + "\(cast.name(of: message.thread)): " + (emailOn ? "emailed at once, no fallback email" : "email is off: no email, and no fallback")
        case .presence(let change):
            return switch change {
            case .loggedIn: "logs in"
            case .loggedOut: "logs out (and stops viewing)"
            case .joinedChat: "joins live chat"
            case .leftChat: "leaves live chat"
            }
        case .viewed(let thread, let kind, let seen, let unread, let bubble):
            let what = "\(seen) \(seen == 1 ? "message" : "messages") seen; unread \(unread), bubble \(bubble)"
            return switch kind {
            case .opened: "views \(cast.name(of: thread)): \(what)"
            case .onMobile: "views \(cast.name(of: thread)) on mobile: \(what) (not logged in, not a lasting view)"
            case .wrote: "viewing \(cast.name(of: thread)): wrote to it (writing is viewing); \(what)"
            }
        case .rejected(let message):
            return "rejected: \(message)"
        case .action(let action):
            return Self.actionText(action, cast: cast)
        case .batchOut(let thread, let carrier, let covered, let dropped):
            let droppedText = dropped == 0 ? "" : "; \(dropped) dropped as seen"
            guard let carrier else {
                return "email batch for \(cast.name(of: thread)): nothing sent, "
                    + (dropped == 1 ? "its message was seen meanwhile" : "all \(dropped) messages were seen meanwhile")
            }
            let earlier = covered - 1
            return "email batch for \(cast.name(of: thread)) goes out as \(describe(carrier))"
                + (earlier > 0 ? ", batched with \(earlier) earlier \(earlier == 1 ? "message" : "messages")" : "") + droppedText
        case .mentioned(let author, let thread):
            return "mentioned by \(cast.name(of: author)): added to \(cast.name(of: thread))"
        case .throughTeam(let message, let team):
            return "\(describe(message)): a recipient through team \(cast.name(of: team))"
        case .teamChanged(let team, let joined, let actor):
            return joined
                ? "added to team \(cast.name(of: team)) by \(cast.name(of: actor))"
                : "removed from team \(cast.name(of: team)) by \(cast.name(of: actor))"
        case .lostThroughTeam(let thread, let team):
            return "no longer in \(cast.name(of: thread)): was in it only through team \(cast.name(of: team))"
        case .viewEnded(let thread, .stopped):
            return "stops viewing \(cast.name(of: thread)): later messages are unseen at arrival"
        case .viewEnded(let thread, .lostAccess):
            return "stops viewing \(cast.name(of: thread)): may no longer view it"
        case .viewEnded(let thread, .leftChat):
            return "view of \(cast.name(of: thread)) in the widget ends: left live chat; later chat messages are unseen at arrival"
        case .viewEnded(let thread, .viewedAnother(let other)):
            return "stops viewing \(cast.name(of: thread)): views \(cast.name(of: other)) instead"
        case .viewEnded(let thread, .timedOut(let timeout, let since)):
            return "view of \(cast.name(of: thread)) ends: view-timeout \(timeout) after the last view or post at \(since); later messages are unseen at arrival"
        case .throughItem(let thread, let item, let joined):
            return joined
                ? "in \(cast.name(of: thread)) as a follower of \(cast.name(of: item))"
                : "no longer in \(cast.name(of: thread)): was in it only as a follower of \(cast.name(of: item))"
        case .took(let thread, let joined):
            return joined
                ? "takes \(cast.name(of: thread)) (a participant from now on)"
                : "takes \(cast.name(of: thread)): already a participant, so it only views it"
        case .settingChanged(let change, let actor):
            return "setting changed by \(cast.name(of: actor)) (an admin): \(StatementText.setting(change))"
        case .tookByWriting(let thread):
            return "takes \(cast.name(of: thread)) by writing in it (seen through customer-messages all)"
        case .chatAssigned(let thread, let waited, let openChats, let capacity):
            let room = capacity.map { "chat-capacity \($0)" } ?? "chat-capacity unlimited"
            return "assigned the chat \(cast.name(of: thread)) by chat routing after it waited \(waited) "
                + "(free with \(openChats) open \(openChats == 1 ? "chat" : "chats"), \(room)); joins it and gets its messages so far"
        case .chatAbandoned(let thread, let waited):
            return "abandons the chat \(cast.name(of: thread)) after waiting \(waited) (customers wait at most \(waited)): "
                + "the conversation stays open, no longer a chat"
        case .chatHandled(let thread, let time):
            return "closes the chat \(cast.name(of: thread)): handled in \(time) (chat load)"
        }
    }

    /// A person's own action: `drafts conversation plan with jonas (not sent)`.
    static func actionText(_ action: PlannedEvent.Action, cast: Cast) -> String {
        func thread(_ ref: ThreadRef) -> String { StatementText.thread(ref, cast) }
        func names(_ refs: [PersonRef]) -> String { StatementText.people(refs, cast) }
        switch action {
        case .start(_, let t, let isCustomer, let listed, let item, _):
            let on = item.map { " on \(thread($0))" } ?? ""
            return "starts \(isCustomer ? "customer " : "")conversation \(thread(t))\(listed.isEmpty ? "" : " with \(names(listed))")\(on)"
        case .draft(_, let t, let isCustomer, let listed, let item):
            let on = item.map { " on \(thread($0))" } ?? ""
            return "drafts \(isCustomer ? "customer " : "")conversation \(thread(t))\(listed.isEmpty ? "" : " with \(names(listed))")\(on) (not sent)"
        case .take(_, let t): return "takes \(thread(t)) (a participant from now on)"
        case .link(_, let t, let item): return "links \(thread(t)) to \(thread(item)): its followers follow the conversation"
        case .stopViewing, .settingBy, .customersSetting, .chatRouting, .customerPatience:
            return StatementText.action(action, cast: cast)
        case .send(_, let t, _): return "sends the draft \(thread(t))"
        case .cancel(_, let t): return "cancels the draft \(thread(t)) (nothing is sent)"
        case .write(_, let t, _, let route): return route == .email ? "replies by email to \(thread(t))" : "writes to \(thread(t))"
        case .note(_, let t, _): return "notes \(thread(t)) (internal)"
        case .add(_, let people, let t): return "adds \(names(people)) to \(thread(t))"
        case .remove(_, let people, let t): return "removes \(names(people)) from \(thread(t))"
        case .joinTeam(_, let people, let team): return "adds \(names(people)) to team \(StatementText.team(team, cast))"
        case .leaveTeam(_, let people, let team): return "removes \(names(people)) from team \(StatementText.team(team, cast))"
        case .follow(_, let t): return "follows \(thread(t))"
        case .unfollow(_, let t): return "unfollows \(thread(t))"
        case .close(_, let t): return "closes \(thread(t))"
        case .reopen(_, let t): return "reopens \(thread(t))"
        case .logIn, .logOut, .joinChat, .leaveChat, .view, .viewOnMobile, .setting, .mobile, .channel:
            return StatementText.action(action, cast: cast)
        }
    }
}
