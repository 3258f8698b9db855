#include "registry/importplan.h"

#include "formats/gguf/gguffile.h"
#include "formats/modelfolderlinks.h"
#include "formats/picklerefusal.h"
#include "formats/safetensorsfile.h"
#include "formats/strictjson.h"
#include "model/modelinspection.h"
#include "registry/sourcefile.h"
#include "tokenizer/jsonfields.h"
#include "util/error.h"
#include "util/mappedfile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <optional>

namespace fs = std::filesystem;

namespace llmos {

namespace {

constexpr const char *kAdapterConfig = "adapter_config.json";
constexpr const char *kAdapterWeights = "adapter_model.safetensors";

// Files that belong with a model's weights; taken from beside a lone .safetensors file.
constexpr std::array<std::string_view, 12> kCompanionFiles{
    "config.json",          "generation_config.json", "tokenizer.json",     "tokenizer_config.json",
    "special_tokens_map.json", "tokenizer.model",     "vocab.json",         "merges.txt",
    "vocab.txt",            "added_tokens.json",      "chat_template.jinja", "README.md"};

// Weights in formats the workbench does not read: left out rather than stored unused.
constexpr std::array<std::string_view, 6> kForeignWeights{".onnx", ".h5", ".msgpack", ".ot", ".tflite", ".mlmodel"};

std::string nameFromFolder(const fs::path &folder)
{
    if (auto repository = hubCacheRepository(folder)) {
        // models--org--name -> org/name
        std::string name = repository->filename().string().substr(8);
        if (const auto dash = name.find("--"); dash != std::string::npos)
            name.replace(dash, 2, "/");
        return name;
    }
    return folder.filename().string();
}

// The license from a model card's YAML front matter ("license: apache-2.0"), which is
// at the top: only the first 64 KiB are read.
std::string licenseFromCard(const std::string &cardPath)
{
    SourceFile card(cardPath);
    std::string text(std::min<std::uint64_t>(card.size(), 64 * 1024), '\0');
    text.resize(card.read({reinterpret_cast<std::uint8_t *>(text.data()), text.size()}));
    if (!text.starts_with("---"))
        return {};
    std::size_t pos = text.find('\n');
    while (pos != std::string::npos && pos + 1 < text.size()) {
        const std::size_t end = text.find('\n', pos + 1);
        std::string line = text.substr(pos + 1, (end == std::string::npos ? text.size() : end) - pos - 1);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line == "---")
            break;
        if (line.starts_with("license:")) {
            std::string value = line.substr(8);
            value.erase(0, value.find_first_not_of(" \t\"'"));
            value.erase(value.find_last_not_of(" \t\"'") + 1);
            return value;
        }
        pos = end;
    }
    return {};
}

// The type most of the weight bytes are stored in.
std::string dominantDtype(const ModelInspection &inspection)
{
    std::map<std::string, std::uint64_t> bytes;
    for (const auto &t : inspection.tensors)
        bytes[t.dtype] += t.bytes;
    const auto top = std::max_element(bytes.begin(), bytes.end(),
                                      [](const auto &a, const auto &b) { return a.second < b.second; });
    return top == bytes.end() ? std::string() : top->first;
}

void checkJsonFile(const std::string &path)
{
    const std::string text = readWholeFile(path);
    parseJsonStrict(text, path);
}

class FolderScan {
public:
    FolderScan(const fs::path &folder, ImportPlan &plan)
        : m_folder(folder)
        , m_root(resolve(folder))
        , m_links(m_root)
        , m_plan(plan)
    {
    }

    // Adds the folder's top-level files to the plan, or only those named in `only`.
    void scan(const std::vector<std::string_view> &only = {})
    {
        std::error_code ec;
        for (const auto &entry : fs::directory_iterator(m_folder, ec)) {
            const std::string name = entry.path().filename().string();
            if (!only.empty() && std::find(only.begin(), only.end(), name) == only.end())
                continue;
            addEntry(entry.path(), name);
        }
        if (ec)
            throw Error(ErrorKind::Io, m_folder.string(), "cannot list the folder: " + ec.message());
        std::sort(m_plan.files.begin(), m_plan.files.end(),
                  [](const auto &a, const auto &b) { return a.relativePath < b.relativePath; });
    }

    const std::vector<fs::path> &pickles() const { return m_pickles; }
    const fs::path &root() const { return m_root; }

private:
    static fs::path resolve(const fs::path &folder)
    {
        std::error_code ec;
        fs::path root = fs::canonical(folder, ec);
        if (ec)
            throw Error(ErrorKind::Io, folder.string(), "cannot resolve the folder: " + ec.message());
        return root;
    }

