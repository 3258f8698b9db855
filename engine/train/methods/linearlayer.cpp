#include "methods/linearlayer.h"

#include "architectures/causallm.h"
#include "util/error.h"

#include <algorithm>
#include <regex>

namespace llmos {

LinearLayer::LinearLayer(std::string name, std::shared_ptr<ProjectionImpl> projection)
    : m_name(std::move(name))
    , m_projection(std::move(projection))
{
}

LinearLayer::LinearLayer(std::string name, std::shared_ptr<Gpt2Conv1dImpl> conv)
    : m_name(std::move(name))
    , m_conv(std::move(conv))
{
}

std::int64_t LinearLayer::in() const { return weight().size(1); }
std::int64_t LinearLayer::out() const { return weight().size(0); }

torch::Tensor LinearLayer::weight() const { return m_conv ? m_conv->weight.t() : m_projection->weight; }
torch::Tensor LinearLayer::bias() const { return m_conv ? m_conv->bias : m_projection->bias; }
torch::Tensor LinearLayer::storedWeight() const { return m_conv ? m_conv->weight : m_projection->weight; }

std::optional<std::int64_t> LinearLayer::layerIndex() const { return layerIndexOf(m_name); }

void LinearLayer::addToWeight(const torch::Tensor &delta)
{
    torch::NoGradGuard noGrad;
    auto w = weight();
    w.add_(delta.to(w.dtype()));
}

torch::Tensor LinearLayer::ensureBias()
{
    if (m_conv)
        return m_conv->bias; // Conv1D always has one
    if (!m_projection->bias.defined()) {
        const auto &w = m_projection->weight;
        m_projection->bias = m_projection->register_parameter("bias", torch::zeros({w.size(0)}, w.options()));
    }
    return m_projection->bias;
}

void LinearLayer::setHook(std::shared_ptr<ProjectionHookImpl> hook)
{
    if (m_conv)
        m_conv->hook.set(*m_conv, std::move(hook));
    else
        m_projection->hook.set(*m_projection, std::move(hook));
}

void LinearLayer::clearHook()
{
    if (m_conv)
        m_conv->hook.clear(*m_conv);
    else
        m_projection->hook.clear(*m_projection);
}

bool LinearLayer::hooked() const { return m_conv ? m_conv->hooked() : m_projection->hooked(); }

std::vector<LinearLayer> findLinearLayers(torch::nn::Module &model)
{
    std::vector<LinearLayer> layers;
    for (const auto &item : model.named_modules()) {
        if (auto projection = std::dynamic_pointer_cast<ProjectionImpl>(item.value()))
            layers.emplace_back(item.key(), projection);
        else if (auto conv = std::dynamic_pointer_cast<Gpt2Conv1dImpl>(item.value()))
            layers.emplace_back(item.key(), conv);
    }
    return layers;
}

std::optional<std::int64_t> layerIndexOf(const std::string &name)
{
    static const std::regex pattern(R"((?:^|\.)(?:layers|h|layer)\.(\d+)(?:\.|$))");
    std::smatch match;
    if (!std::regex_search(name, match, pattern))
        return std::nullopt;
    return std::stoll(match[1].str());
}

bool nameMatchesTarget(const std::string &name, const std::string &target)
{
    return name == target || (name.size() > target.size() && name.ends_with(target)
                              && name[name.size() - target.size() - 1] == '.');
}

CausalLmImpl *findCausalLm(torch::nn::Module &model)
{
    if (auto *lm = dynamic_cast<CausalLmImpl *>(&model))
        return lm;
    for (const auto &child : model.modules(/*include_self=*/false))
        if (auto *lm = dynamic_cast<CausalLmImpl *>(child.get()))
            return lm;
    return nullptr;
}

std::vector<std::string> targetModuleNames(const std::vector<LinearLayer> &layers)
{
    std::vector<std::string> names;
    for (const auto &layer : layers) {
        auto last = layer.name().substr(layer.name().rfind('.') + 1);
        if (std::find(names.begin(), names.end(), last) == names.end())
            names.push_back(std::move(last));
    }
    return names;
}

} // namespace llmos
