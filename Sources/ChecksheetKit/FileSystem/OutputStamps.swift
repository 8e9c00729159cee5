import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Each file of an output folder as `build` left it: inode, size, modification and change times, recorded after the
/// folder was written and kept in the user's cache folder (never in the output, whose bytes stay the same for the same
/// inputs). A later build trusts a file whose stamp is unchanged without reading it, as `make` and `rsync` trust
/// theirs; any other file is read and hashed against the marker as before. The marker itself is kept too: while its
/// stamp is unchanged, a build knows it without decoding its JSON (a tenth of a rebuild of a long history).
public struct OutputStamps: Sendable, Equatable {
    /// The stamp of the marker the stamps were taken with: they describe that build's files only, and a later build
    /// tells so with one `stat` instead of reading and hashing the marker.
    var marker: FileStamp
    /// By path inside the folder.
    var stamps: [String: FileStamp]
    /// The marker's contents, when it recorded each page's inputs.
    var manifest: OutputManifest?
    /// Each folder of the tree by its path inside the output (`""` for the output itself): a folder's stamp changes
    /// when an entry is added to it, removed or renamed, so unchanged folder stamps mean no file was put in among
    /// the build's, and the folder need not be walked to find one.
    var folders: [String: FileStamp] = [:]
    /// The files a `stat` found as the stamps say, by `confirmFiles(in:)`, and the folder they lie in; nil before.
    /// Not recorded: it says what the folder held at one moment of one run.
    var confirmed: (folder: String, paths: Set<String>)?
    /// What this run found otherwise than the stamps say, and showed to be the build's own all the same.
    let found = StampsFound()

    public static func == (a: OutputStamps, b: OutputStamps) -> Bool {
        a.marker == b.marker && a.stamps == b.stamps && a.manifest == b.manifest && a.folders == b.folders
            && a.confirmed?.folder == b.confirmed?.folder && a.confirmed?.paths == b.confirmed?.paths
    }

    /// The folder's files and folders as they stand now, as its marker lists them; nil without a marker.
    ///
    /// `earlier`, stamps that described the folder before a write that changed only `touched` (the paths written or
    /// removed), spares stamping the rest: only those files, the folders they lie in and the marker are stamped anew.
    /// A file whose earlier stamp was out of date keeps it and is read by the next build (never trusted wrongly, only
    /// checked once more), unless a read in this run found it as written: then it has the stamp `confirmFiles(in:)`
    /// found it with (`refreshed`), as do folders a walk found holding nothing else.
    public static func record(_ folder: String, after earlier: OutputStamps? = nil, touched: [String] = []) -> OutputStamps? {
        // Files and folders shown to be the build's own since the earlier stamps were confirmed, as they were found.
        let earlier = earlier.map { $0.refreshed ?? $0 }
        let markerPath = folder + "/" + OutputManifest.fileName
        guard let marker = stamp(of: markerPath), let manifest = OutputManifest.read(in: folder) else { return nil }
        let touchedFiles = Set(touched)
        var touchedFolders: Set<String> = [""]
        for path in touched {
            var folderPath = Substring(path)
            while let slash = folderPath.lastIndex(of: "/") {
                folderPath = folderPath[..<slash]
                touchedFolders.insert(String(folderPath))
            }
        }
        let anchors = StatAnchors(root: folder)
        func restamped(_ known: [String: FileStamp], _ touched: Set<String>) -> [String: FileStamp] {
            var byPath = known
            for path in touched { byPath[path] = anchors.identity(of: path).map(\.stamp) }
            return byPath
        }
        func stamps(_ paths: [String], known: [String: FileStamp]?, touched: Set<String>) -> [String: FileStamp] {
            let found = paths.parallelMap { path in
                (touched.contains(path) ? nil : known?[path]) ?? anchors.identity(of: path).map(\.stamp)
            }
            var byPath: [String: FileStamp] = [:]
            byPath.reserveCapacity(paths.count)
            for (path, stamp) in zip(paths, found) { byPath[path] = stamp }
            return byPath
        }
        let files: [String: FileStamp], folders: [String: FileStamp]
        if let earlier, earlier.stamps.count == manifest.files.count, earlier.manifest?.files == manifest.files {
            // The same files as before, each stamped then (the usual edit), so their folders were too: the earlier
            // stamps are copied and only what the write touched is stamped anew, its folders included, without
            // working out the folders of every file.
            files = restamped(earlier.stamps, touchedFiles)
            folders = restamped(earlier.folders, touchedFolders)
        } else {
            files = stamps(manifest.files, known: earlier?.stamps, touched: touchedFiles)
            folders = stamps(Self.folders(of: manifest.files), known: earlier?.folders, touched: touchedFolders)
        }
        // Read again: a marker replaced meanwhile would pair these stamps with another build's files.
        guard Self.stamp(of: markerPath) == marker else { return nil }
        // The marker's contents are kept only when they name each file's page, as every build since version 1 does.
        let complete = manifest.pages.map { pages in manifest.files.allSatisfy { pages[$0] != nil } } ?? false
        return OutputStamps(marker: marker, stamps: files, manifest: complete ? manifest : nil, folders: folders)
    }

