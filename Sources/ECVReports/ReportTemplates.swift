import Foundation
import Mustache

/// The report templates, read once from the module's resources.
final class ReportTemplates: Sendable {
    static let shared = ReportTemplates()

    private let templates: [String: MustacheTemplate]
    private let problem: String?

    private init() {
        var templates: [String: MustacheTemplate] = [:]
        var problem: String?
        for name in ["vehicle-report", "client-summary", "tour-summary"] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Templates"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else {
                problem = "the report template \(name).mustache is missing from the installation"
                continue
            }
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch {
                problem = "the report template \(name).mustache does not parse: \(error)"
            }
        }
        self.templates = templates
        self.problem = problem
    }

    func render(_ context: [String: Any], template name: String) throws -> String {
        guard let template = templates[name] else { throw ReportError.template(problem ?? "no template \(name)") }
        return template.render(context)
    }
}

/// Why a report cannot be made.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    case template(String)
    case noBrowser
    case browserFailed(String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .template(let reason): return reason
        case .noBrowser:
            return "PDF needs headless Chromium: apt-get install -y chromium fonts-noto-cjk"
        case .browserFailed(let reason): return "Chromium could not print the PDF: \(reason)"
        case .cannotWrite(let reason): return reason
        }
    }
}
