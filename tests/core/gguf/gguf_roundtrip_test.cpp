// GgufWriter -> GgufFile round trips: metadata of every type, each writable tensor type,
// the on-disk layout llama.cpp's gguf.c expects, and the typed accessors.

#include "formats/gguf/ggmlconvert.h"
#include "formats/gguf/gguffile.h"
#include "formats/gguf/ggufwriter.h"
#include "rawgguf.h"
#include "tempdir.h"
#include "util/error.h"
#include "util/halffloat.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <random>

namespace llmos {
namespace {

using test::RawGguf;

std::vector<GgufKeyValue> everyValueType()
{
    return {
        {"t.u8", std::uint8_t{200}},
        {"t.i8", std::int8_t{-100}},
        {"t.u16", std::uint16_t{60000}},
        {"t.i16", std::int16_t{-30000}},
        {"t.u32", std::uint32_t{4000000000u}},
        {"t.i32", std::int32_t{-2000000000}},
        {"t.f32", 3.5f},
        {"t.bool", true},
        {"t.string", "h\xc3\xa9llo, \xe4\xb8\x96\xe7\x95\x8c"},
        {"t.empty_string", ""},
        {"t.u64", std::uint64_t{18000000000000000000ull}},
        {"t.i64", std::int64_t{-9000000000000000000ll}},
        {"t.f64", 2.718281828459045},
        {"t.array.u8", GgufArray(std::vector<std::uint8_t>{0, 1, 255})},
        {"t.array.i8", GgufArray(std::vector<std::int8_t>{-128, 0, 127})},
        {"t.array.u16", GgufArray(std::vector<std::uint16_t>{1, 65535})},
        {"t.array.i16", GgufArray(std::vector<std::int16_t>{-32768, 32767})},
        {"t.array.u32", GgufArray(std::vector<std::uint32_t>{7, 4294967295u})},
        {"t.array.i32", GgufArray(std::vector<std::int32_t>{-1, 2, -3})},
        {"t.array.f32", GgufArray(std::vector<float>{0.f, -0.5f, 1e30f})},
        {"t.array.bool", GgufArray(std::vector<bool>{true, false, true})},
        {"t.array.string", GgufArray(std::vector<std::string>{"<s>", "", "\xc4\xa0the"})},
        {"t.array.u64", GgufArray(std::vector<std::uint64_t>{0, ~0ull})},
        {"t.array.i64", GgufArray(std::vector<std::int64_t>{std::numeric_limits<std::int64_t>::min(), 5})},
        {"t.array.f64", GgufArray(std::vector<double>{1.0 / 3.0})},
        {"t.array.empty", GgufArray(std::vector<std::string>{})},
        {"t.array.nested",
         GgufArray(std::vector<GgufArray>{GgufArray(std::vector<std::string>{"a", "b"}),
                                          GgufArray(std::vector<GgufArray>{GgufArray(std::vector<float>{1.f})})})},
    };
}

TEST(GgufRoundTrip, MetadataOfEveryType)
{
    GgufWriter w;
    for (const GgufKeyValue &kv : everyValueType())
        w.addMetadata(kv.key, kv.value);
    const std::vector<std::uint8_t> bytes = w.toBytes();
    const GgufFile f = GgufFile::fromBytes(bytes, "meta.gguf");
    EXPECT_EQ(f.version(), 3u);
    EXPECT_FALSE(f.isByteSwapped());
    EXPECT_TRUE(f.tensors().empty());
    const auto expected = everyValueType();
    ASSERT_EQ(f.metadata().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(f.metadata()[i].key, expected[i].key);
        EXPECT_EQ(f.metadata()[i].value, expected[i].value) << expected[i].key << ": " << f.metadata()[i].value.describe();
    }
}

TEST(GgufRoundTrip, TypedAccessors)
{
    GgufWriter w;
    for (const GgufKeyValue &kv : everyValueType())
        w.addMetadata(kv.key, kv.value);
    const std::vector<std::uint8_t> bytes = w.toBytes();
    const GgufFile f = GgufFile::fromBytes(bytes, "meta.gguf");

    EXPECT_EQ(f.getUInt("t.u8"), 200u);
    EXPECT_EQ(f.getUInt("t.u32"), 4000000000u);
    EXPECT_EQ(f.getUInt("t.u64"), 18000000000000000000ull);
    EXPECT_EQ(f.getInt("t.i8"), -100);
    EXPECT_EQ(f.getInt("t.u16"), 60000);
    EXPECT_EQ(f.getInt("t.i64"), -9000000000000000000ll);
    EXPECT_DOUBLE_EQ(f.getFloat("t.f32"), 3.5);
    EXPECT_DOUBLE_EQ(f.getFloat("t.f64"), 2.718281828459045);
    EXPECT_TRUE(f.getBool("t.bool"));
    EXPECT_EQ(f.getString("t.empty_string"), "");
    EXPECT_EQ(f.getArrayOf<std::string>("t.array.string")[2], "\xc4\xa0the");
    EXPECT_EQ(f.getArrayOf<float>("t.array.f32").size(), 3u);
    EXPECT_EQ(f.getArray("t.array.nested").elementType(), GgufValueType::Array);
    EXPECT_EQ(f.findUInt("missing"), std::nullopt);
    EXPECT_EQ(f.findString("t.string"), std::optional<std::string>("h\xc3\xa9llo, \xe4\xb8\x96\xe7\x95\x8c"));
    EXPECT_EQ(f.find("missing"), nullptr);

    auto expectError = [](auto &&call, ErrorKind kind, const std::string &text) {
        try {
            call();
            ADD_FAILURE() << "no error, expected: " << text;
        } catch (const Error &e) {
            EXPECT_EQ(e.kind(), kind) << e.what();
            EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
        }
    };
    expectError([&] { f.getUInt("t.i8"); }, ErrorKind::Format,
                "meta.gguf: t.i8: expected a non-negative integer, but the file stores i8 -100");
    expectError([&] { f.getUInt("t.string"); }, ErrorKind::Format, "t.string: expected a non-negative integer");
    expectError([&] { f.getInt("t.u64"); }, ErrorKind::Format, "t.u64: expected an integer");
    expectError([&] { f.getFloat("t.u32"); }, ErrorKind::Format, "t.u32: expected a floating-point number");
    expectError([&] { f.getBool("t.u8"); }, ErrorKind::Format, "t.u8: expected a bool");
    expectError([&] { f.getString("t.array.string"); }, ErrorKind::Format,
                "t.array.string: expected a string, but the file stores array[3] of string");
    expectError([&] { f.getArray("t.f32"); }, ErrorKind::Format, "t.f32: expected an array");
    expectError([&] { f.getArrayOf<std::int32_t>("t.array.string"); }, ErrorKind::Format,
                "t.array.string: expected an array of i32, but the file stores an array of string");
    expectError([&] { f.getUInt("llama.block_count"); }, ErrorKind::NotFound, "'llama.block_count' is missing");
    expectError([&] { f.findString("t.u8"); }, ErrorKind::Format, "t.u8: expected a string");
}

TEST(GgufRoundTrip, NestedArraysUpToTheDepthLimit)
{
    RawGguf g;
    g.header(3, 0, 1).str("deep").u32(9);
    for (std::uint32_t i = 1; i < GgufFile::kMaxArrayDepth; ++i)
        g.u32(9).u64(1);
    g.u32(0).u64(1).u8(7);
    const GgufFile f = GgufFile::fromBytes(g.bytes(), "deep.gguf");
    const GgufArray *a = &f.getArray("deep");
    for (std::uint32_t i = 1; i < GgufFile::kMaxArrayDepth; ++i)
        a = &a->getIf<GgufArray>()->at(0);
    EXPECT_EQ(*a->getIf<std::uint8_t>(), std::vector<std::uint8_t>{7});
}

std::vector<float> randomFloats(std::size_t n, unsigned seed, float scale = 1.0f)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, scale);
    std::vector<float> v(n);
    for (float &x : v)
        x = dist(rng);
    return v;
}

