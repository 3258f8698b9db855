#pragma once

#include "chat/modelchattemplate.h"
#include "generation/generationconfig.h"
#include "generation/samplingoptions.h"
#include "model/modelconfig.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

namespace llmos {

class Tokenizer;

struct GenerationRequest {
    std::vector<std::int32_t> promptIds; // with BOS where the model wants it (see encode())
    std::int64_t maxNewTokens = 256;
    SamplingOptions sampling;
    std::vector<std::string> stopStrings;    // end the output before the first match
    std::vector<std::int32_t> stopTokenIds;  // in addition to the model's end-of-sequence tokens
    bool ignoreEos = false;                  // generate through EOS (benchmarks)
    // Log-probabilities of the generated tokens (GenerationResult::logprobs): -1 none, 0 the
    // chosen token's, k also the k most likely at each step (at most kMaxTopLogprobs). From
    // the model's own distribution, before temperature, penalties or truncation.
    int logprobs = -1;
    static constexpr int kMaxTopLogprobs = 20;
};

// One generated token's log-probability and, when asked, the most likely alternatives
// (most likely first).
struct TokenLogprob {
    std::int32_t id = 0;
    double logprob = 0;
    std::vector<std::pair<std::int32_t, double>> top;
};

// One step of one sequence, delivered to the TokenCallback as soon as it is known.
struct GeneratedToken {
    static constexpr std::int32_t kNoToken = -1;
    std::size_t sequence = 0; // index of the request in a batch
    std::int32_t id = kNoToken; // kNoToken: text released at the end, after the last token
    std::string text;         // what this token adds to the output (may be empty)
    // The token's log-probability, when the request asked for them (not for kNoToken).
    std::optional<TokenLogprob> logprob;
};

// Return false to stop that sequence after this token.
using TokenCallback = std::function<bool(const GeneratedToken &)>;

enum class FinishReason {
    Length,         // max new tokens reached
    EndOfSequence,  // the model produced an end-of-sequence token
    StopToken,      // one of the request's stop tokens
    StopString,     // one of the request's stop strings
    ContextFull,    // the model's context (max_position_embeddings) is used up
    CallbackStopped,
    Cancelled,      // the stop token was triggered
};
const char *finishReasonName(FinishReason reason) noexcept;

struct GenerationResult {
    std::string text;               // the output, without stop strings and special tokens
    std::vector<std::int32_t> ids;  // every generated id, including a final EOS/stop token
    std::vector<TokenLogprob> logprobs; // one per id when the request asked for them
    FinishReason finishReason = FinishReason::Length;
    std::size_t promptTokens = 0;
    std::uint64_t seed = 0;         // what a rerun needs to reproduce a sampled output
    double timeToFirstToken = 0;    // seconds: prefill and the first sample
    double totalSeconds = 0;

    // Generated tokens per second over the whole call (prefill included).
    double tokensPerSecond() const noexcept;
};

struct GeneratorOptions {
    std::string device = "auto"; // auto, cpu, cuda, cuda:N
};

// Text generation with a causal LM: a Hugging Face folder or a GGUF file with its
// tokenizer, end-of-sequence tokens (config.json, generation_config.json, the
// tokenizer) and chat template. Prefill runs the prompt once into a KV cache; each decode
// step then runs one token per sequence. Several requests run as one batch, left-padded
// with an attention mask, each with its own sampler, stops and seed, so a request's
// output does not depend on what else is in the batch. Torch stays behind this header.
//
// Blocking: call it from a worker thread, never from the GUI thread. The stop token is
// checked before every model step, so cancelling takes effect within one step.
class TextGenerator {
public:
    // Throws llmos::Error: the model or tokenizer cannot be loaded, or the device is
    // not available.
    static TextGenerator open(const std::string &modelPath, const GeneratorOptions &options = {});

    TextGenerator(TextGenerator &&) noexcept;
    TextGenerator &operator=(TextGenerator &&) noexcept;
    ~TextGenerator();

    const ModelConfig &config() const;
    const Tokenizer &tokenizer() const;
    const GenerationDefaults &defaults() const;
    std::string deviceName() const;
    // The ids that end a sequence: EOS of config.json, generation_config.json and the tokenizer.
    const std::vector<std::int32_t> &endOfSequenceIds() const;

    // Bytes of weights one decode step reads: every parameter but the input token
    // embeddings, of which a step reads one row per sequence (unless the head is tied to
    // them). What bounds batch-1 decoding, against the memory bandwidth.
    std::int64_t weightBytesPerDecodeStep() const;

    // The prompt's ids with the tokenizer's special tokens (BOS), as transformers encodes.
    std::vector<std::int32_t> encode(const std::string &prompt) const;

    // The model's chat template, if it has one.
    const std::optional<ChatTemplateSource> &chatTemplate() const;
    // Uses `source` instead (e.g. a --chat-template file); Error(Format) if it does not parse.
    void setChatTemplate(ChatTemplateSource source);
    // Checks the messages (validateChatMessages), renders them with the chat template and
    // tokenizes the result without adding special tokens again (the template writes BOS).
    // Error(NotFound) when the model has no chat template.
    std::vector<std::int32_t> encodeChat(const nlohmann::ordered_json &messages, bool addGenerationPrompt = true) const;
    std::string renderChat(const nlohmann::ordered_json &messages, bool addGenerationPrompt = true) const;

    // Runs one request; `onToken` (optional) sees each token as it is generated.
    // Error(InvalidInput) for an empty prompt, ids outside the vocabulary, a prompt that
    // fills the context or bad sampling options.
    GenerationResult generate(const GenerationRequest &request, const TokenCallback &onToken = {},
                              std::stop_token stop = {}) const;
    // Runs several requests as one batch; results in request order.
    std::vector<GenerationResult> generateBatch(std::span<const GenerationRequest> requests,
                                                const TokenCallback &onToken = {}, std::stop_token stop = {}) const;

    struct State; // generation/generatorstate.h

private:
    friend class ContinuousBatcher;
    explicit TextGenerator(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace llmos
