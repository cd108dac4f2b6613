#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// The C library's exp and pow, without Foundation.
@inline(__always) func exponential(_ x: Double) -> Double { exp(x) }
@inline(__always) func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }
