import ECVModel
import ECVStore
import ECVSync
import Foundation

/// A vehicle's page: its live verdict, each subsystem's progress, and — for one subsystem — a form per item
/// with the answer saved for it and when.
struct VehiclePage {
    let catalog: Catalog
    let placement: Catalog.VehiclePlacement
    let records: [ResultRecord]
    let photos: [PhotoRecord]
    let page: WebPage
    /// The time zone the engineer's clock is read in.
    let timeZone: TimeZone

    /// The items that apply to the vehicle, found once per page.
    private let items: [ChecklistItem]

    init(
        catalog: Catalog, placement: Catalog.VehiclePlacement, records: [ResultRecord], photos: [PhotoRecord],
        page: WebPage, timeZone: TimeZone
    ) {
        self.catalog = catalog
        self.placement = placement
        self.records = records
        self.photos = photos
        self.page = page
        self.timeZone = timeZone
        items = catalog.items(applyingTo: placement.vehicle)
    }

    var messages: Messages { page.messages }
    private var vehicle: Vehicle { placement.vehicle }

    /// The page, showing `subsystem`'s items when given, and `message` above them.
    func render(subsystem: Subsystem?, message: (text: String, isError: Bool)? = nil) throws -> String {
        let latest = Dictionary(records.map { ($0.itemID, $0) }, uniquingKeysWith: { _, last in last })
        let view = VehicleView(
            vehicle: vehicle.id,
            facts: [
                vehicle.model, catalog.client(withID: placement.site.clientID).map { messages.text($0.name) },
                placement.site.id,
            ].compactMap { $0 }.joined(separator: " · "),
            verdict: banner(), subsystems: progress(current: subsystem),
            reportHref: WebPath.vehicle(vehicle.id) + "/report",
            message: message.map { .init(text: $0.text, class: $0.isError ? "error" : "notice") },
            subsystem: subsystem.map(title(of:)),
            items: subsystem.map { subsystem in
                items.filter { $0.subsystem == subsystem }.map { item in itemView(item, latest: latest[item.fullID]) }
            } ?? [])
        return try page.render(
            "web-vehicle", title: subsystem.map { "\(vehicle.id) · \(title(of: $0))" } ?? vehicle.id, view)
    }

    // MARK: verdict and progress

    var verdict: VehicleVerdict {
        VerdictRules.verdict(items: items, results: records.map(\.itemResult))
    }

    /// The banner's code, words and reasons.
    func banner() -> VerdictBanner {
        let verdict = verdict
        var details: [String] = []
        if !verdict.failed.isEmpty {
            details.append(
                messages(
                    "web.vehicle.failed",
                    verdict.failed.map { "\($0.itemID) (\(messages.severity($0.severity)))" }.joined(separator: ", ")))
        }
        if !verdict.untested.isEmpty { details.append(messages("web.vehicle.untested", "\(verdict.untested.count)")) }
        return VerdictBanner(
            code: verdict.readiness.rawValue, label: messages.readiness(verdict.readiness),
            details: details.joined(separator: " · ").nonEmpty)
    }

    /// How far one subsystem's checklist is: the page's tab, and the reply to each answer.
    struct SubsystemProgress: Encodable {
        var id: String
        var title: String
        var current: Bool
        var href: String
        var progress: String
        var failures: String
    }

    /// Per subsystem that has items for this vehicle: answered of total, and failures.
    func progress(current: Subsystem?) -> [SubsystemProgress] {
        let latest = Dictionary(records.map { ($0.itemID, $0.status) }, uniquingKeysWith: { _, last in last })
        return Subsystem.allCases.compactMap { subsystem in
            let own = items.filter { $0.subsystem == subsystem }
            guard !own.isEmpty else { return nil }
            let statuses = own.map { latest[$0.fullID] ?? "untested" }
            let answered = statuses.filter { $0 != "untested" }.count
            let failures = statuses.filter { $0 == "fail" }.count
            return SubsystemProgress(
                id: subsystem.rawValue, title: title(of: subsystem), current: subsystem == current,
                href: WebPath.vehicle(vehicle.id) + "/" + subsystem.rawValue,
                progress: messages("web.vehicle.progress", "\(answered)", "\(own.count)"),
                failures: failures == 0 ? "" : messages("web.vehicle.failures", "\(failures)"))
        }
    }

    private func title(of subsystem: Subsystem) -> String {
        catalog.checklists.first { $0.subsystem == subsystem }.map { messages.text($0.title) } ?? subsystem.rawValue
    }

    // MARK: items

