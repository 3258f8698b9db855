#include "methods/methodfactory.h"

#include "methods/adalorafinetuning.h"
#include "methods/bitfit.h"
#include "methods/bottleneckadapters.h"
#include "methods/freezefinetuning.h"
#include "methods/fullfinetuning.h"
#include "methods/lorafinetuning.h"
#include "methods/methodoptions.h"
#include "methods/prefixtuning.h"
#include "methods/prompttuning.h"
#include "util/error.h"

#include <limits>

namespace llmos {

namespace {

constexpr std::int64_t kMaxRank = 4096;
constexpr std::int64_t kMaxVirtualTokens = 4096;
constexpr std::int64_t kMaxSteps = std::int64_t{1} << 40;

std::unique_ptr<FineTuningMethod> makeFreeze(MethodOptions &o)
{
    const auto layers = o.integer("layers", 0, 0, 100000);
    auto modules = o.names("modules", {});
    if (layers == 0 && modules.empty())
        throw Error(ErrorKind::InvalidInput, "method",
                    "freeze needs \"layers\" (how many of the first layers to freeze) and/or \"modules\" "
                    "(e.g. [\"embeddings\"])");
    return std::make_unique<FreezeFineTuning>(layers, std::move(modules));
}

std::vector<std::string> targetModules(MethodOptions &o)
{
    return o.names("target_modules", {});
}

// Checked against the model's layer count when the method attaches.
std::vector<std::int64_t> layersToTransform(MethodOptions &o)
{
    return o.integers("layers_to_transform", 0, 100000);
}

std::unique_ptr<FineTuningMethod> makeLora(MethodOptions &o)
{
    LoraOptions options;
    options.rank = o.integer("rank", 8, 1, kMaxRank);
    options.alpha = o.number("alpha", static_cast<double>(options.rank), 1e-6, 1e6);
    options.dropout = o.number("dropout", 0.0, 0.0, 0.99);
    options.targetModules = targetModules(o);
    options.layersToTransform = layersToTransform(o);
    options.rsLora = o.flag("rslora", false);
    return std::make_unique<LoraFineTuning>(options);
}

std::unique_ptr<FineTuningMethod> makeAdaLora(MethodOptions &o)
{
    AdaLoraOptions options;
    auto &s = options.schedule;
    s.initialRank = o.integer("init_rank", 12, 1, kMaxRank);
    s.targetRank = o.integer("target_rank", 8, 1, kMaxRank);
    if (s.targetRank > s.initialRank)
        throw Error(ErrorKind::InvalidInput, "method.target_rank",
                    "must not exceed init_rank (" + std::to_string(s.initialRank) + "): AdaLoRA only prunes");
    s.warmupSteps = o.integer("tinit", 0, 0, kMaxSteps);
    s.finalSteps = o.integer("tfinal", 0, 0, kMaxSteps);
    s.interval = o.integer("delta_t", 1, 1, kMaxSteps);
    s.beta1 = o.number("beta1", 0.85, 0.0, 0.999999);
    s.beta2 = o.number("beta2", 0.85, 0.0, 0.999999);
    options.alpha = o.number("alpha", 8.0, 1e-6, 1e6);
    options.dropout = o.number("dropout", 0.0, 0.0, 0.99);
    options.targetModules = targetModules(o);
    options.layersToTransform = layersToTransform(o);
    options.orthogonalityWeight = o.number("orth_reg_weight", 0.5, 0.0, 1e6);
    return std::make_unique<AdaLoraFineTuning>(options);
}

std::unique_ptr<FineTuningMethod> makeAdapter(MethodOptions &o)
{
    BottleneckOptions options;
    options.size = o.integer("size", 64, 1, 65536);
    options.activation = o.choice("activation", "relu", {"relu", "gelu", "tanh", "silu"});
    return std::make_unique<BottleneckAdapters>(options);
}

std::unique_ptr<FineTuningMethod> makePrefix(MethodOptions &o)
{
    PrefixOptions options;
    options.virtualTokens = o.integer("virtual_tokens", 20, 1, kMaxVirtualTokens);
    options.projection = o.flag("projection", false);
    options.encoderHidden = o.integer("encoder_hidden", 512, 1, 65536);
    return std::make_unique<PrefixTuning>(options);
}

std::unique_ptr<FineTuningMethod> makePrompt(MethodOptions &o)
{
    PromptOptions options;
    options.virtualTokens = o.integer("virtual_tokens", 20, 1, kMaxVirtualTokens);
    options.init = o.choice("init", "random", {"random", "text"});
    options.initText = o.text("init_text", "");
    // Ids beyond the vocabulary are refused when the method attaches.
    options.initTokenIds = o.integers("init_token_ids", 0, std::numeric_limits<std::int64_t>::max());
    if (options.init == "text" && options.initText.empty() && options.initTokenIds.empty())
        throw Error(ErrorKind::InvalidInput, "method.init_text", "init \"text\" needs init_text (the text to start from)");
    if (options.init == "random" && (!options.initText.empty() || !options.initTokenIds.empty()))
        throw Error(ErrorKind::InvalidInput, "method.init_text", "is only used with \"init\": \"text\"");
    return std::make_unique<PromptTuning>(options);
}

} // namespace

std::unique_ptr<FineTuningMethod> makeFineTuningMethod(const nlohmann::json &spec)
{
    MethodOptions options(spec);
    const auto &kind = options.kind();
    std::unique_ptr<FineTuningMethod> method;
    if (kind == "full")
        method = std::make_unique<FullFineTuning>();
    else if (kind == "freeze")
        method = makeFreeze(options);
    else if (kind == "bitfit")
        method = std::make_unique<BitFit>();
    else if (kind == "lora")
        method = makeLora(options);
    else if (kind == "adalora")
        method = makeAdaLora(options);
    else if (kind == "adapter")
        method = makeAdapter(options);
    else if (kind == "prefix")
        method = makePrefix(options);
    else if (kind == "prompt")
        method = makePrompt(options);
    else
        throw Error(ErrorKind::InvalidInput, "method.kind",
                    "unknown method \"" + kind + "\"; use one of full, freeze, bitfit, lora, adalora, adapter, prefix, prompt");
    options.finish();
    return method;
}

std::int64_t countTrainableParameters(const torch::nn::Module &model)
{
    std::int64_t count = 0;
    for (const auto &parameter : model.parameters())
        if (parameter.requires_grad())
            count += parameter.numel();
    return count;
}

} // namespace llmos
