// What the fine-tuning designer shows before a run: the trainable parameters of a recipe,
// counted on a network built from config.json alone, must be the count the trainer
// reports when it runs the recipe, for every method and both tasks.
#include "training/memoryestimate.h"
#include "training/trainablesummary.h"
#include "training/trainer.h"

#include "errorof.h"
#include "util/error.h"
#include "trainingfixture.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <numeric>
#include <optional>

namespace llmos::test {
namespace {

std::int64_t sumOf(const std::vector<ParameterGroup> &groups, std::int64_t ParameterGroup::*field)
{
    return std::accumulate(groups.begin(), groups.end(), std::int64_t{0},
                           [&](std::int64_t sum, const ParameterGroup &g) { return sum + g.*field; });
}

const ParameterGroup *find(const std::vector<ParameterGroup> &groups, const std::string &name)
{
    for (const auto &group : groups)
        if (group.name == name)
            return &group;
    return nullptr;
}

class TrainableSummaryTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { torch::set_num_threads(1); }
    TrainingFixture fixture;
};

TEST_F(TrainableSummaryTest, CountsWhatTheTrainerTrainsForEveryMethodAndTask)
{
    const std::vector<nlohmann::json> methods = {
        {{"kind", "full"}},
        {{"kind", "freeze"}, {"layers", 1}, {"modules", {"embeddings"}}},
        {{"kind", "bitfit"}},
        {{"kind", "lora"}, {"rank", 4}, {"target_modules", {"q_proj", "down_proj"}}, {"layers_to_transform", {1}}},
        {{"kind", "adalora"}, {"init_rank", 6}, {"target_rank", 2}},
        {{"kind", "adapter"}, {"size", 8}},
        {{"kind", "prefix"}, {"virtual_tokens", 3}, {"projection", true}, {"encoder_hidden", 16}},
        {{"kind", "prompt"}, {"virtual_tokens", 3}, {"init", "text"}, {"init_text", "zzz"}},
    };
    int counted = 0;
    for (const bool classification : {false, true}) {
        for (const auto &method : methods) {
            auto recipe = classification ? fixture.classificationRecipe() : fixture.causalRecipe();
            recipe["method"] = method;
            recipe["training"]["max_steps"] = 1;
            const auto parsed = parseTrainingRecipe(recipe);
            const auto label = method.dump() + (classification ? " classifying" : " on text");
            std::optional<TrainableSummary> summary;
            std::string summaryError, runError;
            try {
                summary = summarizeTrainable(parsed, /*labelCount=*/2); // vowels, buzz
            } catch (const Error &e) {
                summaryError = "recipe: " + e.where() + ": " + e.detail(); // as the trainer words it
            }
            TrainingResult result;
            try {
                TrainerOptions options;
                options.runDirectory = fixture.newRunDirectory();
                result = Trainer(parsed, options).run();
            } catch (const Error &e) {
                runError = e.where() + ": " + e.detail();
            }
            // What the run refuses (prefix tuning of a decoder classifier), the count refuses
            // with the same words; what it runs, the count counts exactly.
            EXPECT_EQ(summaryError, runError) << label;
            if (!summary || !runError.empty())
                continue;
            ++counted;
            EXPECT_EQ(summary->method, method["kind"]) << label;
            EXPECT_EQ(summary->trainableParameters, result.trainableParameters) << label;
            EXPECT_EQ(summary->totalParameters, result.totalParameters) << label;
            EXPECT_EQ(sumOf(summary->modules, &ParameterGroup::parameters), summary->totalParameters) << label;
            EXPECT_EQ(sumOf(summary->modules, &ParameterGroup::trainable), summary->trainableParameters) << label;
            EXPECT_EQ(sumOf(summary->layers, &ParameterGroup::trainable) + summary->outsideLayers.trainable,
                      summary->trainableParameters)
                << label;
        }
    }
    EXPECT_GE(counted, 14); // every method on text, all but the prompt methods when classifying
}

TEST_F(TrainableSummaryTest, SplitsLoraByModuleAndLayer)
{
    auto recipe = fixture.causalRecipe();
    recipe["method"] = {{"kind", "lora"}, {"rank", 4}, {"target_modules", {"q_proj", "v_proj"}},
                        {"layers_to_transform", {1}}};
    const auto summary = summarizeTrainable(parseTrainingRecipe(recipe));
    ASSERT_EQ(summary.layerCount, 2);
    ASSERT_EQ(summary.layers.size(), 2u);
    EXPECT_EQ(summary.layers[0].trainable, 0);
    EXPECT_GT(summary.layers[0].parameters, 0);
    // The fixture's Llama: hidden 32, 4 heads of 8, 2 KV heads: q 32->32, v 32->16.
    EXPECT_EQ(summary.layers[1].trainable, 4 * (32 + 32) + 4 * (32 + 16));
    ASSERT_NE(find(summary.modules, "q_proj"), nullptr);
    EXPECT_EQ(find(summary.modules, "q_proj")->trainable, 4 * (32 + 32));
    EXPECT_EQ(find(summary.modules, "q_proj")->parameters, 2 * 32 * 32 + 4 * (32 + 32));
    EXPECT_EQ(find(summary.modules, "k_proj")->trainable, 0);
    EXPECT_EQ(summary.outsideLayers.trainable, 0);
    for (const auto *kind : {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"})
        EXPECT_NE(std::find(summary.linearModules.begin(), summary.linearModules.end(), kind),
                  summary.linearModules.end())
            << kind;

    // A layer the model does not have, or a module it does not have, is the method's error.
    recipe["method"]["layers_to_transform"] = {7};
    EXPECT_EQ(errorOf([&] { summarizeTrainable(parseTrainingRecipe(recipe)); }).where(),
              "method.layers_to_transform");
    recipe["method"]["layers_to_transform"] = nullptr;
    recipe["method"]["target_modules"] = {"c_attn"};
    EXPECT_EQ(errorOf([&] { summarizeTrainable(parseTrainingRecipe(recipe)); }).where(), "method.target_modules");
}

TEST_F(TrainableSummaryTest, TheMemoryEstimateUsesTheExactTrainableCount)
{
    auto recipe = fixture.causalRecipe();
    recipe["optimizer"] = {{"name", "adamw"}, {"lr", 1e-3}};
    recipe["method"] = {{"kind", "lora"}, {"rank", 4}};
    const auto lora = parseTrainingRecipe(recipe);
    const auto summary = summarizeTrainable(lora);
    const auto memory = estimateTrainingMemory(lora);
    EXPECT_EQ(memory.gradients, static_cast<std::uint64_t>(summary.trainableParameters) * 4);
    EXPECT_EQ(memory.optimizerState, static_cast<std::uint64_t>(summary.trainableParameters) * 8); // 2 moments
    EXPECT_EQ(memory.weights, static_cast<std::uint64_t>(summary.totalParameters) * 4);
}

TEST_F(TrainableSummaryTest, CountingLeavesTheProcessRandomNumbersAlone)
{
    // A run seeds torch's one generator and draws its initial weights from it; counting
    // from the window meanwhile must not take any of them.
    for (auto recipe : {fixture.causalRecipe(), fixture.classificationRecipe()}) { // the head draws too
        recipe["method"] = {{"kind", "lora"}, {"rank", 4}};
        const auto lora = parseTrainingRecipe(recipe);
        torch::manual_seed(3);
        const auto expected = torch::rand({8});
        torch::manual_seed(3);
        summarizeTrainable(lora);
        EXPECT_TRUE(torch::equal(torch::rand({8}), expected)) << recipe["task"].dump();
    }
}

TEST(ModuleKind, IsTheModuleHoldingTheParameter)
{
    EXPECT_EQ(moduleKindOf("model.layers.0.self_attn.q_proj.weight"), "q_proj");
    EXPECT_EQ(moduleKindOf("model.layers.0.self_attn.q_proj.hook.lora_A"), "q_proj");
    EXPECT_EQ(moduleKindOf("transformer.h.11.attn.c_attn.bias"), "c_attn");
    EXPECT_EQ(moduleKindOf("transformer.wte.weight"), "wte");
    EXPECT_EQ(moduleKindOf("bert.encoder.layer.2.attention.self.query.weight"), "query");
    EXPECT_EQ(moduleKindOf("score.weight"), "score");
    EXPECT_EQ(moduleKindOf("blocks.3.weight"), "blocks");
    EXPECT_EQ(moduleKindOf("bias"), "bias");
}

} // namespace
} // namespace llmos::test
