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
    // A parent may have blocked these signals (a process started from a Dispatch worker thread
    // inherits its mask, which blocks nearly everything); ewa must still be interruptible.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for number in interrupts { sigaddset(&unblock, number) }
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    for number in interrupts {
      signal(number) { received in
        InterruptCleanup.cleanUpAfterSignal()
        signal(received, SIG_DFL)
        raise(received)
      }
    }
  }
}
