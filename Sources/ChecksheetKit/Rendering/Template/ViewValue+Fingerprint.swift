extension ViewValue {
    /// Adds the value to a hash: every text, number and flag with its kind and length, object fields in name order,
    /// so that two equal views always give the same fingerprint and two different ones almost never do.
    func add(to hash: inout ContentHash) {
        switch self {
        case let .text(text):
            hash.add(byte: 1)
            hash.add(integer: text.utf8.count)
            hash.add(text)
        case let .number(number):
            hash.add(byte: 2)
            hash.add(integer: number)
        case let .decimal(decimal):
            hash.add(byte: 3)
            hash.add(integer: Int(bitPattern: UInt(decimal.bitPattern)))
        case let .flag(flag):
            hash.add(byte: flag ? 4 : 5)
        case let .list(values):
            hash.add(byte: 6)
            hash.add(integer: values.count)
            for value in values { value.add(to: &hash) }
        case let .object(fields):
            hash.add(byte: 7)
            hash.add(integer: fields.count)
            for key in fields.keys.sorted() {
                hash.add(integer: key.utf8.count)
                hash.add(key)
                fields[key]!.add(to: &hash)
            }
        }
    }
}
