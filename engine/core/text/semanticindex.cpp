#include "text/semanticindex.h"

#include "formats/strictjson.h"
#include "text/passagesplitter.h"
#include "util/atomicfile.h"
#include "util/error.h"
#include "util/mappedfile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <utility>

namespace llmos {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kEmbedBatch = 32;
constexpr const char *kIndexFile = "index.json";
constexpr const char *kVectorsFile = "vectors.f32";
constexpr int kFormatVersion = 1;

// Scales v to unit length in place (a zero vector stays zero and matches nothing).
void normalize(std::span<float> v)
{
    double sum = 0;
    for (const float x : v)
        sum += static_cast<double>(x) * x;
    if (sum <= 0)
        return;
    const auto scale = static_cast<float>(1.0 / std::sqrt(sum));
    for (auto &x : v)
        x *= scale;
}

} // namespace

SemanticIndex::Update SemanticIndex::update(const std::vector<SourceDocument> &documents, const std::string &modelId,
                                            const Embedder &embed, const Progress &progress)
{
    // The vectors the index holds for each text, to reuse when the model is the same.
    std::map<std::string_view, std::size_t> known;
    if (modelId == m_modelId)
        for (std::size_t i = 0; i < m_passages.size(); ++i)
            known.emplace(m_passages[i].text, i);

    std::vector<IndexedPassage> passages;
    for (const auto &document : documents)
        for (const auto &span : splitIntoPassages(document.text))
            passages.push_back({document.key, document.row, span.offset, document.text.substr(span.offset, span.length)});

    Update update;
    update.documents = documents.size();
    update.passages = passages.size();
    std::vector<std::size_t> toEmbed;
    for (std::size_t i = 0; i < passages.size(); ++i)
        if (!known.contains(passages[i].text))
            toEmbed.push_back(i);
    update.embedded = toEmbed.size();
    update.reused = passages.size() - toEmbed.size();

    std::size_t dimension = toEmbed.empty() ? m_dimension : 0;
    std::vector<std::vector<float>> fresh(passages.size());
    for (std::size_t first = 0; first < toEmbed.size(); first += kEmbedBatch) {
        if (progress && !progress(first, toEmbed.size()))
            throw Error(ErrorKind::Cancelled, "semantic index", "indexing was cancelled; the index is as it was");
        std::vector<std::string> texts;
        const auto last = std::min(toEmbed.size(), first + kEmbedBatch);
        for (auto i = first; i < last; ++i)
            texts.push_back(passages[toEmbed[i]].text);
        auto vectors = embed(texts);
        if (vectors.size() != texts.size())
            throw Error(ErrorKind::Internal, "semantic index", "the embedder answered for a different number of texts");
        for (std::size_t j = 0; j < vectors.size(); ++j) {
            if (dimension == 0)
                dimension = vectors[j].size();
            if (vectors[j].size() != dimension || dimension == 0)
                throw Error(ErrorKind::Internal, "semantic index", "the embedder's vectors differ in length");
            normalize(vectors[j]);
            fresh[toEmbed[first + j]] = std::move(vectors[j]);
        }
    }
    if (progress)
        progress(toEmbed.size(), toEmbed.size());

    std::vector<float> matrix;
    matrix.reserve(passages.size() * dimension);
    for (std::size_t i = 0; i < passages.size(); ++i) {
        if (!fresh[i].empty()) {
            matrix.insert(matrix.end(), fresh[i].begin(), fresh[i].end());
        } else {
            const auto from = known.at(passages[i].text) * m_dimension;
            matrix.insert(matrix.end(), m_vectors.begin() + static_cast<std::ptrdiff_t>(from),
                          m_vectors.begin() + static_cast<std::ptrdiff_t>(from + m_dimension));
        }
    }
    m_passages = std::move(passages);
    m_vectors = std::move(matrix);
    m_dimension = m_passages.empty() ? 0 : dimension;
    m_modelId = modelId;
    return update;
}

std::vector<SemanticSearchHit> SemanticIndex::nearest(std::span<const float> unit, std::size_t k,
                                                      const std::function<bool(std::size_t)> &skip) const
{
    std::vector<SemanticSearchHit> hits;
    hits.reserve(m_passages.size());
    for (std::size_t i = 0; i < m_passages.size(); ++i) {
        if (skip && skip(i))
            continue;
        const float *row = m_vectors.data() + i * m_dimension;
        hits.push_back({i, std::inner_product(unit.begin(), unit.end(), row, 0.0f)});
    }
    const auto keep = std::min(k, hits.size());
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(keep), hits.end(),
                      [](const auto &a, const auto &b) { return a.score > b.score || (a.score == b.score && a.passage < b.passage); });
    hits.resize(keep);
    return hits;
}

