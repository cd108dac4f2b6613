/// A 128-bit FNV-1a digest (Fowler, Noll, Vo), as 32 hexadecimal digits.
///
/// Identifies identical import content; it guards against accidents, not adversaries,
/// so a fast non-cryptographic hash with a negligible chance of collision is enough.
enum Fingerprint {
    static func hexDigest(of bytes: [UInt8]) -> String {
        let prime: UInt128 = (1 << 88) | 0x13B
        var hash: UInt128 = 0x6C62_272E_07BB_0142_62B8_2175_6295_C58D
        for byte in bytes {
            hash ^= UInt128(byte)
            hash = hash &* prime
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 32 - digits.count) + digits
    }
}
