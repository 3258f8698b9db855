#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace llmos {

class ModelLibrary;
class NoticeBar;
class PageHeading;
class ServerConfigPanel;
class ServerController;
class ServerLivePanel;
class SettingsStore;

// The API server in the window (issue 8): start and stop it, where it listens, its API
// keys and the models it offers on the left; what it is doing on the right (figures,
// chart, request log). The settings are saved as they change; the server itself is the
// application's ServerController, so it keeps serving while other pages are shown.
class ServerPage : public QWidget {
    Q_OBJECT
public:
    ServerPage(ServerController &server, SettingsStore &settings, ModelLibrary &models, std::string registryHome,
               QWidget *parent = nullptr);

    ServerConfigPanel *config() const { return m_config; }
    ServerLivePanel *live() const { return m_live; }
    QPushButton *startButton() const { return m_startStop; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showState();
    void startOrStop();
    void saveSettings();
    void showKeyNames();

    ServerController &m_server;
    SettingsStore &m_store;
    PageHeading *m_title = nullptr;
    QLabel *m_intro = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_startStop = nullptr;
    QPushButton *m_copy = nullptr;
    NoticeBar *m_notice = nullptr;
    ServerConfigPanel *m_config = nullptr;
    ServerLivePanel *m_live = nullptr;
};

} // namespace llmos
