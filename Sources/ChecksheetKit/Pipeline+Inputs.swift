extension Pipeline {
    /// A hash of everything a build reads: every content and theme file with its path, the options and the tool.
    /// Two builds with the same hash make the same files (the build is deterministic), so a folder written from
    /// these inputs is up to date. Nil when reading already found errors: such a build must run and report them.
    /// What reading warned about (a file it passes over) counts as an input too, so that the warnings are current.
    public static func inputs(content: ContentSource, theme: Result<Theme, DiagnosticsError>, options: Options) -> String? {
        guard !content.diagnostics.hasErrors, case let .success(theme) = theme else { return nil }
        var hash = ContentHash()
        func add(_ text: String) {
            hash.add(integer: text.utf8.count)
            hash.add(text)
        }
        func add(_ file: SourceFile?) {
            add(file?.path ?? "-")
            add(file?.text ?? "")
        }
        add("checksheet inputs 1")
        add(options.tool)
        add(options.baseURL ?? "-")
        hash.add(byte: options.strict ? 1 : 0)
        hash.add(byte: options.drafts ? 1 : 0)
        add(content.path)
        hash.add(integer: content.diagnostics.count)
        for diagnostic in content.diagnostics { add(diagnostic.formatted) }
        add(content.site)
        add(content.synonyms)
        for name in content.images.keys.sorted() { add(name); hash.add(integer: content.images[name]!.count); hash.add(content.images[name]!) }
        hash.add(integer: content.revisions.count)
        for revision in content.revisions {
            add(revision.folderName)
            add(revision.metadata)
            for language in Language.allCases {
                let pages = revision.pages[language] ?? []
                hash.add(integer: pages.count)
                for page in pages { add(page) }
            }
        }
        add(theme.path)
        for name in theme.templates.keys.sorted() { add(name); add(theme.templates[name]!) }
        for name in theme.strings.keys.sorted() { add(name); add(theme.strings[name]!.ja); add(theme.strings[name]!.en) }
        for name in theme.assets.keys.sorted() { add(name); hash.add(integer: theme.assets[name]!.count); hash.add(theme.assets[name]!) }
        return hash.hex
    }
}
