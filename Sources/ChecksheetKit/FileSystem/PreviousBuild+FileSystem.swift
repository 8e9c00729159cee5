import Foundation

extension PreviousBuild {
    /// The build in an output folder, as its marker describes it. A page is taken only when its fingerprint matches:
    /// kept where it lies, unread, when its stamp is the one the last build recorded (`stamps`); otherwise read and
    /// taken when its bytes still hash to what was written (a file edited by hand is rendered again).
    public static func folder(_ path: String, stamps: OutputStamps? = nil) -> PreviousBuild? {
        guard let manifest = OutputManifest.read(in: path),
              let pages = manifest.pages else { return nil }
        let stamps = stamps?.describing(path)
        return PreviousBuild { page, fingerprint in
            guard let record = pages[page], record.inputs == fingerprint else { return nil }
            if let size = stamps?.size(page, in: path) { return OutputFile(kept: page, size: size, fingerprint: fingerprint) }
            guard let bytes = LocalPath.contents(of: path + "/" + page), OutputManifest.hash(of: bytes) == record.bytes else { return nil }
            stamps?.verified(page, in: path)
            return OutputFile(path: page, contents: bytes, fingerprint: fingerprint)
        }
    }
}
