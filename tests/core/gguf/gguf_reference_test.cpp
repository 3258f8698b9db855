// Differential test: GGUF files written by our GgufWriter, read back by an independent
// implementation, Hugging Face's @huggingface/gguf (pinned in tests/tools/reference/package.json,
// driven by tests/tools/reference/gguf-dump.mjs under Node). The reference must see exactly our
// metadata (keys in order, value types, array element types, values), our tensor table (names,
// dims, ggml types, offsets) and the data section where we put it; the tensor bytes found at the
// reference's offsets are decoded here by the GGUF spec's layouts (F32, F16, block_q8_0) and
// compared with the values we wrote.
//
// Needs node and tests/tools/reference/node_modules (tests/tools/reference/fetch.sh installs it);
// without them the test fails, it does not skip.

#include "formats/gguf/ggmltype.h"
#include "formats/gguf/gguffile.h"
#include "formats/gguf/ggufwriter.h"
#include "shellcommand.h"
#include "tempdir.h"
#include "util/halffloat.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>


#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

namespace llmos {
namespace {

// ordered_json keeps the reference's key order (the file's), so order is compared too.
using json = nlohmann::ordered_json;
namespace fs = std::filesystem;

constexpr const char *kFetchHint = "run tests/tools/reference/fetch.sh (it installs the pinned npm packages, "
                                   "@huggingface/gguf among them) and rerun";

// Empty when node and the pinned library are usable, else what is missing.
std::string referenceMissing()
{
    const fs::path modules(LLMOS_REFERENCE_NODE_MODULES);
    if (!fs::is_regular_file(modules / "@huggingface" / "gguf" / "package.json"))
        return (modules / "@huggingface" / "gguf").string() + " is missing";
    const test::ShellResult node = test::runShell("node --version 2>&1");
    if (node.exitCode != 0) return "node is not runnable (`node --version`: " + node.out + ")";
    return {};
}

// The reference's view of `path`; fails the test (and returns null) when the library refuses it.
json dumpWithReference(const test::TempDir &dir, const std::string &path)
{
    const std::string errFile = dir.file("gguf-dump.stderr");
    const test::ShellResult r = test::runShell("node " + test::shellQuote(LLMOS_GGUF_DUMP_SCRIPT) + " "
                                               + test::shellQuote(path) + " 2> " + test::shellQuote(errFile));
    if (r.exitCode != 0) {
        ADD_FAILURE() << "@huggingface/gguf could not read " << path << " (exit " << r.exitCode << "):\n"
                      << test::readFile(errFile);
        return nullptr;
    }
    try {
        return json::parse(r.out);
    } catch (const json::exception &e) {
        ADD_FAILURE() << "gguf-dump.mjs printed no JSON (" << e.what() << "):\n" << r.out;
        return nullptr;
    }
}

// ---- our values in gguf-dump.mjs's JSON spelling ------------------------------------------

json floatJson(double v)
{
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
    if (v == 0 && std::signbit(v)) return "-0";
    return v;
}

json arrayJson(const GgufArray &array);

template<typename T>
json elementJson(const T &v)
{
    if constexpr (std::is_same_v<T, std::uint64_t> || std::is_same_v<T, std::int64_t>)
        return std::to_string(v); // BigInt in the library
    else if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>)
        return floatJson(static_cast<double>(v));
    else if constexpr (std::is_same_v<T, GgufArray>)
        return arrayJson(v);
    else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::string>)
        return v;
    else
        return static_cast<std::int64_t>(v);
}

json arrayJson(const GgufArray &array)
{
    json out = json::array();
    std::visit(
        [&](const auto &values) {
            for (const auto &v : values) {
                using T = std::decay_t<decltype(values)>::value_type;
                out.push_back(elementJson<T>(T(v))); // T(v): std::vector<bool>'s proxy to bool
            }
        },
        array.storage());
    return out;
}

json valueJson(const GgufValue &value)
{
    return std::visit([](const auto &v) { return elementJson(v); }, value.storage());
}

