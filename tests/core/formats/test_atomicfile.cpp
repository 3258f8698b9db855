#include "tempdir.h"
#include "util/atomicfile.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sys/stat.h>

using namespace llmos;

namespace {

mode_t modeOf(const std::string &path)
{
    struct stat st {};
    EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
    return st.st_mode & 0777;
}

} // namespace

// A file the workbench writes for the user (an exported model, a trained tokenizer) gets
// the permissions any program's new file gets, not the 0600 of the temp file behind it.
TEST(AtomicFile, TheFileGetsTheUsualPermissionsUnderTheUmask)
{
    test::TempDir dir;
    const mode_t previous = ::umask(022);
    writeFileAtomically(dir.file("shared.json"), "{}");
    ::umask(previous);
    EXPECT_EQ(modeOf(dir.file("shared.json")), mode_t(0644));
}

TEST(AtomicFile, AnUncommittedWriteLeavesNothing)
{
    test::TempDir dir;
    {
        AtomicFileWriter writer(dir.file("half.bin"));
        writer.write("abc", 3);
    }
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}
