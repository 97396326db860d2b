import ArgumentParser
import ECVModel
import ECVServer
import ECVStore
import Foundation

/// `ecv serve`: the local web form on the same database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web form for entering results, on this machine only unless told otherwise.",
        discussion: """
            Pages: the readiness board (/), each team's day (/today), and per vehicle its verdict, each subsystem's progress and a form per subsystem with every applicable item. Each answer is saved as soon as it is entered and shows whether it is saved (with the time), waiting or NOT SAVED (with the reason); answers the server has not taken wait in the browser, also across a reload or a restart of ecv serve, and are sent again. The pages are in Chinese unless --lang says otherwise; the engineer can switch on the page. Listening on another address than 127.0.0.1 needs --token; every request must then carry it.

            Requests must name the bound address, localhost or a name given with --allow-host (a phone on the van's Wi-Fi uses the laptop's address: allow it), and posts from another origin are refused. Bodies over their limit get 413.

            Examples:
              ecv serve
              ecv serve --port 9000 --engineer "Zhang Wei" --lang both
              ecv serve --host 0.0.0.0 --allow-host 192.168.8.10 --token "$(openssl rand -hex 16)"
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 for any free one.")
    var port = 8080

    @Option(help: "Access token every request must carry; required off 127.0.0.1.")
    var token: String?

    @Option(help: "Who enters the results (default: $USER).")
    var engineer: String?

    @Option(
        name: .customLong("allow-host"),
        help: ArgumentHelp("Another host name the form may be reached at (repeatable).", valueName: "name"))
    var allowedHosts: [String] = []

    @Option(help: "Language of the pages until the engineer picks another on the page: zh, en or both.")
    var lang: Language = .zh

    @Option(
        name: .customLong("idle-timeout"),
        help: ArgumentHelp(
            "Seconds before closing a connection that sends nothing or an unfinished head.", valueName: "s"))
    var idleTimeout: Double = 20

    @Option(
        name: .customLong("request-timeout"),
        help: ArgumentHelp("Seconds a request may take to arrive whole, head to end of body.", valueName: "s"))
    var requestTimeout: Double = 30

    @Option(
        name: .customLong("max-connections"),
        help: ArgumentHelp("Connections open at once; more wait until one closes.", valueName: "n"))
    var maxConnections = 256

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        for (name, seconds) in [("--idle-timeout", idleTimeout), ("--request-timeout", requestTimeout)] {
            guard seconds.isFinite, (0.1...3600).contains(seconds) else {
                throw ValidationError("\(name) must be between 0.1 and 3600 seconds")
            }
        }
        guard (1...10_000).contains(maxConnections) else {
            throw ValidationError("--max-connections must be between 1 and 10000")
        }
        let configuration = WebServer.Configuration(host: host, port: port, token: token, actor: Actor.current())
        if !configuration.isLoopback && (token ?? "").count < 16 {
            throw ValidationError("listening on \(host) needs --token of at least 16 characters")
        }
    }

    func run() async throws {
        let catalog = try global.loadCatalog()
        let store = try global.openStore()
        var configuration = WebServer.Configuration(
            host: host, port: port, token: token, actor: try global.actor(engineer), allowedHosts: allowedHosts,
            language: lang, inputs: PlanInputs.read(root: global.rootURL))
        configuration.idleTimeoutSeconds = idleTimeout
        configuration.requestTimeoutSeconds = requestTimeout
        configuration.maximumConnections = maxConnections
        let server = WebServer(configuration: configuration, catalog: catalog, store: store)
        let host = self.host
        let token = self.token
        try await server.application { port in
            let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
            FileHandle.standardOutput.write(
                Data("ecv serve: listening on \(address)\(token.map { "?token=\($0)" } ?? "")\n".utf8))
        }.runService()
    }
}
