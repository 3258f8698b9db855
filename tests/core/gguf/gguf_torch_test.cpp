// The torch bridge: GGUF tensors to torch tensors (row-major shape, dtype kept for plain
// types, float32 for quantized ones) and torch tensors into the writer.

#include "formats/gguf/gguffile.h"
#include "formats/gguf/gguftorch.h"
#include "formats/gguf/ggufwriter.h"
#include "rawgguf.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace llmos {
namespace {

TEST(GgufTorch, PlainTypesKeepTheirDtypeAndRowMajorShape)
{
    const at::Tensor a = torch::arange(24, torch::kFloat).reshape({2, 3, 4});
    GgufWriter w;
    addTorchTensor(w, "f32", a, GgmlType::F32);
    addTorchTensor(w, "f16", a.to(torch::kHalf), GgmlType::F16);
    addTorchTensor(w, "bf16", a, GgmlType::BF16);
    const auto bytes = w.toBytes();
    const GgufFile f = GgufFile::fromBytes(bytes, "t.gguf");
    EXPECT_EQ(f.tensor("f32").ggufDims, (std::vector<std::uint64_t>{4, 3, 2}));

    const at::Tensor f32 = ggufTensorToTorch(f, f.tensor("f32"));
    EXPECT_EQ(f32.scalar_type(), torch::kFloat);
    EXPECT_EQ(f32.sizes().vec(), (std::vector<std::int64_t>{2, 3, 4}));
    EXPECT_TRUE(torch::equal(f32, a));
    const at::Tensor f16 = ggufTensorToTorch(f, f.tensor("f16"));
    EXPECT_EQ(f16.scalar_type(), torch::kHalf);
    EXPECT_TRUE(torch::equal(f16.to(torch::kFloat), a));
    const at::Tensor bf16 = ggufTensorToTorch(f, f.tensor("bf16"));
    EXPECT_EQ(bf16.scalar_type(), torch::kBFloat16);
    EXPECT_TRUE(torch::equal(bf16.to(torch::kFloat), a));
}

TEST(GgufTorch, QuantizedBecomesFloat32MatchingTheCoreDequantizer)
{
    torch::manual_seed(0);
    const at::Tensor a = torch::randn({3, 64});
    GgufWriter w;
    addTorchTensor(w, "q", a, GgmlType::Q8_0);
    const auto bytes = w.toBytes();
    const GgufFile f = GgufFile::fromBytes(bytes, "q.gguf");
    const at::Tensor q = ggufTensorToTorch(f, f.tensor("q"));
    EXPECT_EQ(q.scalar_type(), torch::kFloat);
    EXPECT_EQ(q.sizes().vec(), (std::vector<std::int64_t>{3, 64}));
    const std::vector<float> core = f.dequantize(f.tensor("q"));
    EXPECT_TRUE(torch::equal(q.flatten(), torch::from_blob(const_cast<float *>(core.data()), {192}).clone()));
    EXPECT_LT((q - a).abs().max().item<float>(), a.abs().max().item<float>() / 127.0f);
}

TEST(GgufTorch, BigEndianPlainTensorsAreSwapped)
{
    test::RawGguf be(true);
    be.header(3, 2, 0).tensorInfo("i", {3}, 26, 0).tensorInfo("f", {2}, 0, 32).padTo(32);
    be.u32(1).u32(0xfffffffe).u32(70000).padTo(32).f32(1.5f).f32(-8.0f);
    const GgufFile f = GgufFile::fromBytes(be.bytes(), "be.gguf");
    const at::Tensor i = ggufTensorToTorch(f, f.tensor("i"));
    EXPECT_EQ(i.scalar_type(), torch::kInt);
    EXPECT_TRUE(torch::equal(i, torch::tensor({1, -2, 70000}, torch::kInt)));
    EXPECT_TRUE(torch::equal(ggufTensorToTorch(f, f.tensor("f")), torch::tensor({1.5f, -8.0f})));
}

TEST(GgufTorch, RefusesWhatItCannotConvert)
{
    GgufWriter w;
    w.addEncodedTensor("iq", {256}, GgmlType::IQ2_XXS, std::vector<std::uint8_t>(66));
    const auto bytes = w.toBytes();
    const GgufFile f = GgufFile::fromBytes(bytes, "iq.gguf");
    try {
        ggufTensorToTorch(f, f.tensor("iq"));
        FAIL();
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
        EXPECT_NE(std::string(e.what()).find("'iq' is stored as IQ2_XXS"), std::string::npos) << e.what();
    }
    GgufWriter w2;
    EXPECT_THROW(addTorchTensor(w2, "ints", torch::arange(4), GgmlType::F32), Error);
}

} // namespace
} // namespace llmos
