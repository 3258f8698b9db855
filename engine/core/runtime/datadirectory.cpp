#include "runtime/datadirectory.h"

#include <cstdlib>

namespace llmos {

std::string dataDirectory()
{
    auto env = [](const char *name) -> std::string {
        const char *v = std::getenv(name);
        return v && *v ? v : "";
    };
    if (auto home = env("LLMOS_HOME"); !home.empty())
        return home;
    if (auto xdg = env("XDG_DATA_HOME"); !xdg.empty())
        return xdg + "/llmos";
    if (auto home = env("HOME"); !home.empty())
        return home + "/.local/share/llmos";
    return "./llmos-data";
}

} // namespace llmos
