/// Hands results from producers that finish in any order to one consumer that takes them in order
/// (document 0, 1, 2 …), holding at most `window` finished results so memory does not grow with the batch.
actor OrderedPipeline<Element: Sendable> {
    private let window: Int
    private var ready: [Int: Element] = [:]
    private var next = 0
    private var consumer: CheckedContinuation<Element, any Error>?
    private var producers: [(index: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    private var failure: (any Error)?

    init(window: Int) { self.window = max(1, window) }

    /// Suspends the producer of `index` until the consumer is near enough.
    func waitForRoom(_ index: Int) async throws {
        if let failure { throw failure }
        guard index >= next + window else { return }
        try await withCheckedThrowingContinuation { producers.append((index, $0)) }
    }

    func put(_ index: Int, _ element: Element) {
        if index == next, let waiting = consumer {
            consumer = nil
            advance()
            waiting.resume(returning: element)
        } else {
            ready[index] = element
        }
    }

    /// The next result in order.
    func take() async throws -> Element {
        if let failure { throw failure }
        if let element = ready.removeValue(forKey: next) {
            advance()
            return element
        }
        return try await withCheckedThrowingContinuation { consumer = $0 }
    }

    /// Stops everyone: waiting producers and the consumer see `error`.
    func fail(_ error: any Error) {
        guard failure == nil else { return }
        failure = error
        consumer?.resume(throwing: error)
        consumer = nil
        producers.forEach { $0.continuation.resume(throwing: error) }
        producers = []
    }

    private func advance() {
        next += 1
        let room = producers.filter { $0.index < next + window }
        producers.removeAll { $0.index < next + window }
        room.forEach { $0.continuation.resume() }
    }
}
