// Weight-only quantization (quantizedmatrix.h, causallmquantization.h): the rounding of
// each scheme, the packed 4-bit layout, a quantized model's decode path (row kernels)
// against its tensor path, save/load round trips in the compressed-tensors layout, how
// close quantized logits and greedy choices stay to fp32 on the PyTorch reference Llama,
// and the errors for what cannot be quantized or loaded. The reference's own compressed
// files (llama-int8/int4-compressed) are checked against its logits in test_reference.
#include "architectures/causallmloader.h"
#include "architectures/causallmquantization.h"
#include "architectures/quantizedmatrix.h"
#include "checkpointfixtures.h"
#include "formats/safetensorsweights.h"
#include "formats/tensorload.h"
#include "referencemodels.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <filesystem>
#include <cstdio>
#include <fstream>

using namespace llmos;
using test::errorOf;
using test::idsTensor;
using test::maxAbs;
using test::reference;
using test::TempDir;

namespace {

const WeightQuantization kInt8{8, 0, true};
const WeightQuantization kInt4{4, 32, true};

std::vector<std::int64_t> sequence(const std::string &model, int index = 0)
{
    return reference().model(model).at("sequences").at(index).at("ids").get<std::vector<std::int64_t>>();
}

// Logits of every position, one call.
torch::Tensor logitsOf(CausalLmImpl &model, const std::vector<std::int64_t> &ids)
{
    torch::NoGradGuard noGrad;
    return model.forward(idsTensor(ids))[0];
}

// The logits of the last `steps` positions decoded one token at a time with a cache (the
// row path on the CPU), after a prefill of the rest.
torch::Tensor decodedLogits(CausalLmImpl &model, const std::vector<std::int64_t> &ids, std::int64_t steps)
{
    torch::NoGradGuard noGrad;
    const auto all = idsTensor(ids);
    auto cache = model.makeCache();
    const auto prefill = all.size(1) - steps;
    model.forward(all.narrow(1, 0, prefill), {}, &cache);
    std::vector<torch::Tensor> out;
    for (auto i = prefill; i < all.size(1); ++i)
        out.push_back(model.forward(all.narrow(1, i, 1), {}, &cache)[0]);
    return torch::cat(out, 0);
}

std::uintmax_t weightFileBytes(const std::string &folder)
{
    return std::filesystem::file_size(std::filesystem::path(folder) / "model.safetensors");
}

} // namespace

// Round to nearest: every weight within half a step of its value; the 4-bit layout is
// column 2j in the low nibble of byte j, stored + 8.
TEST(QuantizedMatrix, RoundsEachWeightToWithinHalfAStep)
{
    torch::manual_seed(3);
    const auto w = torch::randn({5, 64});
    const auto int8 = QuantizedMatrix::quantize(w, kInt8);
    EXPECT_EQ(int8.values().scalar_type(), torch::kChar);
    EXPECT_EQ(int8.bytes(), 5 * 64 + 5 * 4);
    const auto step8 = w.abs().amax(1, true) / 127;
    EXPECT_TRUE(((int8.dequantize() - w).abs() <= step8 / 2 + 1e-7).all().item<bool>());

    const auto int4 = QuantizedMatrix::quantize(w, kInt4);
    EXPECT_EQ(int4.values().sizes(), (std::vector<std::int64_t>{5, 32}));
    EXPECT_EQ(int4.scales().sizes(), (std::vector<std::int64_t>{5, 2}));
    const auto step4 = (w.view({5, 2, 32}).abs().amax(2, true) / 7).expand({5, 2, 32}).reshape({5, 64});
    EXPECT_TRUE(((int4.dequantize() - w).abs() <= step4 / 2 + 1e-7).all().item<bool>());

    // The largest weight of a row is exactly representable: +7 steps -> nibble 15.
    auto exact = torch::zeros({1, 32});
    exact[0][0] = 0.7f;  // -> 7 -> stored 15, low nibble of byte 0
    exact[0][1] = -0.3f; // -> -3 -> stored 5, high nibble of byte 0
    exact[0][3] = 0.1f;  // -> 1 -> stored 9, high nibble of byte 1
    const auto packed = QuantizedMatrix::quantize(exact, kInt4);
    const auto *bytes = packed.values().data_ptr<std::uint8_t>();
    EXPECT_EQ(bytes[0], 0x5F);
    EXPECT_EQ(bytes[1], 0x98);
    EXPECT_EQ(bytes[2], 0x88);
    EXPECT_NEAR(packed.scales()[0][0].item<float>(), 0.1f, 1e-7);
    EXPECT_LT(maxAbs(packed.dequantize(), exact), 1e-6);

    EXPECT_EQ(errorOf([&] { QuantizedMatrix::quantize(torch::randn({2, 44}), kInt4); }).kind(), ErrorKind::InvalidInput)
        << "4-bit rows pack eight values to a 32-bit word";
}

