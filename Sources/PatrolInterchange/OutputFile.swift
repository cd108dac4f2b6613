import Foundation

/// A file to write: its name inside the output folder and its exact bytes.
public struct OutputFile: Hashable, Sendable {
    public var name: String
    public var contents: [UInt8]

    public init(name: String, contents: [UInt8]) {
        self.name = name
        self.contents = contents
    }

    /// The contents as text (the writers produce UTF-8).
    public var text: String { String(decoding: contents, as: UTF8.self) }
}

/// A file of the output folder that could not be written.
public struct OutputWriteError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    public var description: String { "\(path): cannot be written: \(reason)" }
}

/// Builds CSV text the way RFC 4180 says: fields separated by commas, quoted when they
/// hold a comma, a quote or a line break, quotes inside doubled; lines end with `\n`.
struct CSVText {
    private(set) var text = ""

    init(header: [String]) { append(header) }

    mutating func append(_ fields: [String]) {
        text += fields.map(Self.field).joined(separator: ",")
        text += "\n"
    }

    /// An empty line, which readers skip as a blank row.
    mutating func appendBlankLine() { text += "\n" }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func file(_ name: String) -> OutputFile { OutputFile(name: name, contents: Array(text.utf8)) }
}

extension Bool {
    /// `yes` or `no`, as the files write booleans.
    var yesNo: String { self ? "yes" : "no" }
}

enum OutputFolder {
    /// Writes every file into `directory`, creating it; each file is first written in full
    /// under a temporary name and renamed only once all are written, so a failure leaves
    /// no half-written file behind.
    static func write(_ files: [OutputFile], to directory: String) throws(OutputWriteError) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputWriteError(path: directory, reason: error.localizedDescription)
        }
        var written: [(temporary: String, final: String)] = []
        func discard() { for file in written { try? manager.removeItem(atPath: file.temporary) } }
        for file in files {
            let final = (directory as NSString).appendingPathComponent(file.name)
            let temporary = (directory as NSString).appendingPathComponent(
                ".\(file.name).\(ProcessInfo.processInfo.processIdentifier).tmp")
            if let reason = writeFile(temporary, file.contents) {
                try? manager.removeItem(atPath: temporary)
                discard()
                throw OutputWriteError(path: final, reason: reason)
            }
            written.append((temporary, final))
        }
        for file in written where rename(file.temporary, file.final) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw OutputWriteError(path: file.final, reason: reason)
        }
    }
}

/// Writes the bytes to a new file with plain system calls; nil when it worked, else why not.
///
/// Foundation's `createFile` and `Data.write` take milliseconds per file here, which adds
/// up to seconds for a calendar per volunteer; `open` and `write` take microseconds.
private func writeFile(_ path: String, _ bytes: [UInt8]) -> String? {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { return String(cString: strerror(errno)) }
    var offset = 0
    let failure: String? = bytes.withUnsafeBytes { buffer in
        guard let base = buffer.baseAddress else { return nil }
        while offset < buffer.count {
            let count = write(descriptor, base + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += count
        }
        return nil
    }
    guard close(descriptor) == 0 || failure != nil else { return String(cString: strerror(errno)) }
    return failure
}
