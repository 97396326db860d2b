import ECVModel
import ECVPlanning
import ECVReports
import ECVStore
import Foundation

/// Writes reports into their folder, prints them to PDF when asked (one browser per core for the whole
/// batch), and signs every file.
struct ReportOutput {
    let format: ReportFormat
    let out: String
    let signer: ReportSigner?

    /// A report to write: its text, and what its file is named after.
    struct Document {
        var text: () throws -> String
        var kind: String
        var id: String
        var language: Language
    }

    /// The path of the file written.
    func emit(_ text: () throws -> String, kind: String, id: String, language: Language) throws -> String {
        try withoutActuallyEscaping(text) { text in
            try emit([Document(text: text, kind: kind, id: id, language: language)])[0]
        }
    }

    /// The paths of the files written, in the order given.
    func emit(_ documents: [Document]) throws -> [String] {
        let files = ReportFiles(folder: URL(fileURLWithPath: out))
        do {
            let pages = documents.map { document in
                files.url(
                    kind: document.kind, id: document.id, language: document.language.rawValue,
                    extension: format == .csv ? "csv" : "html")
            }
            try ReportFiles.requireDistinct(zip(documents, pages).map { ($0.id, $1) })
            for (document, page) in zip(documents, pages) { try files.write(try document.text(), to: page) }
            var written = pages
            if format == .pdf {
                written = pages.map { $0.deletingPathExtension().appendingPathExtension("pdf") }
                try ChromiumPrinter.find().printAll(Array(zip(pages, written)))
                for page in pages { try? FileManager.default.removeItem(at: page) }
            }
            for file in written {
                if let signer, signer.canSign {
                    try signer.signFile(file)
                } else {
                    FileHandle.standardError.write(Data("warning: no office key; \(file.path) is not signed\n".utf8))
                }
            }
            return written.map(\.path)
        } catch let error as ReportError {
            throw CLIError.badFile(error.description)
        } catch let error as SigningError {
            throw CLIError.badFile(error.description)
        }
    }

    /// The vehicle reports of those of `placements` that were inspected, each in its client's language unless
    /// `language` is given; the others are named on standard error.
    ///
    /// A batch goes to clients: a report of a vehicle nobody has inspected yet would be pages of untested
    /// items. `ecv report vehicle ID` still writes one when asked for that vehicle.
    static func vehicleDocuments(
        _ placements: [Catalog.VehiclePlacement], catalog: Catalog, store: Store, plan: StoredPlan?,
        language: Language?, signer: ReportSigner?, csv: Bool
    ) throws -> [Document] {
        var documents: [Document] = []
        var waiting: [String] = []
        for placement in placements {
            let language = language ?? catalog.client(withID: placement.site.clientID)?.language ?? .zh
            let report = VehicleReport(
                placement: placement, catalog: catalog, history: try store.history(ofVehicle: placement.vehicle.id),
                plan: plan, language: language, signer: signer)
            guard report.wasInspected else {
                waiting.append(placement.vehicle.id)
                continue
            }
            documents.append(
                Document(
                    text: { csv ? report.csv() : try report.html() }, kind: "vehicle", id: placement.vehicle.id,
                    language: language))
        }
        if !waiting.isEmpty {
            let shown = waiting.prefix(10).joined(separator: ", ") + (waiting.count > 10 ? ", …" : "")
            let note = "note: no report for \(waiting.count) vehicle(s) not inspected yet: \(shown)\n"
            FileHandle.standardError.write(Data(note.utf8))
        }
        return documents
    }
}
