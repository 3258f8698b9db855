// Dropout for fine-tuning (training.dropout): every family drops only in train() mode,
// the same seed draws the same masks, and a probability of 0 is the plain model.

#include "architectures/bertmodel.h"
#include "architectures/causallmloader.h"
#include "model/modelconfig.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <functional>

namespace llmos {
namespace {

void randomise(torch::nn::Module &model)
{
    torch::NoGradGuard noGrad;
    torch::manual_seed(3);
    for (auto &parameter : model.parameters())
        parameter.normal_(0.0, 0.3);
}

// `forward` runs the model on a fixed input; `setDropout` sets the probability.
void expectDropoutOnlyWhileTraining(torch::nn::Module &model, const std::function<torch::Tensor()> &forward,
                                    const std::function<void(double)> &setDropout)
{
    torch::NoGradGuard noGrad;
    model.eval();
    const auto reference = forward();
    setDropout(0.3);
    EXPECT_TRUE(torch::equal(forward(), reference)) << "evaluation must not drop";

    model.train();
    torch::manual_seed(1);
    const auto first = forward();
    torch::manual_seed(1);
    const auto again = forward();
    torch::manual_seed(2);
    const auto other = forward();
    EXPECT_TRUE(torch::equal(first, again)) << "the same seed must draw the same masks";
    EXPECT_FALSE(torch::allclose(first, reference)) << "training with dropout must change the output";
    EXPECT_FALSE(torch::equal(first, other)) << "another seed must draw other masks";

    setDropout(0);
    EXPECT_TRUE(torch::allclose(forward(), reference, 1e-6, 1e-6)) << "probability 0 is the plain model";
}

TEST(TrainingDropout, DecodersDropOnlyWhileTraining)
{
    const nlohmann::json configs[] = {
        {{"model_type", "gpt2"}, {"vocab_size", 32}, {"n_embd", 16}, {"n_layer", 2}, {"n_head", 2},
         {"n_positions", 32}},
        {{"model_type", "llama"}, {"vocab_size", 32}, {"hidden_size", 16}, {"intermediate_size", 24},
         {"num_hidden_layers", 2}, {"num_attention_heads", 2}, {"num_key_value_heads", 1},
         {"max_position_embeddings", 32}}};
    const auto ids = torch::tensor({{5, 9, 23, 30, 7, 1}}, torch::kLong);
    for (const auto &json : configs) {
        SCOPED_TRACE(json.dump());
        auto model = buildCausalLm(parseModelConfig(json, "config.json"));
        randomise(*model);
        expectDropoutOnlyWhileTraining(
            *model, [&] { return model->forward(ids); }, [&](double p) { model->setDropout(p); });
    }
}

TEST(TrainingDropout, BertDropsOnlyWhileTraining)
{
    const nlohmann::json json = {{"model_type", "bert"}, {"vocab_size", 11}, {"hidden_size", 8},
                                 {"intermediate_size", 12}, {"num_hidden_layers", 2}, {"num_attention_heads", 2},
                                 {"max_position_embeddings", 16}, {"type_vocab_size", 2}, {"hidden_act", "gelu"}};
    BertModel model(parseModelConfig(json, "config.json"), /*withPooler=*/false);
    randomise(*model);
    const auto ids = torch::tensor({{2, 5, 7, 4, 3}}, torch::kLong);
    expectDropoutOnlyWhileTraining(
        *model, [&] { return model->forward(ids); }, [&](double p) { model->setDropout(p); });
}

} // namespace
} // namespace llmos
