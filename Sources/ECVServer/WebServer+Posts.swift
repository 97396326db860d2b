import ECVModel
import ECVPlanning
import ECVStore
import ECVSync
import Foundation
import Hummingbird
import MultipartKit

/// What the form posts: answers and photos, each checked for its token and its item before it is stored.
extension WebServer {
    /// Records one answer; replies to the page's script with JSON (the saved state, the verdict, the
    /// progress), to a plain form post with the page (a redirect to it).
    func answer(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let placement = try placement(context)
        let page = page(request)
        var request = request
        let buffer = try await BodyLimit.collect(
            &request, upTo: WebServer.maximumAnswerBytes, what: page.messages("web.error.anAnswer"))
        let form: AnswerForm
        do {
            form = try URLEncodedFormDecoder().decode(AnswerForm.self, from: String(buffer: buffer))
        } catch {
            throw WebError(.badRequest, "web.error.form")
        }
        guard let token = form.csrf, WebServer.constantTimeEqual(token, csrf) else {
            throw WebError(.forbidden, "web.error.stale")
        }
        guard let item = form.item, let value = form.value else { throw WebError(.badRequest, "web.error.needsItem") }
        let wantsJSON = request.headers[.accept]?.contains("application/json") == true
        let note = form.note.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        return try await StoreWork.write {
            try record(item: item, value: value, note: note, for: placement, page: page, wantsJSON: wantsJSON)
        }
    }

    /// Records one answer and replies with what was committed: the reply names the status, the value and the
    /// version this answer saved, never another answer's to the same item saved at the same time.
    private func record(
        item: String, value: String, note: String?, for placement: Catalog.VehiclePlacement, page: WebPage,
        wantsJSON: Bool
    ) throws -> Response {
        let subsystem = Subsystem(rawValue: item.split(separator: ".").first.map(String.init) ?? "")
        /// The answer refused, with the reason: to the script as JSON, to a plain post as the page.
        func refuse(_ message: String) throws -> Response {
            if wantsJSON {
                return WebServer.json(
                    WebServer.RefusalReply(message: message, retry: false), status: .unprocessableContent)
            }
            let vehicle = VehiclePage(
                catalog: catalog, placement: placement,
                records: try store.resultRecords(ofVehicle: placement.vehicle.id),
                photos: try store.photos(ofVehicle: placement.vehicle.id), page: page, timeZone: WebServer.timeZone)
            var response = WebServer.html(try vehicle.render(subsystem: subsystem, message: (message, true)))
            response.status = .unprocessableContent
            return response
        }
        // Judged here first only to say why in the reader's language; the store judges it again as it writes.
        guard let checklistItem = catalog.items(applyingTo: placement.vehicle).first(where: { $0.fullID == item })
        else { return try refuse(page.messages("web.error.noItem", item, placement.vehicle.id)) }
        do {
            _ = try checklistItem.result(for: Answer(parsing: value, for: checklistItem), note: note)
        } catch {
            return try refuse(error.message(page.messages))
        }
        let saved: ResultRecord
        do {
            saved = try store.recordAnswer(
                ResultEntry(itemID: item, value: value, note: note, source: "answer"), for: placement,
                catalog: catalog, by: configuration.actor, at: configuration.now(), seasonStart: seasonStart(),
                makeID: TimeOrderedID.make)
        } catch let errors as EntryErrors {
            // One answer, one message: the entry's source says nothing on a form.
            return try refuse(
                errors.messages.map { $0.hasPrefix("answer: ") ? String($0.dropFirst(8)) : $0 }.joined(separator: "; "))
        }
        guard wantsJSON else {
            let path = WebPath.vehicle(placement.vehicle.id) + "/" + (subsystem?.rawValue ?? "")
            return .redirect(to: "\(path)#\(WebPath.segment(item))", type: .found)
        }
        let records = try store.resultRecords(ofVehicle: placement.vehicle.id)
        let vehicle = VehiclePage(
            catalog: catalog, placement: placement, records: records, photos: [], page: page,
            timeZone: WebServer.timeZone)
        let banner = vehicle.banner()
        let status = ItemResult.Status(rawValue: saved.status) ?? .untested
        let answer = saved.value.map { Limits.format($0) } ?? saved.choice ?? saved.text ?? ""
        return WebServer.json(
            AnswerReply(
                item: item, status: status.rawValue, value: answer, version: saved.version,
                state: page.messages("web.state.saved", VehiclePage.clock(saved.recordedAt, in: WebServer.timeZone))
                    + " · " + page.messages.status(status) + (answer.isEmpty ? "" : " · \(answer)"),
                readiness: banner.code,
                verdict: [banner.label, banner.details].compactMap { $0 }.filter { !$0.isEmpty }
                    .joined(separator: " · "),
                banner: banner,
                progress: vehicle.progress(current: nil).map {
                    AnswerReply.Progress(id: $0.id, progress: $0.progress, failures: $0.failures)
                }))
    }

