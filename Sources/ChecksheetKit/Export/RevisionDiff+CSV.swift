import Foundation

extension RevisionDiff {
    /// The differences as CSV rows (slug, No., field, before, after), with the same encoding as the sheet's CSV.
    /// Added and removed items are one row each, with the field `item`; renumbering is the field `no`.
    public func csv() -> Data {
        var records: [[String]] = [["slug", "no", "field", "before", "after"]]
        for item in added { records.append([item.slug, String(item.no), "item", "", item.item]) }
        for item in removed { records.append([item.slug, String(item.no), "item", item.item, ""]) }
        for change in changed {
            if change.isRenumbered { records.append([change.new.slug, String(change.new.no), "no", String(change.old.no), String(change.new.no)]) }
            for field in change.fields { records.append([change.new.slug, String(change.new.no), field.rawValue, change.old.plainText(of: field), change.new.plainText(of: field)]) }
        }
        for change in renumbered { records.append([change.new.slug, String(change.new.no), "no", String(change.old.no), String(change.new.no)]) }
        return CSV.data(records)
    }
}
