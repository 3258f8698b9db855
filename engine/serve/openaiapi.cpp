#include "serve/openaiapi.h"

#include "architectures/textembedder.h"
#include "generation/continuousbatcher.h"
#include "generation/textgenerator.h"
#include "serve/apierror.h"
#include "serve/apirouter.h"
#include "serve/jsonresponse.h"
#include "serve/modelpool.h"
#include "serve/servermetrics.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <openssl/evp.h>

#include <algorithm>
#include <span>
#include <atomic>
#include <chrono>
#include <random>
#include <stop_token>

namespace llmos::serve {

namespace {

using nlohmann::json;


const char *finishReason(FinishReason reason)
{
    switch (reason) {
    case FinishReason::Length:
    case FinishReason::ContextFull:
        return "length";
    default:
        return "stop";
    }
}

// The requests for `prompts` x `choices`: choice c of prompt p is request p * choices + c.
// With a seed, choice c draws from seed + c, so n choices differ yet repeat exactly.
std::vector<GenerationRequest> requestsFor(const std::vector<std::vector<std::int32_t>> &prompts,
                                           const CompletionParams &params, const TextGenerator &generator,
                                           const char *promptField)
{
    const auto context = generator.config().maxPositionEmbeddings;
    std::vector<GenerationRequest> requests;
    for (const auto &ids : prompts) {
        const auto promptTokens = static_cast<std::int64_t>(ids.size());
        if (context > 0 && promptTokens + params.maxTokens > context)
            throw ApiError(400,
                           "this model's context is " + std::to_string(context) + " tokens; the prompt has " +
                               std::to_string(promptTokens) + " and max_tokens asks for " +
                               std::to_string(params.maxTokens) + " more",
                           promptField, "context_length_exceeded");
        for (int c = 0; c < params.choices; ++c) {
            GenerationRequest request;
            request.promptIds = ids;
            request.maxNewTokens = params.maxTokens;
            request.sampling = params.sampling;
            if (request.sampling.seed)
                request.sampling.seed = *request.sampling.seed + static_cast<std::uint64_t>(c);
            request.stopStrings = params.stop;
            request.logprobs = params.logprobs;
            requests.push_back(std::move(request));
        }
    }
    return requests;
}

json usageOf(const std::vector<GenerationResult> &results, std::size_t choices)
{
    std::size_t prompt = 0, completion = 0;
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (i % choices == 0) // each prompt once, however many choices it has
            prompt += results[i].promptTokens;
        completion += results[i].ids.size();
    }
    return {{"prompt_tokens", prompt}, {"completion_tokens", completion}, {"total_tokens", prompt + completion}};
}

// What differs between chat and text completions: the object names and how a piece of
// text sits in a choice.
struct CompletionShape {
    const char *object;      // "chat.completion" / "text_completion"
    const char *chunkObject; // "chat.completion.chunk" / "text_completion"
    const char *idPrefix;
    bool chat;
};

json choiceText(const CompletionShape &shape, const std::string &text)
{
    if (shape.chat)
        return {{"message", {{"role", "assistant"}, {"content", text}}}};
    return {{"text", text}};
}

json chunkDelta(const CompletionShape &shape, const std::string &text)
{
    if (!shape.chat)
        return {{"text", text}};
    return {{"delta", {{"content", text}}}};
}

// Log-probabilities of generated tokens as OpenAI shapes them: chat's list of
// {token, logprob, bytes, top_logprobs}, or completions' parallel lists, whose text
// offsets start at `offset` and advance by each token's text (a stream's chunk continues
// where the last one ended).
json logprobsJson(const CompletionShape &shape, std::span<const TokenLogprob> entries, const TextGenerator &generator,
                  std::size_t &offset)
{
    auto text = [&](std::int32_t id) { return generator.tokenizer().decode(std::span(&id, 1)); };
    auto bytes = [](const std::string &s) {
        std::vector<int> values;
        for (const unsigned char c : s)
            values.push_back(c);
        return values;
    };
    if (shape.chat) {
        json content = json::array();
        for (const auto &entry : entries) {
            json top = json::array();
            for (const auto &[id, logprob] : entry.top)
                top.push_back({{"token", text(id)}, {"logprob", logprob}, {"bytes", bytes(text(id))}});
            const auto token = text(entry.id);
            content.push_back({{"token", token}, {"logprob", entry.logprob}, {"bytes", bytes(token)}, {"top_logprobs", top}});
        }
        return {{"content", std::move(content)}};
    }
    json tokens = json::array(), logprobs = json::array(), top = json::array(), offsets = json::array();
    for (const auto &entry : entries) {
        const auto token = text(entry.id);
        tokens.push_back(token);
        logprobs.push_back(entry.logprob);
        json alternatives = json::object();
        for (const auto &[id, logprob] : entry.top)
            alternatives[text(id)] = logprob;
        top.push_back(std::move(alternatives));
        offsets.push_back(offset);
        offset += token.size();
    }
    return {{"tokens", tokens}, {"token_logprobs", logprobs}, {"top_logprobs", top}, {"text_offset", offsets}};
}

// A whole result's: a final end-of-sequence or stop token is not part of the text and is
// left out.
json logprobsJson(const CompletionShape &shape, const GenerationResult &result, const TextGenerator &generator)
{
    std::span<const TokenLogprob> entries(result.logprobs);
    if (!entries.empty() &&
        (result.finishReason == FinishReason::EndOfSequence || result.finishReason == FinishReason::StopToken))
        entries = entries.first(entries.size() - 1);
    std::size_t offset = 0;
    return logprobsJson(shape, entries, generator, offset);
}

// A stream's log-probabilities per choice: the tokens generated since the last chunk with
// text (a token's text may be held back, by a stop string that might match or a character
// not complete yet), sent with the next chunk that has text, or with the last.
class StreamedLogprobs {
public:
    StreamedLogprobs(const CompletionShape &shape, const TextGenerator &generator, std::size_t choices, bool wanted)
        : m_shape(shape)
        , m_generator(generator)
        , m_pending(choices)
        , m_offsets(choices, 0)
        , m_wanted(wanted)
    {
    }
    void add(const GeneratedToken &token)
    {
        if (m_wanted && token.logprob)
            m_pending[token.sequence].push_back(*token.logprob);
    }
    // What the next chunk of `choice` says, and forget it.
    json take(std::size_t choice)
    {
        if (!m_wanted)
            return nullptr;
        auto out = logprobsJson(m_shape, m_pending[choice], m_generator, m_offsets[choice]);
        m_pending[choice].clear();
        return out;
    }

private:
    const CompletionShape &m_shape;
    const TextGenerator &m_generator;
    std::vector<std::vector<TokenLogprob>> m_pending;
    std::vector<std::size_t> m_offsets;
    bool m_wanted;
};

// Runs the requests and answers: one JSON response, or a stream of chunks.
void complete(const CompletionShape &shape, const CompletionParams &params, ContinuousBatcher &batcher,
              const std::vector<GenerationRequest> &requests, ResponseWriter &writer, ServerMetrics &metrics)
{
    const auto &generator = batcher.generator();
    auto count = [&](const std::vector<GenerationResult> &results) {
        for (const auto &result : results) {
            const auto tokens = static_cast<std::int64_t>(result.ids.size());
            metrics.recordGeneration(params.model, tokens, result.timeToFirstToken);
            writer.noteUsage(params.model, tokens, result.timeToFirstToken);
        }
    };
    const auto id = responseId(shape.idPrefix);
    const auto created = unixTime();
    json base{{"id", id}, {"object", shape.chunkObject}, {"created", created}, {"model", params.model}};
    std::stop_source stop;

    if (!params.stream) {
        const auto results = batcher.generate(requests, [&](const GeneratedToken &) {
            if (writer.clientGone())
                stop.request_stop();
            return !writer.clientGone();
        }, stop.get_token(), [&] { return writer.clientGone(); });
        count(results);
        if (writer.clientGone())
            return;
        json choices = json::array();
        for (std::size_t i = 0; i < results.size(); ++i) {
            json choice = choiceText(shape, results[i].text);
            choice["index"] = i;
            choice["finish_reason"] = finishReason(results[i].finishReason);
            choice["logprobs"] = params.logprobs >= 0 ? logprobsJson(shape, results[i], generator) : json();
            choices.push_back(std::move(choice));
        }
        base["object"] = shape.object;
        base["choices"] = std::move(choices);
        base["usage"] = usageOf(results, static_cast<std::size_t>(params.choices));
        writer.send(jsonResponse(base));
        return;
    }

    if (!writer.beginEvents())
        return;
    StreamedLogprobs logprobs(shape, generator, requests.size(), params.logprobs >= 0);
    auto chunk = [&](std::size_t index, json piece, const json &finish) {
        json event = base;
        piece["index"] = index;
        piece["finish_reason"] = finish;
        piece["logprobs"] = logprobs.take(index);
        event["choices"] = json::array({std::move(piece)});
        return writer.sendEvent(jsonText(event));
    };
    if (shape.chat) // as OpenAI's streams begin: each choice's role, before any text
        for (std::size_t i = 0; i < requests.size(); ++i)
            if (!chunk(i, {{"delta", {{"role", "assistant"}, {"content", ""}}}}, nullptr))
                return;
    const auto results = batcher.generate(requests, [&](const GeneratedToken &token) {
        logprobs.add(token);
        if (token.text.empty())
            return !writer.clientGone();
        if (!chunk(token.sequence, chunkDelta(shape, token.text), nullptr)) {
            stop.request_stop(); // the client has gone: every sequence stops
            return false;
        }
        return true;
    }, stop.get_token(), [&] { return writer.clientGone(); });
    count(results);
    if (writer.clientGone())
        return;
    for (std::size_t i = 0; i < results.size(); ++i)
        chunk(i, shape.chat ? json{{"delta", json::object()}} : json{{"text", ""}},
              finishReason(results[i].finishReason));
    if (params.includeUsage) {
        json usage = base;
        usage["choices"] = json::array();
        usage["usage"] = usageOf(results, static_cast<std::size_t>(params.choices));
        writer.sendEvent(jsonText(usage));
    }
    writer.sendEvent("[DONE]");
    writer.endEvents();
}

void chatCompletions(const HttpRequest &request, ModelPool &models, const InferenceLimits &limits,
                     ServerMetrics &metrics, ResponseWriter &writer)
{
    const auto body = parseJsonBody(request, limits);
    auto params = parseCompletionParams(body, limits, limits.maxTokens);
    const auto messages = body.find("messages");
    if (messages == body.end() || !messages->is_array() || messages->empty())
        throw ApiError::invalid("messages", "must be a non-empty array of {\"role\", \"content\"} messages");
    const bool lengthAsked = body.contains("max_tokens") || body.contains("max_completion_tokens");
    models.withGenerator(params.model, [&](ContinuousBatcher &batcher) {
        const auto &generator = batcher.generator();
        applySamplingDefaults(params, body, generator.defaults().sampling());
        std::vector<std::int32_t> ids;
        try {
            ids = generator.encodeChat(nlohmann::ordered_json::parse(messages->dump()));
        } catch (const Error &error) {
            throw ApiError(400, error.detail(), "messages",
                           error.kind() == ErrorKind::NotFound ? "no_chat_template" : "");
        }
        // Unasked, a reply may take what the context leaves (up to the cap and the
        // model's own max_new_tokens); asked for more than that, the request is refused.
        if (!lengthAsked) {
            const auto room = generator.config().maxPositionEmbeddings - static_cast<std::int64_t>(ids.size());
            params.maxTokens = std::clamp<std::int64_t>(
                std::min(room, generator.defaults().maxNewTokens.value_or(limits.maxTokens)), 1, limits.maxTokens);
        }
        complete({"chat.completion", "chat.completion.chunk", "chatcmpl-", true}, params, batcher,
                 requestsFor({ids}, params, generator, "messages"), writer, metrics);
    });
}

void textCompletions(const HttpRequest &request, ModelPool &models, const InferenceLimits &limits,
                     ServerMetrics &metrics, ResponseWriter &writer)
{
    const auto body = parseJsonBody(request, limits);
    auto params = parseCompletionParams(body, limits, 16, false); // 16: OpenAI's default for completions
    if (body.contains("echo") && body["echo"] == true)
        throw ApiError::invalid("echo", "is not supported by this server yet");
    const auto prompts = stringOrStrings(body, "prompt", limits.maxPrompts);
    models.withGenerator(params.model, [&](ContinuousBatcher &batcher) {
        const auto &generator = batcher.generator();
        applySamplingDefaults(params, body, generator.defaults().sampling());
        std::vector<std::vector<std::int32_t>> encoded;
        for (const auto &prompt : prompts)
            encoded.push_back(generator.encode(prompt));
        complete({"text_completion", "text_completion", "cmpl-", false}, params, batcher,
                 requestsFor(encoded, params, generator, "prompt"), writer, metrics);
    });
}

// Little-endian float32 bytes in base64, what OpenAI's clients ask for by default.
std::string base64OfFloats(const std::vector<float> &values)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(values.data());
    const auto size = values.size() * sizeof(float);
    std::string encoded(4 * ((size + 2) / 3), '\0');
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(encoded.data()), bytes, static_cast<int>(size));
    encoded.resize(static_cast<std::size_t>(written));
    return encoded;
}

