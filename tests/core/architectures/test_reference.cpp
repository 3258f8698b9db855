// Our causal LMs against an independent PyTorch implementation
// (tests/tools/reference/torch_reference.py): tiny seeded models in Hugging Face layout,
// next-token log-probabilities within 1e-4.
#include "architectures/causallmloader.h"
#include "architectures/tokenscorer.h"
#include "formats/safetensorsweights.h"
#include "formats/tensorload.h"
#include "referencemodels.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

using namespace llmos;
using test::idsTensor;
using test::maxAbs;
using test::reference;

namespace {

constexpr double kTolerance = 1e-4;
// The models torch_reference.py writes; the suite checks it wrote exactly these.
const std::vector<std::string> kModels{
    "gpt2", "gpt2-untied", "gpt2-legacy-names", "llama-gqa-llama3", "llama-gqa-llama3-sharded",
    "llama-gqa-llama3-bf16", "llama-linear-tied-f16", "mistral-sliding-window", "qwen2", "qwen2-bf16",
    "llama-quantization-source", "llama-int8-compressed", "llama-int4-compressed",
};

bool hasParameter(const CausalLm &model, const std::string &name)
{
    return model->named_parameters().find(name) != nullptr;
}

// ---------------------------------------------------------------------------------------

class ReferenceModel : public ::testing::TestWithParam<std::string> {};

TEST_P(ReferenceModel, LogprobsMatchTheIndependentImplementation)
{
    REQUIRE_REFERENCE();
    const auto &expected = reference().model(GetParam());
    const auto scorer = TokenScorer::open(reference().folder(GetParam()));
    auto model = loadCausalLm(reference().folder(GetParam()));
    torch::NoGradGuard noGrad;

    double worstLogprob = 0;
    double worstLogit = 0;
    for (const auto &sequence : expected.at("sequences")) {
        const auto ids = sequence.at("ids").get<std::vector<std::int64_t>>();
        const auto want = sequence.at("logprobs").get<std::vector<double>>();
        const auto got = scorer.score(ids);
        ASSERT_EQ(got.logprobs.size(), want.size());
        for (std::size_t i = 0; i < want.size(); ++i) {
            EXPECT_NEAR(got.logprobs[i], want[i], kTolerance) << GetParam() << " token " << i + 1;
            worstLogprob = std::max(worstLogprob, std::abs(got.logprobs[i] - want[i]));
        }
        const double wantPerplexity = sequence.at("perplexity").get<double>();
        EXPECT_NEAR(got.perplexity / wantPerplexity, 1.0, kTolerance) << GetParam();

        const auto logits = model->forward(idsTensor(ids))[0][-1];
        const auto wantLogits = torch::tensor(sequence.at("last_logits").get<std::vector<double>>(), torch::kDouble);
        worstLogit = std::max(worstLogit, maxAbs(logits, wantLogits));
    }
    EXPECT_LT(worstLogit, kTolerance) << GetParam();
    RecordProperty("max_abs_logprob_difference", std::to_string(worstLogprob));
    std::printf("[ reference] %-26s max |logprob diff| %.3g, max |last logit diff| %.3g\n", GetParam().c_str(),
                worstLogprob, worstLogit);
}

INSTANTIATE_TEST_SUITE_P(TorchReference, ReferenceModel, ::testing::ValuesIn(kModels),
                         [](const auto &info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(TorchReference, WroteExactlyTheModelsTheSuiteChecks)
{
    REQUIRE_REFERENCE();
    std::vector<std::string> written;
    for (const auto &m : reference().expected.at("models"))
        written.push_back(m.at("name").get<std::string>());
    std::sort(written.begin(), written.end());
    auto listed = kModels;
    std::sort(listed.begin(), listed.end());
    EXPECT_EQ(written, listed);
}

TEST(TorchReference, TiedHeadsHaveNoLmHeadParameter)
{
    REQUIRE_REFERENCE();
    EXPECT_FALSE(hasParameter(loadCausalLm(reference().folder("gpt2")), "lm_head.weight"));
    EXPECT_TRUE(hasParameter(loadCausalLm(reference().folder("gpt2-untied")), "lm_head.weight"));
    EXPECT_FALSE(hasParameter(loadCausalLm(reference().folder("llama-linear-tied-f16")), "lm_head.weight"));
    EXPECT_TRUE(hasParameter(loadCausalLm(reference().folder("llama-gqa-llama3")), "lm_head.weight"));
    EXPECT_FALSE(hasParameter(loadCausalLm(reference().folder("qwen2")), "lm_head.weight"));
}

// GPT-2's Conv1D weights are [in, out]. attn.c_proj is square, so a loader that used them
// as [out, in] would pass every shape check: only the numbers tell. Transposing them in
// the file must move the log-probabilities well away from the reference.
TEST(TorchReference, Gpt2Conv1dLayoutIsWhatTheReferenceChecks)
{
    REQUIRE_REFERENCE();
    const auto source = reference().folder("gpt2");
    const auto weights = SafetensorsWeights::openFolder(source);
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    for (const auto &[name, entry] : weights.tensors()) {
        auto t = toTorch(entry).clone();
        if (name.ends_with("attn.c_proj.weight")) {
            ASSERT_EQ(t.size(0), t.size(1)) << name;
            t = t.t().contiguous();
        }
        tensors.emplace_back(name, t);
    }
    test::TempDir dir;
    std::filesystem::copy_file(source + "/config.json", dir.file("config.json"));
    writeSafetensors(dir.file("model.safetensors"), tensors);

    const auto &sequence = reference().model("gpt2").at("sequences").at(0);
    const auto ids = sequence.at("ids").get<std::vector<std::int64_t>>();
    const auto want = sequence.at("logprobs").get<std::vector<double>>();
    const auto got = TokenScorer::open(dir.path()).score(ids).logprobs;
    double worst = 0;
    for (std::size_t i = 0; i < want.size(); ++i)
        worst = std::max(worst, std::abs(got[i] - want[i]));
    EXPECT_GT(worst, 1e-2);
}

// ---------------------------------------------------------------------------------------
// Consistency of the forward pass's own options, on the reference models.

class ForwardOptions : public ::testing::TestWithParam<std::string> {};

TEST_P(ForwardOptions, KvCacheGivesTheLogitsOfOneCall)
{
    REQUIRE_REFERENCE();
    auto model = loadCausalLm(reference().folder(GetParam()));
    const auto ids = idsTensor(reference().model(GetParam()).at("sequences").at(0).at("ids").get<std::vector<std::int64_t>>());
    torch::NoGradGuard noGrad;
    const auto full = model->forward(ids);

    auto cache = model->makeCache();
    const std::int64_t prefix = 5;
    std::vector<torch::Tensor> pieces{model->forward(ids.narrow(1, 0, prefix), {}, &cache)};
    for (std::int64_t i = prefix; i < ids.size(1); ++i)
        pieces.push_back(model->forward(ids.narrow(1, i, 1), {}, &cache));
    EXPECT_EQ(cache.length(), ids.size(1));
    EXPECT_LT(maxAbs(torch::cat(pieces, 1), full), 1e-4);
}

// Batch-1 decoding on the CPU runs hand-written row kernels and fused projections
// (llamamodel.h); the steps above must have taken that path to test it.
TEST_P(ForwardOptions, DecodeStepsTakeTheRowPathWhereItApplies)
{
    REQUIRE_REFERENCE();
    auto model = loadCausalLm(reference().folder(GetParam()));
    const bool llama = model->config().family == ModelFamily::Llama;
    {
        torch::NoGradGuard noGrad;
        EXPECT_EQ(model->rowDecodeReady(), llama) << "loading fuses the projections";
    }
    EXPECT_FALSE(model->rowDecodeReady()) << "autograd on: the parameters must get gradients";
    if (!llama)
        return;

    const auto parameters = model->named_parameters().size();
    model->to(torch::kDouble);
    model->to(torch::kFloat);
    torch::NoGradGuard noGrad;
    EXPECT_FALSE(model->rowDecodeReady()) << "a dtype round trip gives each parameter its own storage";
    model->fuseProjections();
    EXPECT_TRUE(model->rowDecodeReady());
    EXPECT_EQ(model->named_parameters().size(), parameters) << "fusing keeps the checkpoint's parameters";
    EXPECT_TRUE(model->named_parameters().find("model.layers.0.self_attn.k_proj.weight") != nullptr);

    // Writing a part's parameter (as loading or an optimizer step does) shows in the fused
    // product: the parts are views of it.
    const auto ids = idsTensor(reference().model(GetParam()).at("sequences").at(0).at("ids").get<std::vector<std::int64_t>>());
    const auto before = model->forward(ids);
    model->named_parameters()["model.layers.0.mlp.up_proj.weight"].mul_(0.5);
    EXPECT_TRUE(model->rowDecodeReady());
    auto cache = model->makeCache();
    model->forward(ids.narrow(1, 0, ids.size(1) - 1), {}, &cache);
    const auto lastByRow = model->forward(ids.narrow(1, ids.size(1) - 1, 1), {}, &cache)[0][0];
    const auto after = model->forward(ids)[0][-1];
    EXPECT_GT(maxAbs(after, before[0][-1]), 1e-3);
    EXPECT_LT(maxAbs(lastByRow, after), 1e-4);
}

// The scorer runs the LM head a chunk of positions at a time; across chunk boundaries it
// must give what one forward pass gives.
TEST(TokenScorer, LongSequenceScoresEqualOneForwardPass)
{
    REQUIRE_REFERENCE();
    for (const std::string name : {"llama-gqa-llama3", "qwen2", "mistral-sliding-window"}) {
        const auto folder = reference().folder(name);
        auto model = loadCausalLm(folder);
        const auto vocab = model->config().vocabSize;
        const auto length = std::min<std::int64_t>(300, model->config().maxPositionEmbeddings);
        ASSERT_GT(length, 129) << name << ": the test needs more than one chunk of 128 positions";
        std::vector<std::int64_t> ids;
        for (std::int64_t i = 0; i < length; ++i)
            ids.push_back((i * 7919 + 13) % vocab);
        const auto got = TokenScorer::open(folder).score(ids).logprobs;
        torch::NoGradGuard noGrad;
        const auto input = idsTensor(ids);
        const auto want = nextTokenLogprobs(model->forward(input), input)[0];
        ASSERT_EQ(static_cast<std::int64_t>(got.size()), want.size(0)) << name;
        EXPECT_LT(maxAbs(torch::tensor(got, torch::kDouble), want), 1e-5) << name;
    }
}

TEST_P(ForwardOptions, PaddedBatchGivesTheLogitsOfEachSequence)
{
    REQUIRE_REFERENCE();
    auto model = loadCausalLm(reference().folder(GetParam()));
    const auto &sequences = reference().model(GetParam()).at("sequences");
    const auto longIds = sequences.at(0).at("ids").get<std::vector<std::int64_t>>();
    const auto shortIds = sequences.at(1).at("ids").get<std::vector<std::int64_t>>();
    const auto n = static_cast<std::int64_t>(longIds.size());
    const auto m = static_cast<std::int64_t>(shortIds.size());
    torch::NoGradGuard noGrad;
    const auto longLogits = model->forward(idsTensor(longIds))[0];
    const auto shortLogits = model->forward(idsTensor(shortIds))[0];

    for (const bool left : {false, true}) {
        auto batch = torch::zeros({2, n}, torch::kLong);
        auto mask = torch::zeros({2, n}, torch::kLong);
        batch[0] = torch::tensor(longIds, torch::kLong);
        mask[0].fill_(1);
        const auto start = left ? n - m : 0;
        batch[1].narrow(0, start, m).copy_(torch::tensor(shortIds, torch::kLong));
        mask[1].narrow(0, start, m).fill_(1);
        const auto logits = model->forward(batch, mask);
        EXPECT_FALSE(logits.isnan().any().item<bool>()) << (left ? "left" : "right") << " padding";
        EXPECT_LT(maxAbs(logits[0], longLogits), 1e-4) << (left ? "left" : "right") << " padding";
        EXPECT_LT(maxAbs(logits[1].narrow(0, start, m), shortLogits), 1e-4) << (left ? "left" : "right") << " padding";
    }
}

// A decode step of several sequences on the row path, as continuous batching runs it:
// each sequence prefilled alone, the caches merged (the shorter one left-padded, masked),
// then one step for both. Each row gets bit for bit the hidden state its sequence gets
// when decoded alone (the same kernels, the same rounding), which the tensor path could
// not give; and logits within 1e-4 of one forward pass over the whole sequence.
TEST_P(ForwardOptions, ADecodeStepOfSeveralSequencesGivesEachItsOwnLogits)
{
    REQUIRE_REFERENCE();
    auto model = loadCausalLm(reference().folder(GetParam()));
    torch::NoGradGuard noGrad;
    const auto &sequences = reference().model(GetParam()).at("sequences");
    const auto longIds = sequences.at(0).at("ids").get<std::vector<std::int64_t>>();
    const auto shortIds = sequences.at(1).at("ids").get<std::vector<std::int64_t>>();
    const auto n = static_cast<std::int64_t>(longIds.size());
    const auto m = static_cast<std::int64_t>(shortIds.size());
    ASSERT_GT(n, m);
    // Everything but a sequence's last token goes into its cache; the last one is the step.
    auto prefilled = [&](const std::vector<std::int64_t> &ids) {
        auto cache = model->makeCache();
        const auto all = idsTensor(ids);
        model->forward(all.narrow(1, 0, all.size(1) - 1), {}, &cache);
        return cache;
    };
    auto lastStep = [&](const std::vector<std::int64_t> &ids, KvCache &cache) {
        return model->hiddenStates(idsTensor({ids.back()}), {}, &cache)[0][0];
    };
    auto longCache = prefilled(longIds);
    auto shortCache = prefilled(shortIds);
    const auto longAlone = lastStep(longIds, longCache);
    const auto shortAlone = lastStep(shortIds, shortCache);

    auto merged = prefilled(longIds);
    auto joining = prefilled(shortIds);
    joining.padLeft(n - m);
    merged.appendBatch(joining);
    auto mask = torch::ones({2, n}, torch::kLong);
    mask[1].narrow(0, 0, n - m).zero_();
    const auto step = torch::tensor({longIds.back(), shortIds.back()}, torch::kLong).view({2, 1});
    // Hidden states: the LM head after them is one product for all rows, rounded as a GEMM.
    const auto batched = model->hiddenStates(step, mask, &merged);
    const auto logits = model->logits(batched);
    EXPECT_LT(maxAbs(logits[0][0], model->forward(idsTensor(longIds))[0][-1]), 1e-4);
    EXPECT_LT(maxAbs(logits[1][0], model->forward(idsTensor(shortIds))[0][-1]), 1e-4);
    if (model->rowDecodeReady()) {
        EXPECT_TRUE(torch::equal(batched[0][0], longAlone)) << "the row path serves every row as it serves one";
        EXPECT_TRUE(torch::equal(batched[1][0], shortAlone)) << "the row path serves every row as it serves one";
    }
}

INSTANTIATE_TEST_SUITE_P(TorchReference, ForwardOptions,
                         ::testing::Values("gpt2", "llama-gqa-llama3", "mistral-sliding-window", "qwen2"),
                         [](const auto &info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

} // namespace