json typeJson(const GgufValue &value)
{
    json out = {{"type", static_cast<std::uint32_t>(value.type())}};
    if (const GgufArray *array = value.array()) out["sub_type"] = static_cast<std::uint32_t>(array->elementType());
    return out;
}

// ---- what we write --------------------------------------------------------------------

std::vector<GgufKeyValue> everyValueType()
{
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    return {
        {"general.architecture", "llama"},
        {"t.u8", std::uint8_t{200}},
        {"t.u8.max", std::uint8_t{255}},
        {"t.i8", std::int8_t{-128}},
        {"t.u16", std::uint16_t{65535}},
        {"t.i16", std::int16_t{-32768}},
        {"t.u32", std::uint32_t{4294967295u}},
        {"t.i32", std::int32_t{std::numeric_limits<std::int32_t>::min()}},
        {"t.f32", 3.14159274f},
        {"t.f32.tiny", std::numeric_limits<float>::denorm_min()},
        {"t.f32.neg_zero", -0.0f},
        {"t.f32.inf", -inf},
        {"t.f32.nan", nan},
        {"t.bool.true", true},
        {"t.bool.false", false},
        {"t.string", "h\xc3\xa9llo, \xe4\xb8\x96\xe7\x95\x8c \xf0\x9f\xa6\x99 \xe2\x96\x81tok"},
        {"t.string.empty", ""},
        {"t.string.nul", std::string("a\0b", 3)},
        {"t.string.escapes", "line\nnext\t\"quoted\" \\ {{ bos_token }}"},
        {"t.u64", std::uint64_t{18446744073709551615ull}},
        {"t.i64", std::int64_t{std::numeric_limits<std::int64_t>::min()}},
        {"t.i64.pos", std::int64_t{9007199254740993ll}}, // not a double
        {"t.f64", 2.718281828459045},
        {"t.f64.small", 1e-300},
        {"t.array.u8", GgufArray(std::vector<std::uint8_t>{0, 1, 255})},
        {"t.array.i8", GgufArray(std::vector<std::int8_t>{-128, 0, 127})},
        {"t.array.u16", GgufArray(std::vector<std::uint16_t>{1, 65535})},
        {"t.array.i16", GgufArray(std::vector<std::int16_t>{-32768, 32767})},
        {"t.array.u32", GgufArray(std::vector<std::uint32_t>{7, 4294967295u})},
        {"t.array.i32", GgufArray(std::vector<std::int32_t>{-1, 2, -3, std::numeric_limits<std::int32_t>::max()})},
        {"t.array.f32", GgufArray(std::vector<float>{0.f, -0.5f, 1e30f, -1000.f, 0.1f, inf})},
        {"t.array.bool", GgufArray(std::vector<bool>{true, false, true, true})},
        {"t.array.string", GgufArray(std::vector<std::string>{"<s>", "", "\xc4\xa0the", "\xe2\x96\x81\xe4\xb8\x96",
                                                               "<0x0A>"})},
        {"t.array.u64", GgufArray(std::vector<std::uint64_t>{0, 18446744073709551615ull})},
        {"t.array.i64", GgufArray(std::vector<std::int64_t>{std::numeric_limits<std::int64_t>::min(), -5, 5})},
        {"t.array.f64", GgufArray(std::vector<double>{1.0 / 3.0, -0.0, 1e308})},
        {"t.array.empty_string", GgufArray(std::vector<std::string>{})},
        {"t.array.empty_i32", GgufArray(std::vector<std::int32_t>{})},
        // Arrays of arrays: @huggingface/gguf reads them (up to 4 deep), so they are checked too;
        // it reports only the outer element type (array), so the inner types are checked through
        // the values' spelling (u64 as strings, numbers, strings, bools) and not by type id.
        {"t.array.nested",
         GgufArray(std::vector<GgufArray>{GgufArray(std::vector<std::string>{"a", "b"}),
                                          GgufArray(std::vector<GgufArray>{GgufArray(std::vector<float>{1.5f}),
                                                                           GgufArray(std::vector<bool>{false})}),
                                          GgufArray(std::vector<std::uint64_t>{1, 2})})},
    };
}

