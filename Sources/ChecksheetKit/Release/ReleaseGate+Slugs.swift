extension ReleaseGate {
    /// An item of the revision before that a revision gives a new slug: the same number, and the same Japanese name or
    /// definition, under a slug the revision before did not have, while its old slug is gone.
    struct Rename: Equatable {
        var old: Item
        var new: Item
    }

    /// The items of `previous` that `revision` renamed, in Japanese, by number.
    static func renames(_ revision: Revision, previous: Revision) -> [Rename] {
        previous.items.ja.compactMap { old -> Rename? in
            guard revision.item(old.slug, .ja) == nil,
                  let new = revision.items.ja.first(where: { $0.no == old.no }), previous.item(new.slug, .ja) == nil,
                  new.item == old.item || new.definition == old.definition else { return nil }
            return Rename(old: old, new: new)
        }
    }

    /// An error at the new `slug:` of each item `revision` renamed: the slug is the item's page's address, which customers
    /// link to and cite, and the old address would say the item was removed.
    static func renamedSlugs(_ revision: Revision, previous: Revision) -> [Diagnostic] {
        renames(revision, previous: previous).compactMap { rename -> Diagnostic? in
            guard let japanese = revision.sources.ja[rename.new.slug] else { return nil }
            let old = rename.old.slug
            var places = "here"
            if let english = revision.sources.en[rename.new.slug] {
                places += " and in \(english.file):\(english.positions[.slug]?.line ?? 1)"
            }
            return japanese.diagnostic(at: .slug, "item \(rename.new.no) '\(rename.new.item)' was published as '\(old)' in \(previous.date): "
                                           + "the slug is the item's permanent URL, and links to ja/items/\(old)/ and en/items/\(old)/ would say the item was removed",
                                       hint: "keep `slug: \(old)` \(places); a new slug is for a new item only")
        }
    }
}