    /// Saves a photo of one item: a JPEG or PNG (told by its bytes) of at most 10 MiB, under a name made
    /// from its id.
    func upload(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let placement = try placement(context)
        var request = request
        let buffer = try await BodyLimit.collect(
            &request, upTo: PhotoKind.maximumBytes + 64 * 1024, what: page(request).messages("web.error.aPhoto"))
        guard let boundary = MultipartBoundary.of(request.headers[.contentType] ?? "") else {
            throw WebError(.badRequest, "web.error.multipart")
        }
        let form: PhotoForm
        do {
            form = try FormDataDecoder().decode(PhotoForm.self, from: buffer, boundary: boundary)
        } catch {
            throw WebError(.badRequest, "web.error.multipart")
        }
        guard let token = form.csrf, WebServer.constantTimeEqual(token, csrf) else {
            throw WebError(.forbidden, "web.error.stale")
        }
        let item = form.item ?? ""
        guard catalog.items(applyingTo: placement.vehicle).contains(where: { $0.fullID == item }) else {
            throw WebError(.badRequest, "web.error.noItem", item, placement.vehicle.id)
        }
        guard let file = form.photo, !file.isEmpty else { throw WebError(.badRequest, "web.error.choosePhoto") }
        guard file.count <= PhotoKind.maximumBytes else { throw WebError(.contentTooLarge, "web.error.photoSize") }
        guard let kind = PhotoKind(sniffing: file) else {
            throw WebError(.unsupportedMediaType, "web.error.photoType")
        }
        let actor = configuration.actor
        let now = configuration.now()
        let season = try seasonStart()
        _ = try await StoreWork.write {
            try store.savePhoto(
                file, kind: kind, of: placement, item: item, catalog: catalog, by: actor, at: now,
                seasonStart: season, makeID: TimeOrderedID.make)
        }
        let subsystem = item.split(separator: ".").first.map(String.init) ?? ""
        return .redirect(
            to: "\(WebPath.vehicle(placement.vehicle.id))/\(subsystem)#\(WebPath.segment(item))", type: .found)
    }

    /// The start of the season the published plan covers; `nil` before a plan is published.
    ///
    /// It tells this season's failures from the previous one's. A published plan that cannot be read refuses
    /// the answer rather than filing it under a guessed season.
    private func seasonStart() throws -> Date? {
        try publishedPlan(try store.publishedPlan())?.plan.seasonStart
    }
}

/// The reply to a saved answer: what was committed, and what the page shows after it.
struct AnswerReply: Encodable {
    /// One subsystem's progress line.
    struct Progress: Encodable {
        var id: String
        var progress: String
        var failures: String
    }

    var ok = true
    var item: String
    var status: String
    var value: String
    /// The version of the row this answer committed.
    var version: Int
    var state: String
    /// `readiness` and `verdict` as the reply has always had them; `banner` for the page's verdict banner.
    var readiness: String
    var verdict: String
    var banner: VerdictBanner
    var progress: [Progress]
}
