#pragma once

// Running a shell command from a test: the reference implementations (node, python)
// and the llmos executable are driven this way.

#include <string>

namespace llmos::test {

// s in single quotes for /bin/sh.
std::string shellQuote(const std::string &s);

struct ShellResult {
    int exitCode = -1; // 128 + signal when the command was killed
    std::string out;   // its stdout (stderr goes where the command line sends it)
};

// Runs `command` with /bin/sh and collects its stdout.
ShellResult runShell(const std::string &command);

} // namespace llmos::test
