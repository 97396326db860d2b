import Foundation
import Mustache

/// Mustache templates read once from a module's resources, with the partials every page of ecv shares —
/// reports and the web form alike: `verdict-colours` (one source for the colour of each verdict).
///
/// Every template declares its content type first (`{{% CONTENT_TYPE: ECV_HTML}}`), so that every value is
/// escaped by `Markup.escape`, the one escaping of ecv.
public final class PageTemplates: Sendable {
    private let library: MustacheLibrary
    private let problem: String?

    /// The content type every template declares first.
    public static let contentType = "ECV_HTML"

    /// The partials of this module that any page may include.
    private static let shared = ["verdict-colours"]

    /// Mustache's own HTML escaping walks every character of every value; `Markup.escape` passes texts with
    /// nothing to escape through whole and escapes bytes, so that no combining mark hides a quote.
    private struct EscapedHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { Markup.escape(text) }
    }

    /// Reads `names` from `bundle`'s `Templates` folder, besides the shared partials.
    public init(_ names: [String], in bundle: Bundle) {
        MustacheContentTypes.register(EscapedHTML(), named: PageTemplates.contentType)
        var library = MustacheLibrary()
        var problem: String?
        let sources = names.map { ($0, bundle) } + PageTemplates.shared.map { ($0, Bundle.module) }
        for (name, bundle) in sources {
            guard let url = bundle.url(forResource: name, withExtension: "mustache", subdirectory: "Templates"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else {
                problem = "the template \(name).mustache is missing from the installation"
                continue
            }
            guard text.hasPrefix("{{% CONTENT_TYPE: \(PageTemplates.contentType)}}") else {
                problem = "the template \(name).mustache does not start with its content type"
                continue
            }
            do {
                try library.register(text, named: name)
            } catch {
                problem = "the template \(name).mustache does not parse: \(error)"
            }
        }
        self.library = library
        self.problem = problem
    }

    public func render(_ context: [String: Any], template name: String) throws -> String {
        try renderAny(context, template: name)
    }

    /// `template` with a typed view: a misspelt key is a compile error where the view is built.
    ///
    /// Mustache reads the view's stored properties by name; an optional that is `nil` renders as nothing.
    public func render<View: Encodable>(_ view: View, template name: String) throws -> String {
        try renderAny(view, template: name)
    }

    private func renderAny(_ context: Any, template name: String) throws -> String {
        // A missing partial would render as nothing, so any problem at all refuses every page.
        if let problem { throw ReportError.template(problem) }
        guard let page = library.render(context, withTemplate: name) else {
            throw ReportError.template("no template \(name)")
        }
        return page
    }
}
