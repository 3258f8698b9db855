#pragma once

#include <string>

namespace llmos {

// Registers a handful of small, made-up models in the registry at `home` - a base
// model with a model card, a fine-tune of it, a LoRA adapter, a quantized GGUF copy, a
// GPT-2 and a BERT encoder, with tags and lineage - so `llmos --screenshot DIR` shows
// the model browser as it looks in use, the same on every machine, without anyone's own
// models. The weights are zeros: these models are for looking at, not for running.
void seedDemoRegistry(const std::string &home);

} // namespace llmos