// A width the group size does not divide (the demo model's 344) gets a shorter last group;
// the row kernel and the dequantized matrix agree on it.
TEST(QuantizedMatrix, AShorterLastGroupQuantizesAndMultiplies)
{
    torch::manual_seed(5);
    const auto w = torch::randn({5, 80});
    const auto matrix = QuantizedMatrix::quantize(w, kInt4); // groups of 32, 32 and 16
    EXPECT_EQ(matrix.scales().sizes(), (std::vector<std::int64_t>{5, 3}));
    const auto dequantized = matrix.dequantize();
    EXPECT_EQ(dequantized.sizes(), w.sizes());
    const auto tailStep = w.narrow(1, 64, 16).abs().amax(1, true) / 7;
    EXPECT_TRUE(((dequantized.narrow(1, 64, 16) - w.narrow(1, 64, 16)).abs() <= tailStep / 2 + 1e-7).all().item<bool>());
    const auto x = torch::randn({80});
    torch::NoGradGuard noGrad;
    const auto byKernel = quantizedLinear(x, matrix, {});
    const auto want = torch::mv(dequantized.to(torch::kDouble), x.to(torch::kDouble));
    EXPECT_LT(maxAbs(byKernel, want), 1e-4);
    const auto byMatrix = quantizedLinear(torch::stack({x, x}), matrix, {});
    EXPECT_LT(maxAbs(byMatrix[1], want), 1e-4);
}

// The quantized model decodes through the row kernels (and the decode team for the LM
// head) and gives what its own tensor path gives.
TEST(QuantizedModel, DecodeStepsGiveTheLogitsOfOneCall)
{
    REQUIRE_REFERENCE();
    for (const auto &scheme : {kInt8, kInt4}) {
        auto model = loadCausalLm(reference().folder(scheme.bits == 8 ? "llama-int8-compressed" : "llama-int4-compressed"));
        {
            torch::NoGradGuard noGrad;
            EXPECT_TRUE(model->rowDecodeReady()) << scheme.describe();
        }
        ASSERT_TRUE(model->quantization());
        EXPECT_EQ(*model->quantization(), scheme);
        ASSERT_NE(model->quantizedHead(), nullptr);
        const auto ids = sequence("llama-int8-compressed");
        const auto full = logitsOf(*model, ids);
        const auto steps = static_cast<std::int64_t>(ids.size()) - 3;
        EXPECT_LT(maxAbs(decodedLogits(*model, ids, steps), full.narrow(0, 3, steps)), 1e-4) << scheme.describe();
    }
}

// How far the reference's own quantized files (an independent implementation of the same
// schemes) move the last logits from the fp32 source's, relative to their largest: the
// bar our quantization is held to.
double referenceError(const std::string &quantized)
{
    const auto &source = reference().model("llama-quantization-source").at("sequences");
    const auto &other = reference().model(quantized).at("sequences");
    double worst = 0;
    for (std::size_t i = 0; i < source.size(); ++i) {
        const auto want = torch::tensor(source[i].at("last_logits").get<std::vector<double>>(), torch::kDouble);
        const auto got = torch::tensor(other[i].at("last_logits").get<std::vector<double>>(), torch::kDouble);
        worst = std::max(worst, maxAbs(got, want) / want.abs().max().item<double>());
    }
    return worst;
}

// Quantizing the fp32 reference Llama: logits as close to fp32 as the reference's own
// quantized files are (int8 much closer than 4-bit), the same greedy choice at most
// positions, and smaller files that load back to the same logits.
TEST(QuantizedModel, QuantizingKeepsTheModelCloseAndRoundTrips)
{
    REQUIRE_REFERENCE();
    const auto source = reference().folder("llama-quantization-source");
    auto original = loadCausalLm(source);
    std::vector<std::vector<std::int64_t>> sequences;
    for (int i = 0; i < 3; ++i)
        sequences.push_back(sequence("llama-quantization-source", i));
    for (const auto &scheme : {kInt8, kInt4}) {
        auto model = loadCausalLm(source);
        quantizeCausalLm(*model, scheme);
        ASSERT_TRUE(model->quantization());
        EXPECT_TRUE(model->quantization()->quantizedHead) << "the reference's head is untied";
        double worst = 0;
        std::int64_t agree = 0, positions = 0;
        for (const auto &ids : sequences) {
            const auto want = logitsOf(*original, ids);
            const auto got = logitsOf(*model, ids);
            worst = std::max(worst, maxAbs(got[-1], want[-1]) / want[-1].abs().max().item<double>());
            agree += (got.argmax(-1) == want.argmax(-1)).sum().item<std::int64_t>();
            positions += want.size(0);
        }
        const double agreement = static_cast<double>(agree) / static_cast<double>(positions);
        const double bar = referenceError(scheme.bits == 8 ? "llama-int8-compressed" : "llama-int4-compressed");
        std::printf("[ quantize ] %-20s last logits off by %.3g of the largest (reference files: %.3g), "
                    "top-1 agreement %.2f over %lld positions\n",
                    scheme.describe().c_str(), worst, bar, agreement, static_cast<long long>(positions));
        EXPECT_LT(worst, 1.5 * bar) << scheme.describe();
        EXPECT_GE(agreement, scheme.bits == 8 ? 0.9 : 0.5) << scheme.describe();

        TempDir out;
        saveQuantizedCausalLm(*model, out.path());
        auto reloaded = loadCausalLm(out.path());
        EXPECT_EQ(*reloaded->quantization(), *model->quantization());
        EXPECT_TRUE(torch::equal(logitsOf(*reloaded, sequences[0]), logitsOf(*model, sequences[0])));
        const auto fp32Bytes = weightFileBytes(source);
        EXPECT_LT(weightFileBytes(out.path()), fp32Bytes * (scheme.bits == 8 ? 0.45 : 0.35)) << scheme.describe();
        EXPECT_GT(quantizedWeightBytes(*reloaded), 0);
    }
    EXPECT_LT(referenceError("llama-int8-compressed"), referenceError("llama-int4-compressed") / 4)
        << "int8 is far finer than 4-bit";
}

