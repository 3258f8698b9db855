// Activation checkpointing on the tiny GPT-2 and Llama: the gradients equal a plain
// run's for full fine-tuning, LoRA with dropout and prefix tuning; backward really
// recomputes each layer; inference and the cache path never checkpoint; the memory
// estimate counts the saving.

#include "training/activationcheckpointing.h"
#include "training/memoryestimate.h"

#include "methods/methodfactory.h"
#include "methods_fixture.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <map>
#include <string>

namespace llmos {
namespace {

using test::Family;

// Counts what the decoder loop asks for: runs of a layer through checkpointing, and how
// often the layers themselves execute (the first pass plus the recomputation).
class CountingCheckpointing : public LayerCheckpointing {
public:
    explicit CountingCheckpointing(std::vector<torch::Tensor> trained) : m_inner(std::move(trained)) {}

    torch::Tensor run(const Layer &layer, const torch::Tensor &x) override
    {
        ++runs;
        auto executions = m_executions;
        return m_inner.run([layer, executions](const torch::Tensor &input) {
            ++*executions;
            return layer(input);
        }, x);
    }

    int executions() const { return *m_executions; }
    int runs = 0;

private:
    ActivationCheckpointing m_inner;
    std::shared_ptr<int> m_executions = std::make_shared<int>(0);
};

struct Gradients {
    double loss = 0;
    std::map<std::string, torch::Tensor> byName;
};

struct Case {
    Family family;
    const char *method;
};

class Checkpointing : public ::testing::TestWithParam<Case> {
protected:
    static void SetUpTestSuite() { torch::set_num_threads(1); }

    // A fresh copy of the base with the method attached as the trainer does it (all
    // frozen, then the method), trainable values randomised so LoRA's B is not zero.
    test::Attached attached(std::unique_ptr<FineTuningMethod> &method)
    {
        auto a = test::attachedModel(m_base);
        for (auto &p : a.model->parameters())
            p.set_requires_grad(false);
        nlohmann::json spec = {{"kind", GetParam().method}};
        if (spec["kind"] == "lora")
            spec.update({{"rank", 4}, {"dropout", 0.2}, {"target_modules", {"all-linear"}}});
        method = makeFineTuningMethod(spec);
        auto target = a.target();
        method->attach(target);
        torch::manual_seed(5);
        test::randomizeTrainable(*a.model, 0.05);
        return a;
    }

    static std::vector<torch::Tensor> trainedOf(CausalLmImpl &model)
    {
        std::vector<torch::Tensor> trained;
        for (const auto &p : model.parameters())
            if (p.requires_grad())
                trained.push_back(p);
        return trained;
    }

    static Gradients gradients(CausalLmImpl &model, const FineTuningMethod &method)
    {
        model.train();
        const auto ids = test::sampleIds();
        torch::manual_seed(11); // the same dropout masks in both runs
        auto logits = model.forward(ids).narrow(1, method.virtualTokens(), ids.size(1));
        const auto loss = -nextTokenLogprobs(logits, ids).mean();
        loss.backward();
        Gradients result;
        result.loss = loss.item<double>();
        for (const auto &item : model.named_parameters(true))
            if (item.value().requires_grad()) {
                EXPECT_TRUE(item.value().grad().defined()) << item.key() << " got no gradient";
                if (item.value().grad().defined())
                    result.byName[item.key()] = item.value().grad().clone();
            }
        return result;
    }

    test::MethodsModel m_base{GetParam().family};
};

TEST_P(Checkpointing, GradientsEqualThoseOfAPlainRun)
{
    std::unique_ptr<FineTuningMethod> plainMethod;
    auto plain = attached(plainMethod);
    const auto expected = gradients(*plain.model, *plainMethod);

    std::unique_ptr<FineTuningMethod> method;
    auto checkpointed = attached(method);
    auto counting = std::make_shared<CountingCheckpointing>(trainedOf(*checkpointed.model));
    checkpointed.model->setLayerCheckpointing(counting);
    const auto actual = gradients(*checkpointed.model, *method);

    const auto layers = checkpointed.config.numLayers;
    EXPECT_EQ(counting->runs, layers);
    EXPECT_EQ(counting->executions(), 2 * layers); // the forward pass, then backward's recomputation
    EXPECT_NEAR(actual.loss, expected.loss, 1e-6);
    ASSERT_EQ(actual.byName.size(), expected.byName.size());
    ASSERT_FALSE(expected.byName.empty());
    double largest = 0;
    for (const auto &[name, grad] : expected.byName) {
        SCOPED_TRACE(name);
        ASSERT_TRUE(actual.byName.contains(name));
        EXPECT_TRUE(torch::allclose(actual.byName.at(name), grad, 1e-5, 1e-7))
            << "largest difference " << (actual.byName.at(name) - grad).abs().max().item<double>();
        largest = std::max(largest, grad.abs().max().item<double>());
    }
    EXPECT_GT(largest, 0.0); // a vacuous comparison of zeros would prove nothing
}

TEST_P(Checkpointing, InferenceAndTheCacheNeverCheckpoint)
{
    std::unique_ptr<FineTuningMethod> method;
    auto a = attached(method);
    const auto ids = test::sampleIds();
    const auto expected = test::logitsOf(*a.model, ids);
    auto counting = std::make_shared<CountingCheckpointing>(trainedOf(*a.model));
    a.model->setLayerCheckpointing(counting);
    EXPECT_TRUE(torch::equal(test::logitsOf(*a.model, ids), expected)); // eval, no autograd
    a.model->train();
    auto cache = a.model->makeCache();
    a.model->forward(ids, {}, &cache); // training mode with a cache: the plain path
    a.model->eval();
    a.model->forward(ids); // autograd on, eval mode
    EXPECT_EQ(counting->runs, 0);
}

INSTANTIATE_TEST_SUITE_P(Methods, Checkpointing,
                         ::testing::Values(Case{Family::Llama, "full"}, Case{Family::Llama, "lora"},
                                           Case{Family::Llama, "prefix"}, Case{Family::Gpt2, "full"},
                                           Case{Family::Gpt2, "lora"}, Case{Family::Gpt2, "prefix"}),
                         [](const auto &info) {
                             return std::string(test::familyName(info.param.family)) + "_" + info.param.method;
                         });

TEST(CheckpointingMemory, EstimateKeepsOneLayerInputPerLayer)
{
    TrainingMemoryInput in;
    in.config.hiddenSize = 64;
    in.config.intermediateSize = 256;
    in.config.numLayers = 12;
    in.config.numHeads = 4;
    in.config.vocabSize = 100;
    in.batchSize = 2;
    in.seqLen = 128;
    const auto plain = estimateTrainingMemory(in);
    in.activationCheckpointing = true;
    const auto checkpointed = estimateTrainingMemory(in);
    const std::uint64_t tokens = 2 * 128;
    const std::uint64_t perLayer = kActivationFloatsPerHidden * 64 + 4 * 256 + 2 * 4 * 128;
    EXPECT_EQ(plain.activations, tokens * 4 * (12 * perLayer + 3 * 100));
    EXPECT_EQ(checkpointed.activations, tokens * 4 * (12 * 64 + perLayer + 3 * 100));
    EXPECT_LT(checkpointed.activations * 4, plain.activations);
    EXPECT_EQ(checkpointed.weights, plain.weights);
}

} // namespace
} // namespace llmos
