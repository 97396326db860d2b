import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program and waits for it with `posix_spawn` and `waitpid`: Foundation's `Process` has been seen to miss
/// the end of a short-lived child (left a zombie, never reaped) while tests start several clusters at once.
enum ChildProcess {
    /// Runs `arguments[0]` with the rest as its arguments, standard output and error appended to `output`, standard
    /// input empty; returns its exit status (-1 when it could not start or was killed).
    static func run(_ arguments: [String], output: String) -> Int32 {
        guard let program = arguments.first else { return -1 }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { return -1 }
        }
        // WIFEXITED and WEXITSTATUS, which Swift does not import as functions.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    }
}
