import Dispatch

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores, results in the original order: for pure per-element work
    /// such as parsing thousands of item pages.
    ///
    /// Fewer than `spreadingFrom` elements are mapped on the calling thread: below some 64 small pieces of work,
    /// handing them to other threads costs more than it saves. Fewer, larger pieces (a revision each) lower it.
    func parallelMap<Result: Sendable>(spreadingFrom minimum: Int = 65, _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count >= minimum else { return map(transform) }
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own slot, so the writes never overlap.
            nonisolated(unsafe) let slots = buffer.baseAddress!
            let elements = self
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                slots[index] = transform(elements[index])
            }
        }
        return results.map { $0! }
    }
}
