#pragma once

#include "models/exportrequest.h"
#include "registry/modelrecord.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace llmos {

// Where and how to export a model: a Hugging Face folder (safetensors in shards of at
// most a chosen size, as save_pretrained writes them), or one GGUF file (F32, F16 or
// Q8_0) for llama.cpp and other local runners. GGUF takes only the causal language
// models its writer knows (Llama, Mistral, Qwen2); the choice is disabled, saying so,
// for others. Export stays disabled while the destination is empty or exists.
class ExportModelDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportModelDialog(const ModelRecord &model, QWidget *parent = nullptr);

    ExportRequest request() const;
    // Whether the engine can write `model` as GGUF.
    static bool canExportGguf(const ModelRecord &model);

    QLineEdit *destinationField() const { return m_destination; }
    QRadioButton *ggufChoice() const { return m_gguf; }
    QComboBox *ggufTypeChoice() const { return m_ggufType; }
    QPushButton *exportButton() const { return m_export; }

private:
    void formatChanged();
    void suggestDestination();
    void validate();
    void chooseDestination();

    ModelRecord m_model;
    QRadioButton *m_huggingFace = nullptr;
    QRadioButton *m_gguf = nullptr;
    QSpinBox *m_shardMb = nullptr;
    QComboBox *m_ggufType = nullptr;
    QLineEdit *m_destination = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_export = nullptr;
    bool m_destinationEdited = false; // a destination typed or chosen is not replaced
};

} // namespace llmos