    private func itemView(_ item: ChecklistItem, latest: ResultRecord?) -> VehicleView.Item {
        let title = messages.text(item.title)
        let saved = latest.map { VehiclePage.answerText($0.itemResult) } ?? ""
        let state = latest.map { savedState($0) }
        var view = VehicleView.Item(
            id: item.fullID, title: title, severity: messages.severity(item.severity),
            minutes: messages("unit.minutes", "\(item.minutes)"), method: item.method.map(messages.text)?.nonEmpty,
            kind: item.kind.name, action: WebPath.vehicle(vehicle.id) + "/answers",
            photoAction: WebPath.vehicle(vehicle.id) + "/photos", csrf: page.csrf.nonEmpty, savedValue: saved.nonEmpty,
            savedNote: latest?.note?.nonEmpty, answerLabel: messages("web.item.answer", title),
            photoLabel: messages("web.item.photo", title),
            photos: photos.filter { $0.itemID == item.fullID }.enumerated().map { number, photo in
                .init(href: "/photos/\(photo.fileName)", text: messages("web.item.photoLink", "\(number + 1)"))
            },
            state: state?.text ?? messages("web.state.choose"), stateClass: state?.class ?? "none")
        switch item.kind {
        case .check:
            view.hasOptions = true
            view.options = ["pass", "fail", "na"].map { option(value: $0, word: messages("status.\($0)"), saved) }
        case .choice(let choices, let passing):
            view.hasOptions = true
            view.options =
                choices.map { choice in
                    option(value: choice, word: choice, saved, class: passing.contains(choice) ? "pass" : "fail")
                } + [option(value: "na", word: messages("status.na"), saved)]
        case .measure(let unit, let limits):
            view.measure = true
            view.valueLabel = messages("web.item.value", unit)
            view.limitsText = messages("web.item.limits", limits.description)
            view.limits = .init(
                min: limits.min.map(Limits.format), max: limits.max.map(Limits.format), unit: unit.nonEmpty,
                text: limits.description.nonEmpty)
        case .text:
            view.text = true
        }
        return view
    }

    private func option(value: String, word: String, _ saved: String, class given: String? = nil)
        -> VehicleView.Option
    {
        .init(value: value, word: word, checked: value == saved, class: given ?? value)
    }

    /// "✓ saved 03-02 14:32 · fail": the last answer that counts, when it was recorded.
    private func savedState(_ record: ResultRecord) -> (text: String, class: String) {
        let status = ItemResult.Status(rawValue: record.status) ?? .untested
        let text =
            messages("web.state.saved", VehiclePage.clock(record.recordedAt, in: timeZone))
            + " · " + messages.status(status)
        return (text, "saved " + status.rawValue)
    }

    /// `03-02 14:32` in `timeZone`.
    static func clock(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.month, .day, .hour, .minute], from: date)
        return String(
            format: "%02d-%02d %02d:%02d", parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// The answer as the engineer typed it: the number, the choice, the text, or the status word.
    static func answerText(_ result: ItemResult) -> String {
        if let value = result.value { return Limits.format(value) }
        return result.choice ?? result.text ?? (result.status == .untested ? "" : result.status.rawValue)
    }
}

/// The verdict banner: code (its CSS class), words and reasons; on the page and in the reply to an answer.
struct VerdictBanner: Encodable {
    let code: String
    let label: String
    /// Nil without reasons: an empty text would still open the template's section.
    let details: String?

    private enum CodingKeys: String, CodingKey { case code, label, details }

    /// The reply has always carried `details`, empty without reasons.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(label, forKey: .label)
        try container.encode(details ?? "", forKey: .details)
    }
}

/// What the `web-vehicle` template shows.
///
/// A text the template opens as a section, or that a nested section must not read when it is empty, is nil
/// rather than empty: Mustache takes an empty text for true.
struct VehicleView: Encodable {
    /// A line above the items: what was saved, or why not.
    struct Message: Encodable {
        let text: String
        let `class`: String
    }

    /// One checklist item's form: the question, the answer saved for it and when, its photos.
    struct Item: Encodable {
        let id: String
        let title: String
        let severity: String
        let minutes: String
        let method: String?
        let kind: String
        let action: String
        let photoAction: String
        let csrf: String?
        let savedValue: String?
        let savedNote: String?
        let answerLabel: String
        let photoLabel: String
        let photos: [PhotoLink]
        let state: String
        let stateClass: String
        var hasOptions = false
        var options: [Option] = []
        var measure = false
        var valueLabel: String?
        var limitsText: String?
        var limits: MeasureLimits?
        var text = false
    }

    /// A link to a photo of the item.
    struct PhotoLink: Encodable {
        let href: String
        let text: String
    }

    /// One answer to choose: pass, fail, not applicable or one of the item's choices.
    struct Option: Encodable {
        let value: String
        let word: String
        let checked: Bool
        let `class`: String
    }

    /// A measured item's limits, for the page's script to check a value before it is sent.
    struct MeasureLimits: Encodable {
        let min: String?
        let max: String?
        let unit: String?
        let text: String?
    }

    let vehicle: String
    let facts: String
    let verdict: VerdictBanner
    let subsystems: [VehiclePage.SubsystemProgress]
    let reportHref: String
    let message: Message?
    /// The title of the subsystem whose items are shown; nil on the vehicle's first page.
    let subsystem: String?
    let items: [Item]
}
