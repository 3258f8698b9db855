#include "methods/finetuningmethod.h"

#include "util/error.h"

namespace llmos {

void FineTuningMethod::saveAdapter(const TrainingTarget &, const std::filesystem::path &folder, const std::string &) const
{
    throw Error(ErrorKind::Unsupported, folder.string(),
                "method \"" + kind() + "\" trains the whole model, not an adapter; save the model instead");
}

void FineTuningMethod::mergeIntoBase(const TrainingTarget &)
{
    // full and freeze train the base weights themselves: there is nothing to fold in.
}

} // namespace llmos
