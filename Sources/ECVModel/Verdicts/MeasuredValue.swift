/// A measured value as an engineer types it: `0.3`, `0,3`, `95 s`, `95s`, `1e-7 BER`, or from a Chinese
/// input method `０．３`, `９５ｓ`, `0。3`.
///
/// The number is plain decimal: an optional sign, digits with one decimal point or comma, an optional exponent.
/// `nan`, `inf`, hexadecimal and thousands separators are not numbers here, and a value too large to be finite
/// is refused. What follows the number, after optional spaces, is the unit as typed; it holds no digit.
public struct MeasuredValue: Sendable, Equatable {
    /// The number, finite.
    public var value: Double
    /// The unit typed after the number, such as `dB`; `nil` when only the number was typed.
    public var unit: String?

    /// A value with its unit as typed.
    public init(value: Double, unit: String? = nil) {
        self.value = value
        self.unit = unit
    }

    /// Reads `typed`; `nil` when it is not a finite number, optionally followed by a unit.
    public init?(_ typed: String) {
        let scalars = Array(MeasuredValue.halfWidth(typed).trimmingWhitespace.unicodeScalars)
        var index = 0
        func digits() -> String {
            var run = ""
            while index < scalars.count, ("0"..."9").contains(scalars[index]) {
                run.unicodeScalars.append(scalars[index])
                index += 1
            }
            return run
        }
        var number = ""
        if index < scalars.count, ["+", "-", "\u{2212}"].contains(scalars[index]) {
            number = scalars[index] == "+" ? "" : "-"
            index += 1
        }
        let whole = digits()
        var fraction = ""
        if index < scalars.count, [".", ","].contains(scalars[index]) {
            index += 1
            fraction = digits()
        }
        guard !(whole + fraction).isEmpty else { return nil }
        number += (whole.isEmpty ? "0" : whole) + "." + (fraction.isEmpty ? "0" : fraction)
        // An exponent only when digits follow: `3e` is 3 with the unit `e`, which no item has.
        let beforeExponent = index
        if index < scalars.count, ["e", "E"].contains(scalars[index]) {
            index += 1
            var sign = ""
            if index < scalars.count, ["+", "-", "\u{2212}"].contains(scalars[index]) {
                sign = scalars[index] == "+" ? "" : "-"
                index += 1
            }
            let exponent = digits()
            if exponent.isEmpty { index = beforeExponent } else { number += "e" + sign + exponent }
        }
        let rest = String(String.UnicodeScalarView(scalars[index...])).trimmingWhitespace
        guard !rest.unicodeScalars.contains(where: { ("0"..."9").contains($0) || $0 == "." || $0 == "," }),
            let value = Double(number), value.isFinite
        else { return nil }
        self.value = value
        unit = rest.isEmpty ? nil : rest
    }

    /// Whether the typed unit, if any, is `unit`: compared without regard to case (`220v`, `50hz`, `0.3db`),
    /// except where case is the prefix — `m` milli and `M` mega, `p` pico and `P` peta — so that `5 mΩ` is
    /// never taken for 5 MΩ.
    public func isIn(_ unit: String) -> Bool {
        guard let typed = self.unit else { return true }
        guard typed != unit else { return true }
        guard typed.lowercased() == unit.lowercased() else { return false }
        let prefixes: [(Character, Character)] = [("m", "M"), ("p", "P")]
        guard let first = typed.first, let expected = unit.first, first != expected else { return true }
        return !prefixes.contains { ($0.0 == first && $0.1 == expected) || ($0.1 == first && $0.0 == expected) }
    }

    /// `text` with the full-width forms of Chinese input methods as their ASCII letters, digits and signs, the
    /// ideographic space as a space, and the ideographic full stop as a point.
    public static func halfWidth(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            case 0x3000: out.append(" ")
            case 0x3002: out.append(".")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
