#pragma once

#include <QWidget>

namespace llmos {

// A page whose feature is not built yet: says plainly what it will hold and, where one
// exists, what to use meanwhile, instead of showing empty controls that do nothing.
class PlannedPage : public QWidget {
    Q_OBJECT
public:
    PlannedPage(const QString &title, const QString &description, const QString &meanwhile, QWidget *parent = nullptr);
};

} // namespace llmos
