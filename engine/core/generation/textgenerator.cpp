#include "generation/textgenerator.h"

#include "architectures/causallmquantization.h"

#include "generation/generatorstate.h"

#include "architectures/causallmloader.h"
#include "chat/chatmessages.h"
#include "chat/chattemplate.h"
#include "generation/textstream.h"
#include "generation/tokensampler.h"
#include "runtime/torchdevice.h"
#include "tokenizer/loadtokenizer.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <numeric>
#include <random>

namespace llmos {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::uint64_t randomSeed()
{
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

void addId(std::vector<std::int32_t> &ids, std::optional<std::int64_t> id)
{
    if (id && *id >= 0 && *id <= INT32_MAX && std::find(ids.begin(), ids.end(), *id) == ids.end())
        ids.push_back(static_cast<std::int32_t>(*id));
}

} // namespace

const char *finishReasonName(FinishReason reason) noexcept
{
    switch (reason) {
    case FinishReason::Length: return "length";
    case FinishReason::EndOfSequence: return "eos";
    case FinishReason::StopToken: return "stop_token";
    case FinishReason::StopString: return "stop_string";
    case FinishReason::ContextFull: return "context";
    case FinishReason::CallbackStopped: return "callback";
    case FinishReason::Cancelled: return "cancelled";
    }
    return "unknown";
}

double GenerationResult::tokensPerSecond() const noexcept
{
    return totalSeconds > 0 ? static_cast<double>(ids.size()) / totalSeconds : 0;
}

TextGenerator::TextGenerator(std::unique_ptr<State> state)
    : m_state(std::move(state))
{
}

TextGenerator::TextGenerator(TextGenerator &&) noexcept = default;
TextGenerator &TextGenerator::operator=(TextGenerator &&) noexcept = default;
TextGenerator::~TextGenerator() = default;

TextGenerator TextGenerator::open(const std::string &modelPath, const GeneratorOptions &options)
{
    auto state = std::make_unique<State>();
    state->device = resolveTorchDevice(options.device);
    state->tokenizer = loadTokenizer(modelPath);
    state->model = loadCausalLm(modelPath);
    state->model->to(state->device, computeDtype(state->device));
    state->model->fuseProjections(); // a move to another device or dtype undoes the fusion
    std::error_code ec;
    if (std::filesystem::is_directory(modelPath, ec))
        state->defaults = loadGenerationConfig(modelPath);

    const auto &config = state->model->config();
    for (auto id : state->defaults.eosTokenIds)
        addId(state->endOfSequence, id);
    for (auto id : config.eosTokenIds)
        addId(state->endOfSequence, id);
    if (const auto eos = state->tokenizer->specialTokens().eos)
        addId(state->endOfSequence, *eos);

    TextGenerator generator(std::move(state));
    if (auto source = findChatTemplate(modelPath))
        generator.setChatTemplate(std::move(*source));
    return generator;
}

const ModelConfig &TextGenerator::config() const { return m_state->model->config(); }
const Tokenizer &TextGenerator::tokenizer() const { return *m_state->tokenizer; }
const GenerationDefaults &TextGenerator::defaults() const { return m_state->defaults; }
std::string TextGenerator::deviceName() const { return m_state->device.str(); }
const std::vector<std::int32_t> &TextGenerator::endOfSequenceIds() const { return m_state->endOfSequence; }
const std::optional<ChatTemplateSource> &TextGenerator::chatTemplate() const { return m_state->chatTemplateSource; }

std::int64_t TextGenerator::weightBytesPerDecodeStep() const
{
    const auto &model = *m_state->model;
    std::int64_t bytes = 0;
    for (const auto &parameter : model.parameters())
        bytes += static_cast<std::int64_t>(parameter.nbytes());
    // The input embedding table is the [vocab, hidden] parameter that is not the head.
    const auto &head = model.outputEmbedding();
    for (const auto &parameter : model.parameters())
        if (parameter.dim() == 2 && parameter.size(0) == model.config().vocabSize && !parameter.is_same(head))
            bytes -= static_cast<std::int64_t>(parameter.nbytes());
    return bytes + quantizedWeightBytes(model);
}

std::vector<std::int32_t> TextGenerator::encode(const std::string &prompt) const
{
    return m_state->tokenizer->encode(prompt, /*addSpecialTokens=*/true);
}

void TextGenerator::setChatTemplate(ChatTemplateSource source)
{
    m_state->chatTemplate.emplace(source.text, source.origin);
    m_state->chatTemplateSource = std::move(source);
}

std::string TextGenerator::renderChat(const nlohmann::ordered_json &messages, bool addGenerationPrompt) const
{
    if (!m_state->chatTemplate)
        throw Error(ErrorKind::NotFound, "chat template",
                    "this model has no chat template (none in tokenizer_config.json, chat_template.jinja or the "
                    "GGUF metadata); it may be a base model, not a chat model. Give one with --chat-template FILE, "
                    "or use generate with a plain prompt");
    validateChatMessages(messages);
    const auto &tokenizer = *m_state->tokenizer;
    auto tokenText = [&](std::optional<std::int32_t> id) {
        return id ? tokenizer.idToToken(*id) : std::string();
    };
    nlohmann::ordered_json variables;
    variables["messages"] = messages;
    variables["bos_token"] = tokenText(tokenizer.specialTokens().bos);
    variables["eos_token"] = tokenText(tokenizer.specialTokens().eos);
    variables["add_generation_prompt"] = addGenerationPrompt;
    return m_state->chatTemplate->render(variables);
}

std::vector<std::int32_t> TextGenerator::encodeChat(const nlohmann::ordered_json &messages,
                                                    bool addGenerationPrompt) const
{
    return m_state->tokenizer->encode(renderChat(messages, addGenerationPrompt), /*addSpecialTokens=*/false);
}

void TextGenerator::State::checkRequest(const GenerationRequest &request, std::size_t index) const
{
    const std::string where = "generation request " + std::to_string(index);
    const auto &config = model->config();
    if (request.promptIds.empty())
        throw Error(ErrorKind::InvalidInput, where, "the prompt has no tokens");
    if (request.maxNewTokens < 0)
        throw Error(ErrorKind::InvalidInput, where, "max new tokens must not be negative");
    for (std::size_t i = 0; i < request.promptIds.size(); ++i) {
        const auto id = request.promptIds[i];
        if (id < 0 || id >= config.vocabSize)
            throw Error(ErrorKind::InvalidInput, where + ": token " + std::to_string(i),
                        "id " + std::to_string(id) + " is outside the vocabulary of " + std::to_string(config.vocabSize));
    }
    if (static_cast<std::int64_t>(request.promptIds.size()) >= config.maxPositionEmbeddings)
        throw Error(ErrorKind::InvalidInput, where,
                    "the prompt has " + std::to_string(request.promptIds.size())
                        + " tokens, which leaves no room in the model's context of "
                        + std::to_string(config.maxPositionEmbeddings) + " tokens; shorten it");
    validateSamplingOptions(request.sampling);
    if (request.logprobs < -1 || request.logprobs > GenerationRequest::kMaxTopLogprobs)
        throw Error(ErrorKind::InvalidInput, where,
                    "top logprobs must be between 0 and " + std::to_string(GenerationRequest::kMaxTopLogprobs));
}

void TextGenerator::State::emit(Sequence &sequence, std::size_t index, std::int32_t id, std::string text,
                                const TokenCallback &onToken) const
{
    sequence.result.text += text;
    GeneratedToken token{index, id, std::move(text), std::nullopt};
    if (id != GeneratedToken::kNoToken && sequence.request.logprobs >= 0 && !sequence.result.logprobs.empty())
        token.logprob = sequence.result.logprobs.back(); // sampleRow records it before accept() emits
    if (onToken && !onToken(token) && !sequence.finished)
        finish(sequence, index, FinishReason::CallbackStopped, onToken);
}

void TextGenerator::State::finish(Sequence &sequence, std::size_t index, FinishReason reason,
                                  const TokenCallback &onToken) const
{
    sequence.finished = true;
    sequence.result.finishReason = reason;
    // Release what the decoder and the stop matcher still hold.
    std::string rest = sequence.stops.push(sequence.decoder.flush());
    if (sequence.stops.stopped())
        sequence.result.finishReason = FinishReason::StopString;
    else
        rest += sequence.stops.flush();
    if (!rest.empty())
        emit(sequence, index, GeneratedToken::kNoToken, std::move(rest), onToken);
}

void TextGenerator::State::accept(Sequence &sequence, std::size_t index, std::int32_t id,
                                  const TokenCallback &onToken) const
{
    sequence.result.ids.push_back(id);
    sequence.history.push_back(id);
    const auto &request = sequence.request;
    if (!request.ignoreEos && std::find(endOfSequence.begin(), endOfSequence.end(), id) != endOfSequence.end())
        return finish(sequence, index, FinishReason::EndOfSequence, onToken);
    if (std::find(request.stopTokenIds.begin(), request.stopTokenIds.end(), id) != request.stopTokenIds.end())
        return finish(sequence, index, FinishReason::StopToken, onToken);

    emit(sequence, index, id, sequence.stops.push(sequence.decoder.push(id)), onToken);
    if (sequence.finished)
        return;
    if (sequence.stops.stopped())
        return finish(sequence, index, FinishReason::StopString, onToken);
    if (static_cast<std::int64_t>(sequence.result.ids.size()) >= request.maxNewTokens)
        return finish(sequence, index, FinishReason::Length, onToken);
    if (static_cast<std::int64_t>(sequence.history.size()) >= model->config().maxPositionEmbeddings)
        return finish(sequence, index, FinishReason::ContextFull, onToken);
}

void TextGenerator::State::sampleRow(Sequence &sequence, std::size_t index, std::span<float> logits,
                                     const TokenCallback &onToken) const
{
    // Read before the sampler, which may change the logits (repetition penalty).
    const auto distribution = sequence.request.logprobs >= 0 ? LogDistribution(logits) : LogDistribution();
    const auto id = sequence.sampler.next(logits, sequence.history);
    if (sequence.request.logprobs >= 0)
        sequence.result.logprobs.push_back(distribution.describe(id, sequence.request.logprobs));
    accept(sequence, index, id, onToken);
}

TextGenerator::State::PaddedPrompts TextGenerator::State::leftPadded(std::span<const GenerationRequest> requests)
{
    PaddedPrompts p;
    const auto batch = static_cast<std::int64_t>(requests.size());
    for (const auto &r : requests)
        p.longest = std::max(p.longest, static_cast<std::int64_t>(r.promptIds.size()));
    p.ids = torch::zeros({batch, p.longest}, torch::kLong);
    p.mask = torch::zeros({batch, p.longest}, torch::kLong);
    for (std::int64_t b = 0; b < batch; ++b) {
        const auto &prompt = requests[static_cast<std::size_t>(b)].promptIds;
        const auto offset = p.longest - static_cast<std::int64_t>(prompt.size());
        auto *row = p.ids[b].data_ptr<std::int64_t>();
        for (std::size_t i = 0; i < prompt.size(); ++i)
            row[offset + static_cast<std::int64_t>(i)] = prompt[i];
        p.mask[b].narrow(0, offset, p.longest - offset).fill_(1);
        p.padded = p.padded || offset > 0;
    }
    return p;
}

GenerationResult TextGenerator::generate(const GenerationRequest &request, const TokenCallback &onToken,
                                         std::stop_token stop) const
{
    return generateBatch(std::span(&request, 1), onToken, std::move(stop)).front();
}

std::vector<GenerationResult> TextGenerator::generateBatch(std::span<const GenerationRequest> requests,
                                                           const TokenCallback &onToken, std::stop_token stop) const
{
    const auto &state = *m_state;
    for (std::size_t i = 0; i < requests.size(); ++i)
        state.checkRequest(requests[i], i);

    const auto start = Clock::now();
    const auto fallbackSeed = randomSeed();
    std::vector<Sequence> sequences;
    sequences.reserve(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i)
        sequences.emplace_back(requests[i], *state.tokenizer, fallbackSeed + i);
    for (std::size_t i = 0; i < sequences.size(); ++i)
        if (requests[i].maxNewTokens == 0)
            state.finish(sequences[i], i, FinishReason::Length, onToken);

    auto unfinished = [&] {
        return std::any_of(sequences.begin(), sequences.end(), [](const Sequence &s) { return !s.finished; });
    };

    // Prefill: the prompts left-padded to one length, padding masked out.
    const auto batch = static_cast<std::int64_t>(requests.size());
    const auto [ids, mask, longest, padded] = State::leftPadded(requests);

    c10::InferenceMode inference;
    auto &model = *state.model.ptr(); // forward() is not const, though inference changes nothing
    KvCache cache = model.makeCache();
    std::int64_t mostNew = 0;
    for (const auto &r : requests)
        mostNew = std::max(mostNew, r.maxNewTokens);
    cache.reserve(longest + mostNew);
    const auto device = state.device;
    auto input = ids.to(device);
    auto attention = mask.to(device);
    bool first = true;
    while (unfinished()) {
        if (stop.stop_requested()) {
            for (std::size_t i = 0; i < sequences.size(); ++i)
                if (!sequences[i].finished)
                    state.finish(sequences[i], i, FinishReason::Cancelled, onToken);
            break;
        }
        // Without padding the mask changes nothing, and leaving it out saves work per step.
        const auto hidden = model.hiddenStates(input, padded ? attention : torch::Tensor(), &cache);
        const auto logits = model.logits(hidden.select(1, hidden.size(1) - 1)).to(torch::kCPU).contiguous();
        std::vector<std::int64_t> next(static_cast<std::size_t>(batch), 0);
        for (std::size_t i = 0; i < sequences.size(); ++i) {
            auto &sequence = sequences[i];
            if (sequence.finished)
                continue;
            const auto row = logits[static_cast<std::int64_t>(i)];
            state.sampleRow(sequence, i, std::span(row.data_ptr<float>(), static_cast<std::size_t>(row.numel())),
                            onToken);
            next[i] = sequence.result.ids.back();
        }
        if (first) {
            const auto elapsed = secondsSince(start);
            for (auto &sequence : sequences)
                sequence.result.timeToFirstToken = elapsed;
            first = false;
        }
        // Finished rows keep running (their tokens are ignored): a batch has one length.
        input = torch::tensor(next, torch::kLong).view({batch, 1}).to(device);
        if (padded)
            attention = torch::cat({attention, torch::ones({batch, 1}, attention.options())}, 1);
    }

    const auto total = secondsSince(start);
    std::vector<GenerationResult> results;
    results.reserve(sequences.size());
    for (auto &sequence : sequences) {
        sequence.result.totalSeconds = total;
        results.push_back(std::move(sequence.result));
    }
    return results;
}

} // namespace llmos