    void addEntry(const fs::path &path, const std::string &name)
    {
        if (name.starts_with(".")) // .gitattributes, .cache/: tooling, not the model
            return;
        std::error_code ec;
        fs::path real = path;
        if (fs::is_symlink(fs::symlink_status(path, ec))) {
            real = fs::canonical(path, ec);
            if (ec)
                throw Error(ErrorKind::Format, path.string(), "is a link to nothing; refusing the import");
            if (!m_links.allows(real))
                throw Error(ErrorKind::Format, path.string(),
                            "is a link that leads out of " + m_links.allowedPlaces() + " (to " + real.string()
                                + "); refusing the import. Copy the file into the folder instead");
        }
        const auto status = fs::status(real, ec);
        if (fs::is_directory(status)) {
            m_plan.warnings.push_back("the subfolder " + name + "/ was left out");
            return;
        }
        if (!fs::is_regular_file(status))
            throw Error(ErrorKind::InvalidInput, path.string(),
                        "is not a regular file (a device, FIFO or socket); refusing the import");
        checkModelFilePath(name, path.string());
        if (isPickleCheckpoint(real)) {
            m_pickles.push_back(path);
            m_plan.warnings.push_back(name + " was left out: it is a pickle checkpoint, which could run code when loaded");
            return;
        }
        const std::string ext = fs::path(name).extension().string();
        if (std::find(kForeignWeights.begin(), kForeignWeights.end(), ext) != kForeignWeights.end()) {
            m_plan.warnings.push_back(name + " was left out: the workbench does not read " + ext + " weights");
            return;
        }
        FileStamp stamp;
        if (!statRegularFile(real.string(), stamp))
            throw Error(ErrorKind::NotFound, path.string(), "vanished while the folder was read");
        m_plan.files.push_back({name, real.string(), stamp.size, stamp.mtimeNs});
    }

