#pragma once

#include "evaluation/evaluationreport.h"

#include "model/modelinspection.h"
#include "registry/lineageedge.h"
#include "registry/modelrecord.h"

#include <QString>
#include <QtGlobal>

#include <memory>

namespace llmos {

// Everything the details pane shows of one model, read on the registry worker.
struct ModelDetails {
    quint64 serial = 0;
    ModelRecord model; // with files and tags
    QString card;      // the model card's Markdown; empty when it has none
    ModelLineage lineage;
    // The tensors, read from the weight files' headers; null when they could not be read,
    // and then inspectionError says why (the files are gone, a header is damaged).
    std::shared_ptr<const ModelInspection> inspection;
    QString inspectionError;
    // The evaluation reports kept with the model (<home>/evaluations/<id>), newest first.
    std::vector<EvaluationReport> evaluations;
};

} // namespace llmos
