import Foundation

/// Ports for servers that tests stop and start again on the same address.
public enum ListeningPort {
    /// A random port from 10000 up to where the system's ephemeral ports begin (`ip_local_port_range`), or 0 (any
    /// free port) where that range leaves no room below it.
    ///
    /// A port the system handed out (port 0) lies in the ephemeral range, where any outgoing connection — to
    /// PostgreSQL, by another test's client — may take it as its own end while the server is down, and the restart
    /// then fails with "address already in use". Below the range only a server that names the port can take it.
    /// Free at the moment of asking is not promised: try another when binding fails.
    public static func belowTheEphemeralRange() -> Int {
        let range = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
        let lowest = range.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } ?? 32768
        guard lowest > 11_000 else { return 0 }
        return Int.random(in: 10_000..<lowest)
    }
}
