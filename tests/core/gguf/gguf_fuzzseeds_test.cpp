// The committed fuzz seeds (tests/fuzz/corpus/gguf) are made here. Run with
// LLMOS_WRITE_GGUF_SEEDS=1 to (re)write them; normally the test checks that every
// committed seed is still a valid file, so the fuzzer starts from inputs that reach deep.

#include "formats/gguf/gguffile.h"
#include "formats/gguf/ggufwriter.h"
#include "rawgguf.h"
#include "tempdir.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

namespace llmos {
namespace {

std::map<std::string, std::vector<std::uint8_t>> makeSeeds()
{
    std::map<std::string, std::vector<std::uint8_t>> seeds;
    {
        GgufWriter w;
        w.addMetadata("u8", std::uint8_t{1});
        w.addMetadata("i8", std::int8_t{-1});
        w.addMetadata("u16", std::uint16_t{2});
        w.addMetadata("i16", std::int16_t{-2});
        w.addMetadata("u32", std::uint32_t{3});
        w.addMetadata("i32", std::int32_t{-3});
        w.addMetadata("f32", 0.5f);
        w.addMetadata("bool", true);
        w.addMetadata("str", "text");
        w.addMetadata("u64", std::uint64_t{4});
        w.addMetadata("i64", std::int64_t{-4});
        w.addMetadata("f64", 0.25);
        w.addMetadata("arr", GgufArray(std::vector<std::string>{"a", "bc"}));
        w.addMetadata("nested", GgufArray(std::vector<GgufArray>{GgufArray(std::vector<std::int32_t>{1, 2})}));
        seeds["metadata_all_types.gguf"] = w.toBytes();
    }
    {
        GgufWriter w;
        w.addMetadata("general.architecture", "llama");
        w.addMetadata("llama.block_count", std::uint32_t{1});
        w.addMetadata("llama.context_length", std::uint32_t{128});
        w.addMetadata("llama.rope.freq_base", 10000.0f);
        w.addMetadata("tokenizer.ggml.model", "gpt2");
        w.addMetadata("tokenizer.ggml.tokens", GgufArray(std::vector<std::string>{"<s>", "</s>", "a", "\xc4\xa0"}));
        w.addMetadata("tokenizer.ggml.scores", GgufArray(std::vector<float>{0, 0, -1, -2}));
        w.addMetadata("tokenizer.ggml.token_type", GgufArray(std::vector<std::int32_t>{3, 3, 1, 1}));
        w.addMetadata("tokenizer.chat_template", "{% for m in messages %}{{ m.content }}{% endfor %}");
        std::vector<float> v(64);
        for (std::size_t i = 0; i < v.size(); ++i)
            v[i] = static_cast<float>(i) * 0.125f - 4.0f;
        w.addTensor("token_embd.weight", {2, 32}, v, GgmlType::Q8_0);
        w.addTensor("output_norm.weight", {8}, std::span(v).first(8), GgmlType::F32);
        w.addTensor("blk.0.attn_q.weight", {2, 4}, std::span(v).first(8), GgmlType::F16);
        std::vector<std::uint8_t> q4k(144), q6k(210);
        for (std::size_t i = 0; i < q4k.size(); ++i)
            q4k[i] = static_cast<std::uint8_t>(i * 37);
        for (std::size_t i = 0; i < q6k.size(); ++i)
            q6k[i] = static_cast<std::uint8_t>(i * 53);
        w.addEncodedTensor("blk.0.ffn_up.weight", {1, 256}, GgmlType::Q4_K, q4k);
        w.addEncodedTensor("blk.0.ffn_down.weight", {1, 256}, GgmlType::Q6_K, q6k);
        seeds["llama_like.gguf"] = w.toBytes();
    }
    {
        GgufWriter w;
        w.setAlignment(64);
        const std::vector<float> v{1, 2, 3};
        w.addTensor("a", {3}, v, GgmlType::F32);
        w.addTensor("b", {3}, v, GgmlType::BF16);
        seeds["alignment64.gguf"] = w.toBytes();
    }
    {
        test::RawGguf be(true);
        be.header(3, 2, 2).kvU32("general.alignment", 32).str("names").u32(9).u32(8).u64(1).str("x");
        be.tensorInfo("w", {2}, 0, 0).tensorInfo("q", {32}, 8, 32).padTo(32);
        be.f32(1.0f).f32(-1.0f).padTo(32).u16(0x3c00);
        for (int j = 0; j < 32; ++j)
            be.u8(static_cast<std::uint8_t>(j));
        seeds["big_endian.gguf"] = be.bytes();
    }
    return seeds;
}

TEST(GgufFuzzSeeds, CommittedSeedsAreValidAndSmall)
{
    const std::filesystem::path dir = LLMOS_GGUF_CORPUS_DIR;
    const auto seeds = makeSeeds();
    if (std::getenv("LLMOS_WRITE_GGUF_SEEDS")) {
        std::filesystem::create_directories(dir);
        for (const auto &[name, bytes] : seeds) {
            std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
            out.write(reinterpret_cast<const char *>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        }
    }
    for (const auto &[name, bytes] : seeds) {
        EXPECT_LT(bytes.size(), 4096u) << name;
        const std::string committed = test::readFile((dir / name).string());
        EXPECT_EQ(committed, std::string(bytes.begin(), bytes.end()))
            << name << " differs from what the writer makes now; rerun with LLMOS_WRITE_GGUF_SEEDS=1";
        const GgufFile f = GgufFile::fromBytes(bytes, name);
        for (const GgufTensorInfo &t : f.tensors())
            EXPECT_EQ(f.tensorData(t).size(), t.byteSize);
    }
}

} // namespace
} // namespace llmos
