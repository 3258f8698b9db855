// Changes a registry for test_registry_crash, which kills it part-way:
//   registry_child import HOME SOURCE NAME [in-place]
//       imports a model, and after every progress line waits until the parent writes a
//       byte to its stdin, so the parent can SIGKILL it at exactly the k-th step;
//   registry_child remove HOME NAME...
//       removes the models in that order (with force: models made from one keep its name);
//   registry_child rebuild HOME
//       rebuilds the database from the manifests and blobs.
// remove and rebuild stop themselves (SIGSTOP) just before they start, once the registry
// is open, so that a parent tracing the child knows where the work under test begins.

#include "registry/modelregistry.h"
#include "util/error.h"

#include <csignal>
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

void import(int argc, char **argv)
{
    llmos::ModelRegistry registry(argv[2]);
    llmos::ImportOptions options;
    options.name = argv[4];
    options.inPlace = argc > 5 && std::string(argv[5]) == "in-place";
    options.progress = [](const llmos::ImportProgress &p) {
        line(std::string("progress ") + llmos::importStageName(p.stage) + " " + std::to_string(p.bytesDone) + "/"
             + std::to_string(p.bytesTotal) + " " + p.file);
    };
    registry.importModel(argv[3], options);
    line("committed");
}

void remove(int argc, char **argv)
{
    llmos::ModelRegistry registry(argv[2]);
    std::raise(SIGSTOP);
    for (int i = 3; i < argc; ++i)
        registry.remove(argv[i], true);
}

void rebuild(char **argv)
{
    std::raise(SIGSTOP);
    llmos::ModelRegistry::rebuild(argv[2]);
}

} // namespace

int main(int argc, char **argv)
{
    const std::string verb = argc > 2 ? argv[1] : "";
    try {
        if (verb == "import" && argc >= 5)
            import(argc, argv);
        else if (verb == "remove" && argc >= 4)
            remove(argc, argv);
        else if (verb == "rebuild" && argc == 3)
            rebuild(argv);
        else {
            std::fputs("usage: registry_child import HOME SOURCE NAME [in-place] | remove HOME NAME... | rebuild HOME\n",
                       stderr);
            return 2;
        }
    } catch (const llmos::Error &e) {
        std::fprintf(stderr, "registry_child: %s\n", e.what());
        return 1;
    }
    return 0;
}