TEST(GgufRoundTrip, F32IsExact)
{
    std::vector<float> data = randomFloats(6 * 5, 1);
    data[0] = std::numeric_limits<float>::infinity();
    data[1] = -0.0f;
    data[2] = std::numeric_limits<float>::denorm_min();
    GgufWriter w;
    w.addTensor("w", {6, 5}, data, GgmlType::F32);
    const auto bytes = w.toBytes();
    const GgufFile f = GgufFile::fromBytes(bytes, "f32.gguf");
    const GgufTensorInfo &t = f.tensor("w");
    EXPECT_EQ(t.type, GgmlType::F32);
    EXPECT_EQ(t.shape, (std::vector<std::int64_t>{6, 5}));
    EXPECT_EQ(t.ggufDims, (std::vector<std::uint64_t>{5, 6}));
    EXPECT_EQ(t.elementCount, 30u);
    EXPECT_EQ(t.byteSize, 120u);
    const std::vector<float> back = f.dequantize(t);
    ASSERT_EQ(back.size(), data.size());
    EXPECT_EQ(std::memcmp(back.data(), data.data(), data.size() * 4), 0);
}

TEST(GgufRoundTrip, F16IsExactForRepresentableValues)
{
    std::vector<float> data;
    for (std::uint32_t h = 0; h < 0x10000; h += 7) {
        const float f = halfToFloat(static_cast<std::uint16_t>(h));
        if (!std::isnan(f))
            data.push_back(f);
    }
    data.resize(data.size() / 8 * 8);
    GgufWriter w;
    w.addTensor("h", {static_cast<std::int64_t>(data.size() / 8), 8}, data, GgmlType::F16);
    const auto bytes = w.toBytes();
    const GgufFile f = GgufFile::fromBytes(bytes, "f16.gguf");
    const std::vector<float> back = f.dequantize(f.tensor("h"));
    ASSERT_EQ(back.size(), data.size());
    for (std::size_t i = 0; i < data.size(); ++i)
        ASSERT_EQ(std::memcmp(&back[i], &data[i], 4), 0) << i << ": " << data[i] << " became " << back[i];
}

