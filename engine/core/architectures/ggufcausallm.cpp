#include "architectures/ggufcausallm.h"

#include "architectures/causallmloader.h"
#include "architectures/ggufgpt2layout.h"
#include "architectures/ggufhyperparameters.h"
#include "architectures/ggufllamalayout.h"
#include "architectures/ggufparameters.h"
#include "formats/gguf/gguffile.h"
#include "formats/gguf/gguftorch.h"
#include "util/error.h"
#include "util/shapetext.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <limits>
#include <set>
#include <utility>
#include <vector>

namespace llmos {

namespace {

// GPT-2 as llama.cpp writes it: gpt2.* with LayerNorm epsilon, learned positions up to
// context_length, the head tied when the file has no output.weight.
ModelConfig gpt2ConfigFromGguf(const GgufFile &file)
{
    const GgufHyperparameters h(file, "gpt2");
    nlohmann::json json{{"model_type", "gpt2"}, {"architectures", {"GPT2LMHeadModel"}}};
    json["n_embd"] = h.count(ggufkey::kEmbeddingLength);
    json["n_layer"] = h.count(ggufkey::kBlockCount);
    json["n_head"] = h.count(ggufkey::kHeadCount);
    json["n_positions"] = h.count(ggufkey::kContextLength);
    if (const auto inner = h.optionalCount(ggufkey::kFeedForwardLength))
        json["n_inner"] = *inner;
    json["layer_norm_epsilon"] = h.number(ggufkey::kLayerNormEpsilon);
    json["activation_function"] = file.findString(ggufkey::kHiddenAct).value_or("gelu_new");
    json["tie_word_embeddings"] = file.findTensor("output.weight") == nullptr;
    const auto vocab = ggufVocabularySize(file, h);
    json["vocab_size"] = vocab.size;
    for (const auto &[field, key] :
         {std::pair{"bos_token_id", ggufkey::kBosTokenId}, std::pair{"eos_token_id", ggufkey::kEosTokenId},
          std::pair{"pad_token_id", ggufkey::kPadTokenId}})
        if (const auto id = file.findUInt(key))
            json[field] = ggufClampedCount(*id);
    return parseWithGgufNames(json, file,
                              {{"vocab_size", vocab.source},
                               {"n_embd", h.key(ggufkey::kEmbeddingLength)},
                               {"n_layer", h.key(ggufkey::kBlockCount)},
                               {"n_head", h.key(ggufkey::kHeadCount)},
                               {"n_positions", h.key(ggufkey::kContextLength)},
                               {"n_inner", h.key(ggufkey::kFeedForwardLength)},
                               {"layer_norm_epsilon", h.key(ggufkey::kLayerNormEpsilon)},
                               {"activation_function", std::string(ggufkey::kHiddenAct)},
                               {"bos_token_id", std::string(ggufkey::kBosTokenId)},
                               {"eos_token_id", std::string(ggufkey::kEosTokenId)},
                               {"pad_token_id", std::string(ggufkey::kPadTokenId)}});
}

} // namespace

GgufParameterLayout ggufCausalLmLayout(const ModelConfig &config, const std::string &architecture)
{
    GgufParameterLayout layout;
    layout.description = architecture + " model with " + std::to_string(config.numLayers) + " layers";
    layout.layerCountKey = ggufKey(architecture, ggufkey::kBlockCount);
    if (architecture == "gpt2") {
        layout.tensorName = ggufGpt2TensorName;
        layout.storedShape = [](std::string_view parameter, std::vector<std::int64_t> shape) {
            if (ggufGpt2Transposes(parameter))
                std::reverse(shape.begin(), shape.end());
            return shape;
        };
        layout.fromStored = [](std::string_view parameter, torch::Tensor stored) {
            return ggufGpt2Transposes(parameter) ? stored.t().contiguous() : stored;
        };
        return layout;
    }
    layout.tensorName = ggufTensorName;
    layout.otherTensors.insert(std::string(kRopeFreqsTensor));
    if (ggufPermutesRope(architecture))
        layout.fromStored = [&config](std::string_view parameter, torch::Tensor stored) {
            const auto heads = ropeHeadsOf(parameter, config);
            return heads ? ropeRowsFromGgml(stored, *heads) : stored;
        };
    return layout;
}

// GGUF stores epsilons, rope bases and sampling settings as f32. Reading 1e-5f back as
// the shortest decimal that gives the same float (1e-05, not 9.99999974738e-06) lets a
// config exported from config.json come back unchanged.
double ggufDecimal(const GgufFile &file, std::string_view key)
{
    const float *f = file.get(key).getIf<float>();
    if (!f)
        return file.getFloat(key);
    char text[32];
    const auto written = std::to_chars(text, text + sizeof text, *f);
    double out = *f;
    std::from_chars(text, written.ptr, out);
    return out;
}

ModelConfig modelConfigFromGguf(const GgufFile &file)
{
    const auto where = [&](std::string_view key) { return file.sourceName() + ": " + std::string(key); };
    if (!file.find(ggufkey::kArchitecture))
        throw Error(ErrorKind::NotFound, where(ggufkey::kArchitecture), "is missing; is this a model file?");
    const auto architecture = file.getString(ggufkey::kArchitecture);
    if (architecture == "gpt2")
        return gpt2ConfigFromGguf(file);
    if (architecture == "bert")
        throw Error(ErrorKind::Unsupported, where(ggufkey::kArchitecture),
                    "\"bert\" is an encoder, not a causal language model: use it for embeddings or "
                    "classification (llmos embed / classify)");
    if (architecture != "llama" && architecture != "qwen2")
        throw Error(ErrorKind::Unsupported, where(ggufkey::kArchitecture),
                    "\"" + architecture + "\" models cannot be run yet (supported: llama, qwen2, gpt2; bert for "
                    "embeddings and classification)");
    const GgufHyperparameters h(file, architecture);

    nlohmann::json json{{"model_type", architecture},
                        {"architectures", {architecture == "qwen2" ? "Qwen2ForCausalLM" : "LlamaForCausalLM"}},
                        {"hidden_act", "silu"}};
    json["hidden_size"] = h.count(ggufkey::kEmbeddingLength);
    json["num_hidden_layers"] = h.count(ggufkey::kBlockCount);
    json["intermediate_size"] = h.count(ggufkey::kFeedForwardLength);
    const auto heads = h.count(ggufkey::kHeadCount);
    json["num_attention_heads"] = heads;
    // llama.cpp's default: as many key/value heads as query heads.
    json["num_key_value_heads"] = h.optionalCount(ggufkey::kHeadCountKv).value_or(heads);
    json["max_position_embeddings"] = h.count(ggufkey::kContextLength);
    json["rms_norm_eps"] = h.number(ggufkey::kRmsEpsilon);
    json["rope_theta"] = h.optionalNumber(ggufkey::kRopeFreqBase).value_or(10000.0);
    if (const auto keyLength = h.optionalCount(ggufkey::kKeyLength)) {
        json["head_dim"] = *keyLength;
        if (const auto valueLength = h.optionalCount(ggufkey::kValueLength); valueLength && valueLength != keyLength)
            throw Error(ErrorKind::Unsupported, where(h.key(ggufkey::kValueLength)),
                        "differs from " + h.key(ggufkey::kKeyLength) +
                            "; attention with different key and value "
                            "sizes is not supported");
    }

    const auto vocab = ggufVocabularySize(file, h);
    json["vocab_size"] = vocab.size;
    const std::string vocabSource = vocab.source;

    json["tie_word_embeddings"] = file.findTensor("output.weight") == nullptr;
    // Qwen2 always has q/k/v biases; a llama file has them when its converter found them.
    if (architecture == "llama")
        json["attention_bias"] = file.findTensor("blk.0.attn_q.bias") != nullptr;
    if (const auto window = h.optionalCount(ggufkey::kSlidingWindow)) {
        // Of our families only Mistral attends through a sliding window (Qwen2's per-layer
        // window is refused in config.json too).
        if (architecture != "llama")
            throw Error(ErrorKind::Unsupported, where(h.key(ggufkey::kSlidingWindow)),
                        "sliding-window attention is supported for Mistral (stored as llama) only");
        json["model_type"] = "mistral";
        json["architectures"] = {"MistralForCausalLM"};
        json["sliding_window"] = *window;
    }

    for (const auto &[field, key] :
         {std::pair{"bos_token_id", ggufkey::kBosTokenId}, std::pair{"eos_token_id", ggufkey::kEosTokenId},
          std::pair{"pad_token_id", ggufkey::kPadTokenId}})
        if (const auto id = file.findUInt(key))
            json[field] = ggufClampedCount(*id);

    const auto scalingKey = h.key(ggufkey::kRopeScalingType);
    const auto scalingType = file.findString(scalingKey).value_or("none");
    if (scalingType == "linear") {
        json["rope_scaling"] = {{"rope_type", "linear"}, {"factor", h.number(ggufkey::kRopeScalingFactor)}};
    } else if (scalingType != "none") {
        throw Error(ErrorKind::Unsupported, where(scalingKey),
                    "\"" + scalingType +
                        "\" rope scaling is not supported (supported: none, linear, and Llama 3 "
                        "frequency factors in rope_freqs.weight)");
    } else if (const auto legacy = h.optionalNumber(ggufkey::kRopeScaleLinear); legacy && *legacy != 1.0) {
        json["rope_scaling"] = {{"rope_type", "linear"}, {"factor", *legacy}};
    }

    auto config = parseWithGgufNames(
        json, file,
        {{"vocab_size", vocabSource},
         {"hidden_size", h.key(ggufkey::kEmbeddingLength)},
         {"num_hidden_layers", h.key(ggufkey::kBlockCount)},
         {"intermediate_size", h.key(ggufkey::kFeedForwardLength)},
         {"num_attention_heads", h.key(ggufkey::kHeadCount)},
         {"num_key_value_heads", h.key(ggufkey::kHeadCountKv)},
         {"max_position_embeddings", h.key(ggufkey::kContextLength)},
         {"rms_norm_eps", h.key(ggufkey::kRmsEpsilon)},
         {"sliding_window", h.key(ggufkey::kSlidingWindow)},
         {"rope_theta", h.key(ggufkey::kRopeFreqBase)},
         {"head_dim", h.key(h.has(ggufkey::kKeyLength) ? ggufkey::kKeyLength : ggufkey::kEmbeddingLength)},
         {"rope_scaling", h.key(ggufkey::kRopeScalingType)},
         {"rope_scaling.factor", h.key(ggufkey::kRopeScalingFactor)},
         {"bos_token_id", std::string(ggufkey::kBosTokenId)},
         {"eos_token_id", std::string(ggufkey::kEosTokenId)},
         {"pad_token_id", std::string(ggufkey::kPadTokenId)}});

    if (const auto rotary = h.optionalCount(ggufkey::kRopeDimensionCount); rotary && *rotary != config.headDim)
        throw Error(ErrorKind::Unsupported, where(h.key(ggufkey::kRopeDimensionCount)),
                    "rotates " + std::to_string(*rotary) + " of " + std::to_string(config.headDim) +
                        " head dimensions; partial rotary embeddings are not supported");

    if (const auto *freqs = file.findTensor(kRopeFreqsTensor)) {
        const auto freqsWhere = where(kRopeFreqsTensor);
        if (config.ropeScaling)
            throw Error(ErrorKind::Unsupported, freqsWhere,
                        "and " + scalingKey + " both scale the rotary frequencies; only one at a time is supported");
        const auto factors = ggufTensorToTorch(file, *freqs);
        if (!factors.is_floating_point())
            throw Error(ErrorKind::Format, freqsWhere,
                        "is stored as " + std::string(ggmlTypeName(freqs->type)) + "; rope factors must be floats");
        config.ropeScaling = llama3ScalingFromFactors(config, factors.to(torch::kFloat), freqsWhere);
    }
    return config;
}

CausalLm loadCausalLmFromGguf(const std::string &path)
{
    return loadCausalLmFromGguf(GgufFile::open(path), {});
}

CausalLm loadCausalLmFromGguf(const GgufFile &file, const GgufLoadProgress &progress)
{
    const auto config = modelConfigFromGguf(file);
    auto model = buildCausalLm(config);
    // The file's layout, not the model's type: a Mistral model is stored as "llama".
    const auto architecture = file.getString(ggufkey::kArchitecture);
    loadGgufParameters(*model, file, ggufCausalLmLayout(config, architecture), progress);
    model->fuseProjections();
    model->eval();
    return model;
}

} // namespace llmos
