import Testing

@testable import PatrolStore

@Suite struct FingerprintTests {
    @Test func matchesThePublishedFNV1a128Vectors() {
        #expect(Fingerprint.hexDigest(of: []) == "6c62272e07bb014262b821756295c58d")
        #expect(Fingerprint.hexDigest(of: Array("a".utf8)) == "d228cb696f1a8caf78912b704e4a8964")
    }

    @Test func differsWhenOneByteDiffers() {
        #expect(Fingerprint.hexDigest(of: [1, 2, 3]) != Fingerprint.hexDigest(of: [1, 2, 4]))
    }
}
