#pragma once

#include "models/modeltask.h"
#include "registry/modelquery.h"

namespace llmos {

// What the browser's filter bar asks for: the registry's query, plus the task, which
// the registry does not know and the worker applies to the rows it returns.
struct ModelFilter {
    ModelQuery query;
    ModelTask task = ModelTask::Any;

    // True when any filter is set: an empty answer then means "nothing matches", not
    // "no models yet".
    bool narrows() const
    {
        return !query.text.empty() || !query.family.empty() || !query.tag.empty() || query.origin || query.format ||
               query.minSize || query.maxSize || task != ModelTask::Any;
    }
};

} // namespace llmos