TEST(GgufRoundTrip, Bf16KeepsTheTopHalfOfEachFloat)
{
    const std::vector<float> data{1.0f, -2.5f, 3.140625f, 1e20f};
    GgufWriter w;
    w.addTensor("b", {4}, data, GgmlType::BF16);
    const auto bytes = w.toBytes();
    const GgufFile f = GgufFile::fromBytes(bytes, "bf16.gguf");
    EXPECT_EQ(f.dequantize(f.tensor("b")), (std::vector<float>{1.0f, -2.5f, 3.140625f, bf16ToFloat(floatToBf16(1e20f))}));
}

TEST(GgufRoundTrip, Q8_0IsWithinOneStepAndStableWhenRequantized)
{
    const std::vector<float> data = randomFloats(4 * 64, 2, 3.0f);
    GgufWriter w;
    w.addTensor("q", {4, 64}, data, GgmlType::Q8_0);
    const auto bytes = w.toBytes();
    const GgufFile f = GgufFile::fromBytes(bytes, "q8.gguf");
    const GgufTensorInfo &t = f.tensor("q");
    EXPECT_EQ(t.byteSize, 8u * 34u);
    const std::vector<float> back = f.dequantize(t);
    for (std::size_t block = 0; block < data.size() / 32; ++block) {
        float amax = 0;
        for (std::size_t j = 0; j < 32; ++j)
            amax = std::max(amax, std::fabs(data[block * 32 + j]));
        for (std::size_t j = 0; j < 32; ++j) {
            const std::size_t i = block * 32 + j;
            // Half a step of rounding plus the error of storing the scale as f16.
            EXPECT_NEAR(back[i], data[i], amax / 127.0f * 0.5f + amax * 1e-3f) << i;
        }
    }

    GgufWriter again;
    again.addTensor("q", {4, 64}, back, GgmlType::Q8_0);
    const auto bytes2 = again.toBytes();
    const GgufFile f2 = GgufFile::fromBytes(bytes2, "q8b.gguf");
    const auto d1 = f.tensorData(t);
    const auto d2 = f2.tensorData(f2.tensor("q"));
    EXPECT_TRUE(std::equal(d1.begin(), d1.end(), d2.begin(), d2.end()));
}

