import EWA
import EWAIO

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

  /// Installs the handler for each interrupt, except one the parent ignores on purpose (`nohup`
  /// ignores SIGHUP), and unblocks them: a program that starts `ewa` from a thread with signals
  /// blocked (libdispatch's worker threads) would otherwise hand on a mask under which SIGTERM
  /// waits until `ewa` has ended normally.
  static func install() {
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    for number in interrupts {
      let previous = signal(number) { received in
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
      if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
        signal(number, SIG_IGN)
      }
      sigaddset(&unblocked, number)
    }
    pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
  }
}
