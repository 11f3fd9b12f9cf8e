/// A confidence interval for the long-run mean of a correlated sequence (the waits of successive
/// chats, say) by the method of batch means: the sequence is cut into `batches` consecutive batches
/// of equal size, each batch's mean is taken as one roughly independent, roughly normal observation,
/// and the interval is Student's t on those means:
/// `mean ± t(1 − α/2, batches − 1) · s / √batches`, `s` the batch means' standard deviation.
///
///     let interval = BatchMeans(waits, batches: 20, confidence: .percent99)
///     interval.mean           // the grand mean (of the batches, so of the observations kept)
///     interval.halfWidth      // the interval is mean ± halfWidth
///
/// When `count` is not a multiple of `batches`, the first `count % batches` observations are left
/// out (they are the nearest to the start, the least steady part of a run), so that every batch
/// has the same size. Batches must be long compared with the sequence's correlation: the lag-1
/// correlation of the batch means (``lag1Correlation``) near 0 says they are; above about 0.2,
/// the interval is too narrow. 20 to 30 batches is the usual choice (Law, *Simulation Modeling
/// and Analysis*, §9.5.3).
public struct BatchMeans: Sendable, Equatable {
    /// The two-sided level of the interval.
    public enum Confidence: Sendable, Equatable {
        case percent95
        case percent99

        /// Student's t quantile at 1 − α/2 with `freedom` degrees of freedom (1 to 30; the table's
        /// values to 3 decimals).
        func studentT(freedom: Int) -> Double {
            precondition((1...30).contains(freedom), "the t table covers 1 to 30 degrees of freedom, not \(freedom)")
            return (self == .percent95 ? Self.t975 : Self.t995)[freedom - 1]
        }

        private static let t975: [Double] = [
            12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
            2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
            2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
        ]
        private static let t995: [Double] = [
            63.657, 9.925, 5.841, 4.604, 4.032, 3.707, 3.499, 3.355, 3.250, 3.169,
            3.106, 3.055, 3.012, 2.977, 2.947, 2.921, 2.898, 2.878, 2.861, 2.845,
            2.831, 2.819, 2.807, 2.797, 2.787, 2.779, 2.771, 2.763, 2.756, 2.750,
        ]
    }

    /// The mean of the batch means (the mean of the observations kept).
    public let mean: Double
    /// Half the interval's width: it is `mean − halfWidth ... mean + halfWidth`.
    public let halfWidth: Double
    public let batches: Int
    /// Observations per batch.
    public let batchSize: Int
    public let confidence: Confidence
    /// The correlation of successive batch means (0 when it cannot be told).
    public let lag1Correlation: Double

    /// The interval of `observations` cut into `batches` batches (2 to 31), or nil with fewer
    /// observations than batches.
    public init?(_ observations: [Double], batches: Int = 20, confidence: Confidence = .percent95) {
        precondition((2...31).contains(batches), "batch means takes 2 to 31 batches, not \(batches)")
        let size = observations.count / batches
        guard size > 0 else { return nil }
        let skipped = observations.count - size * batches
        var means: [Double] = []
        means.reserveCapacity(batches)
        for batch in 0..<batches {
            let start = skipped + batch * size
            means.append(observations[start..<start + size].reduce(0, +) / Double(size))
        }
        let mean = means.reduce(0, +) / Double(batches)
        let squares = means.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let deviation = (squares / Double(batches - 1)).squareRoot()
        var lagged = 0.0
        for index in 1..<batches { lagged += (means[index] - mean) * (means[index - 1] - mean) }
        self.mean = mean
        self.halfWidth = confidence.studentT(freedom: batches - 1) * deviation / Double(batches).squareRoot()
        self.batches = batches
        self.batchSize = size
        self.confidence = confidence
        self.lag1Correlation = squares > 0 ? lagged / squares : 0
    }

    public var lower: Double { mean - halfWidth }
    public var upper: Double { mean + halfWidth }

    /// Whether `value` lies in the interval (ends included).
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}
