#pragma once

#include <string>

namespace llmos {

// Gives a trained model folder the tokenizer (and generation defaults) of the model it was
// trained from, so that it runs on its own: the Hugging Face tokenizer and generation
// files beside the base's weights are copied; a GGUF base has its tokenizer written out
// as Hugging Face files. Files the folder has already are kept. Throws Error(Io).
void copyTokenizerCompanions(const std::string &baseModelPath, const std::string &folder);

} // namespace llmos
