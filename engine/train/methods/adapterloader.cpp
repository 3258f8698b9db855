#include "methods/adapterloader.h"

#include "methods/adalorafinetuning.h"
#include "methods/adapterfolder.h"
#include "methods/bottleneckadapters.h"
#include "methods/lorafinetuning.h"
#include "methods/prefixtuning.h"
#include "methods/prompttuning.h"
#include "methods/trainability.h"
#include "util/error.h"

namespace llmos {

namespace {

void copyInto(torch::Tensor &parameter, const torch::Tensor &value)
{
    torch::NoGradGuard noGrad;
    parameter.copy_(value.to(parameter.device(), parameter.scalar_type()));
}

std::vector<std::int64_t> shapeOf(const torch::Tensor &t) { return t.sizes().vec(); }

std::vector<std::string> targetModulesOf(const AdapterFolder &folder)
{
    const auto &config = folder.config();
    const auto found = config.find("target_modules");
    // PEFT reads a single string as a regular expression; only its "all-linear" is known here.
    if (found != config.end() && found->is_string() && found->get<std::string>() != "all-linear")
        throw Error(ErrorKind::Unsupported, (folder.path() / kAdapterConfigFile).string() + ": target_modules",
                    "a regular expression is not supported; list the module names instead");
    return folder.names("target_modules");
}

// A task head saved with the adapter (modules_to_save): every parameter under its names.
std::vector<std::string> headPrefixes(const AdapterFolder &folder)
{
    std::vector<std::string> prefixes;
    const auto found = folder.config().find("modules_to_save");
    if (found == folder.config().end() || found->is_null())
        return prefixes;
    for (const auto &name : folder.names("modules_to_save"))
        prefixes.push_back(name + ".");
    return prefixes;
}

std::unique_ptr<FineTuningMethod> methodFor(const AdapterFolder &folder, const ModelConfig &config)
{
    const auto &type = folder.peftType();
    if (type == "LORA") {
        LoraOptions options;
        options.rank = folder.integer("r");
        options.alpha = folder.number("lora_alpha", static_cast<double>(options.rank));
        options.rsLora = folder.flag("use_rslora", false);
        options.targetModules = targetModulesOf(folder);
        options.layersToTransform = folder.layersToTransform();
        if (folder.flag("use_dora", false))
            throw Error(ErrorKind::Unsupported, (folder.path() / kAdapterConfigFile).string() + ": use_dora",
                        "DoRA adapters are not supported");
        if (options.rank <= 0)
            throw Error(ErrorKind::Format, (folder.path() / kAdapterConfigFile).string() + ": r", "must be positive");
        return std::make_unique<LoraFineTuning>(options);
    }
    if (type == "ADALORA") {
        const auto found = folder.config().find("rank_pattern");
        if (found != folder.config().end() && !found->is_null() && !found->empty())
            throw Error(ErrorKind::Unsupported, (folder.path() / kAdapterConfigFile).string() + ": rank_pattern",
                        "AdaLoRA adapters saved with resized ranks are not supported");
        AdaLoraOptions options;
        options.schedule.initialRank = folder.integerOr("init_r", folder.integer("r"));
        options.schedule.targetRank = folder.integerOr("target_r", options.schedule.initialRank);
        options.alpha = folder.number("lora_alpha", 8.0);
        options.targetModules = targetModulesOf(folder);
        options.layersToTransform = folder.layersToTransform();
        if (options.schedule.initialRank <= 0)
            throw Error(ErrorKind::Format, (folder.path() / kAdapterConfigFile).string() + ": init_r", "must be positive");
        return std::make_unique<AdaLoraFineTuning>(options);
    }
    if (type == "BOTTLENECK") {
        BottleneckOptions options;
        options.size = folder.integer("adapter_size");
        const auto activation = folder.config().value("adapter_activation", std::string("relu"));
        if (activation != "relu" && activation != "gelu" && activation != "tanh" && activation != "silu")
            throw Error(ErrorKind::Format, (folder.path() / kAdapterConfigFile).string() + ": adapter_activation",
                        "\"" + activation + "\" is not one of relu, gelu, tanh, silu");
        options.activation = activation;
        return std::make_unique<BottleneckAdapters>(options);
    }
    if (type == "PREFIX_TUNING" || type == "PROMPT_TUNING") {
        const auto layers = folder.integerOr("num_layers", config.numLayers);
        if (layers != config.numLayers)
            throw Error(ErrorKind::Format, (folder.path() / kAdapterConfigFile).string() + ": num_layers",
                        "the adapter is for " + std::to_string(layers) + " layers, the model has "
                            + std::to_string(config.numLayers));
        const auto tokens = folder.integer("num_virtual_tokens");
        if (tokens <= 0)
            throw Error(ErrorKind::Format, (folder.path() / kAdapterConfigFile).string() + ": num_virtual_tokens",
                        "must be positive");
        if (type == "PREFIX_TUNING") {
            PrefixOptions options;
            options.virtualTokens = tokens;
            options.projection = false; // the saved table is the MLP's output
            return std::make_unique<PrefixTuning>(options);
        }
        PromptOptions options;
        options.virtualTokens = tokens;
        return std::make_unique<PromptTuning>(options);
    }
    throw Error(ErrorKind::Unsupported, (folder.path() / kAdapterConfigFile).string() + ": peft_type",
                "\"" + type + "\" adapters are not supported (LORA, ADALORA, PREFIX_TUNING, PROMPT_TUNING, BOTTLENECK are)");
}

void loadTensors(FineTuningMethod &method, AdapterFolder &folder)
{
    if (auto *lora = dynamic_cast<LoraFineTuning *>(&method)) {
        for (std::size_t i = 0; i < lora->layers().size(); ++i) {
            const auto base = kPeftModelPrefix + lora->layers()[i].name();
            auto &hook = *lora->hooks()[i];
            copyInto(hook.lora_A, folder.take(base + ".lora_A.weight", shapeOf(hook.lora_A)));
            copyInto(hook.lora_B, folder.take(base + ".lora_B.weight", shapeOf(hook.lora_B)));
        }
    } else if (auto *adalora = dynamic_cast<AdaLoraFineTuning *>(&method)) {
        for (std::size_t i = 0; i < adalora->layers().size(); ++i) {
            const auto base = kPeftModelPrefix + adalora->layers()[i].name();
            auto &hook = *adalora->hooks()[i];
            copyInto(hook.lora_A, folder.take(base + ".lora_A", shapeOf(hook.lora_A)));
            copyInto(hook.lora_B, folder.take(base + ".lora_B", shapeOf(hook.lora_B)));
            copyInto(hook.lora_E, folder.take(base + ".lora_E", shapeOf(hook.lora_E)));
        }
    } else if (auto *adapters = dynamic_cast<BottleneckAdapters *>(&method)) {
        for (std::size_t i = 0; i < adapters->layers().size(); ++i) {
            const auto base = kPeftModelPrefix + adapters->layers()[i].name();
            auto &hook = *adapters->hooks()[i];
            copyInto(hook.down_weight, folder.take(base + ".adapter_down.weight", shapeOf(hook.down_weight)));
            copyInto(hook.down_bias, folder.take(base + ".adapter_down.bias", shapeOf(hook.down_bias)));
            copyInto(hook.up_weight, folder.take(base + ".adapter_up.weight", shapeOf(hook.up_weight)));
            copyInto(hook.up_bias, folder.take(base + ".adapter_up.bias", shapeOf(hook.up_bias)));
        }
    } else if (auto *prefix = dynamic_cast<PrefixTuning *>(&method)) {
        auto &table = prefix->encoder()->embedding;
        copyInto(table, folder.take("prompt_embeddings", shapeOf(table)));
    } else if (auto *prompt = dynamic_cast<PromptTuning *>(&method)) {
        auto &table = prompt->prompt()->embedding;
        copyInto(table, folder.take("prompt_embeddings", shapeOf(table)));
    }
}

} // namespace

std::unique_ptr<FineTuningMethod> loadAdapter(const TrainingTarget &target, const std::filesystem::path &path)
{
    AdapterFolder folder(path);
    auto method = methodFor(folder, target.config);
    // The head is part of the adapter when it saved one: the loader's target says so.
    TrainingTarget withHead{target.model, target.config, target.alwaysTrained, target.tokenize};
    for (const auto &prefix : headPrefixes(folder))
        if (!startsWithAny(prefix, withHead.alwaysTrained))
            withHead.alwaysTrained.push_back(prefix);
    method->attach(withHead);
    loadTensors(*method, folder);
    for (auto &item : target.model.named_parameters(/*recurse=*/true)) {
        if (!startsWithAny(item.key(), headPrefixes(folder)))
            continue;
        const auto name = kPeftModelPrefix + item.key();
        copyInto(item.value(), folder.take(name, shapeOf(item.value())));
    }
    folder.checkAllTaken();
    for (auto &parameter : target.model.parameters())
        parameter.set_requires_grad(false);
    return method;
}

} // namespace llmos