void embeddings(const HttpRequest &request, ModelPool &models, const InferenceLimits &limits, ResponseWriter &writer)
{
    static_assert(std::endian::native == std::endian::little, "base64 embeddings are little-endian float32");
    const auto body = parseJsonBody(request, limits);
    const auto model = requiredModel(body);
    const auto texts = stringOrStrings(body, "input", limits.maxEmbeddingInputs);
    std::string format = "float";
    if (const auto it = body.find("encoding_format"); it != body.end() && !it->is_null()) {
        if (!it->is_string() || (*it != "float" && *it != "base64"))
            throw ApiError::invalid("encoding_format", "must be \"float\" or \"base64\"");
        format = it->get<std::string>();
    }
    models.withEmbedder(model, [&](const TextEmbedder &embedder) {
        writer.noteUsage(model, 0, 0);
        if (const auto it = body.find("dimensions"); it != body.end() && !it->is_null()
                                                      && (!it->is_number_integer() || *it != embedder.dimension()))
            throw ApiError::invalid("dimensions", "this model gives " + std::to_string(embedder.dimension()) +
                                                      " dimensions and cannot shorten them");
        const auto vectors = embedder.embed(texts);
        json data = json::array();
        std::int64_t tokens = 0;
        for (std::size_t i = 0; i < vectors.size(); ++i) {
            tokens += vectors[i].tokens;
            json item{{"object", "embedding"}, {"index", i}};
            if (format == "base64")
                item["embedding"] = base64OfFloats(vectors[i].values);
            else
                item["embedding"] = vectors[i].values;
            data.push_back(std::move(item));
        }
        writer.send(jsonResponse({{"object", "list"},
                                  {"data", std::move(data)},
                                  {"model", model},
                                  {"usage", {{"prompt_tokens", tokens}, {"total_tokens", tokens}}}}));
    });
}