TEST(GgufRoundTrip, Q8_0MatchesGgmlReferenceQuantizer)
{
    // Block: x[j] = j - 10 for j < 31 and x[31] = 63.5: amax 63.5, d = 0.5, q = round(2x).
    std::vector<float> x(32);
    for (int j = 0; j < 31; ++j)
        x[j] = static_cast<float>(j - 10) + 0.25f;
    x[31] = 63.5f;
    std::vector<std::uint8_t> out(34);
    quantizeGgml(GgmlType::Q8_0, x, out);
    EXPECT_EQ(out[0] | (out[1] << 8), floatToHalf(0.5f));
    for (int j = 0; j < 31; ++j) // 2 * (j - 10 + 0.25) = 2j - 19.5 rounds away from zero
        EXPECT_EQ(static_cast<std::int8_t>(out[2 + j]), static_cast<int>(std::roundf(2.0f * x[j]))) << j;
    EXPECT_EQ(static_cast<std::int8_t>(out[2 + 0]), -20); // -19.5 -> -20 (roundf, half away from zero)
    EXPECT_EQ(static_cast<std::int8_t>(out[2 + 31]), 127);

    std::vector<std::uint8_t> zero(34, 0xAA);
    quantizeGgml(GgmlType::Q8_0, std::vector<float>(32, 0.0f), zero);
    EXPECT_EQ(zero, std::vector<std::uint8_t>(34, 0));
}

TEST(GgufRoundTrip, LayoutFollowsGgufC)
{
    GgufWriter w;
    w.addMetadata("general.architecture", "llama");
    const std::vector<float> a{1, 2, 3};           // 12 bytes -> padded to 32
    const std::vector<float> b(32, 0.5f);           // Q8_0: 34 bytes -> padded to 64
    w.addTensor("a", {3}, a, GgmlType::F32);
    w.addTensor("b", {1, 32}, b, GgmlType::Q8_0);
    const std::vector<std::uint8_t> bytes = w.toBytes();

    RawGguf expected;
    expected.header(3, 2, 1).kvString("general.architecture", "llama");
    expected.tensorInfo("a", {3}, 0, 0).tensorInfo("b", {32, 1}, 8, 32).padTo(32);
    for (float v : a)
        expected.f32(v);
    expected.padTo(32).u16(floatToHalf(0.5f / 127.0f));
    for (int j = 0; j < 32; ++j)
        expected.u8(127);
    expected.padTo(32);
    EXPECT_EQ(bytes, expected.bytes());

    const GgufFile f = GgufFile::fromBytes(bytes, "layout.gguf");
    EXPECT_EQ(f.alignment(), 32u);
    EXPECT_EQ(f.dataOffset() % 32, 0u);
    EXPECT_EQ(f.tensor("b").offset, 32u);
    EXPECT_EQ(f.fileSize(), f.dataOffset() + 32 + 64);
}

TEST(GgufRoundTrip, CustomAlignmentIsWrittenAndHonoured)
{
    GgufWriter w;
    w.setAlignment(64);
    const std::vector<float> a(5, 1.0f);
    w.addTensor("a", {5}, a, GgmlType::F32);
    w.addTensor("b", {5}, a, GgmlType::F32);
    const auto bytes = w.toBytes();
    const GgufFile f = GgufFile::fromBytes(bytes, "align.gguf");
    EXPECT_EQ(f.alignment(), 64u);
    EXPECT_EQ(f.getUInt("general.alignment"), 64u);
    EXPECT_EQ(f.dataOffset() % 64, 0u);
    EXPECT_EQ(f.tensor("b").offset, 64u);
    for (std::size_t i = f.dataOffset() + 20; i < f.dataOffset() + 64; ++i)
        EXPECT_EQ(bytes[i], 0) << "padding byte " << i;
}

