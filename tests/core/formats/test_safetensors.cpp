#include "formats/safetensorsfile.h"
#include "formats/safetensorswriter.h"
#include "safetensorsbytes.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <span>

using namespace llmos;
using llmos::test::safetensorsBytes;

namespace {

SafetensorsHeader parse(const std::string &bytes)
{
    return parseSafetensorsHeader(
        std::span(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size()), "model.safetensors");
}

std::string errorOf(const std::string &bytes)
{
    try {
        parse(bytes);
    } catch (const Error &e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST(SafetensorsHeader, ReadsEntriesInDataOrderAndMetadata)
{
    const auto bytes = safetensorsBytes(
        R"({"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]},"a":{"dtype":"BF16","shape":[2],"data_offsets":[0,4]},"__metadata__":{"format":"pt"}})",
        12);
    const auto h = parse(bytes);
    ASSERT_EQ(h.tensors.size(), 2u);
    EXPECT_EQ(h.tensors[0].name, "a");
    EXPECT_EQ(h.tensors[0].dtype, DType::BF16);
    EXPECT_EQ(h.tensors[1].name, "b");
    EXPECT_EQ(h.tensors[1].shape, (std::vector<std::uint64_t>{2}));
    EXPECT_EQ(h.metadata.at("format"), "pt");
    EXPECT_EQ(h.dataStart, 8 + h.headerSize);
}

TEST(SafetensorsHeader, AcceptsSpacePaddingScalarsAndEmptyTensors)
{
    const auto bytes = safetensorsBytes(
        R"({"s":{"dtype":"I64","shape":[],"data_offsets":[0,8]},"e":{"dtype":"F16","shape":[0,3],"data_offsets":[8,8]}}    )", 8);
    const auto h = parse(bytes);
    EXPECT_EQ(h.tensors.size(), 2u);
    EXPECT_EQ(h.find("s")->elementCount(), 1u);
    EXPECT_EQ(h.find("e")->elementCount(), 0u);
}

TEST(SafetensorsHeader, SubByteTypesAreSizedInBits)
{
    EXPECT_NO_THROW(parse(safetensorsBytes(R"({"x":{"dtype":"F4","shape":[4],"data_offsets":[0,2]}})", 2)));
    EXPECT_NE(errorOf(safetensorsBytes(R"({"x":{"dtype":"F4","shape":[3],"data_offsets":[0,2]}})", 2))
                  .find("whole bytes"),
              std::string::npos);
}

struct MalformedCase {
    const char *name;
    std::string bytes;
    const char *expected; // substring of the error message
};

class SafetensorsMalformed : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(SafetensorsMalformed, IsRejectedWithAClearMessage)
{
    const auto &c = GetParam();
    const std::string message = errorOf(c.bytes);
    EXPECT_NE(message.find(c.expected), std::string::npos) << "got: " << message;
    EXPECT_NE(message.find("model.safetensors"), std::string::npos) << "the message names the file: " << message;
}

const std::string kOne = R"({"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})";