    fs::path m_folder;
    fs::path m_root;
    ModelFolderLinks m_links;
    ImportPlan &m_plan;
    std::vector<fs::path> m_pickles;
};

const ImportPlan::File *findFile(const ImportPlan &plan, std::string_view name)
{
    for (const auto &f : plan.files)
        if (f.relativePath == name)
            return &f;
    return nullptr;
}

// Every .json file parses strictly; every .safetensors header validates (the weights the
// model uses were checked by inspectModel; this covers the others, such as Mistral's
// consolidated.safetensors).
void checkFiles(const ImportPlan &plan, const std::vector<std::string> &checkedWeights)
{
    for (const auto &f : plan.files) {
        const std::string ext = fs::path(f.relativePath).extension().string();
        if (ext == ".json")
            checkJsonFile(f.sourcePath);
        else if (ext == ".safetensors"
                 && std::find(checkedWeights.begin(), checkedWeights.end(), f.relativePath) == checkedWeights.end())
            SafetensorsFile::open(f.sourcePath);
    }
}

void takeCard(ImportPlan &plan)
{
    for (const auto &f : plan.files) {
        std::string lower = f.relativePath;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (lower == "readme.md") {
            plan.modelCardFile = f.relativePath;
            plan.license = licenseFromCard(f.sourcePath);
            return;
        }
    }
}

void takeInspection(ImportPlan &plan, const ModelInspection &inspection)
{
    plan.family = inspection.family;
    plan.architecture = inspection.architecture;
    plan.parameterCount = inspection.parameterCount;
    // A quantized model's type is its scheme's, not that of the words its values are packed in.
    const auto &quantization = inspection.config ? inspection.config->quantization : std::nullopt;
    plan.dtype = quantization ? (quantization->bits == 8 ? "I8" : "I4") : dominantDtype(inspection);
    if (inspection.config)
        plan.contextLength = static_cast<std::uint64_t>(std::max<std::int64_t>(0, inspection.config->maxPositionEmbeddings));
    for (const auto &w : inspection.warnings)
        plan.warnings.push_back(w);
}

void planHuggingFaceFolder(ImportPlan &plan, FolderScan &scan)
{
    plan.format = ModelFormat::HuggingFace;
    const bool hasWeights = std::any_of(plan.files.begin(), plan.files.end(), [](const auto &f) {
        return fs::path(f.relativePath).extension() == ".safetensors";
    });
    if (!hasWeights && !scan.pickles().empty())
        refusePickleCheckpoint(scan.pickles().front().string());
    if (!findFile(plan, "config.json"))
        throw Error(ErrorKind::NotFound, plan.sourcePath,
                    "has no config.json, so the model's architecture is unknown and it could not be run; "
                    "add the config.json that came with the weights");
    const ModelInspection inspection = inspectModel(scan.root().string());
    takeInspection(plan, inspection);
    checkFiles(plan, inspection.files);
}

void planAdapterFolder(ImportPlan &plan, FolderScan &scan)
{
    plan.format = ModelFormat::Peft;
    const auto *config = findFile(plan, kAdapterConfig);
    const auto *weights = findFile(plan, kAdapterWeights);
    if (!weights) {
        if (!scan.pickles().empty())
            refusePickleCheckpoint(scan.pickles().front().string());
        throw Error(ErrorKind::NotFound, plan.sourcePath,
                    std::string("is a PEFT adapter folder without ") + kAdapterWeights);
    }
    const std::string configText = readWholeFile(config->sourcePath);
    const auto doc = parseJsonStrict(configText, config->sourcePath);
    const std::string where = config->sourcePath;
    plan.metadata["peft_type"] = jsonfields::getString(doc, "peft_type", where);
    plan.baseModelName = jsonfields::optString(doc, "base_model_name_or_path", where).value_or("");
    if (const auto r = doc.find("r"); r != doc.end() && r->is_number_unsigned())
        plan.metadata["lora_r"] = std::to_string(r->get<std::uint64_t>());
    const ModelInspection inspection = inspectModel(weights->sourcePath);
    takeInspection(plan, inspection);
    checkFiles(plan, {kAdapterWeights});
}

void planFolder(ImportPlan &plan)
{
    const fs::path folder(plan.sourcePath);
    FolderScan scan(folder, plan);
    scan.scan();
    plan.suggestedName = nameFromFolder(scan.root());
    if (findFile(plan, kAdapterConfig))
        planAdapterFolder(plan, scan);
    else
        planHuggingFaceFolder(plan, scan);
}

void planGguf(ImportPlan &plan)
{
    const fs::path file(plan.sourcePath);
    const ModelInspection inspection = inspectModel(plan.sourcePath);
    plan.format = ModelFormat::Gguf;
    takeInspection(plan, inspection);
    const GgufFile gguf = GgufFile::open(plan.sourcePath);
    plan.suggestedName = gguf.findString("general.name").value_or(file.stem().string());
    plan.license = gguf.findString("general.license").value_or("");
    if (!plan.architecture.empty())
        if (const auto context = gguf.findUInt(plan.architecture + ".context_length"))
            plan.contextLength = *context;
    FileStamp stamp;
    const std::string real = fs::canonical(file).string();
    if (!statRegularFile(real, stamp))
        throw Error(ErrorKind::InvalidInput, plan.sourcePath, "is not a regular file; refusing the import");
    const std::string name = file.filename().string();
    checkModelFilePath(name, plan.sourcePath);
    plan.files.push_back({name, real, stamp.size, stamp.mtimeNs});
    plan.loadPath = name;
}

void planSafetensorsFile(ImportPlan &plan)
{
    const fs::path file(plan.sourcePath);
    const fs::path folder = file.parent_path();
    if (!fs::exists(folder / "config.json"))
        throw Error(ErrorKind::NotFound, plan.sourcePath,
                    "has no config.json beside it, so the model's architecture is unknown; put the config.json "
                    "that came with the weights next to it, or import the whole folder");
    FolderScan scan(folder, plan);
    std::vector<std::string_view> wanted(kCompanionFiles.begin(), kCompanionFiles.end());
    const std::string weightsName = file.filename().string();
    wanted.push_back(weightsName);
    scan.scan(wanted);
    const ModelInspection inspection = inspectModel(plan.sourcePath);
    takeInspection(plan, inspection);
    checkFiles(plan, {weightsName});
    plan.format = ModelFormat::HuggingFace;
    plan.suggestedName = file.stem() == "model" ? nameFromFolder(scan.root()) : file.stem().string();
}

} // namespace

std::uint64_t ImportPlan::totalBytes() const noexcept
{
    std::uint64_t total = 0;
    for (const auto &f : files)
        total += f.size;
    return total;
}

ImportPlan planImport(const std::string &path)
{
    ImportPlan plan;
    std::error_code ec;
    plan.sourcePath = fs::absolute(fs::path(path), ec).lexically_normal().string();
    if (plan.sourcePath.size() > 1 && plan.sourcePath.back() == '/')
        plan.sourcePath.pop_back();
    const auto status = fs::status(plan.sourcePath, ec);
    if (ec || !fs::exists(status))
        throw Error(ErrorKind::NotFound, path, "does not exist");
    if (fs::is_directory(status)) {
        planFolder(plan);
    } else if (!fs::is_regular_file(status)) {
        throw Error(ErrorKind::InvalidInput, path, "is not a regular file or folder; refusing the import");
    } else {
        const std::string ext = fs::path(plan.sourcePath).extension().string();
        if (isPickleCheckpoint(plan.sourcePath))
            refusePickleCheckpoint(path);
        if (ext == ".gguf")
            planGguf(plan);
        else if (ext == ".safetensors")
            planSafetensorsFile(plan);
        else
            throw Error(ErrorKind::Unsupported, path,
                        "is not a model the registry imports: a Hugging Face folder, a .safetensors file with its "
                        "config.json, a .gguf file or a PEFT adapter folder");
    }
    takeCard(plan);
    if (plan.files.empty())
        throw Error(ErrorKind::NotFound, path, "holds no model files");
    return plan;
}

} // namespace llmos
