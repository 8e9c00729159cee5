import Foundation

/// Values made at most once per key and kept, safe to use from the threads that render pages in parallel: a
/// revision's presentation is needed by many of its pages, and only a rebuild's changed pages should pay for it.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Key: Slot] = [:]

    /// One key's value; its own lock lets other keys be made meanwhile.
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var value: Value?
    }

    /// The value of `key`, made by `make` the first time it is asked for; a second caller waits for the first.
    func value(_ key: Key, make: () -> Value) -> Value {
        lock.lock()
        let slot: Slot
        if let existing = slots[key] {
            slot = existing
        } else {
            slot = Slot()
            slots[key] = slot
        }
        lock.unlock()
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let value = slot.value { return value }
        let value = make()
        slot.value = value
        return value
    }
}