TEST(GgufRoundTrip, WritesAtomicallyToDisk)
{
    test::TempDir dir;
    const std::string path = dir.file("model.gguf");
    GgufWriter w;
    w.addMetadata("general.name", "tiny");
    const std::vector<float> a{1, 2, 3, 4};
    w.addTensor("a", {2, 2}, a, GgmlType::F16);
    w.write(path);
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto &e : std::filesystem::directory_iterator(dir.path()))
        ++entries;
    EXPECT_EQ(entries, 1u) << "the temp file must be gone";
    const GgufFile f = GgufFile::open(path);
    EXPECT_EQ(f.sourceName(), path);
    EXPECT_EQ(f.getString("general.name"), "tiny");
    EXPECT_EQ(f.dequantize(f.tensor("a")), a);
}

TEST(GgufRoundTrip, OpenRefusesWhatIsNotARegularFile)
{
    test::TempDir dir;
    EXPECT_THROW(GgufFile::open(dir.path()), Error);
    EXPECT_THROW(GgufFile::open(dir.file("missing.gguf")), Error);
    const std::string empty = dir.write("empty.gguf", std::string_view());
    EXPECT_THROW(GgufFile::open(empty), Error);
}

TEST(GgufRoundTrip, WriterRefusesWhatLlamaCppCannotRead)
{
    GgufWriter w;
    w.addMetadata("k", std::uint32_t{1});
    EXPECT_THROW(w.addMetadata("k", std::uint32_t{2}), Error);
    EXPECT_THROW(w.addMetadata("general.alignment", std::uint64_t{32}), Error);
    EXPECT_THROW(w.setAlignment(48), Error);
    const std::vector<float> v(64, 1.0f);
    EXPECT_THROW(w.addTensor("q", {2, 31}, std::span(v).first(62), GgmlType::Q8_0), Error);
    EXPECT_THROW(w.addTensor("x", {4, 4}, v, GgmlType::F32), Error); // 16 != 64 values
    EXPECT_THROW(w.addTensor(std::string(64, 'n'), {64}, v, GgmlType::F32), Error);
    EXPECT_THROW(w.addTensor("five", {1, 1, 1, 2, 32}, v, GgmlType::F32), Error);
    EXPECT_THROW(w.addTensor("zero", {0, 64}, v, GgmlType::F32), Error);
    EXPECT_THROW(w.addTensor("q4", {64}, v, GgmlType::Q4_K), Error);
    std::vector<float> nan = v;
    nan[3] = std::numeric_limits<float>::quiet_NaN();
    EXPECT_THROW(w.addTensor("nan", {64}, nan, GgmlType::Q8_0), Error);
    EXPECT_EQ(w.tensorCount(), 0u) << "failed adds must leave nothing behind";
    w.addTensor("ok", {64}, v, GgmlType::F32);
    EXPECT_THROW(w.addTensor("ok", {64}, v, GgmlType::F32), Error);
    EXPECT_EQ(w.tensorCount(), 1u);
}

TEST(GgufRoundTrip, EncodedTensorsOfAnyTypeKeepTheirBytes)
{
    std::vector<std::uint8_t> blocks(2 * 210);
    for (std::size_t i = 0; i < blocks.size(); ++i)
        blocks[i] = static_cast<std::uint8_t>(i * 31);
    GgufWriter w;
    w.addEncodedTensor("q6", {2, 256}, GgmlType::Q6_K, blocks);
    EXPECT_THROW(w.addEncodedTensor("short", {256}, GgmlType::Q6_K, std::span(blocks).first(100)), Error);
    const auto bytes = w.toBytes();
    const GgufFile f = GgufFile::fromBytes(bytes, "q6.gguf");
    const auto data = f.tensorData(f.tensor("q6"));
    EXPECT_TRUE(std::equal(data.begin(), data.end(), blocks.begin(), blocks.end()));
}

