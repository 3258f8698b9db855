#include "models/quantizedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace llmos {

namespace {

constexpr std::int64_t kDefaultGroup = 32;

} // namespace

QuantizeDialog::QuantizeDialog(const ModelRecord &model, QWidget *parent)
    : QDialog(parent)
    , m_source(model.name)
{
    setWindowTitle(tr("Quantize %1").arg(QString::fromStdString(model.name)));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Stores the model's weights in fewer bits: a smaller file that answers faster on "
                                "this computer's processor. The original stays as it is; the new model is registered "
                                "next to it, with what changed."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_scheme = new QComboBox;
    m_scheme->setObjectName(QStringLiteral("quantizeScheme"));
    m_scheme->addItem(tr("8-bit: about 4 times smaller, nearly the same answers"), 8);
    m_scheme->addItem(tr("4-bit: about 7 times smaller, answers change more"), 4);
    form->addRow(tr("Precision"), m_scheme);
    m_schemeHelp = new QLabel;
    m_schemeHelp->setWordWrap(true);
    form->addRow(QString(), m_schemeHelp);
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("quantizeName"));
    form->addRow(tr("New model's name"), m_name);
    auto *dataRow = new QHBoxLayout;
    m_data = new QLineEdit;
    m_data->setObjectName(QStringLiteral("quantizeData"));
    m_data->setPlaceholderText(tr("Optional: text to compare perplexity on"));
    auto *choose = new QPushButton(tr("Choose…"));
    dataRow->addWidget(m_data, 1);
    dataRow->addWidget(choose);
    form->addRow(tr("Compare on"), dataRow);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_quantize = buttons->addButton(tr("Quantize"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(choose, &QPushButton::clicked, this, [this] {
        const auto path = QFileDialog::getOpenFileName(this, tr("Text to compare perplexity on"), QString(),
                                                       tr("Data (*.txt *.csv *.tsv *.jsonl *.json);;All files (*)"));
        if (!path.isEmpty())
            m_data->setText(path);
    });
    connect(m_scheme, &QComboBox::currentIndexChanged, this, &QuantizeDialog::schemeChanged);
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_name, &QLineEdit::textChanged, this,
            [this] { m_quantize->setEnabled(!m_name->text().trimmed().isEmpty()); });
    schemeChanged();
}

WeightQuantization QuantizeDialog::scheme() const
{
    WeightQuantization scheme;
    scheme.bits = m_scheme->currentData().toInt();
    scheme.group = scheme.bits == 4 ? kDefaultGroup : 0;
    return scheme;
}

void QuantizeDialog::schemeChanged()
{
    const auto chosen = scheme();
    m_schemeHelp->setText(chosen.bits == 8
                              ? tr("One scale per output channel. Choose this unless the smallest size matters most.")
                              : tr("One scale per %1 weights. Check the answers in the playground before relying "
                                   "on it.")
                                    .arg(chosen.group));
    if (!m_nameEdited)
        m_name->setText(QString::fromStdString(m_source) +
                        (chosen.bits == 8 ? QStringLiteral("-int8") : QStringLiteral("-q4g%1").arg(chosen.group)));
}

QuantizeChoice QuantizeDialog::choice() const
{
    return {scheme(), m_name->text().trimmed(), m_data->text().trimmed()};
}

} // namespace llmos
