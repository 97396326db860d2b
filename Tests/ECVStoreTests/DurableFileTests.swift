import ECVTestSupport
import Foundation
import Testing

@testable import ECVStore
@testable import ECVSync

/// Files written whole and flushed, keys created private from their first byte.
@Suite struct DurableFileTests {
    @Test func replacingRefusesATargetThatIsNotARegularFileAndLeavesItAlone() throws {
        let folder = try TemporaryFolder()
        let target = folder.url.appendingPathComponent("a-folder")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        #expect(throws: FileError.notARegularFile(target.path)) {
            try DurableFile.replace(target.path, with: Data("bundle".utf8))
        }
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder) && isFolder.boolValue)
        #expect(throws: FileError.notARegularFile("/dev/full")) {
            try DurableFile.replace("/dev/full", with: Data("bundle".utf8))
        }
    }

    @Test func replacingWritesTheWholeFileAndLeavesNoPartialFile() throws {
        let folder = try TemporaryFolder()
        let target = folder.url.appendingPathComponent("out.ecvbundle").path
        try DurableFile.replace(target, with: Data("old".utf8))
        try DurableFile.replace(target, with: Data("new".utf8))
        #expect(FileManager.default.contents(atPath: target) == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["out.ecvbundle"])
    }

    @Test func aLaptopKeyIsPrivateToItsOwnerInAPrivateFolder() throws {
        let folder = try TemporaryFolder()
        let keys = folder.url.appendingPathComponent("keys")
        _ = try LaptopKey.create(name: "laptop-3", in: keys)
        let key = try FileManager.default.attributesOfItem(
            atPath: keys.appendingPathComponent("laptop-laptop-3-ed25519.key").path)
        let folderMode = try FileManager.default.attributesOfItem(atPath: keys.path)
        #expect((key[.posixPermissions] as? Int) == 0o600)
        #expect((folderMode[.posixPermissions] as? Int) == 0o700)
    }

    @Test func ofManyConcurrentKeyCreationsExactlyOneSucceeds() async throws {
        let folder = try TemporaryFolder()
        let keys = folder.url.appendingPathComponent("keys")
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { (try? LaptopKey.create(name: "laptop-3", in: keys)) != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try LaptopKey.find(in: keys)?.name == "laptop-3")
    }

    @Test func aKeyIsNeverReplaced() throws {
        let folder = try TemporaryFolder()
        let keys = folder.url.appendingPathComponent("keys")
        let first = try LaptopKey.create(name: "laptop-3", in: keys)
        #expect(throws: KeyError.self) { try LaptopKey.create(name: "laptop-3", in: keys) }
        #expect(try LaptopKey.find(in: keys)?.publicKey.fingerprint == first.publicKey.fingerprint)
    }
}
