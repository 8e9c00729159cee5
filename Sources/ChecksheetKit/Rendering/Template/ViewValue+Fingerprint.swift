extension ViewValue {
    /// Adds the value to a hash: every text, number and flag with its place in the structure, object fields in
    /// name order, so that two equal views always give the same fingerprint and two different ones almost never do.
    func add(to hash: inout ContentHash) {
        switch self {
        case let .text(text):
            hash.add("s\(text.utf8.count):")
            hash.add(text)
        case let .number(number):
            hash.add("i\(number);")
        case let .decimal(decimal):
            hash.add("d\(decimal);")
        case let .flag(flag):
            hash.add(flag ? "T" : "F")
        case let .list(values):
            hash.add("[\(values.count):")
            for value in values { value.add(to: &hash) }
            hash.add("]")
        case let .object(fields):
            hash.add("{\(fields.count):")
            for key in fields.keys.sorted() {
                hash.add("\(key.utf8.count):")
                hash.add(key)
                fields[key]!.add(to: &hash)
            }
            hash.add("}")
        }
    }
}
