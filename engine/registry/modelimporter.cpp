#include "registry/modelimporter.h"

#include "registry/importplan.h"
#include "registry/modelfolder.h"
#include "registry/registryid.h"
#include "registry/registrystate.h"
#include "registry/sha256hasher.h"
#include "registry/sourcefile.h"
#include "registry/sqlitetransaction.h"
#include "util/error.h"

#include <algorithm>
#include <filesystem>
#include <optional>

namespace llmos {

namespace {

// Reports progress and honours cancel requests between steps.
class ProgressReporter {
public:
    ProgressReporter(const ImportOptions &options, std::uint64_t total)
        : m_options(options)
        , m_total(total)
    {
    }

    void report(ImportStage stage, const std::string &file = {}) const
    {
        if (m_options.progress)
            m_options.progress({stage, m_done, m_total, file});
    }

    void copied(std::uint64_t doneBefore, std::uint64_t fileBytes, const std::string &file)
    {
        m_done = doneBefore + fileBytes;
        report(ImportStage::Copying, file);
    }

    std::uint64_t done() const { return m_done; }

    void checkStop() const
    {
        if (m_options.stop.stop_requested())
            throw Error(ErrorKind::Cancelled, "import", "the import was cancelled; nothing was registered");
    }

private:
    const ImportOptions &m_options;
    std::uint64_t m_total;
    std::uint64_t m_done = 0;
};

// The file must still be what was verified: a change between planning and copying
// would register bytes nobody checked.
void checkStillAsPlanned(const ImportPlan::File &file)
{
    FileStamp now;
    if (!statRegularFile(file.sourcePath, now) || now.size != file.size || now.mtimeNs != file.mtimeNs)
        throw Error(ErrorKind::Io, file.sourcePath,
                    "changed while it was being imported; nothing was registered, try again when it is complete");
}

ModelRecord recordFromPlan(const ImportPlan &plan, const ImportOptions &options)
{
    ModelRecord m;
    m.name = options.name.empty() ? plan.suggestedName : options.name;
    checkModelName(m.name);
    for (const auto &tag : options.tags)
        checkTag(tag);
    m.family = plan.family;
    m.architecture = plan.architecture;
    m.parameterCount = plan.parameterCount;
    m.dtype = plan.dtype;
    m.contextLength = plan.contextLength;
    m.sizeBytes = plan.totalBytes();
    m.license = plan.license;
    m.description = options.description;
    m.origin = plan.format == ModelFormat::Peft && options.origin == ModelOrigin::Imported ? ModelOrigin::Adapter
                                                                                          : options.origin;
    m.format = plan.format;
    m.inPlace = options.inPlace;
    m.sourcePath = plan.sourcePath;
    m.loadPath = plan.loadPath;
    m.metadata = plan.metadata;
    if (!plan.modelCardFile.empty())
        m.metadata["model_card"] = plan.modelCardFile;
    if (!plan.warnings.empty()) {
        std::string joined;
        for (const auto &w : plan.warnings)
            joined += (joined.empty() ? "" : "\n") + w;
        m.metadata["warnings"] = joined;
    }
    m.tags = options.tags;
    std::sort(m.tags.begin(), m.tags.end());
    m.tags.erase(std::unique(m.tags.begin(), m.tags.end()), m.tags.end());
    return m;
}

void refuseTakenName(const RegistryState &state, const std::string &name)
{
    if (auto existing = state.catalog.findId(name))
        throw Error(ErrorKind::InvalidInput, "model name \"" + name + "\"",
                    "is already registered (" + *existing + "); choose another name (--name), or remove that model first");
}

// An adapter names its base model; when that model is registered the adapter is linked
// to it (lineage "lora") and takes its family, otherwise the name is kept in metadata.
std::optional<LineageEdge> linkToBase(RegistryState &state, const ImportPlan &plan, ModelRecord &model)
{
    if (plan.format != ModelFormat::Peft || plan.baseModelName.empty())
        return std::nullopt;
    model.metadata["base_model"] = plan.baseModelName;
    const auto baseId = state.catalog.findId(plan.baseModelName);
    if (!baseId)
        return std::nullopt;
    const auto base = state.catalog.load(*baseId);
    if (model.family.empty())
        model.family = base->family;
    if (model.architecture.empty())
        model.architecture = base->architecture;
    LineageEdge edge;
    edge.fromId = base->id;
    edge.fromName = base->name;
    edge.toId = model.id;
    edge.toName = model.name;
    edge.kind = LineageKind::Lora;
    edge.createdAt = model.createdAt;
    return edge;
}

} // namespace

const char *importStageName(ImportStage stage) noexcept
{
    switch (stage) {
    case ImportStage::Verified: return "verified";
    case ImportStage::Copying: return "copying";
    case ImportStage::Storing: return "storing";
    case ImportStage::Linking: return "linking";
    case ImportStage::Recording: return "recording";
    case ImportStage::Done: return "done";
    }
    return "";
}

ModelImporter::ModelImporter(RegistryState &state)
    : m_state(state)
{
}

ModelRecord ModelImporter::run(const std::string &path, const ImportOptions &options)
{
    const ImportPlan plan = planImport(path);
    ModelRecord model = recordFromPlan(plan, options);
    refuseTakenName(m_state, model.name); // early, so no time is spent copying in vain
    ProgressReporter progress(options, plan.totalBytes());
    progress.report(ImportStage::Verified);

    std::vector<StagedBlob> staged;
    for (const auto &file : plan.files) {
        progress.checkStop();
        const std::uint64_t before = progress.done();
        auto onBytes = [&](std::uint64_t bytes) { progress.copied(before, bytes, file.relativePath); };
        ModelFile entry{file.relativePath, file.size, {}, {}, 0};
        if (options.inPlace) {
            entry.sha256 = sha256OfFile(file.sourcePath, onBytes, options.stop);
            entry.sourcePath = file.sourcePath;
            entry.mtimeNs = file.mtimeNs;
        } else {
            staged.push_back(m_state.blobs.stage(file.sourcePath, onBytes, options.stop));
            entry.sha256 = staged.back().sha256();
        }
        checkStillAsPlanned(file);
        model.files.push_back(std::move(entry));
    }
    progress.checkStop();

    const WriterLock lock = m_state.lockForWriting();
    refuseTakenName(m_state, model.name);
    do
        model.id = newRegistryId('m');
    while (m_state.catalog.findId(model.id));
    model.createdAt = unixTimeNow();
    const std::optional<LineageEdge> baseEdge = linkToBase(m_state, plan, model);

    const std::string folder = m_state.layout.modelFolder(model.id);
    const std::string manifest = m_state.layout.manifestFile(model.id);
    try {
        for (std::size_t i = 0; i < staged.size(); ++i) {
            m_state.blobs.commit(staged[i]);
            progress.report(ImportStage::Storing, model.files[i].path);
        }
        if (!options.inPlace) {
            makeModelFolder(folder, model.files, m_state.blobs);
            progress.report(ImportStage::Linking);
        }
        ModelManifest record{model, {}};
        if (baseEdge)
            record.parents.push_back(*baseEdge);
        writeModelManifest(manifest, record);
        progress.report(ImportStage::Recording);
        progress.checkStop();

        SqliteTransaction transaction(m_state.db, "registering model " + model.name);
        m_state.catalog.insert(model);
        if (baseEdge)
            m_state.lineage.add(*baseEdge);
        transaction.commit();
    } catch (...) {
        // Undo what has no row yet. Blobs another model uses stay; the rest go. A crash
        // here instead leaves the same debris to the next open's recovery.
        try {
            std::error_code ec;
            std::filesystem::remove_all(folder, ec);
            std::filesystem::remove(manifest, ec);
            for (const auto &blob : staged)
                if (blob.isCommitted() && !m_state.catalog.isBlobUsed(blob.sha256()))
                    m_state.blobs.remove(blob.sha256());
        } catch (const Error &) {
            // The original failure is the one to report; recovery finishes the cleanup.
        }
        throw;
    }
    try {
        progress.report(ImportStage::Done);
    } catch (...) {
        // Committed: a failing progress callback cannot undo the import any more.
    }
    return model;
}

} // namespace llmos
