import Foundation

extension SyncBundle {
    /// Checks that a receiver holding `holdings` may import this bundle under `rules`; throws the first problem
    /// as `BundleError.refused`, or what the receiver threw while it was asked.
    ///
    /// The bundle must be signed by the enrolled key of the laptop it names, and that laptop must not be the
    /// receiver; then every record is checked (`BundleCheck`) against the catalog, the clocks and what the
    /// receiver holds. Nothing is written: the receiver writes after this returns.
    public func check(against holdings: some ReceiverHoldings, rules: ImportRules) throws {
        guard laptop != rules.importer else {
            throw BundleError.refused("it claims to come from this laptop, \(laptop)")
        }
        guard let signature else { throw BundleError.refused("it is not signed") }
        guard let enrolment = try holdings.enrolment(ofLaptop: laptop) else {
            throw BundleError.refused("laptop \(laptop) is not enrolled here (`ecv laptops enroll \(laptop) FILE.pub`)")
        }
        guard signature.verifies(signedContent, with: enrolment.publicKey) else {
            throw BundleError.refused("it is not signed by the enrolled key of laptop \(laptop)")
        }
        try BundleCheck(bundle: self, rules: rules).run(holdings)
    }
}
