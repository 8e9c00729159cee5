/// Turns a view into a `ViewValue`: a `ViewValueRepresentable` view makes its own, any other goes through its
/// synthesized `Encodable` conformance (compiled code that walks the fields, where `Mirror` looked each one up at run
/// time). A nil optional is not encoded, so it is left out, as `{{#optional}}` expects.
struct ViewValueEncoder {
    static func encode(_ value: some Encodable) throws -> ViewValue {
        if let representable = value as? any ViewValueRepresentable { return representable.viewValue }
        return try encodeThroughCodable(value)
    }

    /// The value through `Encodable` alone, also for views that make their own: the reference those are tested against.
    static func encodeThroughCodable(_ value: some Encodable) throws -> ViewValue {
        let slot = Slot()
        try value.encode(to: Writer(slot: slot, codingPath: []))
        return slot.resolved ?? .object([:])
    }

    /// Where one value ends up: a field of an object, an element of a list, or the result.
    final class Slot {
        var value: ViewValue?
        var fields: [String: Slot]?
        var elements: [Slot]?

        /// The value, with the fields and elements written into it since.
        var resolved: ViewValue? {
            if let fields { return .object(fields.compactMapValues(\.resolved)) }
            if let elements { return .list(elements.compactMap(\.resolved)) }
            return value
        }
    }

    struct Writer: Encoder {
        let slot: Slot
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if slot.fields == nil { slot.fields = [:] }
            return KeyedEncodingContainer(Fields<Key>(slot: slot, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if slot.elements == nil { slot.elements = [] }
            return Elements(slot: slot, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot, codingPath: codingPath) }
    }

    /// Encodes a nested value into a fresh slot and resolves it.
    static func value(of value: some Encodable, codingPath: [any CodingKey]) throws -> ViewValue? {
        switch value {
        case let text as String: return .text(text)
        case let number as Int: return .number(number)
        case let flag as Bool: return .flag(flag)
        // Every page carries the UI strings (about a hundred): built directly, not key by key through a container.
        case let strings as [String: String]: return .object(strings.mapValues { .text($0) })
        default:
            let slot = Slot()
            try value.encode(to: Writer(slot: slot, codingPath: codingPath))
            return slot.resolved
        }
    }

    struct Fields<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        var codingPath: [any CodingKey]

        func set(_ value: ViewValue?, _ key: Key) {
            let field = Slot()
            field.value = value
            slot.fields![key.stringValue] = field
        }

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode(_ value: Bool, forKey key: Key) throws { set(.flag(value), key) }
        mutating func encode(_ value: String, forKey key: Key) throws { set(.text(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { set(.number(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { set(.decimal(value), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            set(try ViewValueEncoder.value(of: value, codingPath: codingPath + [key]), key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let field = Slot()
            field.fields = [:]
            slot.fields![key.stringValue] = field
            return KeyedEncodingContainer(Fields<NestedKey>(slot: field, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let field = Slot()
            field.elements = []
            slot.fields![key.stringValue] = field
            return Elements(slot: field, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder { Writer(slot: slot, codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let field = Slot()
            slot.fields![key.stringValue] = field
            return Writer(slot: field, codingPath: codingPath + [key])
        }
    }

    struct Elements: UnkeyedEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey]
        var count: Int { slot.elements!.count }

        func append(_ value: ViewValue?) {
            let element = Slot()
            element.value = value
            slot.elements!.append(element)
        }

        mutating func encodeNil() throws {}
        mutating func encode(_ value: Bool) throws { append(.flag(value)) }
        mutating func encode(_ value: String) throws { append(.text(value)) }
        mutating func encode(_ value: Int) throws { append(.number(value)) }
        mutating func encode(_ value: Double) throws { append(.decimal(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { append(try ViewValueEncoder.value(of: value, codingPath: codingPath)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let element = Slot()
            element.fields = [:]
            slot.elements!.append(element)
            return KeyedEncodingContainer(Fields<NestedKey>(slot: element, codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let element = Slot()
            element.elements = []
            slot.elements!.append(element)
            return Elements(slot: element, codingPath: codingPath)
        }

        mutating func superEncoder() -> any Encoder {
            let element = Slot()
            slot.elements!.append(element)
            return Writer(slot: element, codingPath: codingPath)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws {}
        mutating func encode(_ value: Bool) throws { slot.value = .flag(value) }
        mutating func encode(_ value: String) throws { slot.value = .text(value) }
        mutating func encode(_ value: Int) throws { slot.value = .number(value) }
        mutating func encode(_ value: Double) throws { slot.value = .decimal(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { slot.value = try ViewValueEncoder.value(of: value, codingPath: codingPath) }
    }
}
