#include "server/apikeydialog.h"

#include "serve/accesspolicy.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace llmos {

NewApiKey makeApiKey(const QString &name, bool management)
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    const QString key = QStringLiteral("sk-llmos-") +
                        QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const auto digest = serve::AccessPolicy::digestOf(key.toStdString());
    return {key, {name, QString::fromStdString(digest), management, QDateTime::currentSecsSinceEpoch()}};
}

ApiKeyDialog::ApiKeyDialog(const QString &suggestedName, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("New API key"));
    m_steps = new QStackedWidget(this);

    auto *ask = new QWidget;
    auto *form = new QFormLayout(ask);
    m_name = new QLineEdit(suggestedName);
    m_name->setMaxLength(60);
    form->addRow(tr("Name:"), m_name);
    m_inference = new QRadioButton(tr("Use the models (the /v1 endpoints)"));
    m_management = new QRadioButton(tr("Everything, also manage models and jobs (/api)"));
    m_inference->setChecked(true);
    auto *scope = new QVBoxLayout;
    scope->addWidget(m_inference);
    scope->addWidget(m_management);
    form->addRow(tr("Allowed:"), scope);
    m_steps->addWidget(ask);

    auto *show = new QWidget;
    auto *showLayout = new QVBoxLayout(show);
    auto *warning = new QLabel(tr("Copy the key now: this is the only time it is shown. The workbench keeps only a "
                                  "fingerprint of it, so a lost key cannot be recovered, only removed and replaced."));
    warning->setWordWrap(true);
    showLayout->addWidget(warning);
    auto *keyRow = new QHBoxLayout;
    m_key = new QLineEdit;
    m_key->setReadOnly(true);
    m_key->setObjectName(QStringLiteral("newApiKey"));
    auto *copy = new QPushButton(tr("Copy"));
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_key->text()); });
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(copy);
    showLayout->addLayout(keyRow);
    auto *usage = new QLabel(tr("Clients send it as the header \"Authorization: Bearer KEY\"; the OpenAI libraries "
                                "take it as their api_key."));
    usage->setWordWrap(true);
    showLayout->addWidget(usage);
    m_steps->addWidget(show);

    auto *buttons = new QDialogButtonBox;
    m_create = buttons->addButton(tr("Create key"), QDialogButtonBox::AcceptRole);
    auto *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, [this, cancel] {
        if (m_steps->currentIndex() == 0) {
            create();
            cancel->hide();
            m_create->setText(tr("Done"));
        } else {
            accept();
        }
    });
    connect(m_name, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_create->setEnabled(!text.trimmed().isEmpty()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_steps);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

void ApiKeyDialog::create()
{
    m_made = makeApiKey(m_name->text().trimmed(), m_management->isChecked());
    m_key->setText(m_made.key);
    m_key->selectAll();
    m_steps->setCurrentIndex(1);
}

} // namespace llmos
