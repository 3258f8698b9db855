// Exporting a Hugging Face folder: shards as save_pretrained writes them, every other
// file copied, tensors byte for byte, and nothing left behind by a failure or a cancel.
#include "formats/huggingfaceexport.h"
#include "formats/safetensorsweights.h"
#include "formats/safetensorswriter.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <algorithm>
#include <map>
#include <set>

using namespace llmos;
using llmos::test::readFile;
using llmos::test::TempDir;

namespace {

namespace fs = std::filesystem;

// name -> bytes; each tensor a row of F32 values with a distinct pattern.
std::map<std::string, std::vector<std::uint8_t>> patternTensors(const std::vector<std::pair<std::string, int>> &sizes)
{
    std::map<std::string, std::vector<std::uint8_t>> out;
    int seed = 1;
    for (const auto &[name, floats] : sizes) {
        std::vector<std::uint8_t> bytes(static_cast<std::size_t>(floats) * 4);
        for (std::size_t i = 0; i < bytes.size(); ++i)
            bytes[i] = static_cast<std::uint8_t>((i * 31 + static_cast<std::size_t>(seed) * 7) & 0xff);
        out[name] = std::move(bytes);
        ++seed;
    }
    return out;
}

void writeWeights(const std::string &path, const std::map<std::string, std::vector<std::uint8_t>> &tensors)
{
    std::vector<SafetensorsWriteEntry> entries;
    for (const auto &[name, bytes] : tensors)
        entries.push_back({name, DType::F32, {bytes.size() / 4}, bytes});
    writeSafetensors(path, entries);
}

// A model folder with 6 tensors of 400 bytes and one of 4,000.
struct SourceModel {
    TempDir dir;
    std::map<std::string, std::vector<std::uint8_t>> tensors = patternTensors({
        {"model.embed_tokens.weight", 1000}, {"model.layers.0.a", 100}, {"model.layers.0.b", 100},
        {"model.layers.1.a", 100},           {"model.layers.1.b", 100}, {"model.norm.weight", 100},
        {"lm_head.weight", 100},
    });

