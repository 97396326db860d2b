import ECVModel
import ECVPlanning
import ECVStore
import Foundation

/// The pages of the web form, as HTML, from what the catalog and the store hold.
struct Pages {
    let catalog: Catalog
    let csrf: String

    /// The readiness board: every vehicle, NOT DEPLOYABLE first.
    func board(_ rows: [BoardRow]) -> String {
        var body = "<h1>Readiness board</h1><table><tr><th>verdict</th><th>vehicle</th><th>client</th>"
        body += "<th>route</th><th>failed items</th></tr>"
        for row in rows {
            let failed = row.verdict.failed.map { "\(HTML.escape($0.itemID)) (\($0.severity.rawValue))" }
            body += "<tr><td><span class=\"verdict \(HTML.readinessClass(row.verdict.readiness))\">"
            body += "\(row.verdict.readiness.label)</span></td>"
            body += "<td><a href=\"/vehicles/\(Pages.path(row.vehicle))\">\(HTML.escape(row.vehicle))</a></td>"
            body += "<td>\(HTML.escape(row.client))</td><td>\(HTML.escape(row.route))</td>"
            body += "<td>\(failed.joined(separator: "<br>"))</td></tr>"
        }
        return HTML.page(title: "Readiness board", body: body + "</table>")
    }

    /// The teams' day of the published plan: drives, visits, where each team sleeps.
    func today(_ published: (version: Int, days: [TeamDay])?, day: CalendarDay, differing: [String] = []) -> String {
        var body = "<h1>Visits on \(day)</h1>"
        if !differing.isEmpty {
            body +=
                "<p class=\"error\" role=\"alert\">Routes/ and Checklists/ on this laptop differ from those the "
                + "published plan was made from: \(differing.map(HTML.escape).joined(separator: ", ")). The plan may "
                + "send the team where these files do not; import the office's latest bundle.</p>"
        }
        guard let published else {
            return HTML.page(
                title: "Today",
                body: body
                    + "<p>No plan is published yet: the office publishes one with <code>ecv plan publish</code>.</p>")
        }
        for teamDay in published.days {
            body += "<h2>\(HTML.escape(teamDay.team)) on \(HTML.escape(teamDay.route))</h2><table>"
            body += "<tr><th>time</th><th>what</th><th>where</th><th>minutes / km</th></tr>"
            for entry in teamDay.entries {
                // The night starts at the end of the day's work: one time, not a span.
                let end = entry.kind == .overnight ? "" : "–" + DailyHours.clock(entry.end.minuteOfDay)
                body += "<tr><td>\(DailyHours.clock(entry.start.minuteOfDay))\(end)</td>"
                body += Pages.entryCells(entry, catalog: catalog) + "</tr>"
            }
            body += "</table>"
        }
        if published.days.isEmpty { body += "<p>No visits on this day.</p>" }
        body += "<p>Plan version \(published.version).</p>"
        body += "<form method=\"get\" action=\"/today\"><label>Day <input name=\"date\" value=\"\(day)\"></label>"
        body += " <button>Show</button></form>"
        return HTML.page(title: "Today", body: body)
    }

    private static func entryCells(_ entry: TeamDay.Entry, catalog: Catalog) -> String {
        switch entry.kind {
        case .drive:
            return "<td>drive" + (entry.part.map { " (part \($0.description))" } ?? "") + "</td>"
                + "<td>\(HTML.escape(entry.from ?? "")) → \(HTML.escape(entry.to ?? ""))</td>"
                + "<td>\(String(format: "%.1f km", entry.km ?? 0))</td>"
        case .visit:
            let vehicle = entry.vehicle ?? ""
            let address =
                entry.site.flatMap { catalog.site(withID: $0)?.address }.map(HTML.bilingual)
                ?? HTML.escape(entry.site ?? "")
            let purpose = entry.purpose.map { $0 == .inspection ? "" : " (\($0.rawValue))" } ?? ""
            return "<td><a href=\"/vehicles/\(Pages.path(vehicle))\">\(HTML.escape(vehicle))</a>\(purpose)"
                + (entry.fixed ? " <strong>fixed appointment</strong>" : "") + "</td>"
                + "<td>\(address)</td><td>\(entry.minutes ?? 0) min</td>"
        case .overnight:
            let place =
                entry.isOnTheRoad
                ? "on the road \(HTML.escape(entry.from ?? "")) → \(HTML.escape(entry.to ?? ""))"
                : HTML.escape(entry.site ?? "base")
            return "<td>overnight</td><td>\(place)</td><td></td>"
        }
    }

