import Foundation

/// An image `site.yml` names (the logo, the favicon): a path in the content folder or the theme's assets.
public struct SiteImage: Sendable, Equatable {
    /// As written in `site.yml`, relative to the content folder or to the theme's `assets/`.
    public var path: String
    /// Where `site.yml` names it, for the diagnostic when the file is in neither place.
    public var file: String
    public var line: Int
    public var column: Int
    /// The file's bytes when it is in the content folder; nil means the theme's asset of that name.
    public var contents: Data?

    public init(path: String, file: String, line: Int, column: Int, contents: Data? = nil) {
        self.path = path
        self.file = file
        self.line = line
        self.column = column
        self.contents = contents
    }

    /// `svg`, `png` or `ico`, lower-cased.
    public var fileExtension: String { (path as NSString).pathExtension.lowercased() }

    /// The media type browsers and link previews expect for the image.
    public var mediaType: String {
        switch fileExtension {
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        default: return "image/x-icon"
        }
    }
}
