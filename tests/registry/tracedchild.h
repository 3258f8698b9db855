#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace llmos::test {

// How a traced child ended.
struct TracedRun {
    bool traceRefused = false;   // ptrace or seccomp is not allowed here: nothing ran
    std::size_t fileChanges = 0; // calls that change files made after its SIGSTOP
    bool killed = false;
    int exitCode = -1;           // 128 + signal when a signal ended it
};

// Runs the program args[0] under ptrace. It runs freely until it stops itself with
// SIGSTOP, which marks where the code under test begins. From there its system calls
// that change files (write, rename, unlink, mkdir, link, ftruncate, ...: see
// tracedchild.cpp) are counted, and at the entry of call number `killAt` (1-based) it is
// SIGKILLed before that call does anything. killAt 0 lets it finish and tells how many
// such calls it made.
//
// Killing before each of those calls in turn reaches every set of files a SIGKILL can
// leave: a call that changes no file (a read, a stat, an fsync, a lock, which dies with
// the process) leaves the files as they were before the next one that does.
// A seccomp filter stops the child at those calls only, so a run costs little more
// than an untraced one. Single-threaded children: other threads are not followed.
TracedRun runTracedChild(const std::vector<std::string> &args, std::size_t killAt);

} // namespace llmos::test
