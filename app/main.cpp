// llmos: without a verb, opens the workbench window; with one (tokenize, inspect,
// doctor, ...) runs headless. The composition root of the application.

#include "cli/commandline.h"
#include "guilauncher.h"
#include "languagesetup.h"
#include "runtime/runtimeinfo.h"
#include "settings/settingsstore.h"
#include "util/heaptuning.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    // libtorch may start with a single intra-op thread; use every core.
    llmos::configureTorchThreads(0);
    // Keep tensor buffers pooled between steps instead of page-faulting them in anew.
    llmos::keepFreedMemoryForReuse();
    // The names pick the settings file, which the window and the verbs share.
    QCoreApplication::setOrganizationName(QStringLiteral("llmos"));
    QCoreApplication::setApplicationName(QStringLiteral("llmos"));
    llmos::applyDataFolderSetting(llmos::SettingsStore().load());

    if (llmos::cli::isCommandLineInvocation(arguments)) {
        QCoreApplication app(argc, argv);
        llmos::LanguageSetup language(app);
        return llmos::cli::runCommandLine(QCoreApplication::arguments());
    }
    return llmos::runWorkbench(argc, argv);
}
