#pragma once

#include <QObject>
#include <QString>

#include <nlohmann/json.hpp>

namespace llmos {

class JobCenter;
class MainWindow;
class ModelLibrary;
class ServerController;
class ServerDemoTraffic;

// What `llmos --screenshot` pictures besides the demo registry: the studio in use. It
// builds a small version of the offline demo (fortunes, a minute on two cores), then starts
// a long fine-tuning run and a six-trial search on it, fills the Fine-tune page's guided
// path up to its review, the advanced view and the search designer, and says ready() when
// the search has finished and the run is well under way, so the Jobs page shows a live
// chart mid-run and the Experiments page a leaderboard. It also starts the API server and
// sends it a few requests, so the Server page shows it serving. Without Debian's fortunes the
// demo cannot be made: it says so on stderr and is ready at once, the pages as they are.
class ScreenshotScene : public QObject {
    Q_OBJECT
public:
    ScreenshotScene(MainWindow &window, JobCenter &jobs, ModelLibrary &models, ServerController &server,
                    QObject *parent = nullptr);
    void prepare();

Q_SIGNALS:
    void ready();

private:
    void demoBuilt();
    void fillFineTunePage();
    void checkReady();
    nlohmann::json runRecipe() const;
    nlohmann::json searchDocument() const;

    MainWindow &m_window;
    JobCenter &m_jobs;
    ModelLibrary &m_models;
    ServerDemoTraffic *m_traffic;
    QString m_workFolder;
    QString m_runId;
    QString m_sweepId;
    bool m_sweepEnded = false;
    bool m_ready = false;
};

} // namespace llmos
