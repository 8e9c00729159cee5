import Foundation

extension PreviousBuild {
    /// The build in an output folder, as its marker describes it. A page is read only when its fingerprint matches,
    /// and taken only when its bytes still hash to what was written (a file edited by hand is rendered again).
    public static func folder(_ path: String) -> PreviousBuild? {
        guard let manifest = OutputManifest.read(in: path),
              let pages = manifest.pages else { return nil }
        return PreviousBuild { page, fingerprint in
            guard let record = pages[page], record.inputs == fingerprint,
                  let bytes = LocalPath.contents(of: path + "/" + page), ContentHash(bytes).hex == record.bytes else { return nil }
            return bytes
        }
    }
}
