// The admission estimate against what a real run uses: same order of magnitude as the
// peak resident memory a small training run adds to the process.

#include "training/memoryestimate.h"
#include "training/trainer.h"

#include "bytetokenizer.h"
#include "tinymodel.h"
#include "trainingfixture.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <fstream>
#include <sstream>

namespace llmos {
namespace {

// A field of /proc/self/status in bytes (VmRSS, VmHWM).
std::uint64_t procStatusBytes(const std::string &field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.starts_with(field + ":")) {
            std::istringstream value(line.substr(field.size() + 1));
            std::uint64_t kib = 0;
            value >> kib;
            return kib * 1024;
        }
    return 0;
}

TEST(MemoryEstimate, CountsOptimizerStatePerOptimizer)
{
    TrainingMemoryInput in;
    in.config.hiddenSize = 8;
    in.config.numLayers = 1;
    in.config.numHeads = 2;
    in.config.vocabSize = 10;
    in.totalParameters = 1000;
    in.trainableParameters = 100;
    in.optimizer = "adamw";
    EXPECT_EQ(estimateTrainingMemory(in).optimizerState, 800u);
    in.optimizer = "sgd";
    EXPECT_EQ(estimateTrainingMemory(in).optimizerState, 0u);
    in.momentum = 0.9;
    EXPECT_EQ(estimateTrainingMemory(in).optimizerState, 400u);
    EXPECT_EQ(estimateTrainingMemory(in).weights, 4000u);
    EXPECT_EQ(estimateTrainingMemory(in).gradients, 400u);
}

TEST(MemoryEstimate, MatchesTheMeasuredPeakOfASmallRunWithinAFactorOfThree)
{
    torch::set_num_threads(1);
    test::TrainingFixture fixture;
    // Large enough that training memory dwarfs allocator noise: ~4.3 M parameters.
    const auto model = fixture.dir().file("small");
    test::writeTinyModelWeights(model,
                                {{"architectures", {"LlamaForCausalLM"}}, {"model_type", "llama"},
                                 {"vocab_size", test::kTinyVocab}, {"hidden_size", 256}, {"intermediate_size", 1024},
                                 {"num_hidden_layers", 4}, {"num_attention_heads", 4}, {"num_key_value_heads", 4},
                                 {"hidden_act", "silu"}, {"max_position_embeddings", 128}, {"rms_norm_eps", 1e-5},
                                 {"tie_word_embeddings", false}, {"eos_token_id", test::kEndOfText}});
    fixture.dir().write("small/tokenizer.json", test::byteTokenizerJson());
    fixture.dir().write("small/tokenizer_config.json", R"({"eos_token": "<|endoftext|>"})");
    auto recipeJson = fixture.causalRecipe();
    recipeJson["model"]["path"] = model;
    recipeJson["task"]["max_seq_len"] = 64;
    recipeJson["training"]["max_steps"] = 2;
    recipeJson["training"]["batch_size"] = 6;
    const auto recipe = parseTrainingRecipe(recipeJson);
    const auto estimate = estimateTrainingMemory(recipe);

    // Reset the peak (Linux: "5" > clear_refs), then measure what the run adds.
    std::ofstream("/proc/self/clear_refs") << "5";
    const auto before = procStatusBytes("VmRSS");
    TrainerOptions options;
    options.runDirectory = fixture.newRunDirectory();
    Trainer(recipe, options).run();
    const auto peak = procStatusBytes("VmHWM");
    ASSERT_GT(peak, before);
    const double measured = static_cast<double>(peak - before);
    const double estimated = static_cast<double>(estimate.total());
    RecordProperty("estimated_bytes", std::to_string(estimate.total()));
    RecordProperty("measured_bytes", std::to_string(peak - before));
    std::printf("estimate %.1f MB (weights %.1f, gradients %.1f, optimizer %.1f, activations %.1f); measured %.1f MB\n",
                estimated / 1e6, estimate.weights / 1e6, estimate.gradients / 1e6, estimate.optimizerState / 1e6,
                estimate.activations / 1e6, measured / 1e6);
    EXPECT_GT(estimated, measured / 3);
    EXPECT_LT(estimated, measured * 3);
}

} // namespace
} // namespace llmos
