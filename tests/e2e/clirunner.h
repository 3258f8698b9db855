#pragma once

#include "shellcommand.h"

#include <string>
#include <vector>

namespace llmos::test {

// What a person (or a script) sees of one run of the llmos executable.
struct Run {
    int exitCode = -1;
    std::string out; // stdout
    std::string err; // stderr
};

// "env LLMOS_HOME=<home> ": the `env` prefix that points runLlmos at a registry home.
std::string homeEnv(const std::string &home);

// Runs build/bin/llmos with `args`. env: a shell prefix such as "env -u DISPLAY ";
// input: what is typed on stdin (nothing: /dev/null).
Run runLlmos(const std::vector<std::string> &args, const std::string &env = "", const std::string &input = "");

} // namespace llmos::test
