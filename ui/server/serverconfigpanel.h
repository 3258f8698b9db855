#pragma once

#include "serve/registeredmodels.h"
#include "settings/serversettings.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTabWidget;
class QTreeWidget;

namespace llmos {

// The Server page's settings column: where it listens, the API keys, which models it
// offers, and its limits and alert thresholds. Edits a ServerSettings and says when it
// changed. While the server runs, the address, keys and limits are fixed (they take
// effect at the next start) and the models can be switched on and off live.
class ServerConfigPanel : public QWidget {
    Q_OBJECT
public:
    ServerConfigPanel(std::string registryHome, QWidget *parent = nullptr);

    void setSettings(const ServerSettings &settings);
    const ServerSettings &settings() const { return m_settings; }
    // Rereads the registered models on a worker now if the panel is shown, else when it
    // is next shown (a window that never opens the Server page never reads them).
    void refreshModels();
    void setRunning(bool running);
    // The registered models shown, as the server would offer them.
    const std::vector<serve::ServableModel> &models() const { return m_models; }

    // Why the server cannot start with these settings; empty when it can.
    QString startProblem() const;

Q_SIGNALS:
    void settingsChanged();
    // A model's box was switched while the server runs.
    void deploymentToggled(const llmos::serve::DeployedModel &model, bool deployed);
    void modelsLoaded();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QGroupBox *buildAddress();
    QGroupBox *buildKeys();
    QGroupBox *buildModels();
    QGroupBox *buildLimits();
    void retranslate();
    void showKeys();
    void showModels();
    void addKey();
    void removeKey();
    void edited();

    std::string m_home;
    ServerSettings m_settings;
    std::vector<serve::ServableModel> m_models;
    bool m_running = false;
    bool m_modelsStale = true; // the list needs reading when next shown
    bool m_filling = false; // setSettings/showModels are filling the widgets

    QTabWidget *m_tabs = nullptr;
    QGroupBox *m_addressBox = nullptr;
    QRadioButton *m_local = nullptr;
    QRadioButton *m_network = nullptr;
    QLabel *m_portLabel = nullptr;
    QSpinBox *m_port = nullptr;
    QGroupBox *m_keysBox = nullptr;
    QTreeWidget *m_keys = nullptr;
    QPushButton *m_newKey = nullptr;
    QPushButton *m_removeKey = nullptr;
    QGroupBox *m_modelsBox = nullptr;
    QCheckBox *m_deployAll = nullptr;
    QListWidget *m_modelList = nullptr;
    QLabel *m_modelsHint = nullptr;
    QGroupBox *m_limitsBox = nullptr;
    QLabel *m_unloadLabel = nullptr;
    QSpinBox *m_unload = nullptr;
    QLabel *m_maxTokensLabel = nullptr;
    QSpinBox *m_maxTokens = nullptr;
    QLabel *m_alertFailedLabel = nullptr;
    QSpinBox *m_alertFailed = nullptr;
    QLabel *m_alertFirstTokenLabel = nullptr;
    QSpinBox *m_alertFirstToken = nullptr;
    QLabel *m_restartHint = nullptr;
};

} // namespace llmos
