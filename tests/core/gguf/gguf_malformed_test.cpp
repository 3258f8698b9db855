// Hostile and broken GGUF files (BAD_INPUTS.md items 1-7): each must be refused with an
// llmos::Error that says what is wrong, never a crash or an allocation sized by the file.

#include "formats/gguf/gguffile.h"
#include "formats/gguf/ggufwriter.h"
#include "rawgguf.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace llmos {
namespace {

using test::RawGguf;

constexpr std::uint64_t kHuge = 1ull << 63;
constexpr std::uint64_t kAllOnes = ~0ull;
constexpr std::uint32_t kF32 = 0, kQ8_0 = 8;

struct BadCase {
    std::string name;
    std::function<RawGguf()> build;
    std::string expected; // substring of what()
    ErrorKind kind = ErrorKind::Format;
};

// A file with one key-value and one F32 tensor of `dims` at `offset`, for the tensor cases.
RawGguf oneTensor(std::initializer_list<std::uint64_t> dims, std::uint32_t type = kF32, std::uint64_t offset = 0,
                  std::size_t dataBytes = 64)
{
    RawGguf g;
    g.header(3, 1, 1).kvString("general.architecture", "llama").tensorInfo("w", dims, type, offset).padTo(32);
    return g.zeros(dataBytes);
}

RawGguf nestedArrays(int depth)
{
    RawGguf g;
    g.header(3, 0, 1).str("deep").u32(9);
    for (int i = 1; i < depth; ++i)
        g.u32(9).u64(1); // an array holding one array
    return g.u32(0).u64(1).u8(7);
}

std::vector<BadCase> badCases()
{
    return {
        {"Empty", [] { return RawGguf(); }, "truncated: magic"},
        {"WrongMagic", [] { return RawGguf().raw("GGUX").u32(3).u64(0).u64(0); }, "not a GGUF file"},
        {"SafetensorsHeader", [] { return RawGguf().u64(2).raw("{}"); }, "not a GGUF file"},
        {"Version1", [] { return RawGguf().header(1, 0, 0); }, "GGUF version 1", ErrorKind::Unsupported},
        {"Version4", [] { return RawGguf().header(4, 0, 0); }, "GGUF version 4 is not supported",
         ErrorKind::Unsupported},
        {"Version0", [] { return RawGguf().header(0, 0, 0); }, "GGUF version 0", ErrorKind::Unsupported},
        {"TensorCount2Pow63", [] { return RawGguf().header(3, kHuge, 0).zeros(256); }, "tensor count 9223372036854775808"},
        {"KvCount2Pow63", [] { return RawGguf().header(3, 0, kHuge).zeros(256); }, "metadata count 9223372036854775808"},
        {"KvCountAboveRemaining", [] { return RawGguf().header(3, 0, 10).zeros(129); }, "at most 9 entries"},
        {"TensorCountAboveRemaining", [] { return RawGguf().header(3, 3, 0).zeros(64); }, "at most 2 tensor infos"},
        {"CountsTogetherTooMany", [] { return RawGguf().header(3, 2, 5).zeros(64 + 64); }, "cannot fit"},
        {"KeyLengthAllOnes", [] { return RawGguf().header(3, 0, 1).u64(kAllOnes).zeros(16); }, "more than the limit"},
        {"KeyLongerThanFile", [] { return RawGguf().header(3, 0, 1).u64(100).raw("abc").zeros(10); },
         "truncated: key of metadata entry 0 needs 100 bytes"},
        {"ValueStringAllOnes", [] { return RawGguf().header(3, 0, 1).str("k").u32(8).u64(kAllOnes).zeros(8); },
         "string value of key 'k' is 18446744073709551615 bytes long"},
        {"ValueStringLongerThanFile", [] { return RawGguf().header(3, 0, 1).str("k").u32(8).u64(1000).raw("xy"); },
         "truncated: string value of key 'k' needs 1000 bytes"},
        {"UnknownValueType", [] { return RawGguf().header(3, 0, 1).str("k").u32(13).u32(0); },
         "key 'k' has unknown value type 13"},
        {"ArrayCountHuge", [] { return RawGguf().header(3, 0, 1).str("a").u32(9).u32(4).u64(1ull << 62).zeros(64); },
         "claims 4611686018427387904 elements of type u32"},
        {"StringArrayCountAboveRemaining",
         [] { return RawGguf().header(3, 0, 1).str("a").u32(9).u32(8).u64(5).zeros(32); }, "at most 4"},
        {"ArrayUnknownElementType", [] { return RawGguf().header(3, 0, 1).str("a").u32(9).u32(77).u64(0); },
         "unknown value type 77"},
        {"NestedArraysTooDeep", [] { return nestedArrays(9); }, "nests arrays deeper than 8 levels"},
        {"DuplicateKey",
         [] { return RawGguf().header(3, 0, 2).kvU32("a.b", 1).kvU32("a.b", 2); }, "duplicate metadata key 'a.b'"},
        {"NDims0", [] { return oneTensor({}); }, "tensor 'w' has 0 dimensions"},
        {"NDims9", [] { return oneTensor({1, 1, 1, 1, 1, 1, 1, 1, 1}); }, "tensor 'w' has 9 dimensions"},
        {"Dim0", [] { return oneTensor({4, 0}); }, "tensor 'w' has a dimension of 0"},
        {"DimNegative", [] { return oneTensor({4, kAllOnes - 1}); }, "negative as a signed number"},
        {"DimProductOverflow", [] { return oneTensor({1ull << 32, 1ull << 32}); }, "overflows 64 bits"},
        {"ByteSizeOverflow", [] { return oneTensor({(1ull << 42) + 1, 1ull << 20}); }, "more than 2^64 bytes"},
        {"UnknownGgmlType", [] { return oneTensor({4}, 99); }, "tensor 'w' has ggml type id 99",
         ErrorKind::Unsupported},
        {"RemovedGgmlType", [] { return oneTensor({32}, 4); }, "ggml type id 4", ErrorKind::Unsupported},
        {"NotWholeBlocks", [] { return oneTensor({33}, kQ8_0); }, "not a multiple of the Q8_0 block size 32"},
        {"OffsetPastEof", [] { return oneTensor({4}, kF32, 64); }, "ends past the end of the file"},
        {"OffsetWraps", [] { return oneTensor({4}, kF32, kAllOnes - 31); }, "ends past the end of the file"},
        {"DataPastEof", [] { return oneTensor({32}, kF32, 0, 127); }, "tensor 'w' (128 bytes at data offset 0)"},
        {"Misaligned", [] { return oneTensor({4}, kF32, 4); }, "offset 4, which is not a multiple of the alignment 32"},
        {"Overlapping",
         [] {
             RawGguf g;
             g.header(3, 2, 0).tensorInfo("a", {16}, kF32, 0).tensorInfo("b", {8}, kF32, 32).padTo(32);
             return g.zeros(128);
         },
         "tensor 'b' (data bytes 32..64) overlaps tensor 'a' (data bytes 0..64)"},
        {"DuplicateTensorName",
         [] {
             RawGguf g;
             g.header(3, 2, 0).tensorInfo("w", {8}, kF32, 0).tensorInfo("w", {8}, kF32, 32).padTo(32);
             return g.zeros(64);
         },
         "duplicate tensor name 'w'"},
        {"TensorNameAllOnes", [] { return RawGguf().header(3, 1, 0).u64(kAllOnes).zeros(64); },
         "name of tensor 0 is 18446744073709551615 bytes long"},
        {"Alignment0", [] { return RawGguf().header(3, 0, 1).kvU32("general.alignment", 0); },
         "general.alignment 0 is not a power of two"},
        {"Alignment48", [] { return RawGguf().header(3, 0, 1).kvU32("general.alignment", 48); },
         "general.alignment 48 is not a power of two"},
        {"AlignmentHuge", [] { return RawGguf().header(3, 0, 1).kvU32("general.alignment", 1u << 31); },
         "between 1 and 1048576"},
        {"AlignmentNotU32", [] { return RawGguf().header(3, 0, 1).kvString("general.alignment", "32"); },
         "general.alignment must be a u32, not string"},
    };
}

class GgufMalformed : public ::testing::TestWithParam<BadCase> {};

TEST_P(GgufMalformed, IsRejectedWithAClearMessage)
{
    const BadCase &c = GetParam();
    const RawGguf file = c.build();
    try {
        GgufFile::fromBytes(file.bytes(), "bad.gguf");
        FAIL() << "accepted a malformed file";
    } catch (const Error &e) {
        EXPECT_NE(std::string(e.what()).find(c.expected), std::string::npos) << e.what();
        EXPECT_EQ(e.kind(), c.kind) << e.what();
        EXPECT_EQ(e.where().rfind("bad.gguf", 0), 0u) << "where must name the file: " << e.where();
    }
}

INSTANTIATE_TEST_SUITE_P(Table, GgufMalformed, ::testing::ValuesIn(badCases()),
                         [](const ::testing::TestParamInfo<BadCase> &info) { return info.param.name; });

TEST(GgufMalformed, ErrorsGiveTheByteOffset)
{
    const RawGguf file = RawGguf().header(3, 0, 1).str("k").u32(8).u64(1000).raw("xy");
    try {
        GgufFile::fromBytes(file.bytes(), "f.gguf");
        FAIL();
    } catch (const Error &e) {
        // The string's length field is at 24 + 8 + 1 + 4 = 37; its bytes would start at 45.
        EXPECT_EQ(e.where(), "f.gguf: byte 45");
    }
}

TEST(GgufMalformed, HugeKvCountFailsFastWithoutAllocating)
{
    // 64 MiB of plausible-looking zeros after a header claiming 2^63 entries: the count
    // must be refused against the size before any entry is read.
    RawGguf file = RawGguf().header(3, 0, kHuge).zeros(64u << 20);
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THROW(GgufFile::fromBytes(file.bytes(), "big.gguf"), Error);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_LT(elapsed, std::chrono::milliseconds(50));
}

// A small valid file with metadata of several types and two tensors.
std::vector<std::uint8_t> smallValidFile()
{
    GgufWriter w;
    w.addMetadata("general.architecture", "llama");
    w.addMetadata("llama.block_count", std::uint32_t{2});
    w.addMetadata("tokenizer.ggml.tokens", GgufArray(std::vector<std::string>{"<s>", "a", "b"}));
    w.addMetadata("tokenizer.ggml.scores", GgufArray(std::vector<float>{0.f, -1.f, -2.f}));
    w.addMetadata("nested", GgufArray(std::vector<GgufArray>{GgufArray(std::vector<std::int16_t>{1, 2})}));
    const std::vector<float> a{1, 2, 3, 4, 5, 6};
    w.addTensor("a", {2, 3}, a, GgmlType::F32);
    std::vector<float> b(32);
    for (int i = 0; i < 32; ++i)
        b[i] = static_cast<float>(i) - 16.f;
    w.addTensor("b", {1, 32}, b, GgmlType::Q8_0);
    return w.toBytes();
}

TEST(GgufMalformed, TruncatedAtEveryOffsetThrows)
{
    const std::vector<std::uint8_t> bytes = smallValidFile();
    const GgufFile whole = GgufFile::fromBytes(bytes, "whole.gguf");
    const GgufTensorInfo &last = whole.tensors().back();
    const std::uint64_t usedEnd = whole.dataOffset() + last.offset + last.byteSize;
    ASSERT_LE(usedEnd, bytes.size());
    for (std::uint64_t n = 0; n < usedEnd; ++n) {
        const std::span<const std::uint8_t> prefix(bytes.data(), n);
        try {
            GgufFile::fromBytes(prefix, "cut.gguf");
            ADD_FAILURE() << "a file cut to " << n << " bytes was accepted";
        } catch (const Error &e) {
            EXPECT_EQ(e.kind(), ErrorKind::Format) << n << ": " << e.what();
        }
    }
    // Only the zero padding after the last tensor may be missing (gguf.c does not need it).
    EXPECT_NO_THROW(GgufFile::fromBytes(std::span<const std::uint8_t>(bytes.data(), usedEnd), "cut.gguf"));
}

TEST(GgufMalformed, TruncationMessagesSayTruncatedAndWhere)
{
    const std::vector<std::uint8_t> bytes = smallValidFile();
    for (std::size_t n : {2, 6, 20, 30, 100, 200, 300}) {
        try {
            GgufFile::fromBytes(std::span<const std::uint8_t>(bytes.data(), n), "cut.gguf");
            ADD_FAILURE() << n;
        } catch (const Error &e) {
            EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos) << n << ": " << e.what();
            EXPECT_EQ(e.where().rfind("cut.gguf: byte ", 0), 0u) << e.where();
        }
    }
}

TEST(GgufMalformed, EveryFlippedByteIsHandled)
{
    // Not a spec of which flips are caught, only that none crashes: each result is a
    // parsed file or an llmos::Error.
    const std::vector<std::uint8_t> bytes = smallValidFile();
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        for (std::uint8_t flip : {0x01, 0x80, 0xff}) {
            std::vector<std::uint8_t> copy = bytes;
            copy[i] ^= flip;
            try {
                GgufFile f = GgufFile::fromBytes(copy, "flip.gguf");
                for (const GgufTensorInfo &t : f.tensors())
                    (void)f.dequantize(t);
            } catch (const Error &) {
            }
        }
    }
}

} // namespace
} // namespace llmos
