import ECVTestSupport
import Foundation
import GRDB
import Testing

@testable import ECVStore
@testable import ECVSync

/// Thousands of mutated bundles: none crashes the importer, and each imports whole or changes nothing.
@Suite struct BundleFuzzTests {
    static let boundaries = [
        "0", "-1", "2147483647", "2147483648", "2147483649", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "1e308", "-1e308", "4294967296", "1.5",
    ]

    @Test func twoThousandMutatedBundlesEachImportWholeOrChangeNothing() throws {
        let laptop = try SyncTests.Site("laptop-a")
        let office = try SyncTests.Site("office", who: "Wang Fang")
        let stranger = try SyncTests.Site("laptop-z")
        try office.trusts(laptop)
        try laptop.record("HLJ-FIRE-01", [("power.grounding", "1.1"), ("power.generator-start", "fail")], minutes: 0)
        try laptop.record("HLJ-FIRE-01", [("power.grounding", "1.3")], minutes: 5)
        try laptop.record("JL-FIRE-01", [("power.grounding", "1.2")], minutes: 9)
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
        _ = try laptop.store.savePhoto(
            png, kind: .png, of: StoreTests.placement(), item: "power.grounding", catalog: SyncTests.catalog,
            by: laptop.actor, at: SyncTests.start.addingTimeInterval(600), makeID: TimeOrderedID.make)
        let original = try laptop.exportData()
        var random = SeededGenerator(seed: 2027)
        var outcomes = (imported: 0, refused: 0)
        for round in 0..<2_000 {
            let mutated =
                try Mutation.allCases.randomElement(using: &random).map {
                    try $0.apply(to: original, laptop: laptop.key, stranger: stranger.key, using: &random)
                } ?? original
            let before = try office.dump()
            do {
                let bundle = try SyncBundle(data: mutated)
                try office.importing(bundle)
                outcomes.imported += 1
                let ids = try office.store.pool.read { db in try Set(UUID.fetchAll(db, sql: "SELECT id FROM result")) }
                #expect(bundle.results.allSatisfy { ids.contains($0.id) }, "round \(round): imported in part")
            } catch is BundleError {
                outcomes.refused += 1
                #expect(try office.dump() == before, "round \(round): a refused bundle changed the database")
            }
        }
        #expect(outcomes.imported > 0 && outcomes.refused > 1_000, "\(outcomes)")
    }

    /// Ways a bundle is damaged or forged; most are sealed again (checksums and signature made to match),
    /// so that the checks behind the signature are what stops them.
    enum Mutation: CaseIterable {
        case flipABit, flipABitAndReseal, boundaryNumber, swapFields, truncateLine, duplicateLine, dropLine
        case swapLines, hugeManifestCount, signedByAStranger

        func apply(
            to data: Data, laptop: LaptopKey, stranger: LaptopKey, using random: inout SeededGenerator
        ) throws -> Data {
            var bundle = try SplitBundle(data)
            switch self {
            case .flipABit:
                var flipped = data
                let index = Int.random(in: 0..<flipped.count, using: &random)
                flipped[index] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
                return flipped
            case .flipABitAndReseal:
                bundle.changeRecord(using: &random) { line, random in
                    guard !line.isEmpty else { return }
                    line[Int.random(in: 0..<line.count, using: &random)] ^=
                        UInt8(1) << UInt8.random(in: 0..<8, using: &random)
                }
            case .boundaryNumber:
                let number = BundleFuzzTests.boundaries.randomElement(using: &random) ?? "0"
                bundle.changeRecord(using: &random) { line, random in
                    line = Data(SplitBundle.replacing(#"-?\d+(\.\d+)?"#, in: line, with: number, using: &random).utf8)
                }
            case .swapFields:
                bundle.changeRecord(using: &random) { line, random in
                    line = Data(SplitBundle.swappingStrings(in: line, using: &random).utf8)
                }
            case .truncateLine:
                bundle.changeRecord(using: &random) { line, random in
                    line = line.prefix(Int.random(in: 0...line.count, using: &random))
                }
            case .duplicateLine: bundle.duplicateRecord(using: &random)
            case .dropLine: bundle.dropRecord(using: &random)
            case .swapLines: bundle.swapRecords(using: &random)
            case .hugeManifestCount:
                let count = BundleFuzzTests.boundaries.randomElement(using: &random) ?? "0"
                bundle.manifest = Data(
                    SplitBundle.replacing(
                        #""lines":\d+"#, in: bundle.manifest, with: "\"lines\":\(count)", using: &random
                    ).utf8)
                return try bundle.sealed(by: laptop, recount: false)
            case .signedByAStranger:
                return try bundle.sealed(by: stranger)
            }
            return try bundle.sealed(by: laptop)
        }
    }
}
