import Foundation

/// The report templates; `report-style` and `report-footer` are partials the three pages share.
enum ReportTemplates {
    static let shared = PageTemplates(
        ["vehicle-report", "client-summary", "tour-summary", "report-style", "report-footer"], in: .module)
}

/// Why a report cannot be made.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    case template(String)
    case noBrowser
    case browserFailed(String)
    case cannotWrite(String)
    /// Two reports of one batch would be written to one file.
    case sameFileName(String, String, String)

    /// The problem in one line.
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
