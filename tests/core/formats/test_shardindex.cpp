#include "formats/safetensorsweights.h"
#include "formats/safetensorswriter.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace llmos;
using llmos::test::TempDir;

namespace {

const std::vector<std::uint8_t> kFour{1, 2, 3, 4};

void writeShard(const TempDir &dir, const std::string &name, const std::vector<std::string> &tensors)
{
    std::vector<SafetensorsWriteEntry> entries;
    for (const auto &t : tensors)
        entries.push_back({t, DType::F32, {1}, kFour});
    writeSafetensors(dir.file(name), entries);
}

std::string index(const std::string &weightMap)
{
    return R"({"metadata":{"total_size":12},"weight_map":)" + weightMap + "}";
}

std::string openError(const TempDir &dir)
{
    try {
        SafetensorsWeights::openFolder(dir.path());
    } catch (const Error &e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST(ShardedWeights, OpensAllShardsThroughTheIndex)
{
    TempDir dir;
    writeShard(dir, "model-00001-of-00002.safetensors", {"a", "b"});
    writeShard(dir, "model-00002-of-00002.safetensors", {"c"});
    dir.write("model.safetensors.index.json",
              index(R"({"a":"model-00001-of-00002.safetensors","b":"model-00001-of-00002.safetensors","c":"model-00002-of-00002.safetensors"})"));
    const auto w = SafetensorsWeights::openFolder(dir.path());
    EXPECT_EQ(w.tensors().size(), 3u);
    EXPECT_EQ(w.files().size(), 2u);
    EXPECT_EQ(w.parameterCount(), 3u);
    EXPECT_EQ(w.totalBytes(), 12u);
    EXPECT_NE(w.at("c").file->path().find("00002"), std::string::npos);
}

TEST(ShardedWeights, SingleFileFolder)
{
    TempDir dir;
    writeShard(dir, "model.safetensors", {"a"});
    EXPECT_EQ(SafetensorsWeights::openFolder(dir.path()).tensors().size(), 1u);
}

struct ShardCase {
    const char *name;
    std::string weightMap;
    const char *expected;
};

class ShardIndexRefusal : public ::testing::TestWithParam<ShardCase> {};

TEST_P(ShardIndexRefusal, RefusesBeforeOpeningAnyShard)
{
    TempDir dir;
    writeShard(dir, "s1.safetensors", {"a"});
    dir.write("model.safetensors.index.json", index(GetParam().weightMap));
    const std::string message = openError(dir);
    EXPECT_NE(message.find(GetParam().expected), std::string::npos) << message;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ShardIndexRefusal,
    ::testing::Values(ShardCase{"dotdot", R"({"a":"../s1.safetensors"})", "leads out of the model folder"},
                      ShardCase{"dotdot_inner", R"({"a":"x/../../s1.safetensors"})", "leads out of the model folder"},
                      ShardCase{"absolute", R"({"a":"/etc/passwd"})", "absolute path"},
                      ShardCase{"windows_drive", R"({"a":"C:s1.safetensors"})", "drive letter"},
                      ShardCase{"backslash", R"({"a":"..\\s1.safetensors"})", "backslash"},
                      ShardCase{"empty_name", R"({"a":""})", "is empty"},
                      ShardCase{"not_string", R"({"a":5})", "must be a file name"},
                      ShardCase{"missing_shard", R"({"a":"s1.safetensors","b":"s2.safetensors"})", "\"s2.safetensors\", which is missing"},
                      ShardCase{"unlisted_tensor", R"({"z":"s1.safetensors"})", "does not list"},
                      ShardCase{"empty_map", R"({})", "is empty"},
                      ShardCase{"duplicate_key", R"({"a":"s1.safetensors","a":"s1.safetensors"})", "duplicate key"}),
    [](const auto &info) { return std::string(info.param.name); });

TEST(ShardedWeights, SymlinkLeadingOutOfTheFolderIsRefused)
{
    TempDir outside;
    writeShard(outside, "secret.safetensors", {"a"});
    TempDir dir;
    std::filesystem::create_symlink(outside.file("secret.safetensors"), dir.file("s1.safetensors"));
    dir.write("model.safetensors.index.json", index(R"({"a":"s1.safetensors"})"));
    EXPECT_NE(openError(dir).find("outside the model folder"), std::string::npos);
}

TEST(ShardedWeights, TensorInTwoShardsIsRefused)
{
    TempDir dir;
    writeShard(dir, "s1.safetensors", {"a"});
    writeShard(dir, "s2.safetensors", {"a", "b"});
    dir.write("model.safetensors.index.json", index(R"({"a":"s1.safetensors","b":"s2.safetensors"})"));
    EXPECT_NE(openError(dir).find("two shards"), std::string::npos);
}

TEST(ShardedWeights, PickleOnlyFolderIsRefusedWithTheReason)
{
    TempDir dir;
    dir.write("config.json", "{}");
    dir.write("pytorch_model.bin", std::string("PK\x03\x04rest", 8));
    const std::string message = openError(dir);
    EXPECT_NE(message.find("pickle"), std::string::npos) << message;
    EXPECT_NE(message.find("safetensors"), std::string::npos) << message;
}

TEST(ShardedWeights, SeveralFilesWithoutAnIndexAreAmbiguous)
{
    TempDir dir;
    writeShard(dir, "a.safetensors", {"a"});
    writeShard(dir, "b.safetensors", {"b"});
    EXPECT_NE(openError(dir).find("several .safetensors"), std::string::npos);
}
