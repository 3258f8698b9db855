#pragma once

#include "apps/chat/conversationstore.h"

#include <QFutureWatcher>
#include <QWidget>

#include <string>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

namespace llmos {

// The chat playground's right-hand column: which model, the system prompt and how to
// sample (temperature, top-p, top-k, max tokens, seed, stop strings). The registered
// generative models are read from the registry on a worker.
class ChatSettingsPanel : public QWidget {
    Q_OBJECT
public:
    ChatSettingsPanel(std::string registryHome, QWidget *parent = nullptr);

    ChatSettings settings() const;
    void setSettings(const ChatSettings &settings);
    void refreshModels();
    int modelCount() const;

Q_SIGNALS:
    void modelsLoaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    std::string m_home;
    QFutureWatcher<QStringList> m_watcher;
    QString m_wantedModel; // asked for before the list arrived
    QFormLayout *m_form = nullptr;
    std::vector<QLabel *> m_labels; // one per row, in order
    QComboBox *m_model = nullptr;
    QLabel *m_noModels = nullptr;
    QPlainTextEdit *m_system = nullptr;
    QDoubleSpinBox *m_temperature = nullptr;
    QDoubleSpinBox *m_topP = nullptr;
    QSpinBox *m_topK = nullptr;
    QSpinBox *m_maxTokens = nullptr;
    QSpinBox *m_seed = nullptr;
    QPlainTextEdit *m_stop = nullptr;
};

} // namespace llmos
