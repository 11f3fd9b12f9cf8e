import Foundation
import Synchronization

/// The temporary files this process is writing outputs into (``OutputFile``: a trace, JUnit, HTML,
/// an index, each renamed over its file when done), so that an interrupted run removes them on
/// the way out and leaves every output as it was.
///
/// ``removeOnSignals()`` turns SIGINT, SIGTERM and SIGHUP into a clean exit: the signal handler
/// only writes the signal's number to a pipe (`write(2)` is async-signal-safe); a thread of its
/// own reads it, removes every temporary file registered — under the same lock that creating and
/// renaming one take, so none is made, or renamed into place, half-way — and ends the process with
/// the shell's status for that signal (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
public enum TemporaryFiles {
    /// The registry's state. The files are kept under an `NSLock` (a pthread mutex), not a
    /// `Mutex`: runs finishing on two threads at once contend for it, and a contended `Mutex` waits
    /// in a priority-inheritance futex, which ThreadSanitizer cannot see order the two holders.
    private final class State: Sendable {
        let live = LockedFiles()
        /// The write end of the pipe the handler writes a signal's number to (-1 before ``removeOnSignals()``).
        let signalPipe = Atomic<Int32>(-1)
        let installed = Mutex(false)
    }

    /// The set of live temporary files, touched only under its lock.
    ///
    /// `@unchecked Sendable`, and why that is sound: `files` is private and read or written only
    /// inside ``withLock(_:)``, which holds `lock` for the whole of `body`; so no two threads ever
    /// touch it at once, and each sees what the last holder wrote (the mutex orders them).
    private final class LockedFiles: @unchecked Sendable {
        private let lock = NSLock()
        private var files = Set<String>()

        func withLock<Result>(_ body: (inout Set<String>) -> Result) -> Result {
            lock.lock()
            defer { lock.unlock() }
            return body(&files)
        }
    }

    private static let state = State()

    /// Runs `make`, which creates a temporary file and returns its descriptor (negative: failed)
    /// and path; the file is registered before any signal can be handled.
    static func create(_ make: () -> (descriptor: Int32, path: String)) -> (descriptor: Int32, path: String) {
        state.live.withLock { files in
            let made = make()
            if made.descriptor >= 0 { files.insert(made.path) }
            return made
        }
    }

    /// Renames the temporary file at `path` to `target` (the `rename(2)` result) and forgets it.
    static func rename(_ path: String, to target: String) -> Int32 {
        state.live.withLock { files in
            files.remove(path)
            return Foundation.rename(path, target)
        }
    }

    /// Removes the temporary file at `path` and forgets it.
    static func remove(_ path: String) {
        state.live.withLock { files in
            files.remove(path)
            unlink(path)
        }
    }


    /// Installs the handlers for SIGINT, SIGTERM and SIGHUP (once per process).
    public static func removeOnSignals() {
        let first = state.installed.withLock { installed in
            defer { installed = true }
            return !installed
        }
        guard first else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        state.signalPipe.store(ends[1], ordering: .sequentiallyConsistent)
        let reader = ends[0]
        let thread = Thread {
            var signal: UInt8 = 0
            while read(reader, &signal, 1) != 1 {
                if errno != EINTR { return }
            }
            state.live.withLock { files in
                for path in files { unlink(path) }
                let name = signal == UInt8(SIGINT) ? "SIGINT" : signal == UInt8(SIGTERM) ? "SIGTERM" : "SIGHUP"
                let note = "omnisim: interrupted (\(name)); its unfinished outputs were removed, the files they would replace are as they were\n"
                _ = note.withCString { Foundation.write(STDERR_FILENO, $0, strlen($0)) }
                _exit(128 + Int32(signal))
            }
        }
        thread.name = "omnisim-signals"
        thread.start()
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number) { received in
                var byte = UInt8(truncatingIfNeeded: received)
                let end = TemporaryFiles.state.signalPipe.load(ordering: .relaxed)
                if end >= 0 { _ = write(end, &byte, 1) }
            }
        }
    }
}
