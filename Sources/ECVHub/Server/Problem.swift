import Foundation
import Hummingbird

/// A refusal as the API describes it: `{"reason": "…"}` with its status.
enum Problem {
    /// The JSON response for `status` with `reason`.
    static func response(_ status: HTTPResponse.Status, _ reason: String) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(["reason": reason])) ?? Data(#"{"reason":"refused"}"#.utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