    SourceModel()
    {
        writeWeights(dir.file("model.safetensors"), tensors);
        dir.write("config.json", R"({"model_type":"llama"})");
        dir.write("tokenizer.json", R"({"model":{}})");
        dir.write("README.md", "# the source card\n");
        dir.write("1_Pooling/config.json", R"({"pooling_mode_mean_tokens":true})");
        dir.write(".cache/huggingface/lock", "x");
    }
};

void expectSameTensors(const std::string &folder, const std::map<std::string, std::vector<std::uint8_t>> &tensors)
{
    const auto weights = SafetensorsWeights::openFolder(folder);
    ASSERT_EQ(weights.tensors().size(), tensors.size());
    for (const auto &[name, bytes] : tensors) {
        const auto &entry = weights.at(name);
        const auto stored = entry.file->bytes(*entry.info);
        EXPECT_TRUE(std::equal(stored.begin(), stored.end(), bytes.begin(), bytes.end())) << name;
    }
}

std::vector<std::string> entriesOf(const std::string &folder)
{
    std::vector<std::string> names;
    for (const auto &e : fs::directory_iterator(folder))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST(HuggingFaceExport, ShardsAsSavePretrainedWithAnIndex)
{
    SourceModel source;
    TempDir out;
    const auto destination = out.file("exported");
    std::vector<std::uint64_t> reported;
    HuggingFaceExportOptions options;
    // The source stores lm_head (400 bytes), the 4,000-byte embedding, four 400-byte layer
    // tensors and the norm, in that order: shards [lm_head] [embedding] [0.a 0.b] [1.a 1.b] [norm].
    options.maxShardBytes = 1000;
    options.progress = [&](std::uint64_t done, std::uint64_t total) {
        EXPECT_EQ(total, 4000u + 6 * 400u);
        reported.push_back(done);
        return true;
    };
    exportHuggingFaceFolder(source.dir.path(), destination, options);

    expectSameTensors(destination, source.tensors);
    const auto index = nlohmann::json::parse(readFile(destination + "/model.safetensors.index.json"));
    EXPECT_EQ(index.at("metadata").at("total_size"), 4000 + 6 * 400);
    const auto &map = index.at("weight_map");
    EXPECT_EQ(map.size(), source.tensors.size());
    std::set<std::string> shards;
    for (const auto &[tensor, shard] : map.items())
        shards.insert(shard.get<std::string>());
    EXPECT_EQ(shards, (std::set<std::string>{"model-00001-of-00005.safetensors", "model-00002-of-00005.safetensors",
                                             "model-00003-of-00005.safetensors", "model-00004-of-00005.safetensors",
                                             "model-00005-of-00005.safetensors"}));
    EXPECT_EQ(map.at("model.layers.0.a"), map.at("model.layers.0.b")) << "neighbours share a shard";
    EXPECT_EQ(reported.size(), 5u);
    EXPECT_EQ(reported.back(), 4000u + 6 * 400u);
    EXPECT_FALSE(fs::exists(destination + "/model.safetensors"));
    for (const auto &shard : shards) {
        const auto file = SafetensorsFile::open(destination + "/" + shard);
        std::uint64_t bytes = 0;
        for (const auto &t : file->tensors())
            bytes += t.byteSize();
        EXPECT_TRUE(bytes <= 1000 || file->tensors().size() == 1) << shard << " holds " << bytes << " bytes";
        EXPECT_EQ(file->header().metadata.at("format"), "pt") << shard;
    }

    EXPECT_EQ(readFile(destination + "/config.json"), readFile(source.dir.file("config.json")));
    EXPECT_EQ(readFile(destination + "/tokenizer.json"), readFile(source.dir.file("tokenizer.json")));
    EXPECT_EQ(readFile(destination + "/README.md"), "# the source card\n");
    EXPECT_EQ(readFile(destination + "/1_Pooling/config.json"), readFile(source.dir.file("1_Pooling/config.json")));
    EXPECT_FALSE(fs::exists(destination + "/.cache")) << "hidden folders are the source's own business";
    EXPECT_EQ(entriesOf(out.path()), std::vector<std::string>{"exported"}) << "no temporary folder is left";
}

TEST(HuggingFaceExport, OneShardIsModelSafetensorsWithoutIndexAndTheCardIsReplaced)
{
    SourceModel source;
    TempDir out;
    HuggingFaceExportOptions options;
    options.modelCard = "# exported\nbase: source\n";
    exportHuggingFaceFolder(source.dir.path(), out.file("one"), options);
    expectSameTensors(out.file("one"), source.tensors);
    EXPECT_TRUE(fs::exists(out.file("one/model.safetensors")));
    EXPECT_FALSE(fs::exists(out.file("one/model.safetensors.index.json")));
    EXPECT_EQ(readFile(out.file("one/README.md")), "# exported\nbase: source\n");
}

TEST(HuggingFaceExport, ReshardsAShardedSource)
{
    SourceModel source;
    TempDir out;
    HuggingFaceExportOptions small;
    small.maxShardBytes = 1000;
    exportHuggingFaceFolder(source.dir.path(), out.file("sharded"), small);
    exportHuggingFaceFolder(out.file("sharded"), out.file("joined"));
    expectSameTensors(out.file("joined"), source.tensors);
    EXPECT_TRUE(fs::exists(out.file("joined/model.safetensors")));
    EXPECT_FALSE(fs::exists(out.file("joined/model.safetensors.index.json")));
    EXPECT_FALSE(fs::exists(out.file("joined/model-00001-of-00005.safetensors")));
}

TEST(HuggingFaceExport, AnAdapterKeepsItsFileName)
{
    TempDir adapter;
    const auto tensors = patternTensors({{"base_model.model.q_proj.lora_A.weight", 64}});
    writeWeights(adapter.file("adapter_model.safetensors"), tensors);
    adapter.write("adapter_config.json", R"({"peft_type":"LORA","r":4})");
    TempDir out;
    HuggingFaceExportOptions options;
    options.maxShardBytes = 16;
    exportHuggingFaceFolder(adapter.path(), out.file("a"), options);
    EXPECT_EQ(entriesOf(out.file("a")), (std::vector<std::string>{"adapter_config.json", "adapter_model.safetensors"}));
    const auto file = SafetensorsFile::open(out.file("a/adapter_model.safetensors"));
    EXPECT_EQ(file->tensors().size(), 1u);
}

TEST(HuggingFaceExport, AnExistingDestinationIsNeverTouched)
{
    SourceModel source;
    TempDir out;
    out.write("taken/mine.txt", "keep me");
    try {
        exportHuggingFaceFolder(source.dir.path(), out.file("taken"));
        FAIL() << "exported over an existing folder";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
        EXPECT_NE(std::string(e.what()).find("already exists"), std::string::npos) << e.what();
    }
    EXPECT_EQ(entriesOf(out.file("taken")), std::vector<std::string>{"mine.txt"});
}

TEST(HuggingFaceExport, CancelLeavesNothingBehind)
{
    SourceModel source;
    TempDir out;
    HuggingFaceExportOptions options;
    options.maxShardBytes = 1000;
    int calls = 0;
    options.progress = [&](std::uint64_t, std::uint64_t) { return ++calls < 2; };
    try {
        exportHuggingFaceFolder(source.dir.path(), out.file("cancelled"), options);
        FAIL() << "the export ignored the cancel";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Cancelled);
    }
    EXPECT_EQ(calls, 2);
    EXPECT_TRUE(entriesOf(out.path()).empty());
}

TEST(HuggingFaceExport, PickleWeightsAreRefusedAndNothingIsWritten)
{
    SourceModel source;
    // A zip-based torch.save file begins "PK"; the old format is a bare pickle (0x80 0x02).
    source.dir.write("pytorch_model.bin", std::string("\x80\x02}q\x00.", 6));
    TempDir out;
    try {
        exportHuggingFaceFolder(source.dir.path(), out.file("x"));
        FAIL() << "a pickle file was exported";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
        EXPECT_NE(std::string(e.what()).find("pytorch_model.bin"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(entriesOf(out.path()).empty());
}
