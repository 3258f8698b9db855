#pragma once

#include "registry/modelrecord.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QListWidget;

namespace llmos {

// The guided path's first step: the registered models that can be fine-tuned (Hugging
// Face folders; GGUF files and adapters cannot be trained here), read from the registry on
// a worker with their size and family. It reads the registry itself rather than through
// the model browser's list channel, so the browser's filters are never disturbed.
class ModelPicker : public QWidget {
    Q_OBJECT
public:
    ModelPicker(std::string registryHome, QWidget *parent = nullptr);

    void refresh();
    std::optional<ModelRecord> selectedModel() const;
    bool selectModel(const QString &idOrName);
    int modelCount() const { return int(m_models.size()); }

Q_SIGNALS:
    void selectionChanged();
    void loaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showModels();
    void retranslate();

    std::string m_home;
    QFutureWatcher<std::vector<ModelRecord>> m_watcher;
    std::vector<ModelRecord> m_models;
    QString m_wanted; // asked for before the list arrived
    QLabel *m_hint = nullptr;
    QListWidget *m_list = nullptr;
};

} // namespace llmos
