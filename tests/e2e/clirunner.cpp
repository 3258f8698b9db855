#include "clirunner.h"

#include "tempdir.h"

#include <sys/wait.h>

#include <cstdlib>

namespace llmos::test {

std::string homeEnv(const std::string &home)
{
    return "env LLMOS_HOME=" + shellQuote(home) + " ";
}

Run runLlmos(const std::vector<std::string> &args, const std::string &env, const std::string &input)
{
    TempDir tmp;
    std::string command = env + shellQuote(LLMOS_EXECUTABLE);
    for (const auto &a : args)
        command += " " + shellQuote(a);
    const std::string stdinPath = input.empty() ? std::string("/dev/null") : tmp.write("in", input);
    command += " >" + tmp.file("out") + " 2>" + tmp.file("err") + " <" + stdinPath;
    const int status = std::system(command.c_str());
    Run r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = readFile(tmp.file("out"));
    r.err = readFile(tmp.file("err"));
    return r;
}

} // namespace llmos::test
