// The language's way of writing a large count, in messages and reports.
extension Int {
    /// `1234567` as `1,234,567`.
    public var withThousandsSeparators: String {
        let digits = String(self.magnitude)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return self < 0 ? "-" + out : out
    }
}
