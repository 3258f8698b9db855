#include "formats/gguf/ggufwriter.h"
#include "formats/safetensorswriter.h"
#include "model/modelinspection.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace llmos;
using llmos::test::TempDir;

namespace {

const std::vector<std::uint8_t> kZeros(64, 0);

void writeFolder(const TempDir &dir, std::uint64_t embeddingRows)
{
    dir.write("config.json", R"({"model_type":"qwen2","architectures":["Qwen2ForCausalLM"],"vocab_size":4,
        "hidden_size":2,"intermediate_size":4,"num_hidden_layers":1,"num_attention_heads":1})");
    writeSafetensors(dir.file("model.safetensors"),
                     {{"model.embed_tokens.weight", DType::BF16, {embeddingRows, 2},
                       std::span(kZeros).first(embeddingRows * 4)},
                      {"lm_head.weight", DType::F32, {4, 2}, std::span(kZeros).first(32)}},
                     {{"format", "pt"}});
}

} // namespace

TEST(ModelInspection, HuggingFaceFolder)
{
    TempDir dir;
    writeFolder(dir, 4);
    const auto m = inspectModel(dir.path());
    EXPECT_EQ(m.format, "huggingface-folder");
    EXPECT_EQ(m.architecture, "Qwen2ForCausalLM");
    EXPECT_EQ(m.family, "llama");
    EXPECT_EQ(m.parameterCount, 16u);
    EXPECT_EQ(m.tensorBytes, 48u);
    EXPECT_EQ(m.dtypeCounts.at("BF16"), 1u);
    EXPECT_EQ(m.dtypeCounts.at("F32"), 1u);
    EXPECT_EQ(m.metadata.at("format"), "pt");
    EXPECT_TRUE(m.warnings.empty());
    const auto j = toJson(m);
    EXPECT_EQ(j.at("config").at("num_key_value_heads"), 1);
    EXPECT_EQ(j.at("tensors").size(), 2u);
}

TEST(ModelInspection, WarnsWhenTheEmbeddingDisagreesWithTheConfig)
{
    TempDir dir;
    writeFolder(dir, 8);
    const auto m = inspectModel(dir.path());
    ASSERT_EQ(m.warnings.size(), 1u);
    EXPECT_NE(m.warnings[0].find("vocab_size 4"), std::string::npos) << m.warnings[0];
}

TEST(ModelInspection, FolderWithoutConfigIsReadWithAWarning)
{
    TempDir dir;
    writeSafetensors(dir.file("model.safetensors"), {{"w", DType::U8, {4}, std::span(kZeros).first(4)}});
    const auto m = inspectModel(dir.path());
    EXPECT_FALSE(m.config.has_value());
    ASSERT_EQ(m.warnings.size(), 1u);
    EXPECT_NE(m.warnings[0].find("config.json"), std::string::npos);
}

TEST(ModelInspection, GgufFile)
{
    TempDir dir;
    GgufWriter w;
    w.addMetadata("general.architecture", GgufValue("llama"));
    w.addMetadata("llama.block_count", GgufValue(std::uint32_t(2)));
    const std::vector<float> data(32, 1.0f);
    w.addTensor("output_norm.weight", {32}, data, GgmlType::F16);
    w.write(dir.file("m.gguf"));
    const auto m = inspectModel(dir.file("m.gguf"));
    EXPECT_EQ(m.format, "gguf");
    EXPECT_EQ(m.family, "llama");
    EXPECT_EQ(m.metadata.at("llama.block_count"), "u32 2");
    EXPECT_EQ(m.tensors.at(0).dtype, "F16");
    EXPECT_EQ(m.tensorBytes, 64u);
}

TEST(ModelInspection, RefusesPickleUnknownAndMissingPaths)
{
    TempDir dir;
    dir.write("model.pt", "anything");
    dir.write("notes.txt", "hello");
    auto kindOf = [](const std::string &path) {
        try {
            inspectModel(path);
        } catch (const Error &e) {
            return e.kind();
        }
        return ErrorKind::Internal;
    };
    EXPECT_EQ(kindOf(dir.file("model.pt")), ErrorKind::Unsupported);
    EXPECT_EQ(kindOf(dir.file("notes.txt")), ErrorKind::Unsupported);
    EXPECT_EQ(kindOf(dir.file("nothing-here")), ErrorKind::NotFound);
}
