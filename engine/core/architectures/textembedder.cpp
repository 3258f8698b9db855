#include "architectures/textembedder.h"

#include "architectures/bertloader.h"
#include "architectures/causallmloader.h"
#include "architectures/decoderclassifier.h"
#include "architectures/encoderinput.h"
#include "architectures/ggufbert.h"
#include "formats/gguf/gguffile.h"
#include "tokenizer/gguftokenizer.h"
#include "tokenizer/loadtokenizer.h"
#include "util/error.h"

#include <algorithm>
#include <functional>
#include <filesystem>
#include <span>

namespace llmos {

namespace {

namespace fs = std::filesystem;

// Bounds the memory of one forward pass (attention scores grow with batch x seq^2).
constexpr std::size_t kBatchSize = 32;

struct FolderDefaults {
    std::optional<EmbeddingPooling> pooling = EmbeddingPooling::Mean;
    std::string poolingProblem; // why there is no default pooling
    bool normalize = false;
    std::optional<std::int64_t> maxSeqLength;
};

bool flag(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() && it->get<bool>();
}

FolderDefaults readFolderDefaults(const fs::path &folder)
{
    FolderDefaults defaults;
    const auto poolingPath = folder / "1_Pooling" / "config.json";
    if (fs::exists(poolingPath)) {
        const auto pooling = readJsonFile(poolingPath.string());
        if (!pooling.is_object())
            throw Error(ErrorKind::Format, poolingPath.string(), "must be a JSON object");
        if (flag(pooling, "pooling_mode_cls_token")) {
            defaults.pooling = EmbeddingPooling::Cls;
        } else if (flag(pooling, "pooling_mode_mean_tokens")) {
            defaults.pooling = EmbeddingPooling::Mean;
        } else if (flag(pooling, "pooling_mode_lasttoken")) {
            defaults.pooling = EmbeddingPooling::Last;
        } else {
            defaults.pooling.reset();
            defaults.poolingProblem = poolingPath.string() + " asks for a pooling other than CLS, mean or last token";
        }
    }
    defaults.normalize = fs::is_directory(folder / "2_Normalize");
    const auto modulesPath = folder / "modules.json";
    if (fs::exists(modulesPath)) {
        const auto modules = readJsonFile(modulesPath.string());
        if (!modules.is_array())
            throw Error(ErrorKind::Format, modulesPath.string(), "must be a list of modules");
        for (const auto &module : modules) {
            const auto type = module.is_object() ? module.find("type") : module.end();
            if (module.is_object() && type != module.end() && type->is_string() &&
                type->get<std::string>().ends_with("Normalize"))
                defaults.normalize = true;
        }
    }
    const auto sentenceConfigPath = folder / "sentence_bert_config.json";
    if (fs::exists(sentenceConfigPath)) {
        const auto sentenceConfig = readJsonFile(sentenceConfigPath.string());
        const auto it = sentenceConfig.is_object() ? sentenceConfig.find("max_seq_length") : sentenceConfig.end();
        if (sentenceConfig.is_object() && it != sentenceConfig.end() && !it->is_null()) {
            if (!it->is_number_integer() || it->get<std::int64_t>() < 1)
                throw Error(ErrorKind::Format, sentenceConfigPath.string() + ": max_seq_length",
                            "must be a positive whole number");
            defaults.maxSeqLength = it->get<std::int64_t>();
        }
    }
    return defaults;
}

// A GGUF file says how it pools (bert.pooling_type) but not whether it normalizes:
// llama.cpp leaves that to the caller, so the default is a plain folder's (no).
FolderDefaults ggufDefaults(const GgufFile &file)
{
    FolderDefaults defaults;
    switch (ggufPoolingType(file).value_or(GgufPoolingType::Mean)) {
    case GgufPoolingType::Cls:
        defaults.pooling = EmbeddingPooling::Cls;
        break;
    case GgufPoolingType::None:
    case GgufPoolingType::Mean:
        defaults.pooling = EmbeddingPooling::Mean;
        break;
    case GgufPoolingType::Last:
    case GgufPoolingType::Rank:
        defaults.pooling.reset();
        defaults.poolingProblem = file.sourceName() + " asks for a pooling other than CLS or mean (bert.pooling_type)";
        break;
    }
    return defaults;
}

} // namespace

struct TextEmbedder::State {
    ModelConfig config;
    // The final hidden states [batch, seq, hidden] of one encoded batch.
    std::function<torch::Tensor(const EncoderInput &)> hidden;
    bool decoder = false;
    std::unique_ptr<Tokenizer> tokenizer;
    FolderDefaults defaults;
    std::size_t maxTokens = 0;
};

TextEmbedder::TextEmbedder(std::unique_ptr<State> state)
    : m_state(std::move(state))
{
}

TextEmbedder::TextEmbedder(TextEmbedder &&) noexcept = default;
TextEmbedder &TextEmbedder::operator=(TextEmbedder &&) noexcept = default;
TextEmbedder::~TextEmbedder() = default;

TextEmbedder TextEmbedder::open(const std::string &folder)
{
    auto state = std::make_unique<State>();
    const auto encoder = [&state](BertModel model) {
        state->config = model->config();
        state->hidden = [model](const EncoderInput &input) mutable { return model->forward(input.ids, input.mask); };
    };
    if (isGgufFile(folder)) {
        const auto file = GgufFile::open(folder);
        encoder(loadBertModelFromGguf(file));
        state->tokenizer = loadGgufTokenizer(file);
        state->defaults = ggufDefaults(file);
    } else if (loadModelConfig((fs::path(folder) / "config.json").string()).family == ModelFamily::Bert) {
        encoder(loadBertModel(folder));
        state->tokenizer = loadTokenizer(folder);
        state->defaults = readFolderDefaults(folder);
    } else {
        auto model = loadCausalLm(folder);
        state->config = model->config();
        state->decoder = true;
        state->hidden = [model](const EncoderInput &input) mutable { return model->hiddenStates(input.ids, input.mask); };
        state->tokenizer = loadTokenizer(folder);
        state->defaults = readFolderDefaults(folder);
    }
    const auto positions = state->config.maxPositionEmbeddings;
    state->maxTokens = static_cast<std::size_t>(std::min(positions, state->defaults.maxSeqLength.value_or(positions)));
    return TextEmbedder(std::move(state));
}

const ModelConfig &TextEmbedder::config() const
{
    return m_state->config;
}

std::int64_t TextEmbedder::dimension() const
{
    return config().hiddenSize;
}

std::size_t TextEmbedder::maxTokens() const
{
    return m_state->maxTokens;
}

std::optional<EmbeddingPooling> TextEmbedder::defaultPooling() const
{
    return m_state->defaults.pooling;
}

bool TextEmbedder::defaultNormalize() const
{
    return m_state->defaults.normalize;
}

std::vector<TextEmbedding> TextEmbedder::embed(const std::vector<std::string> &texts,
                                               const EmbeddingOptions &options) const
{
    if (texts.empty())
        throw Error(ErrorKind::InvalidInput, "embed", "no texts given");
    const auto pooling = options.pooling ? options.pooling : m_state->defaults.pooling;
    if (!pooling)
        throw Error(ErrorKind::Unsupported, "embed",
                    m_state->defaults.poolingProblem + "; choose CLS, mean or last-token pooling explicitly");
    if (*pooling == EmbeddingPooling::Cls && m_state->decoder)
        throw Error(ErrorKind::Unsupported, "embed",
                    "CLS pooling reads the first token, which in a decoder (" + config().modelType +
                        ") sees nothing after it; choose mean or last-token pooling");
    const bool normalize = options.normalize.value_or(m_state->defaults.normalize);

    torch::NoGradGuard noGrad;
    std::vector<TextEmbedding> out;
    const std::span<const std::string> all(texts);
    for (std::size_t first = 0; first < texts.size(); first += kBatchSize) {
        const auto input = encoderInput(
            *m_state->tokenizer, all.subspan(first, std::min(kBatchSize, texts.size() - first)), m_state->maxTokens);
        const auto hidden = m_state->hidden(input);
        torch::Tensor vectors;
        if (*pooling == EmbeddingPooling::Cls) {
            vectors = hidden.select(1, 0);
        } else if (*pooling == EmbeddingPooling::Last) {
            vectors = lastTokenStates(hidden, input.mask);
        } else {
            const auto mask = input.mask.to(torch::kFloat).unsqueeze(-1);
            vectors = (hidden * mask).sum(1) / mask.sum(1).clamp_min(1.0);
        }
        if (normalize) // as torch.nn.functional.normalize: x / max(||x||, eps)
            vectors = vectors / vectors.norm(2, -1, true).clamp_min(1e-12);
        vectors = vectors.contiguous();
        for (std::int64_t row = 0; row < vectors.size(0); ++row) {
            const auto *data = vectors[row].data_ptr<float>();
            out.push_back({std::vector<float>(data, data + vectors.size(1)), input.tokens[row], input.truncated[row]});
        }
    }
    return out;
}

} // namespace llmos
