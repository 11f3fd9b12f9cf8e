import Foundation
import Synchronization

/// Standard output or error, written with `write(2)` and every write checked: a report that cannot
/// be written (`> /dev/full`, a closed stdout, a reader gone) is noticed, and the command exits 2
/// with the reason instead of reporting success it could not show.
final class StandardStream: Sendable {
    static let output = StandardStream(descriptor: STDOUT_FILENO, name: "standard output")
    static let error = StandardStream(descriptor: STDERR_FILENO, name: "standard error")

    private let descriptor: Int32
    private let name: String
    private let failure = Mutex<String?>(nil)

    private init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// Writes `text`; after a failed write, nothing more is attempted.
    func write(_ text: String) {
        guard failure.withLock({ $0 == nil }) else { return }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Foundation.write(descriptor, raw.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                failure.withLock { $0 = reason }
                return
            }
            offset += written
        }
    }

    /// Why a write failed, if one did: `cannot write to standard output: No space left on device`.
    var failureMessage: String? {
        failure.withLock { reason in reason.map { "cannot write to \(name): \($0)" } }
    }

    /// Signals that would end the process on a failed write are turned into errors the writes see:
    /// SIGPIPE (a reader gone) and SIGXFSZ (`ulimit -f`).
    static func ignoreWriteSignals() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
    }
}
