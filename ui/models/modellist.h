#pragma once

#include "models/modelfilter.h"
#include "registry/modelrecord.h"

#include <QtGlobal>

#include <cstddef>
#include <memory>
#include <vector>

namespace llmos {

// The rows of one list request, shared rather than copied: the table model keeps the
// snapshot and sorts an index over it, so 10,000 rows cross threads without a copy.
using ModelSnapshot = std::shared_ptr<const std::vector<ModelRecord>>;

// One answer of the registry worker to a list request.
struct ModelList {
    quint64 serial = 0;         // the request it answers; older answers are dropped
    ModelFilter filter;         // what was asked
    ModelSnapshot models;       // never null
    std::size_t registered = 0; // models in the registry, filters or not
};

} // namespace llmos
