import Foundation

/// An answer posted by the form: every field optional, so that a missing one gets its own message.
struct AnswerForm: Decodable {
    var csrf: String?
    var item: String?
    var value: String?
    var note: String?
}

/// A photo posted by the form (`multipart/form-data`).
struct PhotoForm: Decodable {
    var csrf: String?
    var item: String?
    var photo: Data?
}

/// The boundary parameter of a `multipart/form-data` content type.
enum MultipartBoundary {
    /// `nil` when the type is not `multipart/form-data` or names no boundary.
    static func of(_ contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data",
            let field = pieces.first(where: { $0.lowercased().hasPrefix("boundary=") })
        else { return nil }
        var boundary = field.dropFirst("boundary=".count)
        if boundary.count >= 2, boundary.hasPrefix("\""), boundary.hasSuffix("\"") {
            boundary = boundary.dropFirst().dropLast()
        }
        return boundary.isEmpty || boundary.count > 70 ? nil : String(boundary)
    }
}
