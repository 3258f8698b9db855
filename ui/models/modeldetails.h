#pragma once

#include "registry/lineageedge.h"
#include "registry/modelrecord.h"

#include <QString>
#include <QtGlobal>

namespace llmos {

// Everything the details pane shows of one model, read on the registry worker.
struct ModelDetails {
    quint64 serial = 0;
    ModelRecord model; // with files and tags
    QString card;      // the model card's Markdown; empty when it has none
    ModelLineage lineage;
};

} // namespace llmos
