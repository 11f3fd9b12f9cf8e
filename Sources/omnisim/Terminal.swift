import Foundation
import OmniSim
import Synchronization

/// What the terminal can show: colour only on a terminal and without NO_COLOR.
enum Terminal {
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    static func usesColour(_ descriptor: Int32) -> Bool {
        isTerminal(descriptor) && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }
}

/// A live progress line on stderr (only on a terminal, only once a run has taken a second): the
/// virtual time reached, deliveries so far, and events per second of the scenario running now.
final class ProgressLine: Sendable {
    private let files: [String]
    private let progress: [RunProgress]
    private let started: Date
    private let state = Mutex<(done: Set<String>, stopped: Bool, shown: Bool)>(([], false, false))

    init(files: [String], progress: [RunProgress], started: Date) {
        self.files = files
        self.progress = progress
        self.started = started
    }

    func start() {
        let thread = Thread { [self] in
            while !state.withLock({ $0.stopped }) {
                Thread.sleep(forTimeInterval: 0.25)
                show()
            }
        }
        thread.start()
    }

    func finished(_ path: String) {
        state.withLock { _ = $0.done.insert(path) }
        clear()
    }

    func stop() {
        state.withLock { $0.stopped = true }
        clear()
    }

    private func show() {
        let elapsed = Date().timeIntervalSince(started)
        guard elapsed >= 1 else { return }
        let done = state.withLock { $0.done }
        guard let index = files.indices.first(where: { !done.contains(files[$0]) && progress[$0].events > 0 }) else { return }
        let p = progress[index]
        let rate = Double(p.events) / elapsed
        let line = String(format: "\r\u{1B}[K%@: virtual time %@, %d deliveries, %.0f events/s", files[index], p.time.description, p.deliveries, rate)
        state.withLock { $0.shown = true }
        StandardStream.error.write(line)
    }

    private func clear() {
        let shown = state.withLock { state in
            defer { state.shown = false }
            return state.shown
        }
        if shown { StandardStream.error.write("\r\u{1B}[K") }
    }
}
