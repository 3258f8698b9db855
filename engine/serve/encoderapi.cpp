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
#include <filesystem>
#include <fstream>
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

// A cross-encoder (a reranker): a Hugging Face sequence classifier with one label, which
// reads the query and a document together and scores the pair. Anything else is taken as
// a bi-encoder (embeddings compared by cosine).
bool isCrossEncoder(const ModelPool &models, const std::string &id)
{
    for (const auto &model : models.models()) {
        if (model.id != id)
            continue;
        std::ifstream in(std::filesystem::path(model.path) / "config.json");
        if (!in)
            return false; // a GGUF file, or no config: the loaders will say what is wrong
        const auto config = json::parse(in, nullptr, false);
        if (!config.is_object())
            return false;
        bool classifier = false;
        if (const auto it = config.find("architectures"); it != config.end() && it->is_array())
            for (const auto &name : *it)
                classifier = classifier || (name.is_string() && name.get<std::string>().ends_with("ForSequenceClassification"));
        std::size_t labels = 2; // transformers' default
        if (const auto it = config.find("id2label"); it != config.end() && it->is_object())
            labels = it->size();
        if (const auto it = config.find("num_labels"); it != config.end() && it->is_number_unsigned())
            labels = it->get<std::size_t>();
        return classifier && labels == 1;
    }
    return false;
}

// Relevance of each document to the query, and the tokens read: the cross-encoder's
// probability for the pair (the sigmoid of its one logit), else the cosine of the
// query's and the document's embeddings.
std::pair<std::vector<double>, std::int64_t> relevance(ModelPool &models, const std::string &model,
                                                       const std::string &query, const std::vector<std::string> &documents)
{
    std::vector<double> scores;
    std::int64_t tokens = 0;
    if (isCrossEncoder(models, model)) {
        models.withClassifier(model, [&](const TextClassifier &classifier) {
            std::vector<std::pair<std::string, std::string>> pairs;
            for (const auto &document : documents)
                pairs.emplace_back(query, document);
            for (const auto &result : classifier.classifyPairs(pairs)) {
                scores.push_back(result.probabilities.at(0));
                tokens += result.tokens;
            }
        });
        return {scores, tokens};
    }
    models.withEmbedder(model, [&](const TextEmbedder &embedder) {
        std::vector<std::string> texts{query};
        texts.insert(texts.end(), documents.begin(), documents.end());
        const auto vectors = embedder.embed(texts);
        for (const auto &v : vectors)
            tokens += v.tokens;
        for (std::size_t i = 0; i < documents.size(); ++i)
            scores.push_back(cosine(vectors[0].values, vectors[i + 1].values));
    });
    return {scores, tokens};
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
    const auto [scores, tokens] = relevance(models, model, query->get<std::string>(), documents);
    writer.noteUsage(model, 0, 0);
    std::vector<std::size_t> order(documents.size());
    std::iota(order.begin(), order.end(), 0);
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
               "Documents ordered by relevance to a query: a cross-encoder's score for each pair, or the cosine "
               "of an embedding model's vectors.",
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
