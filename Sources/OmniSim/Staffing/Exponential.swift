/// Exponential draws from a ``SplitMix64`` that are the same on every machine: the logarithm is
/// computed here with IEEE additions, multiplications and divisions only (each correctly rounded
/// everywhere), not by the platform's `log`, whose last bit may differ between C libraries.
enum Exponential {
    /// A draw with mean `mean`: −mean · ln U, U uniform on (0, 1] in steps of 2⁻⁵³.
    static func draw(mean: Double, _ random: inout SplitMix64) -> Double {
        let uniform = Double((random.next() >> 11) + 1) * 0x1p-53
        return -mean * naturalLog(uniform)
    }

    /// ln x for finite x > 0, within 2 ulp of the true value: x = m·2^e with m in [√½, √2), then
    /// ln m = 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …), s = (m − 1)/(m + 1), |s| < 0.172 (15 terms reach
    /// below 10⁻¹⁷, by Horner's rule), and e·ln 2 in two parts so that its rounding does not swamp the rest.
    static func naturalLog(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "ln of \(x)")
        var exponent = Double(x.exponent)
        var mantissa = x.significand
        if mantissa > 1.414_213_562_373_095_1 {
            mantissa /= 2
            exponent += 1
        }
        let s = (mantissa - 1) / (mantissa + 1)
        let s2 = s * s
        // Horner's rule on 1 + s²/3 + s⁴/5 + … : the smallest terms are added first.
        var series = 1.0 / 29
        for k in stride(from: 13, through: 0, by: -1) { series = series * s2 + 1.0 / Double(2 * k + 1) }
        let ln2High = 0.693_147_180_369_123_8   // fdlibm's ln2_hi: its low bits are 0, so e·ln2High is exact
        let ln2Low = 1.908_214_929_270_587_7e-10
        return exponent * ln2High + (exponent * ln2Low + 2 * s * series)
    }
}