struct TensorCase {
    std::string name;
    std::vector<std::int64_t> shape; // torch order
    GgmlType type;
    std::vector<float> data;
};

std::int64_t elementCount(const std::vector<std::int64_t> &shape)
{
    std::int64_t n = 1;
    for (std::int64_t d : shape) n *= d;
    return n;
}

// Values every type stores exactly: for F32/F16, multiples of 1/8 in half's range; for Q8_0,
// q * 2^-4 with q in [-127, 127] and 127 in every block of 32, so that each block's scale is
// exactly 127 * 2^-4 / 127 = 2^-4 and each quant exactly q.
std::vector<float> exactValues(GgmlType type, std::int64_t count, int seed)
{
    std::vector<float> out(static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i) {
        if (type == GgmlType::Q8_0) {
            const int q = i % 32 == 0 ? ((i / 32 + seed) % 2 ? 127 : -127) : static_cast<int>((i * 37 + seed) % 255) - 127;
            out[static_cast<std::size_t>(i)] = static_cast<float>(q) / 16.0f;
        } else {
            out[static_cast<std::size_t>(i)] = static_cast<float>((i * 13 + seed) % 97 - 48) / 8.0f;
        }
    }
    return out;
}

std::vector<TensorCase> tensorCases()
{
    const std::vector<std::tuple<std::string, std::vector<std::int64_t>, GgmlType>> specs = {
        {"token_embd.weight", {5, 32}, GgmlType::Q8_0},
        {"blk.0.attn_norm.weight", {7}, GgmlType::F32},
        {"blk.0.attn_q.weight", {3, 5}, GgmlType::F32},
        {"blk.0.ffn_up.weight", {2, 3, 5}, GgmlType::F32},
        {"blk.0.attn_k.weight", {9}, GgmlType::F16},
        {"blk.0.attn_v.weight", {3, 7}, GgmlType::F16},
        {"blk.0.ffn_gate.weight", {2, 2, 3}, GgmlType::F16},
        {"blk.0.ffn_down.weight", {64}, GgmlType::Q8_0},
        {"blk.0.ffn_gate_exps.weight", {2, 3, 64}, GgmlType::Q8_0},
        {"output.weight", {1, 1}, GgmlType::F32},
    };
    std::vector<TensorCase> out;
    int seed = 1;
    for (const auto &[name, shape, type] : specs)
        out.push_back({name, shape, type, exactValues(type, elementCount(shape), seed++)});
    return out;
}

// ---- the checks -----------------------------------------------------------------------

enum class AlignmentSetting { Default, Explicit32, Key64, Setter64 };

std::uint32_t alignmentOf(AlignmentSetting s)
{
    return s == AlignmentSetting::Key64 || s == AlignmentSetting::Setter64 ? 64 : 32;
}

std::string settingName(AlignmentSetting s)
{
    switch (s) {
    case AlignmentSetting::Default: return "Default32";
    case AlignmentSetting::Explicit32: return "Explicit32";
    case AlignmentSetting::Key64: return "Key64";
    case AlignmentSetting::Setter64: return "Setter64";
    }
    return "?";
}

std::uint64_t alignUp(std::uint64_t n, std::uint64_t a) { return (n + a - 1) / a * a; }

std::uint32_t readU32(const std::string &bytes, std::uint64_t at)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::uint64_t>(i)]);
    return v;
}

std::uint16_t readU16(const std::string &bytes, std::uint64_t at)
{
    return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at])
                                      | static_cast<unsigned char>(bytes[at + 1]) << 8);
}