// A tied head stays the fp32 embedding table; the scheme records that.
TEST(QuantizedModel, ATiedHeadStaysFloat)
{
    REQUIRE_REFERENCE();
    auto model = loadCausalLm(reference().folder("llama-linear-tied-f16"));
    quantizeCausalLm(*model, kInt8);
    EXPECT_FALSE(model->quantization()->quantizedHead);
    EXPECT_EQ(model->quantizedHead(), nullptr);
    TempDir out;
    saveQuantizedCausalLm(*model, out.path());
    std::ifstream config(out.file("config.json"));
    EXPECT_EQ(nlohmann::json::parse(config).at("quantization_config").at("ignore"), nlohmann::json::array({"lm_head"}));
    EXPECT_TRUE(torch::equal(logitsOf(*loadCausalLm(out.path()), sequence("llama-linear-tied-f16")),
                             logitsOf(*model, sequence("llama-linear-tied-f16"))));
}

// What cannot be quantized, or loaded as quantized, says what and where.
TEST(QuantizedModel, RefusesWhatItCannotRun)
{
    REQUIRE_REFERENCE();
    auto gpt2 = loadCausalLm(reference().folder("gpt2"));
    EXPECT_EQ(errorOf([&] { quantizeCausalLm(*gpt2, kInt8); }).kind(), ErrorKind::Unsupported);
    auto llama = loadCausalLm(reference().folder("llama-gqa-llama3"));
    // Groups must be a multiple of 32 columns (the kernels' step).
    EXPECT_EQ(errorOf([&] { quantizeCausalLm(*llama, {4, 48, true}); }).kind(), ErrorKind::InvalidInput);
    EXPECT_FALSE(llama->quantization()) << "a refused scheme leaves the model as it was";
    quantizeCausalLm(*llama, kInt8);
    EXPECT_EQ(errorOf([&] { quantizeCausalLm(*llama, kInt8); }).kind(), ErrorKind::InvalidInput);

    // Damaged files: a missing scale, a wrong shape, another quantization method.
    const auto source = reference().folder("llama-int4-compressed");
    std::ifstream in(std::filesystem::path(source) / "config.json");
    const auto config = nlohmann::json::parse(in);
    test::Tensors tensors;
    const auto weights = SafetensorsWeights::openFolder(source);
    for (const auto &[name, entry] : weights.tensors())
        tensors.emplace_back(name, toTorch(entry).clone());

    TempDir noScale;
    test::writeModel(noScale, config, test::without(tensors, "model.layers.1.mlp.down_proj.weight_scale"));
    const auto missing = errorOf([&] { loadCausalLm(noScale.path()); });
    EXPECT_EQ(missing.kind(), ErrorKind::NotFound);
    EXPECT_NE(missing.where().find("model.layers.1.mlp.down_proj.weight_scale"), std::string::npos) << missing.what();

    TempDir badShape;
    test::writeModel(badShape, config,
                     test::replaced(tensors, "model.layers.0.self_attn.q_proj.weight_packed",
                                    torch::zeros({32, 3}, torch::kInt)));
    const auto shape = errorOf([&] { loadCausalLm(badShape.path()); });
    EXPECT_EQ(shape.kind(), ErrorKind::Format);
    EXPECT_NE(shape.where().find("q_proj"), std::string::npos) << shape.what();

    TempDir gptq;
    auto otherMethod = config;
    otherMethod["quantization_config"] = {{"quant_method", "gptq"}, {"bits", 4}};
    test::writeModel(gptq, otherMethod, tensors);
    const auto unsupported = errorOf([&] { loadCausalLm(gptq.path()); });
    EXPECT_EQ(unsupported.kind(), ErrorKind::Unsupported);
    EXPECT_NE(std::string(unsupported.what()).find("gptq"), std::string::npos) << unsupported.what();
}
