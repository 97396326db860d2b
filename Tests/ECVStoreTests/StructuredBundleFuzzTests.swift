import ECVTestSupport
import Testing

/// Five hundred structure-aware mutants of a real export, re-signed by the enrolled laptop: every invariant holds.
@Suite struct StructuredBundleFuzzTests {
    @Test func fiveHundredResignedMutantsKeepEveryInvariant() throws {
        let counts = try BundleFuzzer().run(mutants: 500, seed: 21)
        #expect(counts.breaks.isEmpty, "\(counts): \(Set(counts.breaks.map { $0.drop { $0 != ":" } }).prefix(8))")
        #expect(counts.imported > 0 && counts.refused > 0, "\(counts)")
    }
}