// Decodes `count` values of `type` at `at` by the GGUF spec's layouts, independently of our reader.
std::vector<float> decodeAt(const std::string &bytes, std::uint64_t at, GgmlType type, std::int64_t count)
{
    std::vector<float> out;
    for (std::int64_t i = 0; i < count; ++i) {
        switch (type) {
        case GgmlType::F32: {
            const std::uint32_t u = readU32(bytes, at + 4 * static_cast<std::uint64_t>(i));
            float f;
            std::memcpy(&f, &u, 4);
            out.push_back(f);
            break;
        }
        case GgmlType::F16: out.push_back(halfToFloat(readU16(bytes, at + 2 * static_cast<std::uint64_t>(i)))); break;
        case GgmlType::Q8_0: { // struct block_q8_0 { ggml_half d; int8_t qs[32]; } = 34 bytes
            const std::uint64_t block = at + 34 * static_cast<std::uint64_t>(i / 32);
            const float d = halfToFloat(readU16(bytes, block));
            const auto q = static_cast<std::int8_t>(bytes[block + 2 + static_cast<std::uint64_t>(i % 32)]);
            out.push_back(d * static_cast<float>(q));
            break;
        }
        default: ADD_FAILURE() << "no decoder for type " << static_cast<int>(type); return out;
        }
    }
    return out;
}

class GgufReference : public testing::TestWithParam<AlignmentSetting> {
protected:
    void SetUp() override
    {
        const std::string missing = referenceMissing();
        ASSERT_TRUE(missing.empty()) << "The GGUF reference (@huggingface/gguf under Node) is unavailable: " << missing
                                     << "\n" << kFetchHint << ".";
    }
};

TEST_P(GgufReference, ReadsOurMetadataAndTensorsExactly)
{
    const AlignmentSetting setting = GetParam();
    const std::uint32_t alignment = alignmentOf(setting);
    const std::vector<TensorCase> tensors = tensorCases();

    GgufWriter writer;
    std::vector<GgufKeyValue> metadata = everyValueType();
    if (setting == AlignmentSetting::Explicit32) writer.setAlignment(32);
    if (setting == AlignmentSetting::Key64) writer.addMetadata("general.alignment", std::uint32_t{64});
    for (const GgufKeyValue &kv : metadata) writer.addMetadata(kv.key, kv.value);
    if (setting == AlignmentSetting::Setter64) writer.setAlignment(64);
    for (const TensorCase &t : tensors) writer.addTensor(t.name, t.shape, t.data, t.type);

    test::TempDir dir;
    const std::string path = dir.file("model.gguf");
    writer.write(path);

    // What we think we wrote, from our own reader (its metadata includes general.alignment
    // where the writer emitted it, in file order).
    const GgufFile ours = GgufFile::open(path);
    ASSERT_EQ(ours.alignment(), alignment);
    ASSERT_EQ(ours.tensors().size(), tensors.size());
    ASSERT_EQ(ours.metadata().size(), metadata.size() + (setting == AlignmentSetting::Default ? 0 : 1));

    const json ref = dumpWithReference(dir, path);
    ASSERT_FALSE(ref.is_null());
    SCOPED_TRACE("reference output: " + ref.dump().substr(0, 4000));

    EXPECT_EQ(ref.at("version"), 3);
    EXPECT_EQ(ref.at("little_endian"), true);
    EXPECT_EQ(ref.at("tensor_count"), std::to_string(tensors.size()));
    EXPECT_EQ(ref.at("kv_count"), std::to_string(ours.metadata().size()));

    // Metadata: same keys in the same (file) order, same types, same values.
    const json &refMeta = ref.at("metadata");
    const json &refTypes = ref.at("types");
    std::vector<std::string> refKeysInOrder;
    for (const auto &[key, _] : refMeta.items()) refKeysInOrder.push_back(key);
    std::vector<std::string> ourKeys;
    for (const GgufKeyValue &kv : ours.metadata()) ourKeys.push_back(kv.key);
    EXPECT_EQ(refKeysInOrder, ourKeys);
    EXPECT_EQ(ourKeys, [&] {
        std::vector<std::string> keys;
        if (setting == AlignmentSetting::Explicit32 || setting == AlignmentSetting::Key64)
            keys.push_back("general.alignment");
        for (const GgufKeyValue &kv : metadata) keys.push_back(kv.key);
        if (setting == AlignmentSetting::Setter64) keys.push_back("general.alignment");
        return keys;
    }());

    auto checkEntry = [&](const std::string &key, const GgufValue &value) {
        SCOPED_TRACE("key " + key + ": " + value.describe());
        ASSERT_TRUE(refMeta.contains(key)) << "the reference does not see the key";
        EXPECT_EQ(refTypes.at(key), typeJson(value));
        EXPECT_EQ(refMeta.at(key), valueJson(value));
    };
    for (const GgufKeyValue &kv : metadata) checkEntry(kv.key, kv.value);
    if (setting != AlignmentSetting::Default) checkEntry("general.alignment", GgufValue(alignment));
    for (const GgufKeyValue &kv : ours.metadata()) EXPECT_EQ(refMeta.at(kv.key), valueJson(kv.value)) << kv.key;

    // Tensors: names, dims (the library gives them as stored: innermost first, i.e. our
    // torch-order shape reversed), ggml type ids, offsets; the data section where we put it.
    const std::uint64_t dataOffset = std::stoull(ref.at("tensor_data_offset").get<std::string>());
    EXPECT_EQ(dataOffset, ours.dataOffset());
    EXPECT_EQ(dataOffset % alignment, 0u);
    const json &refTensors = ref.at("tensors");
    ASSERT_EQ(refTensors.size(), tensors.size());
    const std::string bytes = test::readFile(path);
    std::uint64_t expectedOffset = 0;
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        const TensorCase &t = tensors[i];
        const json &r = refTensors[i];
        SCOPED_TRACE("tensor " + t.name + " " + std::string(ggmlTypeName(t.type)));
        EXPECT_EQ(r.at("name"), t.name);
        json dims = json::array();
        for (auto it = t.shape.rbegin(); it != t.shape.rend(); ++it) dims.push_back(std::to_string(*it));
        EXPECT_EQ(r.at("shape"), dims);
        EXPECT_EQ(r.at("n_dims"), t.shape.size());
        EXPECT_EQ(r.at("dtype"), static_cast<std::uint32_t>(t.type));

        const std::uint64_t offset = std::stoull(r.at("offset").get<std::string>());
        EXPECT_EQ(offset, ours.tensors()[i].offset);
        EXPECT_EQ(offset, expectedOffset);
        EXPECT_EQ(offset % alignment, 0u);
        const std::uint64_t size = *ggmlByteSize(t.type, static_cast<std::uint64_t>(elementCount(t.shape)));
        expectedOffset = alignUp(expectedOffset + size, alignment);

        ASSERT_LE(dataOffset + offset + size, bytes.size());
        EXPECT_EQ(decodeAt(bytes, dataOffset + offset, t.type, elementCount(t.shape)), t.data);
    }
    EXPECT_EQ(bytes.size(), dataOffset + expectedOffset) << "the file ends after the last tensor's padding";
}

