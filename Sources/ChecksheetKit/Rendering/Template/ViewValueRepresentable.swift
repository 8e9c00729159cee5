/// A view that makes its own `ViewValue` field by field in compiled code: the value `ViewValueEncoder` gets through
/// the synthesized `Encodable` conformance (a nil optional left out), without a container and a slot per value or a
/// dynamic cast per field. `ViewValueEncoderTests` holds every view of the sites to the encoder's and reflection's value.
protocol ViewValueRepresentable: Encodable {
    /// The view as the templates see it.
    var viewValue: ViewValue { get }
}

/// The fields of an object as a `ViewValueRepresentable` view writes them, each kind of field as the encoder
/// turns it into a value.
struct ViewFields {
    private(set) var fields: [String: ViewValue]

    init(capacity: Int) { fields = Dictionary(minimumCapacity: capacity) }

    /// The object.
    var value: ViewValue { .object(fields) }

    mutating func add(_ key: String, _ value: String) { fields[key] = .text(value) }
    mutating func add(_ key: String, _ value: Int) { fields[key] = .number(value) }
    mutating func add(_ key: String, _ value: Bool) { fields[key] = .flag(value) }
    mutating func add(_ key: String, _ value: [String]) { fields[key] = .list(value.map(ViewValue.text)) }
    mutating func add(_ key: String, _ value: [String: String]) { fields[key] = .object(value.mapValues(ViewValue.text)) }
    mutating func add(_ key: String, _ value: some ViewValueRepresentable) { fields[key] = value.viewValue }
    mutating func add(_ key: String, _ value: [some ViewValueRepresentable]) { fields[key] = .list(value.map(\.viewValue)) }

    /// A nil optional is left out, so that `{{#optional}}` is false.
    mutating func add(_ key: String, _ value: String?) { if let value { add(key, value) } }
    mutating func add(_ key: String, _ value: (some ViewValueRepresentable)?) { if let value { add(key, value) } }
}