json modelJson(const DeployedModel &model)
{
    return {{"id", model.id}, {"object", "model"}, {"created", 0}, {"owned_by", "llmos"}};
}

} // namespace

void addOpenAiRoutes(ApiRouter &router, ModelPool &models, const InferenceLimits &limits, ServerMetrics &metrics)
{
    router.add("GET", "/v1/models", RouteAccess::Inference, "The deployed models.", [&models](const HttpRequest &, const RouteParams &, ResponseWriter &writer) {
        json data = json::array();
        for (const auto &model : models.models())
            data.push_back(modelJson(model));
        writer.send(jsonResponse({{"object", "list"}, {"data", std::move(data)}}));
    });
    router.add("GET", "/v1/models/{model}", RouteAccess::Inference, "One deployed model.",
               [&models](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   const auto &wanted = params.find("model")->second;
                   for (const auto &model : models.models())
                       if (model.id == wanted)
                           return writer.send(jsonResponse(modelJson(model)));
                   throw ApiError(404, "the model '" + wanted + "' does not exist or is not deployed on this server",
                                  "model", "model_not_found");
               });
    router.add("POST", "/v1/chat/completions", RouteAccess::Inference,
               "A reply to a conversation, whole or streamed (server-sent events).",
               [&models, &metrics, limits](const HttpRequest &request, const RouteParams &, ResponseWriter &writer) {
                   chatCompletions(request, models, limits, metrics, writer);
               });
    router.add("POST", "/v1/completions", RouteAccess::Inference,
               "A continuation of a prompt, whole or streamed (server-sent events).",
               [&models, &metrics, limits](const HttpRequest &request, const RouteParams &, ResponseWriter &writer) {
                   textCompletions(request, models, limits, metrics, writer);
               });
    router.add("POST", "/v1/embeddings", RouteAccess::Inference, "Embeddings of texts (float or base64).",
               [&models, limits](const HttpRequest &request, const RouteParams &, ResponseWriter &writer) {
                   embeddings(request, models, limits, writer);
               });
}

} // namespace llmos::serve
