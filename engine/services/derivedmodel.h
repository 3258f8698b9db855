#pragma once

#include "registry/lineageedge.h"
#include "registry/modelrecord.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace llmos {

class ModelRegistry;

// Models made from a registered model by changing its weights (quantize, prune): where
// they start, how they are registered, and what they changed.

// The registered model a derivation starts from, and the new model's name.
struct DerivationSource {
    ModelRecord model;
    std::string path; // what loaders take
    std::string name; // the new model's: as asked, else the source's name + defaultSuffix
};

// Error(NotFound) for no such model, Error(Unsupported) for an adapter (`what` says what
// the derivation is, e.g. "quantize"), Error(InvalidInput) when the new name is taken.
DerivationSource openDerivationSource(ModelRegistry &registry, const std::string &model, const std::string &name,
                                      const std::string &defaultSuffix, const std::string &what);

// Registers `folder` (copied into the store) under source.name with the source's tags,
// `origin`, `description` and a lineage edge of `kind` from the source, then keeps
// `report` (its "model" filled with the new id and name) as
// <home>/<reportFolder>/<new id>.json. Returns the new model's id.
std::string registerDerivedModel(ModelRegistry &registry, const DerivationSource &source, const std::string &folder,
                                 ModelOrigin origin, LineageKind kind, const std::string &description,
                                 nlohmann::json report, const std::string &reportFolder);

// What a model made from another (quantized, pruned) changed, measured on this machine in
// one run so the ratios hold even when the machine is busy.
struct DerivedModelComparison {
    std::uint64_t sourceBytes = 0; // the models' weight files
    std::uint64_t derivedBytes = 0;
    double sourceTokensPerSecond = 0; // batch-1 greedy decoding, the best of two runs each
    double derivedTokensPerSecond = 0;
    // Teacher-forced top-1 agreement: over the source's own greedy continuations of a few
    // prompts, the share of positions where both models pick the same next token.
    double greedyAgreement = 0;
    std::int64_t agreementPositions = 0;
    std::optional<double> sourcePerplexity, derivedPerplexity; // with perplexity data
};

struct ComparisonOptions {
    std::string perplexityData; // a text file as `llmos eval` reads one; empty: no perplexity
    std::int64_t perplexityExamples = 200;
    // Called before measuring the source (false), then the derived model (true); false
    // from it cancels with Error(Cancelled).
    std::function<bool(bool derived)> progress;
};

// Measures both models (Hugging Face folders or GGUF files of causal LMs). Blocking.
DerivedModelComparison compareDerivedModel(const std::string &sourcePath, const std::string &derivedPath,
                                           const ComparisonOptions &options);

// {"bytes": {"source", "derived"}, "decode_tokens_per_second": {...}, "greedy_agreement",
// "agreement_positions", "perplexity": {...} when measured}.
nlohmann::json toJson(const DerivedModelComparison &comparison);

// The weight files' bytes of a model: its .safetensors files, or the file itself.
std::uint64_t weightFileBytes(const std::string &modelPath);

} // namespace llmos
