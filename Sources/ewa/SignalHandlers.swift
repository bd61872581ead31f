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
        // The signal is blocked while its handler runs: unblock it so that it ends the process
        // now, before another thread can carry on.
        var only = sigset_t()
        sigemptyset(&only)
        sigaddset(&only, received)
        pthread_sigmask(SIG_UNBLOCK, &only, nil)
        raise(received)
      }
    }
    // A parent may start ewa with these signals blocked (test runners do); they would then
    // never reach the handler on the main thread, and an interrupt would leave files behind.
    var set = sigset_t()
    sigemptyset(&set)
    for number in interrupts { sigaddset(&set, number) }
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }
}
