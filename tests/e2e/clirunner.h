#pragma once

#include <string>
#include <vector>

namespace llmos::test {

// What a person (or a script) sees of one run of the llmos executable.
struct Run {
    int exitCode = -1;
    std::string out; // stdout
    std::string err; // stderr
};

// s in single quotes for /bin/sh.
std::string shellQuote(const std::string &s);

// Runs build/bin/llmos with `args`. env: a shell prefix such as "env -u DISPLAY ";
// input: what is typed on stdin (nothing: /dev/null).
Run runLlmos(const std::vector<std::string> &args, const std::string &env = "", const std::string &input = "");

} // namespace llmos::test
