import EWA

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Interrupts (Ctrl-C, SIGTERM, a closed terminal) end `ewa` cleanly: temporary files being
/// written are removed and a gnuplot child is ended, then the process dies of the same signal, so
/// a shell sees the interrupt as usual.
enum SignalHandlers {
  static let interrupts: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  static func install() {
    for number in interrupts {
      signal(number) { received in
        InterruptCleanup.cleanUpAfterSignal()
        signal(received, SIG_DFL)
        raise(received)
      }
    }
  }
}
