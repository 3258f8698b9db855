#include "formats/picklerefusal.h"

#include "util/error.h"

#include <array>
#include <fstream>

namespace llmos {

bool isPickleCheckpoint(const std::filesystem::path &path)
{
    static const std::array<std::string_view, 6> kExtensions{".bin", ".pt", ".pth", ".ckpt", ".pkl", ".pickle"};
    const std::string ext = path.extension().string();
    bool named = false;
    for (auto e : kExtensions)
        named = named || ext == e;
    if (!named)
        return false;
    // torch.save writes a zip archive ("PK\3\4"); older versions a raw pickle (0x80 = PROTO).
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.read(magic, sizeof magic);
    if (in.gcount() < 1)
        return ext != ".bin";
    const bool zip = in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    const bool pickle = static_cast<unsigned char>(magic[0]) == 0x80;
    return zip || pickle || ext != ".bin";
}

void refusePickleCheckpoint(const std::string &path)
{
    throw Error(ErrorKind::Unsupported, path,
                "is a PyTorch pickle checkpoint; loading it could run code hidden in the file, so it is "
                "refused. Convert it to safetensors (for example with Hugging Face's convert tool, "
                "or by saving the model with safe_serialization=True) and import that instead");
}

} // namespace llmos