    /// What a write into a new folder learned as it went: each file's stamp as written (`OutputTree.writeFile`), and
    /// every folder it made, `""` for the folder itself.
    public struct Written: Sendable, Equatable {
        var files: [String: FileStamp]
        var folders: Set<String>
    }

    /// The stamps of `folder`, just written whole as `written` says: its files are stamped as they were written, and
    /// only its folders (whose stamps change as entries are added) and its marker are `stat`ed.
    static func record(_ folder: String, written: Written) -> OutputStamps? {
        let markerPath = folder + "/" + OutputManifest.fileName
        guard let marker = stamp(of: markerPath), let manifest = OutputManifest.read(in: folder),
              manifest.files.count == written.files.count else { return nil }
        let folderPaths = Array(written.folders), anchors = StatAnchors(root: folder)
        let found = folderPaths.parallelMap { path in anchors.identity(of: path).map(\.stamp) }
        var folders: [String: FileStamp] = [:]
        folders.reserveCapacity(folderPaths.count)
        for (path, stamp) in zip(folderPaths, found) { folders[path] = stamp }
        guard stamp(of: markerPath) == marker else { return nil }
        let complete = manifest.pages.map { pages in manifest.files.allSatisfy { pages[$0] != nil && written.files[$0] != nil } } ?? false
        return OutputStamps(marker: marker, stamps: written.files, manifest: complete ? manifest : nil, folders: folders)
    }

    /// The folder's stamps after a write that reported `report`. `before`, the stamps that described the folder before
    /// the write (`describing`), are taken over for what an update of a few files left as it was; a new folder written
    /// as it was made keeps the stamps its write took; a swapped-in tree is stamped whole.
    public static func record(_ folder: String, after report: SiteOutput.Report, before: OutputStamps?) -> OutputStamps? {
        if let written = report.stamped { return record(folder, written: written) }
        return record(folder, after: report.touched == nil ? nil : before, touched: report.touched ?? [])
    }

    /// Every folder the files lie in, their parents included, and `""` for the output itself; sorted.
    static func folders(of files: [String]) -> [String] {
        var folders: Set<String> = [""]
        var last: Substring = ""
        for file in files {
            guard let slash = file.lastIndex(of: "/") else { continue }
            // Sorted files come folder by folder: most share the folder of the file before.
            let parent = file[..<slash]
            if parent == last { continue }
            last = parent
            var path = parent
            while folders.insert(String(path)).inserted, let up = path.lastIndex(of: "/") { path = path[..<up] }
        }
        return folders.sorted()
    }

    /// Whether no entry was added to, removed from or renamed in any folder of the tree since the stamps were taken
    /// with the marker `folder` holds now: then the folder holds exactly the files the marker lists, or fewer.
    func holdsNothingElse(_ folder: String) -> Bool {
        // The folders were recorded with the marker: while it is the same one, they are its tree's.
        guard !folders.isEmpty, manifest != nil, describe(folder) else { return false }
        let paths = Array(folders.keys), anchors = StatAnchors(root: folder)
        let stamped = paths.parallelMap { path in anchors.identity(of: path).map(\.stamp) }
        var other: [String: FileStamp] = [:]
        for (path, stamp) in zip(paths, stamped) where stamp != folders[path] {
            guard let stamp else { return false }
            other[path] = stamp
        }
        guard other.isEmpty else {
            found.found(folders: other, in: folder)
            return false
        }
        return true
    }

