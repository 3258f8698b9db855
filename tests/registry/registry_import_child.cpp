// Imports one model into a registry and stops after every progress line until the
// parent writes a byte to its stdin, so test_registry_crash can SIGKILL it at exactly
// the k-th step. Usage: registry_import_child HOME SOURCE NAME [in-place]

#include "registry/modelregistry.h"
#include "util/error.h"

#include <cstdio>
#include <string>
#include <unistd.h>

namespace {

void line(const std::string &text)
{
    std::fputs((text + "\n").c_str(), stdout);
    std::fflush(stdout);
    char go = 0;
    if (::read(STDIN_FILENO, &go, 1) != 1)
        std::_Exit(3); // the parent went away
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 4) {
        std::fputs("usage: registry_import_child HOME SOURCE NAME [in-place]\n", stderr);
        return 2;
    }
    try {
        llmos::ModelRegistry registry(argv[1]);
        llmos::ImportOptions options;
        options.name = argv[3];
        options.inPlace = argc > 4 && std::string(argv[4]) == "in-place";
        options.progress = [](const llmos::ImportProgress &p) {
            line(std::string("progress ") + llmos::importStageName(p.stage) + " " + std::to_string(p.bytesDone) + "/"
                 + std::to_string(p.bytesTotal) + " " + p.file);
        };
        registry.importModel(argv[2], options);
        line("committed");
    } catch (const llmos::Error &e) {
        std::fprintf(stderr, "registry_import_child: %s\n", e.what());
        return 1;
    }
    return 0;
}
