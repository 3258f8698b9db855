#include "services/trainingprovenance.h"

#include "formats/strictjson.h"
#include "util/atomicfile.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace llmos {

namespace {

constexpr const char *kFileName = "provenance.json";

std::string text(const nlohmann::json &document, const char *key, const std::string &where)
{
    const auto it = document.find(key);
    if (it == document.end() || !it->is_string())
        throw Error(ErrorKind::Format, where, std::string("lacks the text field \"") + key + "\"");
    return it->get<std::string>();
}

} // namespace

void writeTrainingProvenance(const std::string &runDirectory, const TrainingProvenance &provenance)
{
    const nlohmann::json document{{"model_path", provenance.modelPath},
                                  {"base_model_id", provenance.baseModelId},
                                  {"base_model_name", provenance.baseModelName},
                                  {"dataset_path", provenance.datasetPath},
                                  {"dataset_sha256", provenance.dataset.sha256},
                                  {"dataset_size_bytes", provenance.dataset.sizeBytes}};
    writeFileAtomically((fs::path(runDirectory) / kFileName).string(), document.dump(2) + "\n");
}

std::optional<TrainingProvenance> readTrainingProvenance(const std::string &runDirectory)
{
    const auto path = (fs::path(runDirectory) / kFileName).string();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::error_code ec;
        if (!fs::exists(path, ec))
            return std::nullopt;
        throw Error(ErrorKind::Io, path, "cannot be read");
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const auto document = parseJsonStrict(bytes.str(), path);
    if (!document.is_object())
        throw Error(ErrorKind::Format, path, "is not a JSON object");
    TrainingProvenance p;
    p.modelPath = text(document, "model_path", path);
    p.baseModelId = text(document, "base_model_id", path);
    p.baseModelName = text(document, "base_model_name", path);
    p.datasetPath = text(document, "dataset_path", path);
    p.dataset.sha256 = text(document, "dataset_sha256", path);
    const auto size = document.find("dataset_size_bytes");
    if (size == document.end() || !size->is_number_unsigned())
        throw Error(ErrorKind::Format, path, "lacks the number \"dataset_size_bytes\"");
    p.dataset.sizeBytes = size->get<std::uint64_t>();
    return p;
}

} // namespace llmos