// The same content written little-endian by GgufWriter and big-endian by hand must read
// the same.
TEST(GgufRoundTrip, BigEndianFileIsReadCorrectly)
{
    RawGguf be(true);
    be.header(3, 3, 4);
    be.kvU32("llama.block_count", 22);
    be.str("f").u32(12).f64(-1.25);
    be.str("names").u32(9).u32(8).u64(2).str("ab").str("c");
    be.str("ints").u32(9).u32(3).u64(2).u16(0xfffe).u16(7);
    be.tensorInfo("w", {3, 2}, 0, 0).tensorInfo("h", {2}, 1, 32).tensorInfo("q", {32}, 8, 64).padTo(32);
    for (float v : {1.f, 2.f, 3.f, 4.f, 5.f, -6.f})
        be.f32(v);
    be.padTo(32).u16(floatToHalf(1.5f)).u16(floatToHalf(-2.0f)).padTo(32).u16(floatToHalf(0.25f));
    for (int j = 0; j < 32; ++j)
        be.u8(static_cast<std::uint8_t>(j - 16));
    // The version is stored swapped: bytes 00 00 00 03.
    ASSERT_EQ(be.bytes()[7], 3);

    const GgufFile f = GgufFile::fromBytes(be.bytes(), "be.gguf");
    EXPECT_TRUE(f.isByteSwapped());
    EXPECT_EQ(f.version(), 3u);
    EXPECT_EQ(f.getUInt("llama.block_count"), 22u);
    EXPECT_EQ(f.getFloat("f"), -1.25);
    EXPECT_EQ(f.getArrayOf<std::string>("names"), (std::vector<std::string>{"ab", "c"}));
    EXPECT_EQ(f.getArrayOf<std::int16_t>("ints"), (std::vector<std::int16_t>{-2, 7}));
    EXPECT_EQ(f.tensor("w").shape, (std::vector<std::int64_t>{2, 3}));
    EXPECT_EQ(f.dequantize(f.tensor("w")), (std::vector<float>{1, 2, 3, 4, 5, -6}));
    EXPECT_EQ(f.dequantize(f.tensor("h")), (std::vector<float>{1.5f, -2.0f}));
    const std::vector<float> q = f.dequantize(f.tensor("q"));
    for (int j = 0; j < 32; ++j)
        EXPECT_EQ(q[j], 0.25f * static_cast<float>(j - 16));
}

TEST(GgufRoundTrip, Version2IsAccepted)
{
    RawGguf g;
    g.header(2, 0, 1).kvString("general.architecture", "gpt2");
    EXPECT_EQ(GgufFile::fromBytes(g.bytes(), "v2.gguf").version(), 2u);
}

TEST(GgufRoundTrip, TypeTableKnowsBlockSizes)
{
    struct Row {
        GgmlType type;
        std::uint32_t block, bytes;
    };
    for (const Row &r : {Row{GgmlType::Q4_0, 32, 18}, Row{GgmlType::Q5_1, 32, 24}, Row{GgmlType::Q8_1, 32, 36},
                         Row{GgmlType::Q2_K, 256, 84}, Row{GgmlType::Q3_K, 256, 110}, Row{GgmlType::Q4_K, 256, 144},
                         Row{GgmlType::Q5_K, 256, 176}, Row{GgmlType::Q6_K, 256, 210}, Row{GgmlType::Q8_K, 256, 292},
                         Row{GgmlType::IQ2_XXS, 256, 66}, Row{GgmlType::IQ2_XS, 256, 74},
                         Row{GgmlType::IQ3_XXS, 256, 98}, Row{GgmlType::IQ1_S, 256, 50},
                         Row{GgmlType::IQ4_NL, 32, 18}, Row{GgmlType::IQ3_S, 256, 110}, Row{GgmlType::IQ2_S, 256, 82},
                         Row{GgmlType::IQ4_XS, 256, 136}, Row{GgmlType::IQ1_M, 256, 56},
                         Row{GgmlType::TQ1_0, 256, 54}, Row{GgmlType::TQ2_0, 256, 66}, Row{GgmlType::MXFP4, 32, 17},
                         Row{GgmlType::BF16, 1, 2}, Row{GgmlType::I64, 1, 8}}) {
        const GgmlTypeTraits &t = ggmlTypeTraits(r.type);
        EXPECT_EQ(t.blockSize, r.block) << t.name;
        EXPECT_EQ(t.bytesPerBlock, r.bytes) << t.name;
    }
    EXPECT_EQ(findGgmlType(4), nullptr);
    EXPECT_EQ(findGgmlType(31), nullptr);
    EXPECT_EQ(ggmlByteSize(GgmlType::Q4_K, 512), 288u);
    EXPECT_EQ(ggmlByteSize(GgmlType::Q4_K, 100), std::nullopt);
}

} // namespace
} // namespace llmos
