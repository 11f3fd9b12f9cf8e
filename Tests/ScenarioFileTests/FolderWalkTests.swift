import Foundation
import OmniSim
import Synchronization
@testable import OmniSimRunner
import Testing

/// The folder walk as a hostile tree meets it: every scenario file found once, nothing skipped in
/// silence (names that are not UTF-8, paths past PATH_MAX, links to nowhere, FIFOs), and links that
/// multiply the paths to a folder never multiply the work.
@Suite("Folder walks: every file found once, nothing dropped in silence")
struct FolderWalkTests {
    @Test("random trees with links, hard links, odd names and depth: the walk finds what an independent listing finds", arguments: 0..<24)
    func randomTrees(seed: UInt64) throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let tree = try RandomTree.make(at: root, seed: seed)
        let found = try ScenarioFiles.collect([root])
        let identities = try found.map { try identity(of: $0) }
        #expect(Set(identities) == tree.scenarioFiles, "seed \(seed): every scenario file, and nothing else")
        #expect(identities.count == Set(identities).count, "seed \(seed): a file reached by two paths runs once")
        #expect(found == found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "seed \(seed): in path order")
    }

    @Test("a folder name that is not UTF-8 is an error naming its bytes, not a skipped folder")
    func undecodableFolderName() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("user a\n", to: "\(root)/ok.scenario")
        let name: [UInt8] = Array("\(root)/caf".utf8) + [0xE9]
        #expect(mkdir(bytes: name) == 0)
        #expect(throws: ScenarioFiles.Problem(description: "the folder '\(root)' holds 'caf\\xE9', a name that is not valid UTF-8; omnisim reads names as UTF-8 text: rename it")) {
            try ScenarioFiles.collect([root])
        }
    }

    @Test("a scenario below a path longer than PATH_MAX is an error that says so, not a skipped folder")
    func pathLongerThanPathMax() throws {
        let root = try temporaryFolder()
        defer { removeDeepTree(root) }
        try write("user a\n", to: "\(root)/ok.scenario")
        // 22 folders of 200 bytes: made one below the other through descriptors (no path that long can be named).
        var folder = open(root, O_RDONLY | O_DIRECTORY)
        let name = String(repeating: "d", count: 200)
        for _ in 0..<22 {
            #expect(mkdirat(folder, name, 0o755) == 0)
            let next = openat(folder, name, O_RDONLY | O_DIRECTORY)
            close(folder)
            folder = next
        }
        let file = openat(folder, "x.scenario", O_WRONLY | O_CREAT, 0o644)
        #expect(file >= 0)
        close(file)
        close(folder)
        let problem = #expect(throws: ScenarioFiles.Problem.self) { try ScenarioFiles.collect([root]) }
        #expect(problem?.description.contains("File name too long") == true)
    }

    @Test("a link to nowhere, and a FIFO named *.scenario, are errors that name them")
    func brokenLinksAndFIFOs() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("user a\n", to: "\(root)/ok.scenario")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/suite", withDestinationPath: "\(root)/moved-away")
        #expect(throws: ScenarioFiles.Problem(description: "cannot read '\(root)/suite': a symbolic link to '\(root)/moved-away', which does not exist")) {
            try ScenarioFiles.collect([root])
        }
        try FileManager.default.removeItem(atPath: "\(root)/suite")
        #expect(mkfifo("\(root)/piped.scenario", 0o644) == 0)
        #expect(throws: ScenarioFiles.Problem(description: "'\(root)/piped.scenario' is a FIFO, not a regular file: a folder's scenarios are files (give a stream by its name to read it)")) {
            try ScenarioFiles.collect([root])
        }
        // A FIFO given by name is a stream to read; one not named like a scenario is no scenario.
        #expect(try ScenarioFiles.collect(["\(root)/piped.scenario"]) == ["\(root)/piped.scenario"])
        try FileManager.default.removeItem(atPath: "\(root)/piped.scenario")
        #expect(mkfifo("\(root)/notes.pipe", 0o644) == 0)
        #expect(try ScenarioFiles.collect([root]) == ["\(root)/ok.scenario"])
    }

    @Test("21 folders each linking twice to the next: each real folder is read once, the file taken once")
    func doublingLinksAreLinear() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for level in 1...21 { try makeFolder("\(root)/f\(level)") }
        try write("user a\n", to: "\(root)/f21/x.scenario")
        for level in 1...20 {
            for link in ["a", "b"] {
                try FileManager.default.createSymbolicLink(atPath: "\(root)/f\(level)/\(link)", withDestinationPath: "../f\(level + 1)")
            }
        }
        let counting = CountingTree()
        let found = try ScenarioFiles.collect(["\(root)/f1"], in: counting)
        #expect(found == ["\(root)/f1/" + String(repeating: "a/", count: 20) + "x.scenario"])
        #expect(counting.folderReads.withLock { $0 } == 21)
    }

    @Test("a file reached twice runs once: by two links, a hard link, or as a folder's file and by name")
    func reachedTwiceRunsOnce() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try makeFolder("\(root)/s/real")
        try write("user a\n", to: "\(root)/s/real/x.scenario")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/s/alias", withDestinationPath: "real")
        try FileManager.default.linkItem(atPath: "\(root)/s/real/x.scenario", toPath: "\(root)/s/hard.scenario")
        #expect(try ScenarioFiles.collect(["\(root)/s"]) == ["\(root)/s/alias/x.scenario"])
        #expect(try ScenarioFiles.collect(["\(root)/s/real/x.scenario", "\(root)/s", "\(root)/s/real"]) == ["\(root)/s/real/x.scenario"])
    }

    @Test("standard input given twice, or a FIFO given twice, is an error: a stream can be read once")
    func streamsGivenTwice() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: ScenarioFiles.Problem(description: "'-' (standard input) is given twice; standard input can be read once")) {
            try ScenarioFiles.collect(["-", "-"])
        }
        #expect(mkfifo("\(root)/in.scenario", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: "\(root)/again.scenario", withDestinationPath: "in.scenario")
        #expect(throws: ScenarioFiles.Problem.self) { try ScenarioFiles.collect(["\(root)/in.scenario", "\(root)/again.scenario"]) }
    }
}