std::vector<SemanticSearchHit> SemanticIndex::search(std::span<const float> query, std::size_t k) const
{
    if (m_passages.empty())
        return {};
    if (query.size() != m_dimension)
        throw Error(ErrorKind::InvalidInput, "semantic search",
                    "the query has " + std::to_string(query.size()) + " numbers but the index holds vectors of " +
                        std::to_string(m_dimension) + "; search with the model that made the index");
    std::vector<float> unit(query.begin(), query.end());
    normalize(unit);
    return nearest(unit, k, {});
}

std::vector<SemanticSearchHit> SemanticIndex::similarTo(std::size_t passage, std::size_t k) const
{
    if (passage >= m_passages.size())
        throw Error(ErrorKind::InvalidInput, "semantic search", "no passage " + std::to_string(passage));
    const auto &source = m_passages[passage];
    const std::span<const float> unit(m_vectors.data() + passage * m_dimension, m_dimension);
    return nearest(unit, k, [&](std::size_t i) {
        return m_passages[i].document == source.document && m_passages[i].row == source.row;
    });
}

void SemanticIndex::save(const std::string &folder) const
{
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        throw Error(ErrorKind::Io, folder, "cannot create the folder: " + ec.message());
    // Vectors first, then the index that describes them: an index.json always comes with
    // complete vectors (load() checks the sizes agree).
    writeFileAtomically((fs::path(folder) / kVectorsFile).string(),
                        std::string_view(reinterpret_cast<const char *>(m_vectors.data()), m_vectors.size() * sizeof(float)));
    nlohmann::json passages = nlohmann::json::array();
    for (const auto &p : m_passages)
        passages.push_back({{"document", p.document}, {"row", p.row}, {"offset", p.offset}, {"text", p.text}});
    const nlohmann::json index{{"version", kFormatVersion},
                               {"model", m_modelId},
                               {"dimension", m_dimension},
                               {"passages", passages}};
    // Invalid UTF-8 in a passage is written replaced, not refused: the index is ours.
    writeFileAtomically((fs::path(folder) / kIndexFile).string(),
                        index.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

SemanticIndex SemanticIndex::load(const std::string &folder)
{
    SemanticIndex index;
    const auto indexPath = (fs::path(folder) / kIndexFile).string();
    std::error_code ec;
    if (!fs::exists(indexPath, ec))
        return index;
    const auto damaged = [&](const std::string &path, const std::string &what) {
        return Error(ErrorKind::Format, path, what + "; the index is damaged: index the documents again");
    };
    const MappedFile file(indexPath);
    const auto bytes = file.bytes();
    const auto json = parseJsonStrict(std::string_view(reinterpret_cast<const char *>(bytes.data()), bytes.size()),
                                      indexPath);
    try {
        if (json.at("version").get<int>() != kFormatVersion)
            throw damaged(indexPath, "its version is not one this build reads");
        index.m_modelId = json.at("model").get<std::string>();
        index.m_dimension = json.at("dimension").get<std::size_t>();
        for (const auto &p : json.at("passages"))
            index.m_passages.push_back({p.at("document").get<std::string>(), p.at("row").get<std::int64_t>(),
                                        p.at("offset").get<std::size_t>(), p.at("text").get<std::string>()});
    } catch (const nlohmann::json::exception &e) {
        throw damaged(indexPath, std::string("a field is missing or of the wrong type (") + e.what() + ")");
    }
    const auto vectorsPath = (fs::path(folder) / kVectorsFile).string();
    const auto expected = index.m_passages.size() * index.m_dimension * sizeof(float);
    const auto size = fs::file_size(vectorsPath, ec);
    if (ec || size != expected || (index.m_dimension == 0 && !index.m_passages.empty()))
        throw damaged(vectorsPath, "holds " + (ec ? std::string("nothing readable") : std::to_string(size) + " bytes") +
                                       " but the index needs " + std::to_string(expected));
    index.m_vectors.resize(index.m_passages.size() * index.m_dimension);
    if (expected > 0) {
        const MappedFile vectors(vectorsPath);
        std::memcpy(index.m_vectors.data(), vectors.bytes().data(), expected);
    }
    return index;
}

std::vector<SourceDocument> readTextFolder(const std::string &folder, std::size_t maxFiles, std::size_t maxFileBytes)
{
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw Error(ErrorKind::NotFound, folder, "is not a folder");
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
         it != end && files.size() < maxFiles; it.increment(ec)) {
        if (ec)
            break;
        const auto extension = it->path().extension();
        if (it->is_regular_file(ec) && !it->is_symlink(ec) && (extension == ".txt" || extension == ".md"))
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    std::vector<SourceDocument> documents;
    for (const auto &path : files) {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            continue; // unreadable now (removed, no permission): left out, as a file that is not there
        std::string text(maxFileBytes, '\0');
        in.read(text.data(), static_cast<std::streamsize>(text.size()));
        text.resize(static_cast<std::size_t>(in.gcount()));
        documents.push_back({fs::relative(path, folder, ec).generic_string(), -1, std::move(text)});
    }
    return documents;
}

} // namespace llmos
