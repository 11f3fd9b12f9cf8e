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
    /// Whether a write failed because the reader closed its end (EPIPE: `omnisim run … | head`).
    private let readerClosed = Mutex(false)

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
                let code = errno
                let reason = String(cString: strerror(code))
                failure.withLock { $0 = reason }
                if code == EPIPE { readerClosed.withLock { $0 = true } }
                return
            }
            offset += written
        }
    }

    /// Whether the reader of this stream went away (a pipe closed early, as `head` closes it): not
    /// an error to report — whoever read enough has what they wanted — but no success either.
    var readerWentAway: Bool { readerClosed.withLock { $0 } }

    /// Why a write failed, if one did: `cannot write to standard output: No space left on device`.
    var failureMessage: String? {
        failure.withLock { reason in reason.map { "cannot write to \(name): \($0)" } }
    }

    /// Makes the process safe to write from, before anything else runs:
    /// - SIGPIPE (a reader gone) and SIGXFSZ (`ulimit -f`) become errors that the writes see,
    ///   instead of ending the process with half a report;
    /// - a standard descriptor that was closed is held by `/dev/null`, so that no file opened later
    ///   takes its number (a trace opened as descriptor 1 would receive the report); a closed
    ///   standard output counts as a failed write.
    static func prepareProcess() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            let placeholder = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if placeholder >= 0, placeholder != descriptor {
                dup2(placeholder, descriptor)
                close(placeholder)
            }
            if descriptor == STDOUT_FILENO { output.failure.withLock { $0 = String(cString: strerror(EBADF)) } }
        }
    }
}
