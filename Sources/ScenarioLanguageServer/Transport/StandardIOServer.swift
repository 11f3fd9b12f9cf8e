import Dispatch
import Foundation
import Synchronization

/// `omnisim lsp`: a ``ServerSession`` on standard input and output.
///
/// A reader thread takes bytes off standard input as they come and queues them; the calling thread
/// works through all that has queued at once, as one batch. So the client is never blocked writing
/// while a long compile runs, a `$/cancelRequest` sent meanwhile reaches the request it cancels, and
/// a burst of edits is compiled once. Replies are written whole, each write checked.
public enum StandardIOServer {
    /// Serves until `exit` or the end of standard input; returns the process's exit status (0 after
    /// `shutdown` then `exit`, else 1).
    public static func run(input: Int32 = 0, output: Int32 = 1) -> Int32 {
        let inbox = Inbox()
        let reader = Thread {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = chunk.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    inbox.finish()
                    return
                }
                inbox.put(Array(chunk[0..<count]))
            }
        }
        reader.start()
        var session = ServerSession()
        while let bytes = inbox.take() {
            let reply = session.receive(bytes)
            guard write(reply, to: output) else { return 1 }
            if let status = session.exitStatus { return status }
        }
        // Standard input ended without `exit`: the client is gone.
        return session.server.exitStatus ?? 1
    }

    /// Writes all of `bytes`; false when the other side is gone.
    private static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Bytes read and not yet worked on, handed from the reader thread to the worker.
    private final class Inbox: Sendable {
        private let state = Mutex<(bytes: [UInt8], finished: Bool)>(([], false))
        private let ready = DispatchSemaphore(value: 0)

        func put(_ bytes: [UInt8]) {
            state.withLock { $0.bytes += bytes }
            ready.signal()
        }

        func finish() {
            state.withLock { $0.finished = true }
            ready.signal()
        }

        /// Everything queued so far (waiting for some), or nil once input ended and all was taken.
        func take() -> [UInt8]? {
            while true {
                let taken: [UInt8]? = state.withLock { state in
                    if !state.bytes.isEmpty {
                        defer { state.bytes.removeAll() }
                        return state.bytes
                    }
                    return state.finished ? [] : nil
                }
                if let taken { return taken.isEmpty ? nil : taken }
                ready.wait()
            }
        }
    }
}