    /// A vehicle's verdict and, per subsystem, its items with the latest answers; one form per item.
    func vehicle(
        _ placement: Catalog.VehiclePlacement, history: [ItemResult], subsystem: Subsystem?,
        photos: [PhotoRecord] = [], message: Message? = nil
    ) -> String {
        let items = catalog.items(applyingTo: placement.vehicle)
        let verdict = VerdictRules.verdict(items: items, results: history)
        var latest: [String: ItemResult] = [:]
        for result in history { latest[result.itemID] = result }
        let vehicle = placement.vehicle
        var body = "<h1>\(HTML.escape(vehicle.id))</h1>"
        body += "<p>\(vehicle.model.map(HTML.escape) ?? "") · \(HTML.escape(placement.site.clientID)) · "
        body += "\(HTML.escape(placement.site.id))</p>"
        body += "<p id=\"verdict\">\(Pages.verdictBanner(verdict))</p>"
        if let message {
            body +=
                "<p class=\"\(message.isError ? "error" : "saved")\" role=\"status\">\(HTML.escape(message.text))</p>"
        }
        let subsystems = Subsystem.allCases.filter { subsystem in items.contains { $0.subsystem == subsystem } }
        body +=
            "<nav>"
            + subsystems.map { subsystem in
                "<a href=\"/vehicles/\(Pages.path(vehicle.id))/\(subsystem.rawValue)\">\(subsystem.rawValue)</a>"
            }.joined() + "</nav>"
        if let subsystem {
            body +=
                "<h2>\(HTML.bilingual(catalog.checklists.first { $0.subsystem == subsystem }?.title ?? LocalizedText(subsystem.rawValue)))</h2>"
            for item in items where item.subsystem == subsystem {
                body += itemForm(
                    item, vehicle: vehicle.id, latest: latest[item.fullID],
                    photos: photos.filter { $0.itemID == item.fullID })
            }
        }
        return HTML.page(title: vehicle.id, body: body + Pages.autosaveScript)
    }

    /// What the last post did, shown above the form.
    struct Message {
        var text: String
        var isError: Bool
    }

    static func verdictBanner(_ verdict: VehicleVerdict) -> String {
        var parts: [String] = []
        if !verdict.failed.isEmpty {
            parts.append(
                "failed: "
                    + verdict.failed.map { "\(HTML.escape($0.itemID)) (\($0.severity.rawValue))" }
                    .joined(separator: ", "))
        }
        if !verdict.untested.isEmpty {
            parts.append(
                "\(verdict.untested.count) critical or major item\(verdict.untested.count == 1 ? "" : "s") untested")
        }
        return "<span class=\"verdict \(HTML.readinessClass(verdict.readiness))\">\(verdict.readiness.label)</span> "
            + parts.joined(separator: "; ")
    }

