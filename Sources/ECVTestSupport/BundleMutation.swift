import ECVSync
import Foundation

/// The ways `BundleFuzzer` changes a bundle, each on its typed values; the mutant is signed again by the
/// enrolled laptop, so that only the checks behind the signature can stop it.
public enum BundleMutation: CaseIterable, Sendable {
    case vehicleID, itemID, inspectionIDs, resultID, time, futureTime, impossibleVersion, status, value, text
    case auditID, auditLine, auditDropped, photoBytes, photoDuplicated, photoRow, laptopName, inspectionIDs2
    case planContent, catalogIDs, controlCharacters, unchanged

    static let hostileTexts = [
        "../../../../x/PWNED", "X\nimported from lapA: 99 new results", "\u{1B}]0;PWNED\u{07}", "", "not json {",
        String(repeating: "长", count: 6000), "=HYPERLINK(\"x\")", "\u{202E}gnp.exe",
    ]

    /// `bundle` changed by one mutation chosen by `random`.
    public static func mutate(_ bundle: SyncBundle, using random: inout SeededGenerator) -> SyncBundle {
        var bundle = bundle
        let mutation = allCases.randomElement(using: &random) ?? .unchanged
        mutation.apply(to: &bundle, using: &random)
        return bundle
    }

    func apply(to bundle: inout SyncBundle, using random: inout SeededGenerator) {
        let text = Self.hostileTexts.randomElement(using: &random) ?? ""
        let results = bundle.results.indices
        let inspections = bundle.inspections.indices
        let lines = bundle.audit.indices
        switch self {
        case .vehicleID:
            if let place = inspections.randomElement(using: &random) { bundle.inspections[place].vehicleID = text }
        case .itemID:
            if let place = results.randomElement(using: &random) {
                bundle.results[place].itemID =
                    ["power.insulation", "antenna.nothing", text].randomElement(
                        using: &random) ?? text
            }
        case .inspectionIDs, .inspectionIDs2:
            if let place = results.randomElement(using: &random) { bundle.results[place].inspectionID = UUID() }
        case .resultID:
            if let place = results.randomElement(using: &random), let other = results.randomElement(using: &random) {
                bundle.results[place].id = bundle.results[other].id
            }
        case .time, .futureTime:
            let shift = self == .time ? Double.random(in: -1e9...1e9, using: &random) : 23 * 3600
            if let place = results.randomElement(using: &random) {
                bundle.results[place].recordedAt.addTimeInterval(shift)
            }
            if self == .futureTime { bundle.created.addTimeInterval(shift) }
        case .impossibleVersion:
            if let place = results.randomElement(using: &random) {
                bundle.results[place].version =
                    [0, -1, 2, 1 << 31, (1 << 31) + 1, Int.max].randomElement(
                        using: &random) ?? 0
            }
        case .status:
            if let place = results.randomElement(using: &random) {
                bundle.results[place].status =
                    ["pass", "fail", "na", "untested", "PASS", text].randomElement(
                        using: &random) ?? "pass"
            }
        case .value:
            if let place = results.randomElement(using: &random) {
                bundle.results[place].value = [-0.0, 1e308, -1e308, 0.5, .leastNonzeroMagnitude].randomElement(
                    using: &random)
            }
        case .text:
            if let place = results.randomElement(using: &random) { bundle.results[place].note = text }
        case .auditID:
            if let place = lines.randomElement(using: &random), let other = lines.randomElement(using: &random) {
                bundle.audit[place].id = bundle.audit[other].id
            }
        case .auditLine:
            if let place = lines.randomElement(using: &random) {
                bundle.audit[place].new = bundle.audit[place].new.replacingOccurrences(of: "1.1", with: "9.9")
                bundle.audit[place].entityID += ["", "#2", "x"].randomElement(using: &random) ?? ""
            }
        case .auditDropped:
            if let place = lines.randomElement(using: &random) { bundle.audit.remove(at: place) }
        case .photoBytes:
            if !bundle.photos.isEmpty { bundle.photos[0].data = Data("<script>alert(1)</script>".utf8) }
        case .photoDuplicated:
            if let photo = bundle.photos.first { bundle.photos.append(photo) }
        case .photoRow:
            if !bundle.photos.isEmpty { bundle.photos[0].photo.itemID = "power.insulation" }
        case .laptopName:
            if let place = results.randomElement(using: &random) { bundle.results[place].laptop = "laptop-z" }
        case .planContent:
            bundle.plan = BundledPlan(
                id: UUID(), version: 1, createdAt: bundle.created, publishedAt: bundle.created, seed: 1,
                json: #"{"format":"ecv-plan/1","routes":[{"team":"\#(text)"}]}"#, inputsSHA256: "", inputFiles: nil,
                fromDay: nil)
        case .catalogIDs:
            if let place = inspections.randomElement(using: &random) {
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bundle.inspections[place].teamID = text
                case 1: bundle.inspections[place].siteID = text
                case 2: bundle.inspections[place].equipment = text
                default: bundle.inspections[place].checklists = text
                }
            }
        case .controlCharacters:
            if let place = results.randomElement(using: &random) { bundle.results[place].recordedBy = text }
        case .unchanged:
            break
        }
    }
}
