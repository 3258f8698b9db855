#include "widgets/pageheading.h"

namespace llmos {

PageHeading::PageHeading(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("pageHeading"));
    setTextFormat(Qt::PlainText);
    setStyleSheet(QStringLiteral("font-size: 20pt; font-weight: 600;"));
}

} // namespace llmos
