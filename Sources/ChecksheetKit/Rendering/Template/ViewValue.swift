/// A page's view as the templates see it: text, numbers, flags, lists and objects, with nothing left to reflect
/// on while rendering. Made from a view struct once per page by `ViewValueEncoder`; `init(reflecting:)` makes the
/// same value by reflection, the reference the encoder is tested against.
enum ViewValue: Sendable, Equatable {
    case text(String)
    case number(Int)
    case decimal(Double)
    case flag(Bool)
    case list([ViewValue])
    case object([String: ViewValue])

    /// The view's fields by name; a nil optional is left out, so `{{#optional}}` is false.
    init(reflecting value: Any) {
        switch value {
        case let text as String: self = .text(text)
        case let number as Int: self = .number(number)
        case let flag as Bool: self = .flag(flag)
        case let decimal as Double: self = .decimal(decimal)
        case let strings as [String: String]: self = .object(strings.mapValues { .text($0) })
        case let converted as ViewValue: self = converted
        default: self = Self.reflecting(value)
        }
    }

    private static func reflecting(_ value: Any) -> ViewValue {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { ViewValue(reflecting: $0.value) } ?? .list([])
        case .collection, .set:
            return .list(mirror.children.map { ViewValue(reflecting: $0.value) })
        case .struct, .class:
            var fields: [String: ViewValue] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                let childMirror = Mirror(reflecting: child.value)
                if childMirror.displayStyle == .optional {
                    guard let wrapped = childMirror.children.first else { continue }
                    fields[label] = ViewValue(reflecting: wrapped.value)
                } else {
                    fields[label] = ViewValue(reflecting: child.value)
                }
            }
            return .object(fields)
        case .dictionary:
            var fields: [String: ViewValue] = [:]
            for child in mirror.children {
                let pair = Mirror(reflecting: child.value).children.map(\.value)
                if pair.count == 2, let key = pair[0] as? String { fields[key] = ViewValue(reflecting: pair[1]) }
            }
            return .object(fields)
        default:
            return .text(String(describing: value))
        }
    }

    /// The same value as plain Swift values (dictionaries, arrays), as swift-mustache takes them.
    var plain: Any {
        switch self {
        case let .text(text): return text
        case let .number(number): return number
        case let .decimal(decimal): return decimal
        case let .flag(flag): return flag
        case let .list(values): return values.map(\.plain)
        case let .object(fields): return fields.mapValues(\.plain)
        }
    }

    /// A field of an object; nil for anything else, as swift-mustache finds no field in a text or a list.
    subscript(field: String) -> ViewValue? {
        if case let .object(fields) = self { return fields[field] }
        return nil
    }
}
