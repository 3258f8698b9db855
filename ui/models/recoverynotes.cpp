#include "models/recoverynotes.h"

namespace llmos {

QStringList RecoveryNotes::describe(const RecoveryReport &r)
{
    QStringList notes;
    if (!r.rebuiltBecause.empty()) {
        notes << tr("The registry database was rebuilt from the model manifests (%1): %n models restored.", nullptr,
                    static_cast<int>(r.rebuild.modelsRestored))
                     .arg(QString::fromStdString(r.rebuiltBecause));
        for (const auto &skipped : r.rebuild.skipped)
            notes << tr("Not restored: %1").arg(QString::fromStdString(skipped));
    }
    const auto removed = r.tempFilesRemoved + r.blobsRemoved + r.foldersRemoved + r.manifestsRemoved;
    if (removed > 0)
        notes << tr("Removed %n leftover files of an operation that did not finish.", nullptr, static_cast<int>(removed));
    if (r.manifestsWritten > 0)
        notes << tr("Wrote %n missing model manifests.", nullptr, static_cast<int>(r.manifestsWritten));
    return notes;
}

} // namespace llmos
