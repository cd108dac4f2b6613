import Foundation
import Glibc
import PatrolModel

/// Turns the bytes of an input file into text.
///
/// Files come as UTF-8, with or without the byte-order mark Excel adds, or as GB18030
/// (GBK) when Excel saved them on a Chinese-locale Windows. UTF-8 is tried first because
/// valid UTF-8 text is almost never also meaningful GB18030; GB18030 goes through glibc's
/// iconv because Foundation on Linux has no GB18030 decoder.
enum TextDecoding {
    /// The text of `bytes`, or nil when they are neither UTF-8 nor GB18030.
    static func decode(_ bytes: [UInt8]) -> String? {
        if let text = String(validating: bytes, as: UTF8.self) {
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        return gb18030(bytes)
    }

    /// Decodes GB18030 with iconv; nil on any byte sequence iconv rejects.
    static func gb18030(_ bytes: [UInt8]) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }

        var input = bytes.map { CChar(bitPattern: $0) }
        // A GB18030 character of n bytes needs at most 2n bytes of UTF-8 (two-byte GBK
        // characters become three bytes), so one pass always fits.
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 4)
        let outputCapacity = output.count
        var inputLeft = input.count
        var outputLeft = outputCapacity
        let result = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inputPointer = inputBuffer.baseAddress
                var outputPointer = outputBuffer.baseAddress
                return iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
            }
        }
        guard result != -1, inputLeft == 0 else { return nil }
        let produced = output[0..<(outputCapacity - outputLeft)].map { UInt8(bitPattern: $0) }
        return String(validating: produced, as: UTF8.self)
    }

    /// Whether decoded text holds control characters that no spreadsheet writes into a
    /// text file: the mark of a binary file (a picture, a workbook) saved under a `.csv` name.
    static func looksBinary(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
                && scalar != "\u{0C}"
        }
    }
}

/// Reads one file of a community or output folder as text, reporting why it cannot be read.
enum InputFile {
    /// The text of `directory/name`; nil when it is absent or unreadable.
    ///
    /// A missing file is an error only when `required`; a file that cannot be read, is not
    /// text, or is in an unknown encoding is always an error.
    static func text(
        directory: String, name: String, required: Bool, log: inout DiagnosticLog
    ) -> String? {
        let path = (directory as NSString).appendingPathComponent(name)
        let location = SourceLocation(file: name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if required {
                log.error(
                    location, "the file is missing from \(quoted(directory))",
                    expected: "a file named \(name) in the folder")
            }
            return nil
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            log.error(location, "the file cannot be read", expected: "a readable file")
            return nil
        }
        guard let text = TextDecoding.decode([UInt8](data)) else {
            log.error(
                location, "the file is neither UTF-8 nor GB18030 text",
                expected: "a text file saved as UTF-8 or GB18030 (GBK)")
            return nil
        }
        guard !TextDecoding.looksBinary(text) else {
            log.error(
                location, "the file holds binary data, not text",
                expected: name.hasSuffix(".csv")
                    ? "a CSV file (in Excel: Save As, CSV)" : "a text file")
            return nil
        }
        return text
    }
}
