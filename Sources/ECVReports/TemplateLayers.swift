import Mustache

/// Two typed values a template reads as one: a name is looked up in `outer` first, then in `inner`.
///
/// A page's own facts (`inner`) and what every page of its kind adds around them (`outer`: the report's id
/// and signature, or the form's words and navigation) stay two types, each with its fields checked by the
/// compiler, while the template keeps writing `{{reportID}}` next to `{{vehicle.id}}`.
public struct TemplateLayers<Outer: Encodable, Inner: Encodable>: MustacheParent, Encodable {
    /// Read first: the page's frame.
    public let outer: Outer
    /// Read where `outer` has no such name: the page's own facts.
    public let inner: Inner

    /// `inner` framed by `outer`.
    public init(outer: Outer, inner: Inner) {
        self.outer = outer
        self.inner = inner
    }

    /// The member `name` of `outer`, else of `inner`, as Mustache reads a struct's member.
    public func child(named name: String) -> Any? {
        TemplateLayers.member(name, of: outer) ?? TemplateLayers.member(name, of: inner)
    }

    /// The stored property `name` of `value`; an absent optional is no member, as a missing key of a
    /// dictionary is, so that the name is looked up further out as Mustache does for its own structs.
    static func member(_ name: String, of value: Any) -> Any? {
        if let parent = value as? MustacheParent { return parent.child(named: name) }
        guard let found = Mirror(reflecting: value).children.first(where: { $0.label == name }) else { return nil }
        let optional = Mirror(reflecting: found.value)
        guard optional.displayStyle == .optional else { return found.value }
        return optional.children.first?.value
    }

    /// The two layers as one JSON object, `outer`'s members over `inner`'s.
    public func encode(to encoder: any Encoder) throws {
        try inner.encode(to: encoder)
        try outer.encode(to: encoder)
    }
}
