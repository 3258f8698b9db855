// Kills an import at every step (BAD_INPUTS 44): a child process imports a model of a few
// MiB and halts after each progress line; the parent SIGKILLs it after the k-th line,
// for every k, then reopens the registry (which recovers) and checks that it is
// consistent: every row has all its files with the right hash, no blob, temp file,
// folder or manifest lacks a row, and PRAGMA integrity_check says ok. Afterwards an
// import still succeeds. Deterministic: the child waits for the parent at each step.

#include "registry/modelregistry.h"
#include "registryfixtures.h"
#include "tempdir.h"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using namespace llmos;
using llmos::test::registryProblems;
using llmos::test::TempDir;

namespace {

struct ChildRun {
    int linesSeen = 0;
    bool killed = false;
    int exitCode = -1;
    std::string lastLine;
};

// Runs the child and kills it right after line `killAfter` (1-based); 0: let it finish.
ChildRun runChild(const std::vector<std::string> &args, int killAfter)
{
    int toChild[2], fromChild[2];
    if (::pipe(toChild) != 0 || ::pipe(fromChild) != 0)
        throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(toChild[0], STDIN_FILENO);
        ::dup2(fromChild[1], STDOUT_FILENO);
        ::close(toChild[1]);
        ::close(fromChild[0]);
        std::vector<char *> argv;
        for (const auto &a : args)
            argv.push_back(const_cast<char *>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(toChild[0]);
    ::close(fromChild[1]);
    FILE *out = ::fdopen(fromChild[0], "r");
    ChildRun run;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, out)) {
        ++run.linesSeen;
        run.lastLine = buffer;
        if (run.linesSeen == killAfter) {
            // The child is blocked reading stdin: it stops exactly after this step.
            ::kill(pid, SIGKILL);
            run.killed = true;
            break;
        }
        if (::write(toChild[1], "g", 1) != 1)
            break;
    }
    ::close(toChild[1]);
    std::fclose(out);
    int status = 0;
    ::waitpid(pid, &status, 0);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

void killAtEveryStep(bool inPlace)
{
    TempDir dir;
    const std::string home = dir.file("home");
    const std::string mode = inPlace ? "in-place" : "stored";
    // Two shards: the first is the same in every source (a blob that must survive kills
    // of imports that reuse it), the second differs (a blob that must not outlive a
    // killed import). Each import gets its own folder, so in-place rows stay valid.
    auto writeSource = [&](const std::string &name, std::uint32_t seed) {
        llmos::test::TinyModelOptions options;
        options.sharded = true;
        options.extraBytes = 5 << 20;
        options.seed = seed;
        llmos::test::writeTinyHfFolder(dir.file(name), options);
        return dir.file(name);
    };

    // A clean run tells how many lines there are.
    const auto full = runChild({LLMOS_REGISTRY_IMPORT_CHILD, home, writeSource("full", 1), "full", mode}, 0);
    ASSERT_EQ(full.exitCode, 0);
    ASSERT_EQ(full.lastLine, "committed\n");
    const int lines = full.linesSeen;
    ASSERT_GE(lines, 10);
    std::size_t committed = 1;

    for (int k = 1; k <= lines; ++k) {
        SCOPED_TRACE("killed after line " + std::to_string(k));
        const std::string name = "kill-" + std::to_string(k);
        const std::string source = writeSource(name, static_cast<std::uint32_t>(100 + k));
        const auto run = runChild({LLMOS_REGISTRY_IMPORT_CHILD, home, source, name, mode}, k);
        ASSERT_TRUE(run.killed);
        ASSERT_EQ(run.exitCode, 128 + SIGKILL);

        ModelRegistry registry(home); // recovery runs here
        // Old or new, never in between: the row exists exactly when the commit happened.
        const bool hasRow = registry.find(name).has_value();
        EXPECT_EQ(hasRow, run.lastLine.starts_with("progress done") || run.lastLine == "committed\n") << run.lastLine;
        committed += hasRow ? 1 : 0;
        EXPECT_EQ(registry.count(), committed);
        const auto problems = registryProblems(home);
        EXPECT_TRUE(problems.empty()) << problems.front();
        if (hasRow) {
            EXPECT_FALSE(registry.resolve(name).empty());
        }
    }
    ModelRegistry registry(home);
    EXPECT_NO_THROW(registry.importModel(writeSource("after", 7), {.name = "after-the-kills", .inPlace = inPlace}));
    const auto problems = registryProblems(home);
    EXPECT_TRUE(problems.empty()) << problems.front();
}

} // namespace

TEST(RegistryCrash, KillingAStoredImportAtEveryStepLeavesAConsistentRegistry)
{
    killAtEveryStep(false);
}

TEST(RegistryCrash, KillingAnInPlaceImportAtEveryStepLeavesAConsistentRegistry)
{
    killAtEveryStep(true);
}
