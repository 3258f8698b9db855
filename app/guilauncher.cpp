#include "guilauncher.h"

#include "apps/appinference.h"
#include "jobcenter/jobcenter.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "models/demoregistry.h"
#include "models/modellibrary.h"
#include "pagescreenshots.h"
#include "screenshotscene.h"
#include "server/servercontroller.h"
#include "runtime/datadirectory.h"
#include "runtime/runtimeinfo.h"
#include "settings/settingsstore.h"
#include "themesetup.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdlib>
#include <optional>

namespace llmos {

namespace {

bool haveDisplay()
{
    auto set = [](const char *name) {
        const char *v = std::getenv(name);
        return v && *v;
    };
    return set("DISPLAY") || set("WAYLAND_DISPLAY") || set("QT_QPA_PLATFORM");
}

} // namespace

int runWorkbench(int argc, char **argv)
{
    if (!haveDisplay()) {
        // A QCoreApplication needs no display, and lets the message be translated.
        QCoreApplication core(argc, argv);
        LanguageSetup language(core);
        QTextStream(stderr) << QCoreApplication::translate(
            "Commands",
            "llmos: no display found (DISPLAY and WAYLAND_DISPLAY are not set), so the workbench window "
            "cannot open.\n"
            "  - on a desktop, run it from a graphical session;\n"
            "  - on a server, run it under a virtual display: xvfb-run -a build/bin/llmos\n"
            "  - or save pictures of every page without a display:\n"
            "      QT_QPA_PLATFORM=offscreen build/bin/llmos --screenshot DIR\n"
            "  - the headless verbs work anywhere: build/bin/llmos --help\n");
        return 1;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("LLM OS Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(LLMOS_VERSION));
    SettingsStore settingsStore;
    const WorkbenchSettings settings = settingsStore.load();
    configureTorchThreads(settings.threads);
    LanguageSetup language(app);
    ThemeSetup theme(app);

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("screenshot"),
                      QApplication::translate("Commands", "Save a PNG of every page into DIR and exit."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("language"),
                      QApplication::translate("Commands", "Interface language, e.g. en or zh_CN."),
                      QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("theme"),
                      QApplication::translate("Commands", "Colour theme for this run: system, light or dark."),
                      QStringLiteral("THEME")});
    parser.process(app);
    // --language and --theme apply to this run only (screenshots, a quick check); the
    // saved settings stay as they are.
    if (parser.isSet(QStringLiteral("language")))
        language.apply(parser.value(QStringLiteral("language")));
    theme.apply(parser.isSet(QStringLiteral("theme"))
                    ? SettingsStore::themeFromName(parser.value(QStringLiteral("theme")))
                    : settings.theme);

    // Screenshots show a demo registry in a temporary folder: the same pictures on every
    // machine, and never anyone's own models.
    const bool takeScreenshots = parser.isSet(QStringLiteral("screenshot"));
    std::optional<QTemporaryDir> demoHome;
    std::string registryHome = dataDirectory();
    if (takeScreenshots) {
        demoHome.emplace();
        registryHome = demoHome->path().toStdString();
        try {
            seedDemoRegistry(registryHome);
        } catch (const std::exception &e) {
            QTextStream(stderr) << QApplication::translate("Commands", "llmos: could not make the demo models: %1\n")
                                       .arg(QString::fromUtf8(e.what()));
            return 1;
        }
    }
    // Declared before the window, so it outlives it: its worker thread is joined after
    // the window is gone.
    ModelLibrary models(registryHome);
    // Runs left going by a window that was killed become interrupted here, and can be resumed.
    // The screenshots' demo runs take one core each, so the run and the search go side by side.
    JobCenter jobs(registryHome, takeScreenshots ? 1 : settings.threads);
    // After the job center, so it goes first: a server still running stops before the
    // scheduler its /api/jobs routes use.
    ServerController server(registryHome, &jobs);
    // The apps' models: stopped and unloaded after the window is gone.
    AppInference inference(registryHome);
    MainWindow window({settingsStore, language, theme, models, jobs, server, inference});
    if (takeScreenshots) {
        window.resize(1200, 760); // the same size every time, not the size it was left at
        auto *scene = new ScreenshotScene(window, jobs, models, server, &app);
        auto *screenshots = new PageScreenshots(window, parser.value(QStringLiteral("screenshot")), &app);
        QObject::connect(screenshots, &PageScreenshots::finished, &app, [&app, &jobs](bool ok) {
            jobs.stopAll(ShutdownPolicy::Cancel); // the demo run need not save a checkpoint
            QObject::connect(&jobs, &JobCenter::stoppedAll, &app, [&app, ok] { app.exit(ok ? 0 : 1); });
        });
        QObject::connect(scene, &ScreenshotScene::ready, screenshots, &PageScreenshots::start);
        scene->prepare();
        return app.exec();
    }
    window.show();
    return app.exec();
}

} // namespace llmos
