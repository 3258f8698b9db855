#pragma once

#include "registry/lineageedge.h"
#include "registry/modelrecord.h"

#include <optional>
#include <string>

namespace llmos {

// The README.md an exported model carries: Hugging Face model-card front matter
// (license, base_model, tags), what the model is, where it came from (its lineage in
// the registry) and, below, the card it was imported with, when it had one.
std::string exportedModelCard(const ModelRecord &model, const ModelLineage &lineage,
                              const std::optional<std::string> &originalCard);

} // namespace llmos
