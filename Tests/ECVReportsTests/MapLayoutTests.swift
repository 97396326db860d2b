import ECVModel
import Testing

@testable import ECVReports

/// The route map's names: never one over another, each city once.
@Suite struct MapLayoutTests {
    @Test func namesOfCrowdedStopsNeverCoverEachOther() {
        var labels = MapLabels()
        labels.reserve(x: 10, y: 18, text: "■ 东北线 / Northeast line · 东北组 / Northeast team", size: 11)
        var generator = SystemRandomNumberGenerator()
        var placed: [(text: String, x: Double, y: Double)] = []
        // 200 stops in a 300 × 200 corner, many of them closer than a name is long; some names repeat.
        for index in 0..<200 {
            let text = index % 7 == 0 ? "哈尔滨 / Harbin" : "站点\(index) / Stop \(index)"
            let x = Double.random(in: 0...300, using: &generator)
            let y = Double.random(in: 0...200, using: &generator)
            if let (lx, ly) = labels.place(text, atX: x, y: y) {
                placed.append((text, lx, ly))
                // Beside its own dot: one of the four corners (positions are rounded to 0.1).
                #expect(abs(lx - x) <= MapLabels.width(text, size: 9) + 5.1)
                #expect(abs(ly - y) <= 9 + 2.1)
            }
        }
        #expect(placed.count > 20, "a crowded map still names many stops")
        #expect(Set(placed.map(\.text)).count == placed.count, "each name once")
        let boxes =
            placed.map { (minX: $0.x, minY: $0.y - 9, maxX: $0.x + MapLabels.width($0.text, size: 9), maxY: $0.y + 2) }
            + [
                (
                    minX: 10, minY: 7,
                    maxX: 10 + MapLabels.width("■ 东北线 / Northeast line · 东北组 / Northeast team", size: 11), maxY: 20
                )
            ]
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] {
                // Rounding to 0.1 may let two boxes touch, never cover each other.
                let overlap =
                    a.minX + 0.1 < b.maxX && b.minX + 0.1 < a.maxX && a.minY + 0.1 < b.maxY && b.minY + 0.1 < a.maxY
                #expect(!overlap, "\(a) and \(b)")
            }
        }
    }
}
