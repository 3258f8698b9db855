#pragma once

namespace llmos::cli {

// While one lives, Ctrl-C (SIGINT) does not kill the process: it only raises a flag that
// long work polls between steps (a reply, an import, an export) to stop cleanly. The
// handler may do nothing else: little is safe in a signal handler. The previous handler
// comes back when the scope ends, also on an exception.
class InterruptScope {
public:
    InterruptScope();
    ~InterruptScope();
    InterruptScope(const InterruptScope &) = delete;
    InterruptScope &operator=(const InterruptScope &) = delete;

    // Whether Ctrl-C was pressed since the scope began.
    static bool interrupted() noexcept;

private:
    void (*m_previous)(int);
};

} // namespace llmos::cli
