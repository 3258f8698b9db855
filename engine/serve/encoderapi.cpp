#include "serve/encoderapi.h"

#include "architectures/textclassifier.h"
#include "architectures/textembedder.h"
#include "serve/apierror.h"
#include "serve/apirouter.h"
#include "serve/jsonresponse.h"
#include "serve/modelpool.h"
#include "serve/openairequest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace llmos::serve {

namespace {

using nlohmann::json;

double cosine(const std::vector<float> &a, const std::vector<float> &b)
{
    double dot = 0, aa = 0, bb = 0;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        dot += double(a[i]) * b[i];
        aa += double(a[i]) * a[i];
        bb += double(b[i]) * b[i];
    }
    return aa > 0 && bb > 0 ? dot / std::sqrt(aa * bb) : 0.0;
}

// The documents as texts: strings, or objects with a "text" (Cohere's older shape).
std::vector<std::string> documentTexts(const json &body, std::size_t most)
{
    const auto it = body.find("documents");
    if (it == body.end() || !it->is_array() || it->empty())
        throw ApiError::invalid("documents", "must be a non-empty array of strings");
    if (it->size() > most)
        throw ApiError::invalid("documents", "may hold at most " + std::to_string(most) + " documents");
    std::vector<std::string> texts;
    for (const auto &document : *it) {
        const json *text = &document;
        if (document.is_object() && document.contains("text"))
            text = &document["text"];
        if (!text->is_string() || text->get_ref<const std::string &>().empty())
            throw ApiError::invalid("documents", "each document must be a non-empty string (or {\"text\": ...})");
        texts.push_back(text->get<std::string>());
    }
    return texts;
}

void rerank(const HttpRequest &request, ModelPool &models, const InferenceLimits &limits, ResponseWriter &writer)
{
    const auto body = parseJsonBody(request, limits);
    const auto model = requiredModel(body);
    const auto query = body.find("query");
    if (query == body.end() || !query->is_string() || query->get_ref<const std::string &>().empty())
        throw ApiError::invalid("query", "must be a non-empty string");
    const auto documents = documentTexts(body, limits.maxEmbeddingInputs);
    std::size_t topN = documents.size();
    if (const auto it = body.find("top_n"); it != body.end() && !it->is_null()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < 1)
            throw ApiError::invalid("top_n", "must be a whole number of at least 1");
        topN = std::min<std::size_t>(topN, it->get<std::size_t>());
    }
    bool returnDocuments = true;
    if (const auto it = body.find("return_documents"); it != body.end() && !it->is_null()) {
        if (!it->is_boolean())
            throw ApiError::invalid("return_documents", "must be true or false");
        returnDocuments = it->get<bool>();
    }
    models.withEmbedder(model, [&](const TextEmbedder &embedder) {
        writer.noteUsage(model, 0, 0);
        std::vector<std::string> texts{query->get<std::string>()};
        texts.insert(texts.end(), documents.begin(), documents.end());
        const auto vectors = embedder.embed(texts);
        std::int64_t tokens = 0;
        for (const auto &v : vectors)
            tokens += v.tokens;
        std::vector<std::size_t> order(documents.size());
        std::iota(order.begin(), order.end(), 0);
        std::vector<double> scores;
        for (std::size_t i = 0; i < documents.size(); ++i)
            scores.push_back(cosine(vectors[0].values, vectors[i + 1].values));
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
        json results = json::array();
        for (std::size_t k = 0; k < topN; ++k) {
            const auto i = order[k];
            json result{{"index", i}, {"relevance_score", scores[i]}};
            if (returnDocuments)
                result["document"] = {{"text", documents[i]}};
            results.push_back(std::move(result));
        }
        writer.send(jsonResponse({{"id", responseId("rerank-")},
                                  {"model", model},
                                  {"results", std::move(results)},
                                  {"usage", {{"total_tokens", tokens}}}}));
    });
}

void classify(const HttpRequest &request, ModelPool &models, const InferenceLimits &limits, ResponseWriter &writer)
{
    const auto body = parseJsonBody(request, limits);
    const auto model = requiredModel(body);
    const auto texts = stringOrStrings(body, "input", limits.maxEmbeddingInputs);
    models.withClassifier(model, [&](const TextClassifier &classifier) {
        writer.noteUsage(model, 0, 0);
        const auto results = classifier.classify(texts);
        const auto &labels = classifier.labels();
        json data = json::array();
        std::int64_t tokens = 0;
        for (std::size_t i = 0; i < results.size(); ++i) {
            tokens += results[i].tokens;
            data.push_back({{"index", i},
                            {"label", labels.at(results[i].best)},
                            {"probs", results[i].probabilities},
                            {"num_classes", labels.size()}});
        }
        writer.send(jsonResponse({{"id", responseId("classify-")},
                                  {"object", "list"},
                                  {"created", unixTime()},
                                  {"model", model},
                                  {"data", std::move(data)},
                                  {"usage", {{"prompt_tokens", tokens}, {"total_tokens", tokens}}}}));
    });
}

} // namespace

void addEncoderRoutes(ApiRouter &router, ModelPool &models, const InferenceLimits &limits)
{
    router.add("POST", "/v1/rerank", RouteAccess::Inference,
               "Documents ordered by relevance to a query (an embedding model: cosine of the embeddings).",
               [&models, limits](const HttpRequest &request, const RouteParams &, ResponseWriter &writer) {
                   rerank(request, models, limits, writer);
               });
    router.add("POST", "/v1/classify", RouteAccess::Inference,
               "A sequence classifier's label and per-label probabilities for each text.",
               [&models, limits](const HttpRequest &request, const RouteParams &, ResponseWriter &writer) {
                   classify(request, models, limits, writer);
               });
}

} // namespace llmos::serve
