import Foundation
import Mustache

/// The report templates, read once from the module's resources; `report-style` and `report-footer` are
/// partials the three pages share.
final class ReportTemplates: Sendable {
    static let shared = ReportTemplates()

    private static let pages = ["vehicle-report", "client-summary", "tour-summary"]
    private static let partials = ["report-style", "report-footer"]

    private let library: MustacheLibrary
    private let problem: String?

    /// The content type every report template declares first (`{{% CONTENT_TYPE: ECV_HTML}}`).
    static let contentType = "ECV_HTML"

    /// Mustache's own HTML escaping walks every character of every value; `Markup.escape` passes texts with
    /// nothing to escape through whole and escapes bytes, so that no combining mark hides a quote.
    private struct ReportHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { Markup.escape(text) }
    }

    private init() {
        MustacheContentTypes.register(ReportHTML(), named: ReportTemplates.contentType)
        var library = MustacheLibrary()
        var problem: String?
        for name in ReportTemplates.pages + ReportTemplates.partials {
            guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Templates"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else {
                problem = "the report template \(name).mustache is missing from the installation"
                continue
            }
            guard text.hasPrefix("{{% CONTENT_TYPE: \(ReportTemplates.contentType)}}") else {
                problem = "the report template \(name).mustache does not start with its content type"
                continue
            }
            do {
                try library.register(text, named: name)
            } catch {
                problem = "the report template \(name).mustache does not parse: \(error)"
            }
        }
        self.library = library
        self.problem = problem
    }

    func render(_ context: [String: Any], template name: String) throws -> String {
        // A missing partial would render as nothing, so any problem at all refuses every page.
        if let problem { throw ReportError.template(problem) }
        guard let page = library.render(context, withTemplate: name) else {
            throw ReportError.template("no template \(name)")
        }
        return page
    }
}

/// Why a report cannot be made.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    case template(String)
    case noBrowser
    case browserFailed(String)
    case cannotWrite(String)
    /// Two reports of one batch would be written to one file.
    case sameFileName(String, String, String)

    public var description: String {
        switch self {
        case .template(let reason): return reason
        case .noBrowser:
            return "PDF needs headless Chromium: apt-get install -y chromium fonts-noto-cjk"
        case .browserFailed(let reason): return "Chromium could not print the PDF: \(reason)"
        case .cannotWrite(let reason): return reason
        case .sameFileName(let name, let first, let second):
            return "two reports would be written to \(name) (ids \(first) and \(second)); nothing was written"
        }
    }
}
