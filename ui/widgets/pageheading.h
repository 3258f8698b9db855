#pragma once

#include <QLabel>

namespace llmos {

// The large title at the top of every page, so all pages share one look.
class PageHeading : public QLabel {
    Q_OBJECT
public:
    explicit PageHeading(QWidget *parent = nullptr);
};

} // namespace llmos