    private func itemForm(_ item: ChecklistItem, vehicle: String, latest: ItemResult?, photos: [PhotoRecord]) -> String
    {
        var html = "<div class=\"item\" id=\"\(HTML.escape(item.fullID))\"><h3>\(HTML.bilingual(item.title))"
        html += " <small>\(HTML.escape(item.fullID)) · \(item.severity.rawValue) · \(item.minutes) min</small></h3>"
        if let method = item.method { html += "<p class=\"method\">\(HTML.bilingual(method))</p>" }
        html += "<form class=\"answer\" method=\"post\" action=\"/vehicles/\(Pages.path(vehicle))/answers\">"
        html += "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
        html += "<input type=\"hidden\" name=\"item\" value=\"\(HTML.escape(item.fullID))\">"
        let current = latest.map(Pages.answerText) ?? ""
        let label = "aria-label=\"answer to \(HTML.escape(item.fullID))\""
        switch item.kind {
        case .check:
            html += Pages.select(["", "pass", "fail", "na"], selected: current, label: label)
        case .choice(let choices, _):
            html += Pages.select([""] + choices + ["na"], selected: current, label: label)
        case .measure(let unit, let limits):
            html += "<input name=\"value\" inputmode=\"decimal\" value=\"\(HTML.escape(current))\" \(label)>"
            html += " \(HTML.escape(unit)) <small>\(HTML.escape(limits.description))</small>"
        case .text:
            html += "<input name=\"value\" value=\"\(HTML.escape(current))\" \(label)>"
        }
        html += " <input name=\"note\" placeholder=\"note\" value=\"\(HTML.escape(latest?.note ?? ""))\""
        html += " aria-label=\"note on \(HTML.escape(item.fullID))\"> <button>Save</button>"
        if let latest { html += " <span class=\"saved\">saved: \(HTML.escape(latest.status.rawValue))</span>" }
        html += "</form>"
        html += "<form class=\"photo\" method=\"post\" enctype=\"multipart/form-data\" "
        html += "action=\"/vehicles/\(Pages.path(vehicle))/photos\">"
        html += "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
        html += "<input type=\"hidden\" name=\"item\" value=\"\(HTML.escape(item.fullID))\">"
        html += "<input type=\"file\" name=\"photo\" accept=\"image/jpeg,image/png\" "
        html += "aria-label=\"photo of \(HTML.escape(item.fullID))\"> <button>Add photo</button>"
        for (number, photo) in photos.enumerated() {
            html += " <a class=\"photo-link\" href=\"/photos/\(photo.fileName)\">photo \(number + 1)</a>"
        }
        return html + "</form></div>"
    }

    private static func select(_ options: [String], selected: String, label: String) -> String {
        "<select name=\"value\" \(label)>"
            + options.map { option in
                "<option\(option == selected ? " selected" : "") value=\"\(HTML.escape(option))\">"
                    + "\(option.isEmpty ? "—" : HTML.escape(option))</option>"
            }.joined() + "</select>"
    }

    /// The answer as the engineer typed it: the number, the choice, the text, or the status word.
    static func answerText(_ result: ItemResult) -> String {
        if let value = result.value { return Limits.format(value) }
        return result.choice ?? result.text ?? (result.status == .untested ? "" : result.status.rawValue)
    }

    /// A vehicle id as a path segment.
    static func path(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/")))
            ?? id
    }

    /// Saves an answer as soon as it is entered, and Save without leaving the page; without JavaScript the
    /// Save buttons post the same forms and the page comes back.
    static let autosaveScript = """
        <script>
        document.querySelectorAll('.item form.answer').forEach(function (form) {
          function fields() { return new URLSearchParams(new FormData(form)).toString(); }
          function save() {
            var body = fields();
            if (form.dataset.saved === body) { return; }
            fetch(form.action, { method: 'POST', body: body,
                                 headers: { 'Accept': 'application/json',
                                            'Content-Type': 'application/x-www-form-urlencoded' } })
              .then(function (response) { return response.json(); })
              .then(function (reply) {
                if (reply.ok) { form.dataset.saved = body; }
                var status = form.querySelector('.saved, .error') || form.appendChild(document.createElement('span'));
                status.className = reply.ok ? 'saved' : 'error';
                status.textContent = reply.ok ? 'saved: ' + reply.status : reply.message;
                if (reply.verdict) { document.getElementById('verdict').innerHTML = reply.verdict; }
              });
          }
          form.querySelector('[name=value]').addEventListener('change', save);
          form.addEventListener('submit', function (event) { event.preventDefault(); save(); });
        });
        </script>
        """
}