    /// The stamp of the file at `path`; nil when there is none.
    static func stamp(of path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    /// Whether the stamps were taken with the marker `folder` holds now.
    public func describe(_ folder: String) -> Bool {
        Self.stamp(of: folder + "/" + OutputManifest.fileName) == marker
    }

    /// These stamps when they were taken with the marker `folder` holds now (`describe`); nil otherwise.
    public func describing(_ folder: String) -> OutputStamps? {
        describe(folder) ? self : nil
    }

    /// When the marker in `folder` has another stamp than the one these were taken with but holds what they recorded of
    /// it (its mode or links changed, it was touched), takes the stamp it was found with before it was read: the stamps
    /// describe the folder again, and are recorded so (`refreshed`). One `stat` when the marker is the one.
    public mutating func takeMarker(in folder: String) {
        let path = folder + "/" + OutputManifest.fileName
        guard let manifest, let found = Self.stamp(of: path), found != marker, OutputManifest.read(in: folder) == manifest,
              Self.stamp(of: path) == found else { return }
        marker = found
        self.found.markerTaken(in: folder)
    }

    /// Hands the marker's contents to `OutputManifest.read(in:)` while the marker in `folder` is the one they
    /// describe, so that the build that follows does not decode it.
    public func lend(to folder: String) {
        guard let manifest else { return }
        let path = folder + "/" + OutputManifest.fileName
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        let identity = FileIdentity(info)
        if identity.stamp == marker { OutputManifestMemo.shared.remember(manifest, at: path, identity: identity) }
    }

    /// Stats every file the stamps list, on all cores, and keeps which are as they say: a build does this while the
    /// content is read on another thread, so that neither the check for nothing to do nor the pages taken from the
    /// last build `stat` a file again after the content is in. Nothing when the stamps were not taken with the
    /// marker `folder` holds.
    public mutating func confirmFiles(in folder: String) {
        guard describe(folder) else { return }
        let recorded = stamps, paths = Array(recorded.keys), anchors = StatAnchors(root: folder)
        let stamped = paths.parallelMap { path in anchors.identity(of: path).map(\.stamp) }
        var same = Set<String>(minimumCapacity: paths.count), other: [String: FileStamp] = [:]
        for (path, stamp) in zip(paths, stamped) {
            if stamp == recorded[path] { same.insert(path) } else if let stamp { other[path] = stamp }
        }
        confirmed = (folder, same)
        found.found(files: other, in: folder)
    }

    /// Says that a read of `path` in `folder` found the bytes written: a file `confirmFiles(in:)` found otherwise than
    /// its stamp says is recorded with the stamp it was found with (`refreshed`).
    func verified(_ path: String, in folder: String) {
        found.verified(path, in: folder)
    }

    /// Says that a walk of `folder`, after `holdsNothingElse(_:)` found a folder's stamp changed, found nothing but
    /// the build's files: the folders are recorded with the stamps they were found with (`refreshed`).
    func walkedAndFoundNothingElse(_ folder: String) {
        found.walkedAndFoundNothingElse(in: folder)
    }

    /// These stamps with the files and folders found otherwise, and shown to be the build's own all the same, stamped
    /// as they were found; nil when there were none.
    public var refreshed: OutputStamps? {
        var refreshed = self
        return found.refresh(&refreshed.stamps, folders: &refreshed.folders) ? refreshed : nil
    }

    /// Whether the file at `path` inside `folder` is the one written, by its stamp alone.
    func unchanged(_ path: String, in folder: String) -> Bool {
        guard let stamp = stamps[path] else { return false }
        if let confirmed, confirmed.folder == folder { return confirmed.paths.contains(path) }
        return stamp == Self.stamp(of: folder + "/" + path)
    }

    /// The size of the file at `path` inside `folder` when it is the one written, by its stamp alone; nil otherwise.
    func size(_ path: String, in folder: String) -> Int? {
        guard unchanged(path, in: folder), let stamp = stamps[path] else { return nil }
        return Int(stamp.size)
    }

    /// Where `build` keeps the stamps of an output folder, beside the pages it parsed.
    public static func cacheFile(forOutput output: String) -> String? {
        CacheFolder.file("stamps", for: output)
    }

    /// Replaces the cache file in one rename; stamps that cannot be written are no error.
    public func write(cacheFile: String) {
        CacheFolder.write(encoded, to: cacheFile)
    }

    static let format = "checksheet-stamps 4"

    /// Lines: the format, the marker's stamp, then with the marker's contents its inputs (`-` for none) and its
    /// warnings (a count, then each as a byte count and its bytes, since a warning spans lines); then one line per
    /// file, `path\tstamp`, followed with the marker by `\tinputs\tbytes` of its page; one per folder, `/path\tstamp`;
    /// then `end`.
    public var encoded: Data {
        // A path with a tab or a line break (no page has one) cannot be written on a line: such stamps are not kept.
        // With the marker, the files it lists are the stamped ones.
        guard (manifest?.files ?? Array(stamps.keys)).allSatisfy(Self.fitsOnALine), folders.keys.allSatisfy(Self.fitsOnALine) else {
            return Data()
        }
        var out: [UInt8] = []
        out.reserveCapacity(stamps.count * 160 + folders.count * 40 + 256)
        func line(_ text: String) { out += text.utf8; out.append(0x0A) }
        func line(_ parts: String...) {
            for (index, part) in parts.enumerated() {
                if index > 0 { out.append(0x09) }
                out += part.utf8
            }
            out.append(0x0A)
        }
        line(Self.format)
        line(marker.text)
        if let manifest {
            line("marker")
            line(manifest.inputs ?? "-")
            let warnings = manifest.warnings ?? []
            line(manifest.warnings == nil ? "-" : String(warnings.count))
            for warning in warnings { line(String(warning.utf8.count)); line(warning) }
        } else {
            line("stamps")
        }
        if let manifest, let pages = manifest.pages {
            // Every file the marker lists, with `-` for one that was missing when the stamps were taken: in a few runs
            // of lines made on all cores, as the last step of every build that wrote something.
            let files = manifest.files, stamps = stamps
            let runs = stride(from: 0, to: files.count, by: 1024).map { $0..<min($0 + 1024, files.count) }
            let lines = runs.parallelMap(spreadingFrom: 2) { run -> [UInt8] in
                var out: [UInt8] = []
                out.reserveCapacity(run.count * 120)
                for path in files[run] {
                    let page = pages[path]!
                    // Byte by byte rather than through `line(_:...)`: this runs for every file of the site at every build.
                    out += path.utf8
                    out.append(0x09)
                    if let stamp = stamps[path] { stamp.write(into: &out) } else { out.append(UInt8(ascii: "-")) }
                    out.append(0x09)
                    out += page.inputs.utf8
                    out.append(0x09)
                    out += page.bytes.utf8
                    out.append(0x0A)
                }
                return out
            }
            for run in lines { out += run }
        } else {
            for path in stamps.keys.sorted(by: { $0.precedesInBytes($1) }) {
                out += path.utf8
                out.append(0x09)
                stamps[path]!.write(into: &out)
                out.append(0x0A)
            }
        }
        // Folders start with `/`, which no file's path does.
        for path in folders.keys.sorted(by: { $0.precedesInBytes($1) }) {
            out.append(UInt8(ascii: "/"))
            out += path.utf8
            out.append(0x09)
            folders[path]!.write(into: &out)
            out.append(0x0A)
        }
        // A file cut short (a full disk) is told from a complete one by its last line.
        line("end")
        return Data(out)
    }

    /// Searched in the bytes in place: the generic `contains` of a `UTF8View` took half of encoding the stamps.
    static func fitsOnALine(_ path: String) -> Bool { !path.holdsBytes("\t") && !path.holdsBytes("\n") }

    /// The inputs of the build whose marker the stamps in `data` were taken with, read from their first lines alone;
    /// nil when they recorded none. Only a guess at what the folder holds (the stamps may no longer describe it): a
    /// build uses it to start work it will likely need, never to skip any.
    public static func recordedInputs(_ data: Data) -> String? {
        var lines: [Substring] = []
        var start = data.startIndex
        while lines.count < 4, let end = data[start...].firstIndex(of: 0x0A) {
            lines.append(Substring(decoding: data[start..<end], as: UTF8.self))
            start = end + 1
        }
        guard lines.count == 4, lines[0] == Self.format, lines[2] == "marker", lines[3] != "-" else { return nil }
        return String(lines[3])
    }

    public static func decode(_ data: Data) -> OutputStamps? {
        // Split on bytes: paths and stamps are ASCII-safe UTF-8 with no newline or tab, and splitting Characters
        // cost more than the stat calls the stamps spare.
        let bytes = [UInt8](data)
        var position = 0
        func line() -> ArraySlice<UInt8>? {
            guard position < bytes.count, let end = bytes[position...].firstIndex(of: 0x0A) else { return nil }
            defer { position = end + 1 }
            return bytes[position..<end]
        }
        func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        guard let format = line(), text(format) == Self.format, let marker = line().flatMap(FileStamp.init), let kind = line().map(text) else { return nil }
        var inputs: String?, warnings: [String]?
        let withMarker = kind == "marker"
        if withMarker {
            guard let inputsLine = line().map(text), let countLine = line().map(text) else { return nil }
            inputs = inputsLine == "-" ? nil : inputsLine
            if countLine != "-" {
                guard let count = Int(countLine), count >= 0 else { return nil }
                var list: [String] = []
                for _ in 0..<count {
                    guard let length = line().flatMap({ Int(text($0)) }), length >= 0, position + length < bytes.count,
                          bytes[position + length] == 0x0A else { return nil }
                    list.append(text(bytes[position..<(position + length)]))
                    position += length + 1
                }
                warnings = list
            }
        } else if kind != "stamps" {
            return nil
        }
        // Sized from the count of lines, so that no table grows and rehashes while thousands of entries go in.
        let lines = bytes[position...].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        var stamps: [String: FileStamp] = [:], folders: [String: FileStamp] = [:]
        var pages: [String: OutputManifest.Page] = [:]
        var files: [String] = []
        stamps.reserveCapacity(lines)
        folders.reserveCapacity(withMarker ? lines / 2 : lines)
        if withMarker {
            pages.reserveCapacity(lines)
            files.reserveCapacity(lines)
        }
        var ended = false
        while let entry = line() {
            if entry.elementsEqual("end".utf8) { ended = true; break }
            if entry.first == UInt8(ascii: "/") {
                let fields = entry.dropFirst().split(separator: 0x09, omittingEmptySubsequences: false)
                // A stamp that does not read back (a time before 1970) distrusts them all: a folder left out would go unwalked.
                guard fields.count == 2, let stamp = FileStamp(fields[1]) else { return nil }
                folders[text(fields[0])] = stamp
                continue
            }
            let fields = entry.split(separator: 0x09, omittingEmptySubsequences: false)
            guard fields.count == (withMarker ? 4 : 2) else { return nil }
            let path = text(fields[0])
            if !fields[1].elementsEqual("-".utf8) {
                guard let stamp = FileStamp(fields[1]) else { return nil }
                stamps[path] = stamp
            }
            if withMarker {
                files.append(path)
                pages[path] = OutputManifest.Page(inputs: text(fields[2]), bytes: text(fields[3]))
            }
        }
        guard ended, position == bytes.count else { return nil }
        var manifest: OutputManifest?
        if withMarker {
            guard files.allSatisfy(OutputFile.isSafePath) else { return nil }
            manifest = OutputManifest(files: files, pages: pages)
            manifest?.inputs = inputs
            manifest?.warnings = warnings
        }
        return OutputStamps(marker: marker, stamps: stamps, manifest: manifest, folders: folders)
    }
}