INSTANTIATE_TEST_SUITE_P(Alignments, GgufReference,
                         testing::Values(AlignmentSetting::Default, AlignmentSetting::Explicit32,
                                         AlignmentSetting::Key64, AlignmentSetting::Setter64),
                         [](const testing::TestParamInfo<AlignmentSetting> &info) { return settingName(info.param); });

// A file with no tensors and no metadata, the smallest valid GGUF.
TEST(GgufReferenceEdge, EmptyFile)
{
    const std::string missing = referenceMissing();
    ASSERT_TRUE(missing.empty()) << missing << "\n" << kFetchHint << ".";
    test::TempDir dir;
    const std::string path = dir.file("empty.gguf");
    GgufWriter().write(path);
    const json ref = dumpWithReference(dir, path);
    ASSERT_FALSE(ref.is_null());
    EXPECT_EQ(ref.at("version"), 3);
    EXPECT_EQ(ref.at("tensor_count"), "0");
    EXPECT_EQ(ref.at("kv_count"), "0");
    EXPECT_TRUE(ref.at("metadata").empty());
    EXPECT_TRUE(ref.at("tensors").empty());
    EXPECT_EQ(std::stoull(ref.at("tensor_data_offset").get<std::string>()), GgufFile::open(path).dataOffset());
}

} // namespace
} // namespace llmos
