#pragma once

#include "model/weightquantization.h"
#include "registry/modelrecord.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace llmos {

// What to quantize a model into, as `llmos quantize` takes it.
struct QuantizeChoice {
    WeightQuantization scheme;
    QString name;     // the new model's name
    QString dataPath; // optional text to compare perplexity on
};

// Quantize… on the Models page: 8-bit or 4-bit in plain words (size against answer
// quality), the new model's name (following the choice until edited), and optional text
// to compare perplexity on. Quantize stays disabled while the name is empty.
class QuantizeDialog : public QDialog {
    Q_OBJECT
public:
    explicit QuantizeDialog(const ModelRecord &model, QWidget *parent = nullptr);
    QuantizeChoice choice() const;

    QComboBox *schemeChoice() const { return m_scheme; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *dataField() const { return m_data; }
    QPushButton *quantizeButton() const { return m_quantize; }

private:
    WeightQuantization scheme() const;
    void schemeChanged();

    std::string m_source;
    QComboBox *m_scheme = nullptr;
    QLabel *m_schemeHelp = nullptr;
    QLineEdit *m_name = nullptr;
    bool m_nameEdited = false;
    QLineEdit *m_data = nullptr;
    QPushButton *m_quantize = nullptr;
};

} // namespace llmos
