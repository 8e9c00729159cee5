import Foundation

extension PreviousBuild {
    /// The build in an output folder, as its marker describes it. A page is read only when its fingerprint matches,
    /// and taken only when its bytes still hash to what was written (a file edited by hand is rendered again).
    /// A file whose stamp the last build recorded (`stamps`) is taken without hashing it.
    public static func folder(_ path: String, stamps: OutputStamps? = nil) -> PreviousBuild? {
        guard let manifest = OutputManifest.read(in: path),
              let pages = manifest.pages else { return nil }
        let stamps = stamps.flatMap { $0.describe(path) ? $0 : nil }
        return PreviousBuild { page, fingerprint in
            guard let record = pages[page], record.inputs == fingerprint,
                  let bytes = LocalPath.contents(of: path + "/" + page) else { return nil }
            return stamps?.unchanged(page, in: path) == true || ContentHash(bytes).hex == record.bytes ? bytes : nil
        }
    }
}
