#include "architectures/ggufcausallm.h"

#include "architectures/causallmloader.h"
#include "architectures/ggufllamalayout.h"
#include "formats/gguf/gguffile.h"
#include "formats/gguf/gguftorch.h"
#include "util/error.h"
#include "util/shapetext.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <limits>
#include <set>
#include <utility>
#include <vector>

namespace llmos {

namespace {

std::int64_t clampedToInt64(std::uint64_t value)
{
    // A count above INT64_MAX is absurd anyway; keep it too large rather than negative.
    return static_cast<std::int64_t>(std::min<std::uint64_t>(value, std::numeric_limits<std::int64_t>::max()));
}

// The hyperparameters of one architecture, read with errors that name the file and key.
class GgufHyperparameters {
public:
    GgufHyperparameters(const GgufFile &file, std::string architecture)
        : m_file(file)
        , m_architecture(std::move(architecture))
    {
    }

    std::string key(std::string_view suffix) const { return ggufKey(m_architecture, suffix); }
    std::string where(std::string_view fullKey) const { return m_file.sourceName() + ": " + std::string(fullKey); }
    bool has(std::string_view suffix) const { return m_file.find(key(suffix)) != nullptr; }

    std::int64_t count(std::string_view suffix) const
    {
        requirePresent(key(suffix));
        return clampedToInt64(m_file.getUInt(key(suffix)));
    }

    std::optional<std::int64_t> optionalCount(std::string_view suffix) const
    {
        const auto value = m_file.findUInt(key(suffix));
        return value ? std::optional(clampedToInt64(*value)) : std::nullopt;
    }

    double number(std::string_view suffix) const
    {
        requirePresent(key(suffix));
        return ggufDecimal(m_file, key(suffix));
    }

    std::optional<double> optionalNumber(std::string_view suffix) const
    {
        return has(suffix) ? std::optional(number(suffix)) : std::nullopt;
    }

private:
    void requirePresent(const std::string &fullKey) const
    {
        if (!m_file.find(fullKey))
            throw Error(ErrorKind::NotFound, where(fullKey),
                        "is missing; llama.cpp writes it for every " + m_architecture + " model");
    }

    const GgufFile &m_file;
    std::string m_architecture;
};

// parseModelConfig names config.json fields; say which GGUF key held the value instead.
ModelConfig parseWithGgufNames(const nlohmann::json &json, const GgufFile &file,
                               const std::vector<std::pair<std::string, std::string>> &fieldToKey)
{
    const auto prefix = file.sourceName() + ": ";
    try {
        return parseModelConfig(json, file.sourceName());
    } catch (const Error &e) {
        if (!e.where().starts_with(prefix))
            throw;
        const auto field = e.where().substr(prefix.size());
        for (const auto &[hf, gguf] : fieldToKey)
            if (field == hf)
                throw Error(e.kind(), prefix + gguf, e.detail());
        throw;
    }
}

void loadGgufWeights(CausalLmImpl &model, const GgufFile &file, const std::string &architecture,
                     const GgufLoadProgress &progress)
{
    const auto &config = model.config();
    const bool permuted = ggufPermutesRope(architecture);
    torch::NoGradGuard noGrad;
    std::set<std::string, std::less<>> used{std::string(kRopeFreqsTensor)};
    auto parameters = model.named_parameters(/*recurse=*/true);
    std::size_t done = 0;
    for (auto &item : parameters) {
        const auto &parameter = item.key();
        auto &value = item.value();
        const auto name = ggufTensorName(parameter);
        if (!name)
            throw Error(ErrorKind::Internal, parameter, "has no GGUF name in the llama layout");
        const std::vector<std::int64_t> expected(value.sizes().begin(), value.sizes().end());
        const auto *info = file.findTensor(*name);
        const auto where = file.sourceName() + ": " + *name;
        if (!info)
            throw Error(ErrorKind::NotFound, where,
                        "is missing; a " + architecture + " model with " + std::to_string(config.numLayers) +
                            " layers needs it with shape " + shapeText(expected));
        if (info->shape != expected)
            throw Error(ErrorKind::Format, where,
                        "has shape " + shapeText(info->shape) + " (row-major) but the file's metadata implies " +
                            shapeText(expected));
        auto tensor = ggufTensorToTorch(file, *info);
        if (!tensor.is_floating_point())
            throw Error(ErrorKind::Unsupported, where,
                        "is stored as " + std::string(ggmlTypeName(info->type)) + "; model weights must be floats");
        tensor = tensor.to(torch::kFloat);
        if (const auto heads = ropeHeadsOf(parameter, config); heads && permuted)
            tensor = ropeRowsFromGgml(tensor, *heads);
        value.set_data(tensor);
        used.insert(*name);
        if (progress && !progress(++done, parameters.size()))
            throw Error(ErrorKind::Cancelled, file.sourceName(), "loading the model was cancelled");
    }
    for (const auto &info : file.tensors())
        if (!used.contains(info.name))
            throw Error(ErrorKind::Format, file.sourceName() + ": " + info.name,
                        "is not part of a " + architecture + " model with " + std::to_string(config.numLayers) +
                            " layers as the metadata describes it (check " +
                            ggufKey(architecture, ggufkey::kBlockCount) + ")");
}

} // namespace

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
    if (architecture != "llama" && architecture != "qwen2")
        throw Error(ErrorKind::Unsupported, where(ggufkey::kArchitecture),
                    "\"" + architecture + "\" models cannot be run yet (supported: llama, qwen2)");
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

    // Vocabulary size: the key when present, else what the embeddings or the tokenizer hold.
    std::string vocabSource = h.key(ggufkey::kVocabSize);
    const auto *embedding = file.findTensor("token_embd.weight");
    if (const auto vocab = h.optionalCount(ggufkey::kVocabSize)) {
        json["vocab_size"] = *vocab;
    } else if (embedding && embedding->shape.size() == 2) {
        json["vocab_size"] = embedding->shape[0];
        vocabSource = "token_embd.weight";
    } else if (file.find(ggufkey::kTokens)) {
        json["vocab_size"] = file.getArray(ggufkey::kTokens).size();
        vocabSource = std::string(ggufkey::kTokens);
    } else {
        throw Error(ErrorKind::NotFound, where(vocabSource),
                    "is missing, and there is neither a token_embd.weight nor a tokenizer to count tokens in");
    }

    json["tie_word_embeddings"] = file.findTensor("output.weight") == nullptr;
    // Qwen2 always has q/k/v biases; a llama file has them when its converter found them.
    if (architecture == "llama")
        json["attention_bias"] = file.findTensor("blk.0.attn_q.bias") != nullptr;

    for (const auto &[field, key] :
         {std::pair{"bos_token_id", ggufkey::kBosTokenId}, std::pair{"eos_token_id", ggufkey::kEosTokenId},
          std::pair{"pad_token_id", ggufkey::kPadTokenId}})
        if (const auto id = file.findUInt(key))
            json[field] = clampedToInt64(*id);

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
    loadGgufWeights(*model, file, config.modelType, progress);
    model->fuseProjections();
    model->eval();
    return model;
}

} // namespace llmos