/// The system's tree, counting the folders it reads.
final class CountingTree: FileTree {
    let folderReads = Mutex(0)
    private let system = SystemFileTree()
    func kind(of path: String) throws(FileTreeError) -> FileKind { try system.kind(of: path) }
    func entries(of path: String) throws(FileTreeError) -> [EntryName] {
        folderReads.withLock { $0 += 1 }
        return try system.entries(of: path)
    }
}

/// A random tree on disk and, kept beside it, what an independent listing must find: the
/// identity of every regular file a `*.scenario` name leads to (a link to a folder leads only to
/// one made after the link's own folder, so the tree has no loop).
struct RandomTree {
    var scenarioFiles: Set<FileIdentity> = []

    static let oddNames = [
        "plain", "with space", "-leading-dash", "tab\there", "new\nline", "quote'd", "double\"quote", "back\\slash",
        "café", "日本語", "emoji 🚀", "star*", "percent%20", "brackets[1]", String(repeating: "long", count: 50), ".hidden",
    ]

    static func make(at root: String, seed: UInt64) throws -> RandomTree {
        var random = SplitMix64(seed: seed)
        var tree = RandomTree()
        var folders = [""]
        var usedNames: [String: Set<String>] = ["": []]
        func freshName(in folder: String, suffix: String = "") -> String {
            var name: String
            repeat {
                name = oddNames[random.below(oddNames.count)] + "\(random.below(1_000))" + suffix
            } while usedNames[folder, default: []].contains(name)
            usedNames[folder, default: []].insert(name)
            return name
        }
        func path(_ relative: String) -> String { relative.isEmpty ? root : "\(root)/\(relative)" }
        func join(_ folder: String, _ name: String) -> String { folder.isEmpty ? name : "\(folder)/\(name)" }
        // Folders, up to a dozen deep.
        for _ in 0..<random.within(3...14) {
            let parent = folders[random.below(folders.count)]
            guard parent.split(separator: "/").count < 12 else { continue }
            let folder = join(parent, freshName(in: parent))
            try makeFolder(path(folder))
            folders.append(folder)
        }
        // Files: scenarios, others, hard links of earlier scenarios.
        var scenarios: [String] = []
        for _ in 0..<random.within(1...20) {
            let folder = folders[random.below(folders.count)]
            switch random.below(5) {
            case 0:
                try write("not a scenario\n", to: path(join(folder, freshName(in: folder, suffix: ".txt"))))
            case 1 where !scenarios.isEmpty:
                let target = scenarios[random.below(scenarios.count)]
                try FileManager.default.linkItem(atPath: path(target), toPath: path(join(folder, freshName(in: folder, suffix: ".scenario"))))
            default:
                let file = join(folder, freshName(in: folder, suffix: ".scenario"))
                try write("user a\n", to: path(file))
                scenarios.append(file)
                tree.scenarioFiles.insert(try identity(of: path(file)))
            }
        }
        // Links: to folders that do not contain the link, and to scenario files.
        for _ in 0..<random.within(0...8) {
            let folder = folders[random.below(folders.count)]
            if random.below(2) == 0, !scenarios.isEmpty {
                let target = scenarios[random.below(scenarios.count)]
                try FileManager.default.createSymbolicLink(atPath: path(join(folder, freshName(in: folder, suffix: ".scenario"))), withDestinationPath: path(target))
            } else {
                // Only to a folder made later: links and folders then form no cycle (a loop is an error of its own).
                let made = folders.firstIndex(of: folder) ?? 0
                let candidates = Array(folders[(made + 1)...])
                guard !candidates.isEmpty else { continue }
                let target = candidates[random.below(candidates.count)]
                try FileManager.default.createSymbolicLink(atPath: path(join(folder, freshName(in: folder))), withDestinationPath: path(target))
            }
        }
        if tree.scenarioFiles.isEmpty {
            let file = freshName(in: "", suffix: ".scenario")
            try write("user a\n", to: path(file))
            tree.scenarioFiles.insert(try identity(of: path(file)))
        }
        return tree
    }
}

func identity(of path: String) throws -> FileIdentity {
    var info = stat()
    guard stat(path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
    return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
}

/// `mkdir(2)` of a path given as bytes (a name that is not UTF-8 cannot be a Swift string).
func mkdir(bytes: [UInt8]) -> Int32 {
    (bytes + [0]).withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { Foundation.mkdir($0.baseAddress!, 0o755) }
    }
}

/// Removes a tree too deep to name by path (`rm` walks it by descriptors).
func removeDeepTree(_ root: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/rm")
    process.arguments = ["-rf", root]
    try? process.run()
    process.waitUntilExit()
}
