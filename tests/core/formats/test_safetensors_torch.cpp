#include "formats/safetensorswriter.h"
#include "formats/tensorload.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

using namespace llmos;

TEST(SafetensorsTorch, RoundTripsEveryLoadableDtype)
{
    llmos::test::TempDir dir;
    torch::manual_seed(1);
    std::vector<std::pair<std::string, at::Tensor>> tensors{
        {"f32", torch::randn({3, 4})},
        {"f16", torch::randn({5}).to(torch::kHalf)},
        {"bf16", torch::randn({2, 2, 2}).to(torch::kBFloat16)},
        {"f64", torch::randn({3}, torch::kDouble)},
        {"i64", torch::arange(6, torch::kLong).reshape({2, 3})},
        {"i32", torch::arange(4, torch::kInt)},
        {"i16", torch::arange(4, torch::kShort)},
        {"i8", torch::arange(-2, 2, torch::kChar)},
        {"u8", torch::arange(4, torch::kByte)},
        {"bool", torch::tensor({true, false, true})},
        {"transposed", torch::randn({3, 2}).t()},
        {"scalar", torch::tensor(3.5f)},
    };
    const std::string path = dir.file("model.safetensors");
    writeSafetensors(path, tensors, {{"format", "pt"}});

    const auto weights = SafetensorsWeights::openFile(path);
    ASSERT_EQ(weights.tensors().size(), tensors.size());
    for (const auto &[name, expected] : tensors) {
        const auto loaded = toTorch(weights.at(name));
        EXPECT_EQ(loaded.scalar_type(), expected.scalar_type()) << name;
        EXPECT_EQ(loaded.sizes(), expected.sizes()) << name;
        EXPECT_TRUE(torch::equal(loaded, expected)) << name;
    }
}

TEST(SafetensorsTorch, InPlaceChangesNeverReachTheFile)
{
    llmos::test::TempDir dir;
    const std::string path = dir.file("w.safetensors");
    writeSafetensors(path, {{"w", torch::ones({4})}});
    const std::string before = llmos::test::readFile(path);
    {
        auto t = toTorch(SafetensorsWeights::openFile(path).at("w"));
        t.mul_(7);
        EXPECT_EQ(t[0].item<float>(), 7.0f);
    }
    EXPECT_EQ(llmos::test::readFile(path), before);
}

TEST(SafetensorsTorch, TensorOutlivesTheWeightsObject)
{
    llmos::test::TempDir dir;
    const std::string path = dir.file("w.safetensors");
    writeSafetensors(path, {{"w", torch::arange(10, torch::kFloat)}});
    at::Tensor t;
    {
        const auto weights = SafetensorsWeights::openFile(path);
        t = toTorch(weights.at("w"));
    }
    EXPECT_EQ(t.sum().item<float>(), 45.0f);
}

TEST(SafetensorsTorch, TypesWithoutATorchDtypeAreRefusedByName)
{
    llmos::test::TempDir dir;
    const std::string path = dir.file("u16.safetensors");
    const std::vector<std::uint8_t> bytes{1, 0, 2, 0};
    writeSafetensors(path, std::vector<SafetensorsWriteEntry>{{"u", DType::U16, {2}, bytes}});
    try {
        toTorch(SafetensorsWeights::openFile(path).at("u"));
        FAIL();
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
        EXPECT_NE(std::string(e.what()).find("U16"), std::string::npos);
    }
}
