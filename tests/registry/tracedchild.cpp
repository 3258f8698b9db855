#include "tracedchild.h"

#include <csignal>
#include <cstddef>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace llmos::test {

namespace {

constexpr int kTraceRefused = 126;

#if defined(__x86_64__)
constexpr unsigned kAuditArch = AUDIT_ARCH_X86_64;
#elif defined(__aarch64__)
constexpr unsigned kAuditArch = AUDIT_ARCH_AARCH64;
#else
constexpr unsigned kAuditArch = 0; // unknown here: the tests that need it skip
#endif

// Every call that can create, change, move or remove a file or folder. Some exist only
// on some architectures (aarch64 has no open, rename, unlink, ...).
const std::vector<long> &fileChangingCalls()
{
    static const std::vector<long> calls{
        SYS_write, SYS_pwrite64, SYS_writev, SYS_pwritev, SYS_openat, SYS_renameat, SYS_unlinkat, SYS_mkdirat,
        SYS_linkat, SYS_symlinkat, SYS_truncate, SYS_ftruncate, SYS_fallocate, SYS_fchmod, SYS_fchmodat,
        SYS_fchown, SYS_fchownat, SYS_utimensat, SYS_copy_file_range, SYS_sendfile, SYS_splice, SYS_mknodat,
#ifdef SYS_pwritev2
        SYS_pwritev2,
#endif
#ifdef SYS_renameat2
        SYS_renameat2,
#endif
#ifdef SYS_openat2
        SYS_openat2,
#endif
#ifdef SYS_open
        SYS_open, SYS_creat, SYS_rename, SYS_unlink, SYS_rmdir, SYS_mkdir, SYS_link, SYS_symlink, SYS_chmod,
        SYS_chown, SYS_lchown, SYS_mknod,
#endif
    };
    return calls;
}

// A seccomp filter that hands the calls above to the tracer (SECCOMP_RET_TRACE) and
// lets every other call through without a stop.
bool installFilter()
{
    if (kAuditArch == 0)
        return false;
    const auto &calls = fileChangingCalls();
    std::vector<sock_filter> program{
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, kAuditArch, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
    };
    for (std::size_t i = 0; i < calls.size(); ++i) {
        // On a match, jump over the remaining tests and the ALLOW to the TRACE.
        const auto skip = static_cast<unsigned char>(calls.size() - i);
        program.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, static_cast<unsigned>(calls[i]), skip, 0));
    }
    program.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
    program.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
    const sock_fprog filter{static_cast<unsigned short>(program.size()), program.data()};
    return ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0
           && ::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &filter) == 0;
}

[[noreturn]] void execTraced(const std::vector<std::string> &args)
{
    // The filter comes first: execve is not one of its calls, and from the exec on the
    // tracer has asked for its stops (without that, a traced call would fail ENOSYS).
    if (!installFilter() || ::ptrace(PTRACE_TRACEME, 0, nullptr, nullptr) != 0)
        ::_exit(kTraceRefused);
    std::vector<char *> argv;
    for (const auto &a : args)
        argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data()); // stops with SIGTRAP once the new program is loaded
    ::_exit(127);
}

int exitCodeOf(int status)
{
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool isFilterStop(int status)
{
    return WIFSTOPPED(status) && (status >> 8) == (SIGTRAP | (PTRACE_EVENT_SECCOMP << 8));
}

// Resumes the child, passing it `signal`, and waits for its next stop; false when it ended.
bool resume(pid_t pid, int signal, int &status)
{
    if (::ptrace(PTRACE_CONT, pid, nullptr, reinterpret_cast<void *>(static_cast<long>(signal))) != 0)
        throw std::runtime_error("ptrace could not resume the child");
    if (::waitpid(pid, &status, 0) != pid)
        throw std::runtime_error("waitpid failed on the traced child");
    return WIFSTOPPED(status);
}

// The signal to pass on when resuming from a stop: none for the tracer's own stops.
int signalToDeliver(int status)
{
    return isFilterStop(status) ? 0 : WSTOPSIG(status);
}

} // namespace

TracedRun runTracedChild(const std::vector<std::string> &args, std::size_t killAt)
{
    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0)
        execTraced(args);

    TracedRun run;
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFSTOPPED(status)) {
        run.exitCode = exitCodeOf(status);
        run.traceRefused = run.exitCode == kTraceRefused;
        return run;
    }
    // EXITKILL takes the child down with this process if the test dies.
    const long options = PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL;
    ::ptrace(PTRACE_SETOPTIONS, pid, nullptr, reinterpret_cast<void *>(options));

    // Free run to the child's own SIGSTOP, which is swallowed; other signals go through.
    int deliver = 0;
    while (resume(pid, deliver, status) && WSTOPSIG(status) != SIGSTOP)
        deliver = signalToDeliver(status);
    deliver = 0;
    while (WIFSTOPPED(status) && resume(pid, deliver, status)) {
        deliver = signalToDeliver(status);
        if (isFilterStop(status) && ++run.fileChanges == killAt) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            run.killed = true;
            break;
        }
    }
    run.exitCode = exitCodeOf(status);
    return run;
}

} // namespace llmos::test