INSTANTIATE_TEST_SUITE_P(
    Table, SafetensorsMalformed,
    ::testing::Values(
        MalformedCase{"empty", "", "shorter than the 8-byte header"},
        MalformedCase{"short", "abc", "shorter than the 8-byte header"},
        MalformedCase{"length_zero", safetensorsBytes("", 0, 0), "too small"},
        MalformedCase{"length_one", safetensorsBytes("{", 0, 1), "too small"},
        MalformedCase{"length_over_cap", safetensorsBytes("{}", 0, 100'000'001), "100 MB"},
        MalformedCase{"length_past_eof", safetensorsBytes("{}", 0, 50), "file truncated"},
        MalformedCase{"length_huge", safetensorsBytes("{}", 0, ~0ull), "100 MB"},
        MalformedCase{"not_brace", safetensorsBytes("[]", 0), "does not start with '{'"},
        MalformedCase{"bad_json", safetensorsBytes("{\"x\":", 0), "invalid JSON"},
        MalformedCase{"bad_utf8_key", safetensorsBytes("{\"\xff\":{}}", 0), "invalid JSON"},
        MalformedCase{"duplicate_key",
                      safetensorsBytes(R"({"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", 4),
                      "duplicate key \"x\""},
        MalformedCase{"unknown_dtype", safetensorsBytes(R"({"x":{"dtype":"Q4","shape":[1],"data_offsets":[0,4]}})", 4), "unknown dtype \"Q4\""},
        MalformedCase{"negative_offset", safetensorsBytes(R"({"x":{"dtype":"F32","shape":[1],"data_offsets":[-4,0]}})", 4), "non-negative"},
        MalformedCase{"reversed_offsets", safetensorsBytes(R"({"x":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}})", 4), "before begin"},
        MalformedCase{"size_mismatch", safetensorsBytes(R"({"x":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}})", 4), "need 8"},
        MalformedCase{"shape_overflow",
                      safetensorsBytes(R"({"x":{"dtype":"F32","shape":[4294967296,4294967297],"data_offsets":[0,4]}})", 4),
                      "overflows"},
        MalformedCase{"out_of_range", safetensorsBytes(R"({"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", 2), "past the end of the file"},
        MalformedCase{"overlap",
                      safetensorsBytes(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", 8),
                      "overlaps"},
        MalformedCase{"hole",
                      safetensorsBytes(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})", 12),
                      "hole of 4 bytes"},
        MalformedCase{"trailing_bytes", safetensorsBytes(kOne, 6), "2 bytes after the last tensor"},
        MalformedCase{"metadata_not_string", safetensorsBytes(R"({"__metadata__":{"a":1}})", 0), "must be strings"},
        MalformedCase{"entry_not_object", safetensorsBytes(R"({"x":[1,2]})", 0), "must be an object"},
        MalformedCase{"missing_shape", safetensorsBytes(R"({"x":{"dtype":"F32","data_offsets":[0,4]}})", 4), "missing shape"},
        MalformedCase{"float_shape", safetensorsBytes(R"({"x":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}})", 4), "non-negative integers"},
        MalformedCase{"extra_field", safetensorsBytes(R"({"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"y":1}})", 4), "unexpected field"}),
    [](const auto &info) { return std::string(info.param.name); });

TEST(SafetensorsHeader, TruncatedAtEveryOffsetIsAnErrorNeverACrash)
{
    const auto whole = safetensorsBytes(kOne, 4);
    for (std::size_t cut = 0; cut < whole.size(); ++cut)
        EXPECT_THROW(parse(whole.substr(0, cut)), Error) << "cut at " << cut;
    EXPECT_NO_THROW(parse(whole));
}

TEST(SafetensorsFile, RefusesWhatIsNotARegularFile)
{
    llmos::test::TempDir dir;
    try {
        SafetensorsFile::open(dir.path());
        FAIL() << "a directory was accepted";
    } catch (const Error &e) {
        EXPECT_NE(std::string(e.what()).find("is a directory"), std::string::npos);
    }
    EXPECT_THROW(SafetensorsFile::open("/dev/null"), Error);
    try {
        SafetensorsFile::open(dir.file("missing.safetensors"));
        FAIL();
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    }
}

TEST(SafetensorsWriter, WriteThenReadGivesTheSameTensorsAndRewriteTheSameBytes)
{
    llmos::test::TempDir dir;
    const std::vector<std::uint8_t> a{1, 2, 3, 4, 5, 6, 7, 8};
    const std::vector<std::uint8_t> b{9, 10};
    const std::string first = dir.file("first.safetensors");
    writeSafetensors(first,
                     {{"layer.weight", DType::F32, {2}, a}, {"layer.bias", DType::BF16, {1}, b},
                      {"empty", DType::F16, {0}, {}}},
                     {{"format", "pt"}, {"note", "ünïcødé"}});
    const auto file = SafetensorsFile::open(first);
    EXPECT_EQ(file->header().dataStart % 8, 0u) << "data section is 8-byte aligned";
    ASSERT_EQ(file->tensors().size(), 3u);
    const auto &w = file->at("layer.weight");
    EXPECT_EQ(std::vector<std::uint8_t>(file->bytes(w).begin(), file->bytes(w).end()), a);
    EXPECT_EQ(file->header().metadata.at("note"), "ünïcødé");

    std::vector<SafetensorsWriteEntry> again;
    for (const auto &t : file->tensors())
        again.push_back({t.name, t.dtype, t.shape, file->bytes(t)});
    const std::string second = dir.file("second.safetensors");
    writeSafetensors(second, again, file->header().metadata);
    EXPECT_EQ(llmos::test::readFile(first), llmos::test::readFile(second));
}

TEST(SafetensorsStreamWriter, WritesTensorByTensorWhatWriteSafetensorsWritesAtOnce)
{
    llmos::test::TempDir dir;
    const std::vector<std::uint8_t> a{1, 2, 3, 4, 5, 6, 7, 8};
    const std::vector<std::uint8_t> b{9, 10};
    writeSafetensors(dir.file("whole.safetensors"), {{"w", DType::F32, {2}, a}, {"b", DType::BF16, {1}, b}},
                     {{"format", "pt"}});
    {
        SafetensorsStreamWriter out(dir.file("streamed.safetensors"),
                                    {{"w", DType::F32, {2}}, {"b", DType::BF16, {1}}}, {{"format", "pt"}});
        EXPECT_EQ(out.next()->name, "w");
        out.write(a);
        EXPECT_FALSE(std::filesystem::exists(dir.file("streamed.safetensors"))); // not before commit
        out.write(b);
        EXPECT_EQ(out.next(), nullptr);
        out.commit();
    }
    EXPECT_EQ(llmos::test::readFile(dir.file("streamed.safetensors")), llmos::test::readFile(dir.file("whole.safetensors")));

    // A tensor of the wrong size, one too many or one missing: an error, and no file at all.
    const auto files = [&] {
        std::size_t n = 0;
        for ([[maybe_unused]] const auto &e : std::filesystem::directory_iterator(dir.path()))
            ++n;
        return n;
    };
    {
        SafetensorsStreamWriter out(dir.file("short.safetensors"), {{"w", DType::F32, {2}}, {"b", DType::BF16, {1}}});
        EXPECT_THROW(out.write(b), Error);
        EXPECT_THROW(out.write(a), Error); // nothing more once a write was refused
        EXPECT_THROW(out.commit(), Error);
    }
    {
        SafetensorsStreamWriter out(dir.file("missing.safetensors"), {{"w", DType::F32, {2}}, {"b", DType::BF16, {1}}});
        out.write(a);
        EXPECT_THROW(out.commit(), Error);
    }
    EXPECT_EQ(files(), 2u); // whole and streamed
}

TEST(SafetensorsWriter, RefusesInconsistentSizesAndLeavesNoTempFile)
{
    llmos::test::TempDir dir;
    const std::vector<std::uint8_t> three{1, 2, 3};
    EXPECT_THROW(writeSafetensors(dir.file("x.safetensors"), {{"x", DType::F32, {1}, three}}), Error);
    EXPECT_THROW(writeSafetensors(dir.file("x.safetensors"), {{"x", DType::U8, {3}, three}, {"x", DType::U8, {3}, three}}),
                 Error);
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto &e : std::filesystem::directory_iterator(dir.path()))
        ++entries;
    EXPECT_EQ(entries, 0u);
}
