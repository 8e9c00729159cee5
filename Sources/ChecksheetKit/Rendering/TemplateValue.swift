/// View values turned into dictionaries and arrays before rendering.
///
/// swift-mustache finds a key in a struct by reflecting over all its fields, on every `{{key}}` and on every
/// miss while it walks up the context stack: 74% of a build's time went there. Reflecting each view once,
/// into a dictionary, makes every lookup a hash lookup. Optionals that are nil are left out, so
/// `{{#optional}}` stays false.
enum TemplateValue {
    static func convert(_ value: Any) -> Any {
        switch value {
        case is String, is Int, is Bool, is Double, is [String: String]:
            return value
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { convert($0.value) } as Any
        case .collection, .set:
            return mirror.children.map { convert($0.value) }
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                let childMirror = Mirror(reflecting: child.value)
                if childMirror.displayStyle == .optional {
                    guard let wrapped = childMirror.children.first else { continue }
                    dictionary[label] = convert(wrapped.value)
                } else {
                    dictionary[label] = convert(child.value)
                }
            }
            return dictionary
        case .dictionary:
            var dictionary: [String: Any] = [:]
            for child in mirror.children {
                let pair = Mirror(reflecting: child.value).children.map(\.value)
                if pair.count == 2, let key = pair[0] as? String { dictionary[key] = convert(pair[1]) }
            }
            return dictionary
        default:
            return value
        }
    }
}
