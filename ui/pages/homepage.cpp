#include "pages/homepage.h"

#include "widgets/systemsummary.h"

#include <QLabel>
#include <QVBoxLayout>

namespace llmos {

HomePage::HomePage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 32, 40, 32);
    layout->setSpacing(16);

    auto *heading = new QLabel(tr("Welcome to LLM OS Workbench"), this);
    heading->setStyleSheet(QStringLiteral("font-size: 22pt; font-weight: 600;"));
    layout->addWidget(heading);

    auto *intro = new QLabel(tr("Keep your language models, run them, fine-tune them and serve them — on this "
                                "machine, offline, without installing Python."),
                             this);
    intro->setWordWrap(true);
    intro->setStyleSheet(QStringLiteral("font-size: 12pt;"));
    layout->addWidget(intro);

    auto *today = new QLabel(this);
    today->setTextFormat(Qt::RichText);
    today->setWordWrap(true);
    today->setText(tr("<b>What works today</b>, from a terminal:<ul>"
                      "<li><code>llmos inspect PATH</code> — read a Hugging Face model folder, a .safetensors or "
                      "a .gguf file: architecture, parameters, tensors;</li>"
                      "<li><code>llmos tokenize --tokenizer PATH --text \"…\"</code> — token ids exactly as the "
                      "model's own tokenizer gives them;</li>"
                      "<li><code>llmos doctor</code> — check the compute setup.</li></ul>"
                      "The pages on the left show what comes next."));
    layout->addWidget(today);

    m_system = new SystemSummary(this);
    layout->addWidget(m_system);
    layout->addStretch(1);
}

bool HomePage::isLoading() const
{
    return m_system->isLoading();
}

} // namespace llmos
