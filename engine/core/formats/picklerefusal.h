#pragma once

#include <filesystem>
#include <string>

namespace llmos {

// PyTorch's pickle checkpoints (pytorch_model.bin, *.pt, *.pth, *.ckpt) can run
// arbitrary code when loaded, so the workbench never loads them.

// True for a file that is a pickle checkpoint by name and content (a GGUF file that
// happens to be called .bin is not).
bool isPickleCheckpoint(const std::filesystem::path &path);

// Throws Error(Unsupported) saying why the file is refused and what to do instead.
[[noreturn]] void refusePickleCheckpoint(const std::string &path);

} // namespace llmos
