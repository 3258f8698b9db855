#include "generation/benchmarkmodel.h"

#include "architectures/causallmloader.h"
#include "formats/tensorload.h"
#include "generation/textgenerator.h"
#include "model/modelconfig.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace llmos {

namespace {

const std::vector<BenchmarkShape> &shapes()
{
    // Intermediate sizes are Llama's 8/3 × hidden, rounded to a multiple of 64.
    // "gpt2-small" has GPT-2 small's depth, width, vocabulary and context (12 × 768,
    // 50,257 padded to 50,304, 1,024) in Llama form, for the GPU training benchmark.
    static const std::vector<BenchmarkShape> all{{"small", 6, 384, 6, 1024, 16384, 256},
                                                 {"tiny", 4, 256, 4, 704, 8192, 256},
                                                 {"gpt2-small", 12, 768, 12, 2048, 50304, 1024}};
    return all;
}

nlohmann::json configJson(const BenchmarkShape &shape)
{
    return {{"architectures", {"LlamaForCausalLM"}},
            {"model_type", "llama"},
            {"vocab_size", shape.vocab},
            {"hidden_size", shape.hidden},
            {"intermediate_size", shape.intermediate},
            {"num_hidden_layers", shape.layers},
            {"num_attention_heads", shape.heads},
            {"num_key_value_heads", shape.heads},
            {"hidden_act", "silu"},
            {"max_position_embeddings", shape.context},
            {"rms_norm_eps", 1e-5},
            {"rope_theta", 10000.0},
            {"tie_word_embeddings", false},
            {"bos_token_id", 0},
            {"eos_token_id", 1},
            {"torch_dtype", "float32"}};
}

nlohmann::json wordTokenizerJson(std::int64_t vocabSize)
{
    nlohmann::json vocab = nlohmann::json::object();
    for (std::int64_t i = 0; i < vocabSize; ++i)
        vocab["t" + std::to_string(i)] = i;
    return {{"version", "1.0"},
            {"added_tokens", nlohmann::json::array()},
            {"normalizer", nullptr},
            {"pre_tokenizer", {{"type", "WhitespaceSplit"}}},
            {"post_processor", nullptr},
            {"decoder", nullptr},
            {"model", {{"type", "WordLevel"}, {"vocab", vocab}, {"unk_token", "t0"}}}};
}

} // namespace

const BenchmarkShape &benchmarkShape(const std::string &name)
{
    for (const auto &shape : shapes())
        if (shape.name == name)
            return shape;
    throw Error(ErrorKind::InvalidInput, "--shape", "\"" + name + "\" is not a benchmark shape (small, tiny, gpt2-small)");
}

void writeBenchmarkModel(const std::string &folder, const BenchmarkShape &shape, std::uint64_t seed)
{
    std::filesystem::create_directories(folder);
    const auto config = configJson(shape);
    std::ofstream(folder + "/config.json") << config.dump(2);
    std::ofstream(folder + "/tokenizer.json") << wordTokenizerJson(shape.vocab).dump();

    const auto model = buildCausalLm(parseModelConfig(config, folder + "/config.json"));
    torch::manual_seed(seed);
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    for (const auto &item : model->named_parameters())
        tensors.emplace_back(item.key(), torch::randn(item.value().sizes()) * 0.02);
    writeSafetensors(folder + "/model.safetensors", tensors);
}

BenchmarkFigures benchmarkGeneration(const TextGenerator &generator, std::int64_t batch, std::int64_t promptTokens,
                                     std::int64_t newTokens, int repeat)
{
    if (batch < 1 || promptTokens < 1 || newTokens < 2 || repeat < 1)
        throw Error(ErrorKind::InvalidInput, "benchmark",
                    "needs a batch, prompt tokens and repeats of at least 1 and at least 2 new tokens");
    std::mt19937_64 random(0);
    std::uniform_int_distribution<std::int32_t> anyToken(0, static_cast<std::int32_t>(generator.config().vocabSize - 1));
    std::vector<GenerationRequest> requests(static_cast<std::size_t>(batch));
    for (auto &request : requests) {
        for (std::int64_t i = 0; i < promptTokens; ++i)
            request.promptIds.push_back(anyToken(random));
        request.maxNewTokens = newTokens;
        request.sampling.temperature = 0;
        request.ignoreEos = true;
    }

    BenchmarkFigures best{batch, promptTokens, newTokens};
    for (int run = 0; run < repeat; ++run) {
        const auto results = generator.generateBatch(requests);
        const auto &r = results.front();
        if (static_cast<std::int64_t>(r.ids.size()) != newTokens)
            throw Error(ErrorKind::InvalidInput, "benchmark",
                        "generation stopped after " + std::to_string(r.ids.size()) + " of " + std::to_string(newTokens)
                            + " tokens (" + finishReasonName(r.finishReason) + "); use fewer tokens");
        const double decodeSeconds = r.totalSeconds - r.timeToFirstToken;
        const double decodeSpeed = static_cast<double>(batch * (newTokens - 1)) / decodeSeconds;
        if (decodeSpeed > best.decodeTokensPerSecond) {
            best.decodeTokensPerSecond = decodeSpeed;
            best.timeToFirstToken = r.timeToFirstToken;
            best.prefillTokensPerSecond = static_cast<double>(batch * promptTokens) / r.timeToFirstToken;
        }
    }
    return best;
}

double measureCopyBandwidth()
{
    const auto source = torch::ones({64 * 1024 * 1024}, torch::kFloat); // 256 MiB
    auto target = torch::empty_like(source);
    target.copy_(source); // fault the pages in first
    double best = 0;
    for (int i = 0; i < 5; ++i) {
        const auto start = std::chrono::steady_clock::now();
        target.copy_(source);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        // A copy reads and writes each byte.
        best = std::max(best, 2.0 * static_cast<double>(source.nbytes()) / seconds);
    }
    return best;
}

double measureWeightReadBandwidth(std::int64_t bytes)
{
    constexpr std::int64_t cols = 1024;
    const auto rows = std::max<std::int64_t>(1, bytes / static_cast<std::int64_t>(sizeof(float)) / cols);
    torch::NoGradGuard noGrad;
    const auto weight = torch::rand({rows, cols});
    const auto x = torch::rand({cols});
    auto y = torch::empty({rows});
    torch::mv_out(y, weight, x); // fault the pages in, fill the cache as a decode step would
    double best = 0;
    for (int i = 0; i < 10; ++i) {
        const auto start = std::chrono::steady_clock::now();
        torch::mv_out(y, weight, x);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        best = std::max(best, static_cast<double>(weight.nbytes()) / seconds);
    }
    return best;
}

std::int64_t peakResidentBytes()
{
    // VmHWM, which restartPeakResidentCount() can reset; getrusage's figure cannot be.
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stoll(line.substr(6)) * 1024; // "VmHWM:   123456 kB"
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<std::int64_t>(usage.ru_maxrss) * 1024;
}

bool restartPeakResidentCount()
{
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5"; // Linux 4.0 and later: resets VmHWM to the current resident size
    clear.flush();
    return static_cast<bool>(clear);
}

} // namespace llmos
