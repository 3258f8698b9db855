#include "methods_fixture.h"

#include "architectures/causallmloader.h"
#include "tinymodel.h"

namespace llmos::test {

const char *familyName(Family family) { return family == Family::Llama ? "Llama" : "Gpt2"; }

MethodsModel::MethodsModel(Family family, std::uint64_t seed)
    : m_folder(m_dir.file("base"))
{
    writeTinyModel(m_folder, family == Family::Llama ? TinyFamily::Llama : TinyFamily::Gpt2, seed);
}

CausalLm MethodsModel::load() const { return loadCausalLm(m_folder); }

Attached attachedModel(const MethodsModel &base)
{
    auto model = base.load();
    auto config = model->config();
    return {model, config};
}

torch::Tensor sampleIds()
{
    return torch::tensor({{3, 17, 42, 99, 5, 250, 61}, {7, 7, 120, 33, 2, 18, 200}}, torch::kLong);
}

torch::Tensor logitsOf(CausalLmImpl &model, const torch::Tensor &ids)
{
    torch::NoGradGuard noGrad;
    model.eval();
    return model.forward(ids);
}

std::map<std::string, torch::Tensor> snapshot(const torch::nn::Module &model)
{
    std::map<std::string, torch::Tensor> values;
    for (const auto &item : model.named_parameters(/*recurse=*/true))
        values[item.key()] = item.value().detach().clone();
    return values;
}

void trainSteps(CausalLmImpl &model, FineTuningMethod &method, int steps, double rate)
{
    model.train();
    std::vector<torch::Tensor> trained;
    for (const auto &p : model.parameters())
        if (p.requires_grad())
            trained.push_back(p);
    const auto ids = sampleIds();
    for (int step = 1; step <= steps; ++step) {
        for (auto &p : trained)
            p.mutable_grad() = torch::Tensor();
        auto logits = model.forward(ids);
        // Prompt tuning's virtual positions come first: drop them before the loss.
        logits = logits.narrow(1, method.virtualTokens(), ids.size(1));
        auto loss = -nextTokenLogprobs(logits, ids).mean();
        if (auto extra = method.extraLoss(); extra.defined())
            loss = loss + extra;
        loss.backward();
        {
            torch::NoGradGuard noGrad;
            for (auto &p : trained)
                if (p.grad().defined())
                    p.sub_(p.grad() * rate);
        }
        method.afterOptimizerStep(step, steps);
    }
    model.eval();
}

void randomizeTrainable(torch::nn::Module &model, double scale)
{
    torch::NoGradGuard noGrad;
    for (auto &p : model.parameters())
        if (p.requires_grad())
            p.copy_(torch::randn_like(p) * scale);
}

} // namespace llmos::test
